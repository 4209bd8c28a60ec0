#include "fluency.h"
#include "buf.h"
#include "fsutil.h"
#include "lines.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One record: "total TOKENS FLOOR", "u WORD COUNT" or "b W1 W2 COUNT". */
static int parse_record(fluency *f, char *line)
{
    char *a = strchr(line, '\t'), *b = a ? strchr(a + 1, '\t') : NULL, *end;
    if (!b || strchr(b + 1, '\t'))
        return -1;
    *a++ = '\0';
    *b++ = '\0';
    if (strcmp(line, "total") == 0) {
        f->total = strtod(a, &end);
        f->floor = *end ? -1 : strtod(b, &end);
        return *end || f->total < 1 || f->floor < 0 ? -1 : 0;
    }
    long v = strtol(b, &end, 10);
    size_t len = strlen(a);
    if (*end || end == b || v < 1 || v > 2000000000L || !len || len > 2 * FLUENCY_MAX_WORD + 1)
        return -1;
    if (strcmp(line, "u") == 0)
        strmap_put(&f->words, a, len, (int)v);
    else if (strcmp(line, "b") == 0 && strchr(a, ' '))
        strmap_put(&f->pairs, a, len, (int)v);
    else
        return -1;
    return 0;
}

int fluency_load(fluency *f, const char *path, char *err, size_t errlen)
{
    *f = (fluency){0};
    data_lines d;
    int rc = data_file_open(&d, path, DATA_HASH_LINES, err, errlen);
    while (rc >= 0 && (rc = data_lines_next(&d)) > 0)
        if (d.len && parse_record(f, d.line) < 0) {
            rc = data_lines_fail(&d, "expected 'total TOKENS FLOOR', 'u WORD COUNT' or 'b W1 W2 COUNT'");
            break;
        }
    data_lines_close(&d);
    if (rc == 0 && f->total < 1) {
        snprintf(err, errlen, "%s: a 'total' line is required", path);
        rc = -1;
    }
    if (rc < 0)
        fluency_free(f);
    return rc;
}

void fluency_free(fluency *f)
{
    strmap_free(&f->words);
    strmap_free(&f->pairs);
}

/* The letter at s[i] (its byte length, 0 when none), lower-cased into out
   as build-fluency.py folds: ASCII, Latin-1 and Œ; digits count as letters. */
static size_t letter(const unsigned char *s, size_t i, size_t n, char out[2], bool *upper)
{
    unsigned char c = s[i];
    *upper = false;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
        *upper = c >= 'A' && c <= 'Z';
        out[0] = (char)(*upper ? c + 32 : c);
        return 1;
    }
    if (i + 1 >= n)
        return 0;
    unsigned char d = s[i + 1];
    if (c == 0xC5 && (d == 0x92 || d == 0x93)) { /* Œ œ */
        *upper = d == 0x92;
        out[0] = (char)c, out[1] = (char)0x93;
        return 2;
    }
    if (c != 0xC3 || d < 0x80 || d > 0xBF || d == 0x9F) /* ß: no capital, no letter there */
        return 0;
    *upper = d < 0xA0;
    d = (unsigned char)(d | 0x20);
    if (d == 0xB0 || d == 0xB7 || d == 0xBE) /* ð ÷ þ (and Ð × Þ) are no letters there */
        return 0;
    out[0] = (char)c, out[1] = (char)d;
    return 2;
}

static size_t apostrophe(const unsigned char *s, size_t i, size_t n)
{
    if (s[i] == '\'')
        return 1;
    return i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99 ? 3 : 0;
}

/* Whitespace after which a sentence may open (as Python's \s: NBSPs too). */
static size_t space(const unsigned char *s, size_t i, size_t n)
{
    if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))
        return 1;
    if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA0)
        return 2;
    return i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xAF ? 3 : 0;
}

static bool sentence_end(const unsigned char *s, size_t i)
{
    return (i >= 1 && strchr(".!?:;", s[i - 1]) && s[i - 1]) ||
           (i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 && s[i - 1] == 0xA6); /* … */
}

/* The next token from *i; false at the end. *initial: a sentence opens. */
bool fluency_next_token(const unsigned char *s, size_t n, size_t *i, bool *initial, fluency_token *t)
{
    bool upper, joined = *i > 0;
    char l[2];
    size_t k;
    while (*i < n && !letter(s, *i, n, l, &upper)) {
        size_t sp = space(s, *i, n);
        if (sp && sentence_end(s, *i))
            *initial = true;
        joined &= sp > 0;
        *i += sp ? sp : 1;
    }
    if (*i >= n)
        return false;
    *t = (fluency_token){.start = *i, .initial = *initial, .joined = joined};
    *initial = false;
    while (*i < n && (k = letter(s, *i, n, l, &upper)) > 0) {
        t->cap |= t->start == *i && upper;
        t->digit |= l[0] >= '0' && l[0] <= '9';
        if (t->len + k <= FLUENCY_MAX_WORD)
            memcpy(t->w + t->len, l, k);
        else
            t->too_long = true;
        t->len += k;
        *i += k;
    }
    size_t ap = *i < n ? apostrophe(s, *i, n) : 0;
    if (ap && *i + ap < n && letter(s, *i + ap, n, l, &upper)) {
        if (t->len < FLUENCY_MAX_WORD + 1)
            t->w[t->len] = '\'';
        t->len++;
        *i += ap;
    }
    t->end = *i;
    return true;
}

int fluency_count(const fluency *f, const fluency_token *t)
{
    int c;
    if (t->digit || t->too_long || t->len > FLUENCY_MAX_WORD || (t->cap && !t->initial))
        return 0;
    return strmap_get(&f->words, t->w, t->len, &c) ? c : 0;
}

void fluency_score(const fluency *f, const fluency_params *p, const char *text, size_t n, fluency_result *out)
{
    const unsigned char *s = (const unsigned char *)text;
    *out = (fluency_result){0};
    fluency_token t[2];
    int count[2] = {0, 0}, cur = 0;
    size_t i = 0;
    bool initial = true;
    double min_e = p->min_expected > f->floor ? p->min_expected : f->floor;
    while (fluency_next_token(s, n, &i, &initial, &t[cur])) {
        int c = fluency_count(f, &t[cur]), prev = count[!cur];
        count[cur] = c;
        if (c > 0 && prev > 0 && t[cur].joined && !t[cur].initial) { /* no pair across a sentence's start */
            double expected = (double)prev * c / f->total;
            char key[2 * FLUENCY_MAX_WORD + 2];
            memcpy(key, t[!cur].w, t[!cur].len);
            key[t[!cur].len] = ' ';
            memcpy(key + t[!cur].len + 1, t[cur].w, t[cur].len);
            int seen = 0;
            if (expected >= min_e) {
                strmap_get(&f->pairs, key, t[!cur].len + 1 + t[cur].len, &seen);
                double r = log((seen + 0.5) / expected);
                if (r < p->max_log_ratio && !out->suspects++) {
                    out->start = t[!cur].start;
                    out->len = t[cur].end - t[!cur].start;
                }
                if (r < out->worst)
                    out->worst = r;
            }
        }
        cur = !cur;
    }
}
