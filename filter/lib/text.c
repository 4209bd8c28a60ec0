#include "text.h"
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

struct text_ctx {
    const UNormalizer2 *nfc;
    UChar *u16, *u16b;
    size_t cap16;
    uint8_t *bmp_inert; /* per BMP code point: 0 not looked up yet, 1 NFC-inert, 2 not */
};

text_ctx *text_ctx_new(void)
{
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status))
        return NULL;
    text_ctx *ctx = xcalloc(1, sizeof *ctx);
    ctx->nfc = nfc;
    ctx->bmp_inert = xcalloc(0x10000, 1);
    return ctx;
}

void text_ctx_free(text_ctx *ctx)
{
    if (!ctx)
        return;
    free(ctx->u16);
    free(ctx->u16b);
    free(ctx->bmp_inert);
    free(ctx);
}

int utf8_next(const char *s, size_t n, size_t *i)
{
    UChar32 c;
    int32_t pos = (int32_t)*i;
    U8_NEXT((const uint8_t *)s, pos, (int32_t)n, c);
    *i = (size_t)pos;
    return c;
}

size_t utf8_count_invalid(const char *s, size_t n)
{
    size_t bad = 0, i = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) { /* fast path for ASCII */
            i++;
            continue;
        }
        if (utf8_next(s, n, &i) < 0)
            bad++;
    }
    return bad;
}

bool is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* Ensures both UTF-16 scratch buffers hold at least n units. */
static void reserve16(text_ctx *ctx, size_t n)
{
    if (n <= ctx->cap16)
        return;
    ctx->cap16 = n * 2 + 16;
    ctx->u16 = xrealloc(ctx->u16, ctx->cap16 * sizeof(UChar));
    ctx->u16b = xrealloc(ctx->u16b, ctx->cap16 * sizeof(UChar));
}

static int32_t to_utf16(text_ctx *ctx, const char *s, size_t n)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t len = 0;
    reserve16(ctx, n + 1);
    u_strFromUTF8(ctx->u16, (int32_t)ctx->cap16, &len, s, (int32_t)n, &status);
    return U_FAILURE(status) ? -1 : len;
}

static void append_utf16(buf *out, const UChar *u, int32_t len)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t need = 0;
    u_strToUTF8(NULL, 0, &need, u, len, &status);
    buf_reserve(out, (size_t)need);
    status = U_ZERO_ERROR;
    u_strToUTF8(out->data + out->len, need + 1, &need, u, len, &status);
    out->len += (size_t)need;
    out->data[out->len] = '\0';
}

/* Each ill-formed sequence becomes U+FFFD, so later stages see valid UTF-8. */
static void append_sanitised(const char *s, size_t n, buf *out)
{
    for (size_t i = 0; i < n;) {
        size_t start = i;
        if (utf8_next(s, n, &i) < 0)
            buf_append(out, "\xEF\xBF\xBD", 3);
        else
            buf_append(out, s + start, i - start);
    }
}

/* A code point with NFC_Quick_Check=Yes and combining class 0 is left alone
   by NFC and never combines with a neighbour (only NFC_QC=Maybe code points
   combine backwards), so text made only of such code points is already NFC:
   unorm2_quickCheck would say UNORM_YES. Everything below U+0300 is such a
   code point (tests/unit-text.c checks it against ICU); others are looked up in
   ICU's own properties once. */
static bool nfc_inert(text_ctx *ctx, UChar32 c)
{
    if (c < 0x300)
        return true;
    if (c > 0xFFFF)
        return false;
    if (!ctx->bmp_inert[c])
        ctx->bmp_inert[c] = u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
                                    u_getCombiningClass(c) == 0
                                ? 1
                                : 2;
    return ctx->bmp_inert[c] == 1;
}

/* Valid UTF-8 that NFC leaves as it is: the common case, found on the UTF-8
   bytes without the UTF-16 copy that unorm2_quickCheck needs. */
bool text_is_nfc_inert(text_ctx *ctx, const char *s, size_t n)
{
    const uint8_t *p = (const uint8_t *)s;
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        int c = utf8_next(s, n, &i);
        if (c < 0 || !nfc_inert(ctx, c))
            return false;
    }
    return true;
}

void text_append_nfc(text_ctx *ctx, const char *s, size_t n, buf *out)
{
    if (text_is_nfc_inert(ctx, s, n)) {
        buf_append(out, s, n);
        return;
    }
    if (utf8_count_invalid(s, n) > 0) {
        append_sanitised(s, n, out);
        return;
    }
    int32_t len = to_utf16(ctx, s, n);
    UErrorCode status = U_ZERO_ERROR;
    if (len < 0 || unorm2_quickCheck(ctx->nfc, ctx->u16, len, &status) == UNORM_YES) {
        buf_append(out, s, n);
        return;
    }
    /* NFC may grow the text; retry once with the size ICU asks for. */
    status = U_ZERO_ERROR;
    int32_t outlen = unorm2_normalize(ctx->nfc, ctx->u16, len, ctx->u16b, (int32_t)ctx->cap16, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        UChar *big = xmalloc(((size_t)outlen + 1) * sizeof(UChar));
        status = U_ZERO_ERROR;
        outlen = unorm2_normalize(ctx->nfc, ctx->u16, len, big, outlen + 1, &status);
        if (U_SUCCESS(status))
            append_utf16(out, big, outlen);
        else
            buf_append(out, s, n);
        free(big);
        return;
    }
    if (U_FAILURE(status))
        buf_append(out, s, n);
    else
        append_utf16(out, ctx->u16b, outlen);
}

void text_fold(text_ctx *ctx, const char *s, size_t n, buf *out)
{
    buf_clear(out);
    if (is_ascii(s, n)) {
        buf_reserve(out, n);
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            out->data[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        out->len = n;
        out->data[n] = '\0';
        return;
    }
    int32_t len = to_utf16(ctx, s, n);
    if (len < 0) {
        buf_append(out, s, n);
        return;
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t outlen = u_strFoldCase(ctx->u16b, (int32_t)ctx->cap16, ctx->u16, len, U_FOLD_CASE_DEFAULT, &status);
    if (U_FAILURE(status)) { /* folding grew past the scratch size: keep the text */
        buf_append(out, s, n);
        return;
    }
    append_utf16(out, ctx->u16b, outlen);
}

bool utf16_from_utf8(utf16_text *t, const char *s, size_t n)
{
    if (n >= INT32_MAX / 2)
        return false;
    if (n + 1 > t->cap) { /* never more UTF-16 units than UTF-8 bytes */
        t->cap = n + 1 + n / 2;
        t->units = xrealloc(t->units, t->cap * sizeof *t->units);
        t->offsets = xrealloc(t->offsets, t->cap * sizeof *t->offsets);
    }
    const uint8_t *p = (const uint8_t *)s;
    UChar *units = t->units;
    int32_t *offsets = t->offsets, j = 0, len = (int32_t)n;
    for (int32_t i = 0; i < len;) {
        if (p[i] < 0x80) {
            units[j] = p[i];
            offsets[j++] = i++;
            continue;
        }
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, len, c);
        if (c < 0)
            return false;
        if (c <= 0xFFFF) {
            units[j] = (UChar)c;
            offsets[j++] = start;
        } else {
            units[j] = U16_LEAD(c);
            offsets[j++] = start;
            units[j] = U16_TRAIL(c);
            offsets[j++] = start;
        }
    }
    t->offsets[j] = (int32_t)n;
    t->len = j;
    return true;
}

void utf16_text_free(utf16_text *t)
{
    free(t->units);
    free(t->offsets);
    t->units = NULL;
    t->offsets = NULL;
    t->len = 0;
    t->cap = 0;
}

const int32_t *break_iterator_set_utf8(UBreakIterator *bi, utf16_text *u16, UText **ut, const char *s, size_t n,
                                       UErrorCode *status)
{
    if (utf16_from_utf8(u16, s, n)) {
        ubrk_setText(bi, u16->units, u16->len, status);
        return u16->offsets;
    }
    *ut = utext_openUTF8(*ut, s, (int64_t)n, status);
    ubrk_setUText(bi, *ut, status);
    return NULL;
}
