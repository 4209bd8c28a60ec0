/* HTML documents: is it HTML, which charset, parsing with libxml2, the
   metadata, and the public entry point mtc_extract_html(). */
#include "engine.h"
#include "extract.h"
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>

void extract_init_parser(void) { xmlInitParser(); }

static size_t skip_bom_space(const char *p, size_t n)
{
    size_t i = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r' || p[i] == '\f'))
        i++;
    return i;
}

static bool starts_ci(const char *p, size_t n, const char *word)
{
    size_t k = strlen(word);
    return n >= k && strncasecmp(p, word, k) == 0;
}

/* A doctype, or <html, <head or <body opening the bytes (after a BOM,
   white space and comments): the rest is text, which wins when unsure. */
int mtc_looks_like_html(const char *p, size_t n)
{
    if (!p || n == 0) /* nothing to look at (an empty input has no buffer) */
        return 0;
    size_t i = skip_bom_space(p, n);
    while (starts_ci(p + i, n - i, "<!--")) {
        const char *end = memmem(p + i, n - i, "-->", 3);
        if (!end)
            return 0;
        i = (size_t)(end + 3 - p);
        i += skip_bom_space(p + i, n - i);
    }
    if (starts_ci(p + i, n - i, "<!doctype html") || starts_ci(p + i, n - i, "<?xml"))
        return 1;
    static const char *const tags[] = {"<html", "<head", "<body"};
    for (size_t k = 0; k < 3; k++)
        if (starts_ci(p + i, n - i, tags[k]) && n - i > 5 &&
            (p[i + 5] == '>' || isspace((unsigned char)p[i + 5])))
            return 1;
    return 0;
}

/* The charset named by a label, as browsers read labels: Latin-1 and ASCII
   mean windows-1252, and a page cannot declare itself UTF-16 in its bytes. */
static bool charset_from_label(const char *label, char *name, size_t namelen)
{
    static const char *const cp1252[] = {"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii",
                                         "iso_8859-1", "cp1252", "x-cp1252", "x-user-defined", "cp819"};
    for (size_t k = 0; k < sizeof cp1252 / sizeof *cp1252; k++)
        if (strcasecmp(label, cp1252[k]) == 0) {
            snprintf(name, namelen, "windows-1252");
            return true;
        }
    if (strncasecmp(label, "utf-16", 6) == 0 || strcasecmp(label, "utf8") == 0 || strcasecmp(label, "utf-8") == 0) {
        snprintf(name, namelen, "UTF-8");
        return true;
    }
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(label, &st);
    if (U_FAILURE(st) || !cv)
        return false;
    /* The report shows the standard (MIME, else IANA) name, not ICU's own
       ("windows-1252", not "ibm-5348_P100-1997"); ICU opens either. */
    const char *icu = ucnv_getName(cv, &st), *std = NULL;
    if (U_SUCCESS(st)) {
        UErrorCode st2 = U_ZERO_ERROR;
        std = ucnv_getStandardName(icu, "MIME", &st2);
        if (!std || U_FAILURE(st2)) {
            st2 = U_ZERO_ERROR;
            std = ucnv_getStandardName(icu, "IANA", &st2);
            std = U_SUCCESS(st2) ? std : NULL;
        }
        snprintf(name, namelen, "%s", std ? std : icu);
    }
    ucnv_close(cv);
    return U_SUCCESS(st);
}

/* The first charset declared by a <meta> (charset= in charset or content). */
static bool prescan_meta(const char *p, size_t n, char *name, size_t namelen)
{
    if (!p || n == 0)
        return false;
    for (const char *m = p; (m = memmem(m, (size_t)(p + n - m), "<", 1)); m++) {
        if (!starts_ci(m, (size_t)(p + n - m), "<meta"))
            continue;
        const char *end = memchr(m, '>', (size_t)(p + n - m));
        for (const char *q = m; end && q + 7 < end; q++) {
            if (strncasecmp(q, "charset", 7) != 0)
                continue;
            const char *v = q + 7;
            while (v < end && (*v == ' ' || *v == '='))
                v++;
            while (v < end && (*v == '"' || *v == '\''))
                v++;
            char label[64];
            size_t k = 0;
            while (v < end && k + 1 < sizeof label && (isalnum((unsigned char)*v) || strchr("-_.:", *v)))
                label[k++] = *v++;
            label[k] = '\0';
            if (k && charset_from_label(label, name, namelen))
                return true;
        }
    }
    return false;
}

/* Valid UTF-8 multi-byte sequences and ill-formed ones in p[0..n). */
static void utf8_census(const char *p, size_t n, size_t *good, size_t *bad)
{
    *good = *bad = 0;
    for (size_t i = 0; i < n;) {
        if ((unsigned char)p[i] < 0x80) {
            i++;
            continue;
        }
        if (utf8_next(p, n, &i) < 0)
            (*bad)++;
        else
            (*good)++;
    }
}

void html_sniff_charset(const extract_conf *c, const char *p, size_t n, char *name, size_t namelen)
{
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        snprintf(name, namelen, "UTF-8");
        return;
    }
    if (n >= 2 && (memcmp(p, "\xFE\xFF", 2) == 0 || memcmp(p, "\xFF\xFE", 2) == 0)) {
        snprintf(name, namelen, p[0] == '\xFE' ? "UTF-16BE" : "UTF-16LE");
        return;
    }
    size_t good, bad;
    utf8_census(p, n, &good, &bad);
    size_t scan = n < (size_t)c->prescan_bytes ? n : (size_t)c->prescan_bytes;
    if (prescan_meta(p, scan, name, namelen)) {
        /* Wrong declarations: text that is valid UTF-8 with accents is UTF-8
           whatever it says; "UTF-8" with no valid accent but ill-formed bytes
           is the legacy charset. */
        if (strcmp(name, "UTF-8") != 0 && good && !bad)
            snprintf(name, namelen, "UTF-8");
        else if (strcmp(name, "UTF-8") == 0 && bad && !good)
            snprintf(name, namelen, "windows-1252");
        return;
    }
    snprintf(name, namelen, bad && bad * 4 > good ? "windows-1252" : "UTF-8");
}

/* Well-formed UTF-8 out: ill-formed sequences and NUL become U+FFFD. */
static void utf8_clean(const char *p, size_t n, buf *out)
{
    buf_reserve(out, n + 16);
    for (size_t i = 0; i < n;) {
        size_t start = i;
        if (p[i] && (unsigned char)p[i] < 0x80) {
            size_t j = i;
            while (j < n && p[j] && (unsigned char)p[j] < 0x80)
                j++;
            buf_append(out, p + i, j - i);
            i = j;
            continue;
        }
        int cp = utf8_next(p, n, &i);
        if (cp <= 0) {
            buf_append(out, "\xEF\xBF\xBD", 3);
            if (i == start)
                i++;
        } else {
            buf_append(out, p + start, i - start);
        }
    }
}

int html_to_utf8(const char *p, size_t n, const char *charset, buf *out, char *err, size_t errlen)
{
    if (n == 0) /* an empty page (maybe no buffer at all): empty text */
        return 0;
    size_t skip = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (strncmp(charset, "UTF-16", 6) == 0 && n >= 2 && (p[0] == '\xFE' || p[0] == '\xFF'))
        skip = 2;
    if (strcmp(charset, "UTF-8") == 0) {
        utf8_clean(p + skip, n - skip, out);
        return 0;
    }
    if (n - skip > (size_t)INT32_MAX / 4) {
        snprintf(err, errlen, "HTML page too large to convert from %s", charset);
        return -1;
    }
    buf tmp = {0};
    int32_t cap = (int32_t)((n - skip) * 3 + 16);
    buf_reserve(&tmp, (size_t)cap);
    UErrorCode st = U_ZERO_ERROR;
    int32_t got = ucnv_convert("UTF-8", charset, tmp.data, cap, p + skip, (int32_t)(n - skip), &st);
    if (U_FAILURE(st)) {
        snprintf(err, errlen, "cannot convert the page from %s: %s", charset, u_errorName(st));
        buf_free(&tmp);
        return -1;
    }
    utf8_clean(tmp.data, (size_t)got, out); /* decoded NUL bytes */
    buf_free(&tmp);
    return 0;
}

static char *node_text(xmlNodePtr n)
{
    xmlChar *s = xmlNodeGetContent(n);
    if (!s)
        return NULL;
    char *out = xstrdup((const char *)s);
    xmlFree(s);
    /* One line: runs of white space become one space. */
    char *w = out;
    for (const char *r = out; *r; r++) {
        bool sp = isspace((unsigned char)*r);
        if (sp && (w == out || w[-1] == ' '))
            continue;
        *w++ = sp ? ' ' : *r;
    }
    while (w > out && w[-1] == ' ')
        w--;
    *w = '\0';
    if (!*out) {
        free(out);
        return NULL;
    }
    return out;
}

static char *attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *out = *v ? xstrdup((const char *)v) : NULL;
    xmlFree(v);
    return out;
}

static bool is(xmlNodePtr n, const char *tag)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, tag) == 0;
}

/* Title, canonical URL, language, from <html> and <head> (iteratively: the
   parser bounds the depth, but a head can still be long). */
static void read_metadata(xmlDocPtr doc, mtc_html_doc *out, char **og_title)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root)
        return;
    out->lang = attr(root, "lang");
    if (!out->lang)
        out->lang = attr(root, "xml:lang");
    char *og_url = NULL;
    for (xmlNodePtr n = root->children; n;) {
        if (is(n, "title") && !out->title)
            out->title = node_text(n);
        else if (is(n, "link") && !out->url) {
            char *rel = attr(n, "rel");
            if (rel && strcasecmp(rel, "canonical") == 0)
                out->url = attr(n, "href");
            free(rel);
        } else if (is(n, "meta")) {
            char *prop = attr(n, "property");
            if (prop && strcmp(prop, "og:url") == 0 && !og_url)
                og_url = attr(n, "content");
            else if (prop && strcmp(prop, "og:title") == 0 && !*og_title)
                *og_title = attr(n, "content");
            free(prop);
        }
        if (n->children && n->type == XML_ELEMENT_NODE && !is(n, "body") && !is(n, "title")) {
            n = n->children;
            continue;
        }
        while (n && !n->next && n->parent != root)
            n = n->parent;
        n = n ? n->next : NULL;
    }
    if (!out->url)
        out->url = og_url;
    else
        free(og_url);
}

/* A page whose markup gives less than jsonld.fallback_share of the text
   its JSON-LD articleBody has (jsonld.min_chars or more): an article a
   script writes. That text is taken instead. */
static void jsonld_fallback(const extract_conf *c, xmlDocPtr doc, buf *text)
{
    if (c->jsonld_share <= 0)
        return;
    buf body = {0};
    if (extract_jsonld_body(doc, &body) && (double)body.len >= c->jsonld_min_chars &&
        (double)text->len < c->jsonld_share * (double)body.len) {
        buf_free(text);
        *text = body;
        return;
    }
    buf_free(&body);
}

int mtc_extract_html(const mtc_engine *engine, const char *html, size_t len, mtc_html_doc *out, char *err,
                     size_t errlen)
{
    memset(out, 0, sizeof *out);
    out->html_bytes = len;
    const extract_conf *c = engine->html;
    char charset[sizeof out->charset];
    html_sniff_charset(c, html, len, charset, sizeof charset);
    memcpy(out->charset, charset, sizeof charset);
    buf utf8 = {0};
    if (html_to_utf8(html, len, charset, &utf8, err, errlen) < 0)
        return -1;
    if (utf8.len > (size_t)INT32_MAX) {
        buf_free(&utf8);
        snprintf(err, errlen, "HTML page larger than 2 GB");
        return -1;
    }
    /* No network, no implied error output; HTML_PARSE_HUGE stays off, so
       libxml2 stops at its nesting limit (256) instead of going deeper. */
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    xmlDocPtr doc = htmlReadMemory(utf8.data ? utf8.data : "", (int)utf8.len, NULL, "UTF-8", opts);
    buf_free(&utf8);
    buf text = {0};
    if (doc) {
        /* The headline repeats <title> or og:title; either way it goes. */
        char *og_title = NULL;
        read_metadata(doc, out, &og_title);
        buf titles = {0};
        buf_printf(&titles, "%s %s", out->title ? out->title : "", og_title ? og_title : "");
        extract_article(c, doc, titles.data, &text);
        jsonld_fallback(c, doc, &text);
        buf_free(&titles);
        free(og_title);
        xmlFreeDoc(doc);
    }
    if (!text.data)
        buf_append(&text, "", 0);
    buf_reserve(&text, 1);
    text.data[text.len] = '\0';
    out->text = text.data;
    out->text_len = text.len;
    return 0;
}

void mtc_html_doc_free(mtc_html_doc *d)
{
    free(d->text);
    free(d->title);
    free(d->url);
    free(d->lang);
    memset(d, 0, sizeof *d);
}
