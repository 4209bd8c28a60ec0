#include "translate_text.h"
#include "fsutil.h"
#include "lines.h"
#include "text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#define APOS "\xE2\x80\x99" /* ’ */

void tr_push(char ***v, size_t n, const char *s)
{
    *v = xrealloc(*v, (n + 1) * sizeof **v);
    (*v)[n] = xstrdup(s);
}

/* dicts/fr-english-phrases.txt: one phrase a line, lower case. */
static int phrase_line(void *ctx, data_lines *d)
{
    junctions *j = ctx;
    size_t len = d->len;
    while (len && (d->line[len - 1] == ' ' || d->line[len - 1] == '\t' || d->line[len - 1] == '\r'))
        d->line[--len] = '\0';
    tr_push(&j->phrases, j->n_phrases++, d->line);
    return 0;
}

/* dicts/fr-junctions.txt: "a b => ab" or "a => elided". */
static int junction_line(void *ctx, data_lines *dl)
{
    junctions *j = ctx;
    char a[64], b[64], c[64], d[64];
    int got = sscanf(dl->line, "%63s %63s %63s %63s", a, b, c, d);
    if (got == 4 && strcmp(c, "=>") == 0) {
        tr_push(&j->pair_a, j->n_pairs, a), tr_push(&j->pair_b, j->n_pairs, b), tr_push(&j->pair_ab, j->n_pairs, d);
        j->n_pairs++;
    } else if (got == 3 && strcmp(b, "=>") == 0) {
        tr_push(&j->elide_from, j->n_elide, a), tr_push(&j->elide_to, j->n_elide, c);
        j->n_elide++;
    } else if (got > 0) {
        return data_lines_fail(dl, "expected 'a b => ab' or 'a => elided'");
    }
    return 0;
}

int junctions_load(junctions *j, const char *dir, char *err, size_t errlen)
{
    memset(j, 0, sizeof *j);
    int rc = data_dir_each_line(dir, "fr-junctions.txt", junction_line, j, err, errlen);
    rc = rc == 0 ? data_dir_each_line(dir, "fr-english-phrases.txt", phrase_line, j, err, errlen) : rc;
    rc = rc == 0 ? formal_load(j, dir, err, errlen) : rc;
    return rc == 0 ? subject_load(j, dir, err, errlen) : rc;
}

void junctions_free(junctions *j)
{
    for (size_t i = 0; i < j->n_pairs; i++)
        free(j->pair_a[i]), free(j->pair_b[i]), free(j->pair_ab[i]);
    for (size_t i = 0; i < j->n_elide; i++)
        free(j->elide_from[i]), free(j->elide_to[i]);
    for (size_t i = 0; i < j->n_phrases; i++)
        free(j->phrases[i]);
    free(j->pair_a), free(j->pair_b), free(j->pair_ab), free(j->elide_from), free(j->elide_to), free(j->phrases);
    formal_free(j);
    subject_free(j);
    memset(j, 0, sizeof *j);
}

bool tr_sentence_start(const char *s, size_t at)
{
    while (at > 0 && (s[at - 1] == ' ' || s[at - 1] == '"' || (unsigned char)s[at - 1] >= 0x80)) {
        if ((unsigned char)s[at - 1] >= 0x80) { /* « “ and a no-break space count as blanks */
            size_t k = at - 1;
            while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
                k--;
            UChar32 c;
            int32_t i = (int32_t)k;
            U8_NEXT((const uint8_t *)s, i, (int32_t)at, c);
            if (c != 0xAB && c != 0x201C && c != 0xA0 && c != 0x202F)
                break;
            at = k;
            continue;
        }
        at--;
    }
    return at == 0 || strchr(".!?:", s[at - 1]);
}

/* Words of s[a, b), compared without case: is w (n bytes) one of them? */
static bool among_words(const char *s, size_t a, size_t b, const char *w, size_t n)
{
    for (size_t i = a; i + n <= b; i++) {
        bool edge = i == a || strchr(" ,-'", s[i - 1]);
        bool end = i + n == b || strchr(" ,-'.;:!?", s[i + n]);
        if (edge && end && strncasecmp(s + i, w, n) == 0)
            return true;
    }
    return false;
}

unsigned translate_leaks(const char *s, size_t a, size_t b, const char *fr, size_t frn, unsigned *words)
{
    unsigned leaks = 0;
    *words = 0;
    for (size_t i = 0; i < frn; i++)
        *words += fr[i] != ' ' && (i == 0 || fr[i - 1] == ' ');
    for (size_t i = 0; i < frn; i++) {
        if (fr[i] != '*' || (i > 0 && fr[i - 1] != ' ' && fr[i - 1] != '*'))
            continue;
        while (i < frn && fr[i] == '*')
            i++;
        size_t e = i;
        while (e < frn && !strchr(" ,.;:!?()\"", fr[e]))
            e++;
        leaks += e > i && !among_words(s, a, b, fr + i, e - i);
        i = e;
    }
    return leaks;
}

static void set_initial_case(buf *out, size_t at, bool upper)
{
    int32_t i = (int32_t)at, len = (int32_t)out->len;
    UChar32 c;
    U8_NEXT((const uint8_t *)out->data, i, len, c);
    if (c < 0)
        return;
    UChar32 d = upper ? u_toupper(c) : u_tolower(c);
    uint8_t enc[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(enc, n, d);
    if (d == c || n != i - (int32_t)at)
        return; /* same length only: no byte shifting for rare letters */
    memcpy(out->data + at, enc, (size_t)n);
}

void translate_put(buf *out, const char *s, size_t n, size_t span_start, const char *fr, size_t frn)
{
    bool typographic = memmem(s, n, APOS, 3) != NULL && !memchr(s, '\'', n);
    size_t at = out->len;
    bool space = false;
    for (size_t i = 0; i < frn; i++) {
        char c = fr[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            space = out->len > at;
            continue;
        }
        if (space)
            buf_append_char(out, ' ');
        space = false;
        if (c == '\'' && typographic)
            buf_append_str(out, APOS);
        else if (c != '#' && c != '@' && c != '*') /* Apertium's marks of unknown or ungenerated words */
            buf_append_char(out, c);
    }
    if (out->len == at)
        return;
    UChar32 first;
    int32_t k = (int32_t)span_start;
    U8_NEXT((const uint8_t *)s, k, (int32_t)n, first);
    /* the span's own initial: MT keeps the case of the words it replaces
       (a capital after ':' is no sentence start) */
    if (first > 0 && (u_isupper(first) || u_islower(first)))
        set_initial_case(out, at, u_isupper(first));
}

static bool vowel_start(const char *w, size_t n)
{
    size_t i = 0;
    int c = n ? utf8_next(w, n, &i) : -1;
    c = c > 0 ? u_tolower(c) : c;
    return c > 0 && ((c < 0x80 && strchr("aeiouy", c)) || c == 0xE9 || c == 0xE8 || c == 0xEA || c == 0xE0 ||
                     c == 0xE2 || c == 0xEE || c == 0xF4 || c == 0xC9);
}

static bool word_eq(const char *w, size_t n, const char *lit)
{
    if (strlen(lit) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]) != lit[i])
            return false;
    return true;
}

/* Replaces out[a, b) with r, keeping a capital initial. */
static void replace_range(buf *out, size_t a, size_t b, const char *r)
{
    bool capital = out->data[a] >= 'A' && out->data[a] <= 'Z';
    buf t = {0};
    buf_append(&t, out->data, a);
    size_t at = t.len;
    buf_append_str(&t, r);
    if (capital && t.data[at] >= 'a' && t.data[at] <= 'z')
        t.data[at] = (char)(t.data[at] - 32);
    buf_append(&t, out->data + b, out->len - b);
    buf_free(out);
    *out = t;
}

void translate_fix_junction(const junctions *j, buf *out, size_t at)
{
    size_t sp = at < out->len && out->data[at] == ' ' ? at : at > 0 && out->data[at - 1] == ' ' ? at - 1 : (size_t)-1;
    if (sp == (size_t)-1)
        return;
    size_t a = sp, b = sp + 1, e = b;
    while (a > 0 && out->data[a - 1] != ' ' && !strchr(",;:.!?()\"", out->data[a - 1]))
        a--;
    while (e < out->len && out->data[e] != ' ' && !strchr(",;:.!?()\"", out->data[e]))
        e++;
    if (a == sp || e == b)
        return;
    const char *A = out->data + a, *B = out->data + b;
    for (size_t i = 0; i < j->n_pairs; i++)
        if (word_eq(A, sp - a, j->pair_a[i]) && word_eq(B, e - b, j->pair_b[i])) {
            replace_range(out, a, e, j->pair_ab[i]);
            return;
        }
    if (!vowel_start(B, e - b))
        return;
    bool straight = memchr(out->data, '\'', out->len) && !memmem(out->data, out->len, APOS, 3);
    for (size_t i = 0; i < j->n_elide; i++)
        if (word_eq(A, sp - a, j->elide_from[i])) {
            buf r = {0};
            const char *to = j->elide_to[i], *apos = strstr(to, APOS);
            if (straight && apos)
                buf_printf(&r, "%.*s'%s", (int)(apos - to), to, apos + 3);
            else
                buf_append_str(&r, to);
            replace_range(out, a, b, r.data);
            buf_free(&r);
            return;
        }
}
