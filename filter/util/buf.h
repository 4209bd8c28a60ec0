/* Growable byte buffer. Allocation failure goes to oom_fail (oom.h): the
   public call under way gives up with MTC_ERR_NOMEM. */
#ifndef MTC_BUF_H
#define MTC_BUF_H
#include <stddef.h>
#include <stdint.h>

typedef struct buf {
    char *data;
    size_t len, cap;
    size_t zeroed; /* data[0..zeroed) has been written or zeroed */
} buf;

void buf_reserve(buf *b, size_t extra);
void buf_append(buf *b, const void *p, size_t n);
void buf_append_str(buf *b, const char *s);
void buf_append_char(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Decimal digits of v: the report writes about twenty numbers per document. */
void buf_append_u64(buf *b, uint64_t v);
void buf_clear(buf *b);
void buf_free(buf *b);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
#endif
