#include "words.h"
#include "buf.h"
#include "text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

struct tokenizer {
    UBreakIterator *bi;
    UText *ut;      /* text that is not valid UTF-8 */
    utf16_text u16; /* the rest, faster to walk */
};

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
    return t;
}

void tokenizer_free(tokenizer *t)
{
    if (!t)
        return;
    ubrk_close(t->bi);
    utext_close(t->ut);
    utf16_text_free(&t->u16);
    free(t);
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
    UErrorCode status = U_ZERO_ERROR;
    const int32_t *offsets = break_iterator_set_utf8(t->bi, &t->u16, &t->ut, s, n, &status);
    if (U_FAILURE(status))
        return;
    /* Without ':', '@' or "www." in the segment no word is in a link. */
    bool may_link = memchr(s, ':', n) || memchr(s, '@', n) || memmem(s, n, "www.", 4);
    size_t skip_until = 0, group_at = (size_t)-1, prev_end = (size_t)-1;
    /* The whitespace-delimited chunk last checked for a link: words of the
       same chunk reuse the answer, else a long chunk without spaces
       ("a,a,a,...") costs a scan per word, quadratic in the line length. */
    size_t chunk_end = 0;
    bool chunk_is_link = false;
    bool after_hyphen = false;
    int32_t start = ubrk_first(t->bi);
    for (int32_t end = ubrk_next(t->bi); end != UBRK_DONE; start = end, end = ubrk_next(t->bi)) {
        size_t a = (size_t)(offsets ? offsets[start] : start);
        size_t len = (size_t)(offsets ? offsets[end] : end) - a;
        int status_tag = ubrk_getRuleStatus(t->bi);
        bool is_word = status_tag >= UBRK_WORD_NUMBER; /* letters, numbers, kana, ideographs */
        if (!is_word) {
            /* A hyphen glued to the previous word may continue a compound. */
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
