/* UTF-8 checks, NFC normalisation and case folding (ICU). */
#ifndef MTC_TEXT_H
#define MTC_TEXT_H
#include "buf.h"
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <unicode/utypes.h>

typedef struct text_ctx text_ctx; /* per worker scratch space */

text_ctx *text_ctx_new(void);
void text_ctx_free(text_ctx *ctx);

/* Number of ill-formed sequences (ICU's maximal subparts); 0 means valid UTF-8. */
size_t utf8_count_invalid(const char *s, size_t n);
/* True if s is valid UTF-8 made only of code points that NFC leaves alone
   and that combine with no neighbour: s, and every part of it cut between
   characters, is NFC as it stands. */
bool text_is_nfc_inert(text_ctx *ctx, const char *s, size_t n);
/* Appends s to out as NFC; ill-formed sequences become U+FFFD (not normalised). */
void text_append_nfc(text_ctx *ctx, const char *s, size_t n, buf *out);
/* Replaces out with the full case folding of s (for word-list keys). */
void text_fold(text_ctx *ctx, const char *s, size_t n, buf *out);
/* Decodes the code point at s[*i], advancing *i; returns <0 on ill-formed bytes. */
int utf8_next(const char *s, size_t n, size_t *i);
bool is_ascii(const char *s, size_t n);

/* A UTF-16 copy of UTF-8 text for ICU's break iterators, which walk UTF-16
   directly but a UTF-8 UText through a small conversion buffer. */
typedef struct utf16_text {
    UChar *units;
    int32_t *offsets; /* offsets[i]: byte offset in the UTF-8 text of units[i]; offsets[len]: its length */
    int32_t len;
    size_t cap;
} utf16_text;
/* Fills t from s; false (t not to be used) if s is not valid UTF-8. */
bool utf16_from_utf8(utf16_text *t, const char *s, size_t n);

/* Points a break iterator at s: through the UTF-16 copy in u16 when the text
   converts, else through a UTF-8 UText kept in *ut. Returns the UTF-16 index
   -> byte offset map, or NULL when ICU's indexes are byte offsets already. */
const int32_t *break_iterator_set_utf8(UBreakIterator *bi, utf16_text *u16, UText **ut, const char *s, size_t n,
                                       UErrorCode *status);
void utf16_text_free(utf16_text *t);
#endif
