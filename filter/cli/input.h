/* Input: a file or stdin, plain, gzip (one member or several in a row) or
   zstd (by its magic bytes, decoded by zstdio.c).
   Gzip is decoded here with inflate rather than gzread, which drops data
   after the last member without a word: such data is an error naming its
   offset, as with gzip -t. The line buffer grows on demand, up to
   max_line + 1 MiB, so a huge --max-buffer costs only what lines need. */
#ifndef MTC_INPUT_H
#define MTC_INPUT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

typedef struct reader {
    int fd;
    const char *name;
    char *data;
    size_t cap, start, end, max_line;
    bool eof;
    /* The raw bytes: zs.next_in/avail_in are what is not consumed yet. */
    unsigned char *raw;
    uint64_t raw_base; /* file offset of raw[0] */
    bool raw_eof, probed, gzip, member_done, zs_ready;
    z_stream zs;
    struct zstdin *zst; /* zstd input: its raw bytes come through plain_read */
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
