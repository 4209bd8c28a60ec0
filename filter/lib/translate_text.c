#include "translate_text.h"
#include "fsutil.h"
#include "text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#define APOS "\xE2\x80\x99" /* ’ */

static void push(char ***v, size_t n, const char *s)
{
    *v = xrealloc(*v, (n + 1) * sizeof **v);
    (*v)[n] = xstrdup(s);
}

int junctions_load(junctions *j, const char *dir, char *err, size_t errlen)
{
    memset(j, 0, sizeof *j);
    buf path = {0}, text = {0};
    buf_printf(&path, "%s/fr-junctions.txt", dir);
    int rc = read_whole_file(path.data, &text, err, errlen);
    const char *p = text.data, *end = text.data + text.len;
    for (int lineno = 1; rc == 0 && p && p < end; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        char *line = xstrndup(p, (size_t)((nl ? nl : end) - p)), *hash = strchr(line, '#');
        p = nl ? nl + 1 : end;
        if (hash)
            *hash = '\0';
        char a[64], b[64], c[64], d[64];
        int got = sscanf(line, "%63s %63s %63s %63s", a, b, c, d);
        if (got == 4 && strcmp(c, "=>") == 0) {
            push(&j->pair_a, j->n_pairs, a), push(&j->pair_b, j->n_pairs, b), push(&j->pair_ab, j->n_pairs, d);
            j->n_pairs++;
        } else if (got == 3 && strcmp(b, "=>") == 0) {
            push(&j->elide_from, j->n_elide, a), push(&j->elide_to, j->n_elide, c);
            j->n_elide++;
        } else if (got > 0) {
            snprintf(err, errlen, "%s:%d: expected 'a b => ab' or 'a => elided'", path.data, lineno);
            rc = -1;
        }
        free(line);
    }
    buf_free(&path);
    buf_free(&text);
    return rc;
}

void junctions_free(junctions *j)
{
    for (size_t i = 0; i < j->n_pairs; i++)
        free(j->pair_a[i]), free(j->pair_b[i]), free(j->pair_ab[i]);
    for (size_t i = 0; i < j->n_elide; i++)
        free(j->elide_from[i]), free(j->elide_to[i]);
    free(j->pair_a), free(j->pair_b), free(j->pair_ab), free(j->elide_from), free(j->elide_to);
    memset(j, 0, sizeof *j);
}

static bool english(mtc_word_verdict v) { return v == MTC_WORD_EN || v == MTC_WORD_EN_FUNCTION; }

/* Between two words of a span: spaces, commas, hyphens, apostrophes only. */
static bool gap_continues(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (!strchr(" ,-'", s[i]))
            return false;
    return true;
}

/* Bytes the Apertium stream format reserves: such a span is left alone. */
static bool translatable(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (strchr("\\^$/<>{}[]@*#", s[i]) || s[i] == '\0')
            return false;
    return true;
}

static bool sentence_start(const char *s, size_t at)
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

static bool has_upper(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b;) {
        int c = utf8_next(s, b, &i);
        if (c > 0 && u_isupper(c))
            return true;
    }
    return false;
}

/* Do no harm: English words in French text that are a title, a name or a
   quotation ("World of Tanks", "Peter, Paul and Mary", "« the show »") stay
   English. A span is sent only if its words are lower-case (but a capital
   at a sentence start), no capitalised word stands right beside it, and
   no quotation mark is open before it. */
static bool plain_english(const char *s, size_t n, const verdict_vec *v, size_t first, size_t last)
{
    const mtc_word_info *a = &v->items[first], *b = &v->items[last];
    size_t from = a->start;
    if (sentence_start(s, from)) { /* its own capital is the sentence's */
        size_t i = from;
        utf8_next(s, n, &i);
        from = i;
    }
    if (has_upper(s, from, b->start + b->len))
        return false;
    if (first > 0 && !sentence_start(s, v->items[first - 1].start) &&
        has_upper(s, v->items[first - 1].start, v->items[first - 1].start + 1 + (v->items[first - 1].len > 1)))
        return false;
    if (last + 1 < v->count && has_upper(s, v->items[last + 1].start, v->items[last + 1].start + 1))
        return false;
    int quotes = 0;
    for (size_t i = 0; i < a->start; i++)
        quotes += s[i] == '"' ? (quotes & 1 ? -1 : 1) : 0;
    return quotes == 0 && !memmem(s, a->start, "\xC2\xAB", 2) && !memmem(s, a->start, "\xE2\x80\x9C", 3);
}

size_t translate_find_spans(const char *s, size_t n, const verdict_vec *v, unsigned min_english, size_t max_bytes,
                            tr_span *out, size_t cap)
{
    size_t count = 0;
    for (size_t i = 0; i < v->count && count < cap; i++) {
        if (!english(v->items[i].verdict))
            continue;
        size_t last = i, k = i + 1;
        unsigned en = 1;
        for (; k < v->count; k++) {
            const mtc_word_info *a = &v->items[k - 1], *b = &v->items[k];
            if (b->verdict == MTC_WORD_FR || b->verdict == MTC_WORD_FR_CAPITALISED || k - last > 2 ||
                !gap_continues(s, a->start + a->len, b->start))
                break;
            if (english(b->verdict))
                last = k, en++;
        }
        /* A word both languages share right after the span goes with it ("the pirate"). */
        if (last + 1 < v->count && v->items[last + 1].verdict == MTC_WORD_BOTH &&
            v->items[last + 1].start == v->items[last].start + v->items[last].len + 1)
            last++;
        /* And one right before it: "In the frame" ("in" is French too). */
        size_t first = i;
        if (i > 0 && v->items[i - 1].verdict == MTC_WORD_BOTH &&
            v->items[i - 1].start + v->items[i - 1].len + 1 == v->items[i].start &&
            (count == 0 || out[count - 1].end <= v->items[i - 1].start))
            first = i - 1;
        tr_span sp = {v->items[first].start, v->items[last].start + v->items[last].len};
        if (en >= min_english && sp.end - sp.start <= max_bytes && translatable(s, sp.start, sp.end) &&
            plain_english(s, n, v, first, last))
            out[count++] = sp;
        i = last;
    }
    return count;
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
    if (sentence_start(s, span_start))
        set_initial_case(out, at, true);
    else if (first > 0 && u_islower(first))
        set_initial_case(out, at, false);
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
