#include "words.h"
#include "buf.h"
#include "text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

/* Word-break classes of the characters the fast scanner handles itself;
   any other character (combining marks, other scripts, emoji, '_', '@')
   sends the segment to ICU. */
typedef enum {
    WB_FALLBACK = 0, /* ICU decides */
    WB_OTHER,        /* never inside a word: spaces, most punctuation */
    WB_LETTER,
    WB_DIGIT,
    WB_MID_LETTER, /* joins letters: a·b */
    WB_MID_NUM,    /* joins digits: 3,5 */
    WB_MID_BOTH,   /* joins either: l'a, l’a, U.S, 3.5 */
} wb_class;

/* Code points U+0000..U+024F (Latin) and U+2000..U+20AF (punctuation, €). */
#define WB_LATIN_END 0x250
#define WB_PUNCT_START 0x2000
#define WB_PUNCT_END 0x20B0

/* One token of the segment: a word (letters or numbers) or the text between. */
typedef struct brk {
    size_t start, len;
    bool word;
} brk;

struct tokenizer {
    UBreakIterator *bi;
    UText *ut;      /* text that is not valid UTF-8 */
    utf16_text u16; /* the rest, faster to walk */
    unsigned char latin[WB_LATIN_END], punct[WB_PUNCT_END - WB_PUNCT_START];
    bool icu_only;
    brk *brks;
    size_t n_brks, cap_brks;
};

static inline void push_brk(tokenizer *t, size_t start, size_t len, bool word)
{
    if (t->n_brks == t->cap_brks) {
        t->cap_brks = t->cap_brks ? t->cap_brks * 2 : 128;
        t->brks = xrealloc(t->brks, t->cap_brks * sizeof *t->brks);
    }
    t->brks[t->n_brks++] = (brk){start, len, word};
}

/* ICU's tokens of s (UTF-8). False if ICU fails. */
static bool icu_tokens(tokenizer *t, const char *s, size_t n)
{
    t->n_brks = 0;
    UErrorCode status = U_ZERO_ERROR;
    const int32_t *offsets = break_iterator_set_utf8(t->bi, &t->u16, &t->ut, s, n, &status);
    if (U_FAILURE(status))
        return false;
    int32_t start = ubrk_first(t->bi);
    for (int32_t end = ubrk_next(t->bi); end != UBRK_DONE; start = end, end = ubrk_next(t->bi)) {
        size_t a = (size_t)(offsets ? offsets[start] : start);
        size_t b = (size_t)(offsets ? offsets[end] : end);
        /* letters, numbers, kana, ideographs */
        push_brk(t, a, b - a, ubrk_getRuleStatus(t->bi) >= UBRK_WORD_NUMBER);
    }
    return true;
}

static wb_class class_by_property(UChar32 c)
{
    if (c == '@' || c == '_') /* ICU joins them into words by rules of its own */
        return WB_FALLBACK;
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER: return WB_LETTER;
    case U_WB_NUMERIC: return WB_DIGIT;
    case U_WB_MIDLETTER: return WB_MID_LETTER;
    case U_WB_MIDNUM: return WB_MID_NUM;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE: return WB_MID_BOTH;
    case U_WB_OTHER:
    case U_WB_WSEGSPACE:
    case U_WB_DOUBLE_QUOTE: /* it joins only Hebrew letters, which go to ICU */
    case U_WB_CR:
    case U_WB_LF:
    case U_WB_NEWLINE: return WB_OTHER;
    default: return WB_FALLBACK; /* Extend, Format, ZWJ, ExtendNumLet, Katakana, Hebrew, ... */
    }
}

/* Whether ICU splits text exactly as the tokens listed ("w" word, "o" other). */
static bool icu_splits(tokenizer *t, const UChar32 *cps, int n, const char *want)
{
    char text[32];
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        UBool error = false;
        U8_APPEND((uint8_t *)text, len, sizeof text, cps[i], error);
        if (error)
            return false;
    }
    if (!icu_tokens(t, text, len) || t->n_brks != strlen(want))
        return false;
    for (size_t i = 0; i < t->n_brks; i++)
        if (t->brks[i].word != (want[i] == 'w'))
            return false;
    return true;
}

/* Whether ICU splits c beside letters and digits as class k says. */
static bool icu_agrees(tokenizer *t, UChar32 c, wb_class k)
{
    UChar32 a_c_a[] = {'a', c, 'a'}, d_c_d[] = {'1', c, '1'}, a_c[] = {'a', c}, c_d[] = {c, '1'};
    bool letters = k == WB_MID_LETTER || k == WB_MID_BOTH, digits = k == WB_MID_NUM || k == WB_MID_BOTH;
    switch (k) {
    case WB_LETTER:
    case WB_DIGIT: return icu_splits(t, a_c, 2, "w") && icu_splits(t, c_d, 2, "w") && icu_splits(t, &c, 1, "w");
    case WB_OTHER:
    case WB_MID_LETTER:
    case WB_MID_NUM:
    case WB_MID_BOTH:
        return icu_splits(t, a_c_a, 3, letters ? "w" : "wow") && icu_splits(t, d_c_d, 3, digits ? "w" : "wow") &&
               icu_splits(t, &c, 1, "o");
    case WB_FALLBACK: break;
    }
    return false;
}

/* The class the scanner may use for c: its Word_Break property where ICU's
   rules agree (ICU's own rules take ':' out of MidLetter, for one), else the
   class ICU behaves as; WB_FALLBACK when none fits. */
static wb_class checked_class(tokenizer *t, UChar32 c)
{
    wb_class k = class_by_property(c);
    if (k == WB_FALLBACK || icu_agrees(t, c, k))
        return k;
    if (k == WB_LETTER || k == WB_DIGIT)
        return WB_FALLBACK;
    static const wb_class between[] = {WB_OTHER, WB_MID_LETTER, WB_MID_NUM, WB_MID_BOTH};
    for (size_t i = 0; i < sizeof between / sizeof between[0]; i++)
        if (between[i] != k && icu_agrees(t, c, between[i]))
            return between[i];
    return WB_FALLBACK;
}

tokenizer *tokenizer_new(char *err, size_t errlen)
{
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "fr", NULL, 0, &status);
    if (U_FAILURE(status)) {
        snprintf(err, errlen, "ICU word break iterator: %s", u_errorName(status));
        return NULL;
    }
    tokenizer *t = xcalloc(1, sizeof *t);
    t->bi = bi;
    for (UChar32 c = 1; c < WB_LATIN_END; c++)
        t->latin[c] = (unsigned char)checked_class(t, c);
    for (UChar32 c = WB_PUNCT_START; c < WB_PUNCT_END; c++)
        t->punct[c - WB_PUNCT_START] = (unsigned char)checked_class(t, c);
    return t;
}

void tokenizer_free(tokenizer *t)
{
    if (!t)
        return;
    ubrk_close(t->bi);
    utext_close(t->ut);
    utf16_text_free(&t->u16);
    free(t->brks);
    free(t);
}

void tokenizer_set_icu_only(tokenizer *t, bool icu_only) { t->icu_only = icu_only; }

/* Class of the character at s[i], its length in *len; WB_FALLBACK for
   characters outside the tables and ill-formed UTF-8. */
static inline wb_class class_at(const tokenizer *t, const char *s, size_t n, size_t i, size_t *len)
{
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        *len = 1;
        return (wb_class)t->latin[b];
    }
    size_t j = i;
    UChar32 c;
    U8_NEXT((const uint8_t *)s, j, n, c);
    *len = j - i;
    if (c < 0)
        return WB_FALLBACK;
    if (c < WB_LATIN_END)
        return (wb_class)t->latin[c];
    if (c >= WB_PUNCT_START && c < WB_PUNCT_END)
        return (wb_class)t->punct[c - WB_PUNCT_START];
    return WB_FALLBACK;
}

static bool joins(wb_class last, wb_class mid, wb_class next)
{
    if (last == WB_LETTER && next == WB_LETTER) /* UAX #29 WB6, WB7 */
        return mid == WB_MID_LETTER || mid == WB_MID_BOTH;
    if (last == WB_DIGIT && next == WB_DIGIT) /* WB11, WB12 */
        return mid == WB_MID_NUM || mid == WB_MID_BOTH;
    return false;
}

/* Tokens of s by the UAX #29 rules ICU applies to these characters (letters
   and digits run together, a mid character between two of a kind joins
   them), without ICU's per-boundary cost. Text between words is one token.
   False, with no tokens, when a character needs ICU. */
static bool fast_tokens(tokenizer *t, const char *s, size_t n)
{
    t->n_brks = 0;
    size_t gap_start = 0, word_start = 0, i = 0, len;
    bool in_word = false;
    wb_class last = WB_OTHER;
    while (i < n) {
        wb_class k = class_at(t, s, n, i, &len);
        if (k == WB_FALLBACK)
            return false;
        bool letter_or_digit = k == WB_LETTER || k == WB_DIGIT;
        if (in_word && letter_or_digit) {
            last = k;
            i += len;
            continue;
        }
        if (in_word && k >= WB_MID_LETTER && i + len < n) {
            size_t len2;
            wb_class next = class_at(t, s, n, i + len, &len2);
            if (next == WB_FALLBACK)
                return false;
            if (joins(last, k, next)) {
                last = next;
                i += len + len2;
                continue;
            }
        }
        if (in_word) { /* the word ends before s[i] */
            push_brk(t, word_start, i - word_start, true);
            in_word = false;
            gap_start = i;
        }
        if (letter_or_digit) {
            if (i > gap_start)
                push_brk(t, gap_start, i - gap_start, false);
            in_word = true;
            word_start = i;
            last = k;
        }
        i += len;
    }
    if (in_word)
        push_brk(t, word_start, n - word_start, true);
    else if (n > gap_start)
        push_brk(t, gap_start, n - gap_start, false);
    return true;
}

void word_vec_free(word_vec *v)
{
    free(v->items);
    v->items = NULL;
    v->count = v->cap = 0;
}

static void push(word_vec *v, word_tok tok)
{
    if (v->count == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 64;
        v->items = xrealloc(v->items, v->cap * sizeof *v->items);
    }
    v->items[v->count++] = tok;
}

static bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Marks whitespace-delimited chunks that look like URLs or e-mail addresses. */
static bool in_link(const char *s, size_t n, size_t pos, size_t *link_end)
{
    size_t a = pos, b = pos;
    while (a > 0 && !is_space_byte(s[a - 1]))
        a--;
    while (b < n && !is_space_byte(s[b]))
        b++;
    size_t len = b - a;
    const char *c = s + a;
    /* memchr first: most chunks are plain words without a ':' */
    bool link = (memchr(c, ':', len) && memmem(c, len, "://", 3)) || (len > 4 && memcmp(c, "www.", 4) == 0);
    const char *at = memchr(c, '@', len);
    if (at && memchr(at, '.', (size_t)(c + len - at)))
        link = true;
    *link_end = b;
    return link;
}

static const char *const elisions[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
                                       "puisqu", "quoiqu", "presqu", "quelqu"};

/* Length of a French elided prefix ("l’", "qu’") at the start of the word, or 0. */
static size_t elision_prefix(const char *w, size_t n)
{
    for (size_t i = 0; i < n && i < 8; i++) {
        size_t apos = 0;
        if (w[i] == '\'')
            apos = 1;
        else if (i + 2 < n + 0 && memcmp(w + i, "\xE2\x80\x99", 3) == 0)
            apos = 3;
        if (!apos)
            continue;
        for (size_t e = 0; e < sizeof elisions / sizeof elisions[0]; e++) {
            size_t el = strlen(elisions[e]);
            if (el != i)
                continue;
            bool same = true;
            for (size_t k = 0; k < el && same; k++)
                same = (w[k] | 0x20) == elisions[e][k];
            if (same)
                return i + apos < n ? i + apos : 0;
        }
        return 0;
    }
    return 0;
}

/* Whether "www." occurs: memchr for the rare 'w' is cheaper than memmem. */
static bool has_www(const char *s, size_t n)
{
    for (const char *p = s, *end = s + n; (p = memchr(p, 'w', (size_t)(end - p))) != NULL; p++)
        if (end - p >= 4 && memcmp(p, "www.", 4) == 0)
            return true;
    return false;
}

static bool opens_quotation(const char *s, size_t pos)
{
    /* Look back over spaces for « “ " ( : — */
    while (pos > 0 && is_space_byte(s[pos - 1]))
        pos--;
    if (pos == 0)
        return true;
    char c = s[pos - 1];
    if (c == '"' || c == '(' || c == ':')
        return true;
    if (pos >= 2 && memcmp(s + pos - 2, "\xC2\xAB", 2) == 0) /* « */
        return true;
    if (pos >= 3 && (memcmp(s + pos - 3, "\xE2\x80\x9C", 3) == 0 || /* “ */
                     memcmp(s + pos - 3, "\xE2\x80\x94", 3) == 0))  /* — */
        return true;
    return false;
}

void tokenize(tokenizer *t, const char *s, size_t n, word_vec *out)
{
    out->count = 0;
    if ((t->icu_only || !fast_tokens(t, s, n)) && !icu_tokens(t, s, n))
        return;
    /* Without ':', '@' or "www." in the segment no word is in a link. */
    bool may_link = memchr(s, ':', n) || memchr(s, '@', n) || has_www(s, n);
    size_t skip_until = 0, group_at = (size_t)-1, prev_end = (size_t)-1;
    /* The whitespace-delimited chunk last checked for a link: words of the
       same chunk reuse the answer, else a long chunk without spaces
       ("a,a,a,...") costs a scan per word, quadratic in the line length. */
    size_t chunk_end = 0;
    bool chunk_is_link = false;
    bool after_hyphen = false;
    for (size_t b = 0; b < t->n_brks; b++) {
        size_t a = t->brks[b].start, len = t->brks[b].len;
        if (!t->brks[b].word) {
            /* A hyphen glued to the previous word may continue a compound.
               (The fast scanner gives the text between two words as one
               token: "-" alone there is the same single hyphen.) */
            after_hyphen = len == 1 && s[a] == '-' && prev_end == a;
            if (!after_hyphen)
                group_at = (size_t)-1;
            continue;
        }
        if (a < skip_until)
            continue;
        if (may_link && a >= chunk_end)
            chunk_is_link = in_link(s, n, a, &chunk_end);
        if (may_link && chunk_is_link) {
            skip_until = chunk_end;
            group_at = (size_t)-1;
            continue;
        }
        size_t el = elision_prefix(s + a, len);
        word_tok tok = {.start = a + el, .len = len - el, .kind = TOK_WORD, .initial = opens_quotation(s, a)};
        if (after_hyphen && group_at != (size_t)-1 && prev_end + 1 == a) {
            word_tok *head = &out->items[group_at];
            if (head->kind == TOK_WORD) { /* turn the first word into compound + part */
                word_tok first = *head;
                first.kind = TOK_PART;
                head->kind = TOK_COMPOUND;
                head->n_parts = 1;
                push(out, first);
                head = &out->items[group_at];
            }
            head->len = a + len - head->start;
            head->n_parts++;
            tok.kind = TOK_PART;
            tok.initial = head->initial;
        } else {
            group_at = out->count;
        }
        push(out, tok);
        prev_end = a + len;
        after_hyphen = false;
    }
}
