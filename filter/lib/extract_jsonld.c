/* The JSON-LD articleBody of a page (<script type="application/ld+json">),
   as a fallback: a page whose article a script writes from that data has
   little text in its markup, and the extractor finds next to nothing. */
#include "extract.h"
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int hex4(const char *p)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        char ch = p[k];
        int d = ch >= '0' && ch <= '9' ? ch - '0' : (ch | 0x20) >= 'a' && (ch | 0x20) <= 'f' ? (ch | 0x20) - 'a' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static void put_utf8(buf *out, uint32_t cp)
{
    char b[4];
    size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (n == 1)
        b[0] = (char)cp;
    else {
        for (size_t k = n - 1; k > 0; k--, cp >>= 6)
            b[k] = (char)(0x80 | (cp & 0x3F));
        b[0] = (char)((n == 2 ? 0xC0 : n == 3 ? 0xE0 : 0xF0) | cp);
    }
    buf_append(out, b, n);
}

/* Decodes the JSON string starting after its opening quote at p; false if
   it does not end well-formed. A lone surrogate becomes U+FFFD. */
static bool json_string(const char *p, buf *out)
{
    for (; *p && *p != '"'; p++) {
        if (*p != '\\') {
            buf_append(out, p, 1);
            continue;
        }
        char e = *++p;
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e && simple) {
            buf_append(out, &"\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"], 1);
            continue;
        }
        int cp = e == 'u' ? hex4(p + 1) : -1;
        if (cp < 0)
            return false;
        p += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && p[1] == '\\' && p[2] == 'u') {
            int lo = hex4(p + 3);
            if (lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            }
        }
        put_utf8(out, (cp >= 0xD800 && cp < 0xE000) || cp == 0 ? 0xFFFD : (uint32_t)cp); /* no NUL in text */
    }
    return *p == '"';
}

/* The articleBody member in a JSON-LD script's text: its lines, each a
   paragraph, white space runs made one space, a blank line between. */
static bool body_of(const char *json, buf *out)
{
    const char *k = strstr(json, "\"articleBody\"");
    if (!k)
        return false;
    k += strlen("\"articleBody\"");
    while (*k == ' ' || *k == '\t' || *k == '\n' || *k == '\r' || *k == ':')
        k++;
    buf raw = {0};
    /* Markup in it (some sites put the article's HTML there): not text. */
    bool ok = *k == '"' && json_string(k + 1, &raw) && raw.len > 0 && !memchr(raw.data, '<', raw.len);
    for (size_t i = 0; ok && i < raw.len; i++) {
        char ch = raw.data[i];
        bool space = ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\b';
        if (ch == '\n') {
            while (out->len && out->data[out->len - 1] == ' ')
                out->len--;
            if (out->len && out->data[out->len - 1] != '\n')
                buf_append_str(out, "\n\n");
        } else if (space) {
            if (out->len && out->data[out->len - 1] != ' ' && out->data[out->len - 1] != '\n')
                buf_append_str(out, " ");
        } else
            buf_append(out, &raw.data[i], 1);
    }
    buf_free(&raw);
    while (out->len && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\n'))
        out->len--;
    if (out->len)
        buf_append_str(out, "\n");
    return ok && out->len > 0;
}

bool extract_jsonld_body(void *doc_, buf *out)
{
    xmlNodePtr n = xmlDocGetRootElement(doc_);
    while (n) {
        if (n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, "script") == 0) {
            xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
            bool ld = type && strstr((const char *)type, "ld+json");
            xmlFree(type);
            xmlChar *json = ld ? xmlNodeGetContent(n) : NULL;
            bool found = json && body_of((const char *)json, out);
            xmlFree(json);
            if (found)
                return true;
            out->len = 0;
        } else if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent;
        n = n ? n->next : NULL;
    }
    return false;
}
