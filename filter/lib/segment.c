#include "segment.h"
#include "buf.h"
#include "text.h"
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct segmenter {
    UBreakIterator *bi;
    UText *ut;      /* UTF-8 text that is not valid UTF-8 */
    utf16_text u16; /* the rest, faster to walk */
};

segmenter *segmenter_new(char *err, size_t errlen)
{
    UErrorCode status = U_ZERO_ERROR;
    /* ss=standard: no break after abbreviations such as "M." */
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "fr@ss=standard", NULL, 0, &status);
    if (U_FAILURE(status)) {
        snprintf(err, errlen, "ICU sentence break iterator: %s", u_errorName(status));
        return NULL;
    }
    segmenter *sg = xcalloc(1, sizeof *sg);
    sg->bi = bi;
    return sg;
}

void segmenter_free(segmenter *sg)
{
    if (!sg)
        return;
    ubrk_close(sg->bi);
    utext_close(sg->ut);
    utf16_text_free(&sg->u16);
    free(sg);
}

void span_vec_free(span_vec *v)
{
    free(v->items);
    v->items = NULL;
    v->count = v->cap = 0;
}

/* ASCII whitespace and the UTF-8 no-break spaces French typography uses. */
static size_t trailing_space_start(const char *s, size_t a, size_t b)
{
    while (b > a) {
        unsigned char c = (unsigned char)s[b - 1];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v')
            b--;
        else if (b - a >= 2 && c == 0xA0 && (unsigned char)s[b - 2] == 0xC2) /* U+00A0 */
            b -= 2;
        else if (b - a >= 3 && (unsigned char)s[b - 3] == 0xE2 && (unsigned char)s[b - 2] == 0x80 &&
                 (c == 0xAF || c == 0x89)) /* U+202F, U+2009 */
            b -= 3;
        else
            break;
    }
    return b;
}

static void push(span_vec *v, span sp)
{
    if (v->count == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        v->items = xrealloc(v->items, v->cap * sizeof *v->items);
    }
    v->items[v->count++] = sp;
}

void segment_sentences(segmenter *sg, const char *s, size_t n, span_vec *out)
{
    out->count = 0;
    UErrorCode status = U_ZERO_ERROR;
    const int32_t *offsets = break_iterator_set_utf8(sg->bi, &sg->u16, &sg->ut, s, n, &status);
    if (U_FAILURE(status)) { /* keep the text whole rather than lose it */
        push(out, (span){0, trailing_space_start(s, 0, n), n});
        return;
    }
    int32_t start = ubrk_first(sg->bi);
    for (int32_t end = ubrk_next(sg->bi); end != UBRK_DONE; start = end, end = ubrk_next(sg->bi)) {
        size_t a = (size_t)(offsets ? offsets[start] : start), b = (size_t)(offsets ? offsets[end] : end);
        size_t core = trailing_space_start(s, a, b);
        while (a < core && (s[a] == ' ' || s[a] == '\t')) /* leading space stays outside */
            a++;
        if (core == a) { /* whitespace only: attach to the previous sentence */
            if (out->count)
                out->items[out->count - 1].end = b;
            else
                push(out, (span){a, a, b});
            continue;
        }
        push(out, (span){a, core, b});
    }
}
