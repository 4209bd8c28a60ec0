#include "charlm.h"
#include "buf.h"
#include "fsutil.h"
#include "lines.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHARLM_MAX_ORDER 6
#define CHARLM_MAX_CHARS 48 /* longer words: their first characters tell enough */

static const char kind_byte[2][CHARLM_LANGS] = {{'f', 'e'}, {'F', 'E'}}; /* [backoff][lang] */

static int lang_of(const char *s)
{
    return strcmp(s, "fr") == 0 ? CHARLM_FR : strcmp(s, "en") == 0 ? CHARLM_EN : -1;
}

/* One record: "floor LANG V", "p LANG NGRAM V" or "b LANG CONTEXT V". */
static int parse_record(charlm *lm, char *line)
{
    char *f[4];
    int nf = 0;
    for (char *p = line; nf < 4; nf++) {
        f[nf] = p;
        char *tab = strchr(p, '\t');
        if (!tab) {
            nf++;
            break;
        }
        *tab = '\0';
        p = tab + 1;
    }
    char *end;
    if (strcmp(f[0], "order") == 0 && nf == 2) {
        long order = strtol(f[1], &end, 10);
        lm->order = (int)order;
        return *end || order < 1 || order > CHARLM_MAX_ORDER ? -1 : 0;
    }
    int lang = nf >= 3 ? lang_of(f[1]) : -1;
    if (lang < 0)
        return -1;
    long v = strtol(f[nf - 1], &end, 10);
    if (*end || end == f[nf - 1] || v > 0 || v < -1000000)
        return -1;
    if (strcmp(f[0], "floor") == 0 && nf == 3) {
        lm->floor[lang] = (int)v;
        return 0;
    }
    bool backoff = strcmp(f[0], "b") == 0;
    if ((!backoff && strcmp(f[0], "p") != 0) || nf != 4 || !*f[2])
        return -1;
    /* The key, kind byte then n-gram, written in place over the tab before
       the n-gram: no copy for each of the model's hundred thousand lines. */
    char *key = f[2] - 1;
    *key = kind_byte[backoff][lang];
    strmap_put(&lm->grams, key, strlen(key), (int)v);
    return 0;
}

/* The lines left in d: the records, within a few (order, floor, comments). */
static size_t lines_left(const data_lines *d)
{
    size_t n = 1;
    for (const char *p = d->p; p && p < d->end && (p = memchr(p, '\n', (size_t)(d->end - p))); p++)
        n++;
    return n;
}

int charlm_load(charlm *lm, const char *path, char *err, size_t errlen)
{
    *lm = (charlm){.order = 4};
    data_lines d;
    int rc = data_file_open(&d, path, DATA_HASH_LINES, err, errlen);
    if (rc >= 0)
        strmap_reserve(&lm->grams, lines_left(&d));
    while (rc >= 0 && (rc = data_lines_next(&d)) > 0)
        if (d.len && parse_record(lm, d.line) < 0) {
            rc = data_lines_fail(&d, "expected 'order N', 'floor LANG LOGP' or 'p|b LANG NGRAM LOGP'");
            break;
        }
    data_lines_close(&d);
    if (rc == 0 && (lm->floor[CHARLM_FR] == 0 || lm->floor[CHARLM_EN] == 0)) {
        snprintf(err, errlen, "%s: a 'floor' line for fr and for en is required", path);
        rc = -1;
    }
    if (rc < 0)
        charlm_free(lm);
    return rc;
}

void charlm_free(charlm *lm) { strmap_free(&lm->grams); }

/* log P(last char of g | the chars before it), g = s[from..to) holding k chars. */
static long gram_logp(const charlm *lm, int lang, const char *g, size_t len, const size_t *cut, int k)
{
    char key[CHARLM_MAX_ORDER * 4 + 2];
    long backoff = 0;
    for (int i = 0; i < k; i++) {
        size_t a = cut[i] - cut[0], n = len - a;
        int v;
        key[0] = kind_byte[0][lang];
        memcpy(key + 1, g + a, n);
        if (strmap_get(&lm->grams, key, n + 1, &v))
            return backoff + v;
        /* not kept: back off to a shorter context, paying its weight */
        size_t last = cut[k - 1] - cut[0];
        if (last > a) {
            key[0] = kind_byte[1][lang];
            memcpy(key + 1, g + a, last - a);
            if (strmap_get(&lm->grams, key, last - a + 1, &v))
                backoff += v;
        }
    }
    return backoff + lm->floor[lang];
}

/* A word framed for scoring: order-1 '^', the word (its first
   CHARLM_MAX_CHARS characters), '$'; cut[k] is where character k starts. */
typedef struct framed {
    char s[CHARLM_MAX_ORDER + CHARLM_MAX_CHARS * 4 + 1];
    size_t cut[CHARLM_MAX_ORDER + CHARLM_MAX_CHARS + 2];
    int pad, nc;
} framed;

static void frame(const charlm *lm, const char *w, size_t n, framed *f)
{
    size_t len = 0;
    f->pad = lm->order - 1;
    f->nc = 0;
    for (; f->nc < f->pad; f->nc++) {
        f->cut[f->nc] = len;
        f->s[len++] = '^';
    }
    for (size_t i = 0; i < n && f->nc < f->pad + CHARLM_MAX_CHARS;) {
        size_t a = i++;
        while (i < n && ((unsigned char)w[i] & 0xC0) == 0x80)
            i++;
        f->cut[f->nc++] = len;
        memcpy(f->s + len, w + a, i - a);
        len += i - a;
    }
    f->cut[f->nc++] = len;
    f->s[len++] = '$';
    f->cut[f->nc] = len;
}

/* The table is megabytes: the first lookup of every position (gram_logp's
   first key) is asked for before any is made, so that the cache misses
   overlap instead of waiting one after the other. */
static void prefetch(const charlm *lm, int lang, const framed *f)
{
    for (int i = f->pad; i < f->nc; i++) {
        char key[CHARLM_MAX_ORDER * 4 + 2];
        size_t a = f->cut[i - f->pad], g = f->cut[i + 1] - a;
        key[0] = kind_byte[0][lang];
        memcpy(key + 1, f->s + a, g);
        strmap_prefetch(&lm->grams, key, g + 1);
    }
}

static long score_framed(const charlm *lm, int lang, const framed *f)
{
    long total = 0;
    for (int i = f->pad; i < f->nc; i++) {
        int from = i - f->pad;
        total += gram_logp(lm, lang, f->s + f->cut[from], f->cut[i + 1] - f->cut[from], f->cut + from, i - from + 1);
    }
    return total;
}

long charlm_odds(const charlm *lm, const char *w, size_t n)
{
    framed f;
    frame(lm, w, n, &f);
    prefetch(lm, CHARLM_EN, &f);
    prefetch(lm, CHARLM_FR, &f);
    return score_framed(lm, CHARLM_EN, &f) - score_framed(lm, CHARLM_FR, &f);
}
