/* Required literals of a pattern (literals_parse.c finds them) made into
   searches: each literal's two rarest bytes are probed, 16 places at a
   time. */
#include "literals_parse.h"
#include "buf.h"
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* How common a byte is in French text, roughly: higher is more common.
   A search probes a literal's two rarest bytes, so that few places of a
   subject pass the probe and need a full comparison. */
static int commonness(unsigned char c)
{
    static const char order[] = "e asitnrulodcpm\xC3\xA9v.,qfbghj'\xE2\x80\x99yxz\xA8\xA0\xAAwk\xA7";
    const char *at = memchr(order, c, sizeof order - 1);
    return at ? (int)(sizeof order - (size_t)(at - order)) : 0;
}

/* Fills the search probes of l. */
static void choose_probes(literal *l, bool caseless)
{
    unsigned best = 0, second = l->len > 1 ? 1 : 0;
    for (unsigned k = 0; k < l->len; k++) {
        int c = commonness((unsigned char)l->s[k]);
        if (c < commonness((unsigned char)l->s[best]))
            second = best, best = k;
        else if (k != best && (second == best || c < commonness((unsigned char)l->s[second])))
            second = k;
    }
    if (best > second) {
        unsigned t = best;
        best = second;
        second = t;
    }
    l->at1 = (uint8_t)best;
    l->at2 = (uint8_t)second;
    l->b1 = (unsigned char)l->s[best];
    l->b2 = (unsigned char)l->s[second];
    l->fold1 = caseless && l->b1 >= 'a' && l->b1 <= 'z' ? 0x20 : 0;
    l->fold2 = caseless && l->b2 >= 'a' && l->b2 <= 'z' ? 0x20 : 0;
}

/* Literals in order of length (the shorter, the likelier to be found and
   end the search), then of bytes. */
static int by_length(const void *pa, const void *pb)
{
    const literal *a = pa, *b = pb;
    if (a->len != b->len)
        return (int)a->len - (int)b->len;
    return memcmp(a->s, b->s, a->len);
}

void literals_extract(const char *pat, size_t len, bool caseless, bool extended, bool anchored, literals *out)
{
    memset(out, 0, sizeof *out);
    if (extended) /* white space and comments in the pattern */
        return;
    lit_parser lp = {.p = pat, .end = pat + len, .caseless = caseless, .ok = true, .bytes_ok = true};
    info *x = xmalloc(sizeof *x);
    literals_walk(&lp, x);
    const sset *r = NULL;
    if (lp.ok && lp.p == lp.end) {
        if (lp.bytes_ok)
            out->needs = x->bytes;
        sset_minimize(&x->prefix, true);
        if (anchored && !sset_has_empty(&x->prefix)) {
            r = &x->prefix;
            out->at_start = true;
        } else if (x->req_ok)
            r = &x->req;
    }
    if (r && r->n > 0) {
        out->items = xcalloc(r->n, sizeof *out->items);
        out->count = r->n;
        for (unsigned i = 0; i < r->n; i++)
            for (unsigned k = 0; k < r->len[i]; k++) /* without letters, case does not matter */
                out->caseless |= r->caseless && r->s[i][k] >= 'a' && r->s[i][k] <= 'z';
        for (unsigned i = 0; i < r->n; i++) {
            literal *l = &out->items[i];
            l->len = r->len[i];
            memcpy(l->s, r->s[i], r->len[i]);
            for (unsigned k = 0; k < r->len[i]; k++)
                byteset_add(&l->bytes, (unsigned char)r->s[i][k]);
            choose_probes(l, out->caseless);
        }
        qsort(out->items, out->count, sizeof *out->items, by_length);
    }
    free(x);
}

void literals_free(literals *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* Whether l is at h, caseless: ASCII letters of h in either case. */
static bool same(const literal *l, const unsigned char *h, bool caseless)
{
    if (!caseless)
        return memcmp(h, l->s, l->len) == 0;
    for (unsigned k = 0; k < l->len; k++) {
        unsigned char c = h[k];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != (unsigned char)l->s[k])
            return false;
    }
    return true;
}

/* Whether l occurs in h: its probe bytes, 16 places at a time, then the
   whole literal where both are found. Subjects are short (a sentence):
   this beats memmem, which first builds a table for the literal. */
static bool search(const literal *l, const unsigned char *h, size_t n, bool caseless)
{
    if (n < l->len)
        return false;
    size_t starts = n - l->len + 1, pos = 0;
#if defined(__SSE2__)
    const __m128i b1 = _mm_set1_epi8((char)l->b1), b2 = _mm_set1_epi8((char)l->b2);
    const __m128i f1 = _mm_set1_epi8((char)l->fold1), f2 = _mm_set1_epi8((char)l->fold2);
    for (; pos + 16 <= starts; pos += 16) { /* reads up to h[pos + 15 + at2] < h[n] */
        __m128i x = _mm_or_si128(_mm_loadu_si128((const __m128i *)(h + pos + l->at1)), f1);
        __m128i y = _mm_or_si128(_mm_loadu_si128((const __m128i *)(h + pos + l->at2)), f2);
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x, b1), _mm_cmpeq_epi8(y, b2)));
        for (; bits; bits &= bits - 1)
            if (same(l, h + pos + (unsigned)__builtin_ctz(bits), caseless))
                return true;
    }
#endif
    for (; pos < starts; pos++)
        if ((h[pos + l->at1] | l->fold1) == l->b1 && (h[pos + l->at2] | l->fold2) == l->b2 &&
            same(l, h + pos, caseless))
            return true;
    return false;
}

bool literals_occur(const literals *l, const char *hay, size_t n, const byteset *have)
{
    const unsigned char *h = (const unsigned char *)hay;
    for (size_t i = 0; i < l->count; i++) {
        const literal *x = &l->items[i];
        if (l->at_start ? n >= x->len && same(x, h, l->caseless)
                        : byteset_within(&x->bytes, have) && (x->len == 1 || search(x, h, n, l->caseless)))
            return true;
    }
    return false;
}
