/* Input: a file or stdin, plain, gzip (zlib detects it, also multi-member)
   or zstd (detected by its magic bytes: zstdio.h). */
#ifndef MTC_INPUT_H
#define MTC_INPUT_H
#include <stdbool.h>
#include <stddef.h>
#include <zlib.h>

typedef struct reader {
    gzFile gz;
    struct zstdin *zst;   /* zstd input: gz gives its raw bytes */
    const char *name;
    char *data;
    size_t cap, start, end, max_line;
    bool eof;
} reader;

/* path NULL or "-" reads stdin. Returns 0, or -1 with err filled. */
int reader_open(reader *r, const char *path, size_t max_line, char *err, size_t errlen);
/* 1: a line, 0: end of input, -1: read error (truncated gzip...). The line
   stays valid until the next call. */
int reader_next_line(reader *r, const char **line, size_t *n, size_t *eoln, char *err, size_t errlen);
/* Whether every byte was returned: after a line with no terminator, tells
   the last line of the input from a line cut at max_line. */
bool reader_at_end(const reader *r);
void reader_close(reader *r);
#endif
