/* Output: stdout or a file, plain, gzip or zstd. */
#ifndef MTC_OUTPUT_H
#define MTC_OUTPUT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <zlib.h>

typedef struct writer {
    int fd;
    gzFile gz;
    struct zstdout *zst; /* writer_start_zstd */
    const char *name;
} writer;

/* path NULL or "-" writes stdout. */
int writer_open(writer *w, const char *path, bool gzip, char *err, size_t errlen);
/* Compresses what is written next with zstd (a writer opened without gzip). */
int writer_start_zstd(writer *w, char *err, size_t errlen);
int writer_write(writer *w, const void *p, size_t n, char *err, size_t errlen);
/* Flushes and closes; reports a late write error (full disk...). */
int writer_close(writer *w, char *err, size_t errlen);
/* A new temporary file $TMPDIR/NAME.XXXXXX (default /tmp), opened for
   writing and reading back, already unlinked: gone once closed. NULL with
   err filled on failure. */
FILE *temp_file(const char *name, char *err, size_t errlen);
#endif
