#include "translate_text.h"
#include "fsutil.h"
#include "lines.h"
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
    data_lines dl;
    data_lines_open(&dl, path.data, text.data, rc == 0 ? text.len : 0, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    while (rc == 0 && (rc = data_lines_next(&dl)) > 0) {
        char a[64], b[64], c[64], d[64];
        int got = sscanf(dl.line, "%63s %63s %63s %63s", a, b, c, d);
        rc = 0;
        if (got == 4 && strcmp(c, "=>") == 0) {
            push(&j->pair_a, j->n_pairs, a), push(&j->pair_b, j->n_pairs, b), push(&j->pair_ab, j->n_pairs, d);
            j->n_pairs++;
        } else if (got == 3 && strcmp(b, "=>") == 0) {
            push(&j->elide_from, j->n_elide, a), push(&j->elide_to, j->n_elide, c);
            j->n_elide++;
        } else if (got > 0) {
            rc = data_lines_fail(&dl, "expected 'a b => ab' or 'a => elided'");
        }
    }
    data_lines_close(&dl);
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

/* A capital in s[a, b), acronyms ("SNI", "GRUB": all capitals) aside. */
static bool has_upper(const char *s, size_t a, size_t b)
{
    bool upper = false;
    for (size_t i = a; i < b;) {
        size_t word = i;
        bool lower = false, cap = false;
        for (; i < b && s[i] != ' ' && s[i] != ','; ) {
            int c = utf8_next(s, b, &i);
            lower |= c > 0 && u_islower(c);
            cap |= c > 0 && u_isupper(c);
        }
        upper |= cap && (lower || i - word < 2);
        while (i < b && (s[i] == ' ' || s[i] == ','))
            i++;
    }
    return upper;
}

/* Quotation marks open before byte at: « “ open, » ” close, " toggles. */
static bool inside_quotes(const char *s, size_t at)
{
    int depth = 0;
    for (size_t i = 0; i < at; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"')
            depth += depth > 0 ? -1 : 1;
        else if (c == 0xC2 && i + 1 < at && ((unsigned char)s[i + 1] == 0xAB || (unsigned char)s[i + 1] == 0xBB))
            depth += (unsigned char)s[i + 1] == 0xAB ? 1 : (depth > 0 ? -1 : 0);
        else if (c == 0xE2 && i + 2 < at && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
            depth += (unsigned char)s[i + 2] == 0x9C ? 1 : (depth > 0 ? -1 : 0);
    }
    return depth > 0;
}

/* Do no harm: English words in French text that are a title, a name or a
   quotation ("World of Tanks", "Peter, Paul and Mary", "« the show »") stay
   English. Unless the segment is damaged through and through (capitals
   allowed: see translate_find_spans), a span is sent only if its words are
   lower-case (but a capital at a sentence start, on a function word or
   starting a clause: "The first field", not "Ralph's world") and no capitalised word
   stands right beside it; never inside quotation marks. */
static bool plain_english(const char *s, size_t n, const verdict_vec *v, size_t first, size_t last, bool capitals)
{
    const mtc_word_info *a = &v->items[first], *b = &v->items[last];
    if (inside_quotes(s, a->start))
        return false;
    if (capitals)
        return true;
    size_t from = a->start;
    unsigned english_words = 0;
    for (size_t k = first; k <= last; k++)
        english_words += english(v->items[k].verdict);
    bool function_first = a->verdict == MTC_WORD_EN_FUNCTION || a->verdict == MTC_WORD_BOTH;
    if (sentence_start(s, from) && (function_first || english_words >= 3)) { /* the sentence's capital */
        size_t i = from;
        utf8_next(s, n, &i);
        from = i;
    }
    if (has_upper(s, from, b->start + b->len))
        return false;
    /* A capitalised neighbour (an acronym aside) may continue a name or a
       list of names: "Ralph's world", "World of Tanks", "spring rolls,
       Crispy". "Of a general way, Debian" is lost to that. */
    const mtc_word_info *p = first > 0 ? &v->items[first - 1] : NULL, *q = last + 1 < v->count ? &v->items[last + 1] : NULL;
    if (p && has_upper(s, p->start, p->start + p->len))
        return false;
    return !(q && has_upper(s, q->start, q->start + q->len));
}

size_t translate_find_spans(const char *s, size_t n, const verdict_vec *v, const span_limits *lim, tr_span *out,
                            size_t cap)
{
    unsigned lower_english = 0, fr = 0; /* English content words in lower case: MT damage, not a title */
    for (size_t i = 0; i < v->count; i++) {
        mtc_word_verdict vd = v->items[i].verdict;
        lower_english += vd == MTC_WORD_EN && !has_upper(s, v->items[i].start, v->items[i].start + 1);
        fr += vd == MTC_WORD_FR || vd == MTC_WORD_FR_CAPITALISED;
    }
    bool capitals = lower_english >= lim->capitals_min_english &&
                    lower_english >= lim->capitals_min_share * (double)(lower_english + fr);
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
        /* A determiner takes its noun along ("the pirate"), and the first
           word of the segment goes with the span ("In the frame"): French
           also has "in", "a", "but". */
        if (last + 1 < v->count && v->items[last + 1].verdict == MTC_WORD_BOTH &&
            v->items[last + 1].start == v->items[last].start + v->items[last].len + 1 &&
            strchr("ato", s[v->items[last].start]) && v->items[last].len <= 3 &&
            !has_upper(s, v->items[last + 1].start, v->items[last + 1].start + 1))
            last++;
        size_t first = i == 1 && v->items[0].verdict == MTC_WORD_BOTH && gap_continues(s, v->items[0].start + v->items[0].len, v->items[1].start) ? 0 : i;
        tr_span sp = {v->items[first].start, v->items[last].start + v->items[last].len};
        if (en >= lim->min_english && sp.end - sp.start <= lim->max_bytes && translatable(s, sp.start, sp.end) &&
            plain_english(s, n, v, first, last, capitals))
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
