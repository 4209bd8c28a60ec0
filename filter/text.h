/* UTF-8 checks, NFC normalisation and case folding (ICU). */
#ifndef MTC_TEXT_H
#define MTC_TEXT_H
#include "buf.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct text_ctx text_ctx; /* per worker scratch space */

text_ctx *text_ctx_new(void);
void text_ctx_free(text_ctx *ctx);

/* Number of ill-formed sequences (ICU's maximal subparts); 0 means valid UTF-8. */
size_t utf8_count_invalid(const char *s, size_t n);
/* Appends s to out as NFC; ill-formed sequences become U+FFFD (not normalised). */
void text_append_nfc(text_ctx *ctx, const char *s, size_t n, buf *out);
/* Replaces out with the full case folding of s (for word-list keys). */
void text_fold(text_ctx *ctx, const char *s, size_t n, buf *out);
/* Decodes the code point at s[*i], advancing *i; returns <0 on ill-formed bytes. */
int utf8_next(const char *s, size_t n, size_t *i);
bool is_ascii(const char *s, size_t n);
#endif
