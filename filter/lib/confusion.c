#include "confusion.h"
#include "buf.h"
#include "fsutil.h"
#include "lines.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_alt(confusion *c, const char *w)
{
    c->alts = xrealloc(c->alts, (c->n_alts + 1) * sizeof *c->alts);
    c->alts[c->n_alts++] = w ? xstrdup(w) : NULL;
}

static int parse_line(confusion *c, data_lines *d)
{
    const char *sep = " \t";
    char *en = strtok(d->line, sep), *fr = strtok(NULL, sep);
    int dummy;
    if (!en || !fr)
        return data_lines_fail(d, "expected 'english french...'");
    if (strlen(en) > FLUENCY_MAX_WORD)
        return data_lines_fail(d, "'%s' too long", en);
    if (strmap_get(&c->index, en, strlen(en), &dummy))
        return data_lines_fail(d, "'%s' given twice", en);
    strmap_put(&c->index, en, strlen(en), (int)c->n_alts);
    for (; fr; fr = strtok(NULL, sep)) {
        if (strlen(fr) > FLUENCY_MAX_WORD)
            return data_lines_fail(d, "'%s' too long", fr);
        add_alt(c, fr);
    }
    add_alt(c, NULL);
    return 0;
}

int confusion_load(confusion *c, const char *path, char *err, size_t errlen)
{
    *c = (confusion){0};
    data_lines d;
    int rc = data_file_open(&d, path, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    while (rc == 0 && (rc = data_lines_next(&d)) > 0)
        rc = parse_line(c, &d);
    data_lines_close(&d);
    if (rc < 0)
        confusion_free(c);
    return rc;
}

void confusion_free(confusion *c)
{
    strmap_free(&c->index);
    for (size_t i = 0; i < c->n_alts; i++)
        free(c->alts[i]);
    free(c->alts);
    *c = (confusion){0};
}

/* A word of the model: its spelling and count (0: out of the vocabulary,
   a name, a number). */
typedef struct cword {
    const char *w;
    size_t len;
    double count;
} cword;

/* log P(b | a): b's unigram estimate times how much more often than chance
   the model's text joins a and b, (seen + k) / (expected + k), the
   pseudo-count k keeping a pair rarely expected from saying much ("puis on":
   expected 0.6 times, never seen, is no proof). The model keeps only the
   pairs chance would join at least f->floor times: a pair below that is
   unknown and counts as chance has it (ratio 1); one above it and not kept
   was never seen. */
static double log_cond(const fluency *f, double k, const cword *a, const cword *b)
{
    double pb = (b->count + 0.5) / f->total, expected = a->count * b->count / f->total, seen = 0;
    if (a->count <= 0)
        return log(pb);
    char key[2 * FLUENCY_MAX_WORD + 4];
    int stored;
    memcpy(key, a->w, a->len);
    key[a->len] = ' ';
    memcpy(key + a->len + 1, b->w, b->len);
    if (strmap_get(&f->pairs, key, a->len + 1 + b->len, &stored))
        seen = stored;
    else if (expected < f->floor)
        seen = expected;
    return log(pb) + log((seen + k) / (expected + k));
}

/* log P(x | prev) + log P(next | x); next may be absent (count 0). */
static double evidence(const fluency *f, double k, const cword *prev, const cword *x, const cword *next)
{
    return log_cond(f, k, prev, x) + (next->count > 0 ? log_cond(f, k, x, next) : 0);
}

static cword as_cword(const fluency *f, const fluency_token *t)
{
    return (cword){t->w, t->len, fluency_count(f, t)};
}

/* A word joined by a hyphen is part of a compound ("in-app", "in-extremis");
   after a name or a number, of the name, a title or an address ("Release
   Managers are", "urbanlegends about com", "AMD64 but"). */
static bool part_of_name(const unsigned char *s, size_t n, const fluency_token t[3])
{
    bool hyphen = (t[1].start > 0 && s[t[1].start - 1] == '-') || (t[1].end < n && s[t[1].end] == '-');
    return hyphen || (t[0].cap && !t[0].initial) || t[0].digit;
}

/* Tests t[1] between t[0] and t[2] (has_next: t[2] is a token) in s[0..n). */
static void test_word(const confusion *c, const fluency *f, const confusion_params *p, const unsigned char *s,
                      size_t n, const fluency_token t[3], bool has_next, confusion_result *out)
{
    int first, first_fr;
    if (t[1].cap || t[1].digit || t[1].too_long || !t[1].joined || t[1].initial ||
        !strmap_get(&c->index, t[1].w, t[1].len, &first))
        return;
    /* a neighbour outside the vocabulary, or a letter alone (a word spelt
       out, "N i c o l a s"), tells nothing: the word's prior speaks there */
    cword prev = as_cword(f, &t[0]), x = as_cword(f, &t[1]), next = {0};
    if (part_of_name(s, n, t))
        return;
    if (t[0].len < 2)
        prev.count = 0;
    if (has_next && t[2].joined && !t[2].initial && t[2].len >= 2)
        next = as_cword(f, &t[2]);
    if (prev.count <= 0 && next.count <= 0)
        return;
    double k = p->smoothing, base = evidence(f, k, &prev, &x, &next);
    double need = p->min_log_ratio + (strmap_get(p->fr_function, t[1].w, t[1].len, &first_fr) ? p->french_margin : 0);
    for (size_t i = (size_t)first; c->alts[i]; i++) {
        fluency_token ft = {.len = strlen(c->alts[i])};
        memcpy(ft.w, c->alts[i], ft.len);
        cword fr = as_cword(f, &ft);
        double r = evidence(f, k, &prev, &fr, &next) - base;
        if (!out->french || r - need > out->excess)
            *out = (confusion_result){r, r - need, t[1].start, t[1].end - t[1].start, c->alts[i]};
    }
}

void confusion_score(const confusion *c, const fluency *f, const confusion_params *p, const char *text, size_t n,
                     confusion_result *out)
{
    const unsigned char *s = (const unsigned char *)text;
    *out = (confusion_result){0};
    fluency_token t[3];
    size_t i = 0, have = 0;
    bool initial = true;
    while (have < 3 && fluency_next_token(s, n, &i, &initial, &t[have]))
        have++;
    while (have == 3) {
        test_word(c, f, p, s, n, t, true, out);
        t[0] = t[1];
        t[1] = t[2];
        if (!fluency_next_token(s, n, &i, &initial, &t[2]))
            have = 2;
    }
    /* the last word: not when the text stops right after it, cut ("les to") */
    size_t end = have == 2 ? t[1].end : n;
    while (end < n && (s[end] == ' ' || s[end] == '\t'))
        end++;
    if (have == 2 && end < n)
        test_word(c, f, p, s, n, t, false, out);
}
