/* zstd input and output (libzstd streaming). Input is recognised by its
   magic bytes, as gzip is: the reader (input.c) probes the first bytes and,
   when they open a zstd frame, gives this decoder a source of the raw
   bytes (the probed ones first). Frames follow one
   another (multi-frame, skippable frames); memory is bounded by libzstd's
   default window limit (128 MiB, a frame needing more is an error); a
   truncated or corrupt frame is an error naming the byte where it broke. */
#ifndef MTC_ZSTDIO_H
#define MTC_ZSTDIO_H
#include <stdbool.h>
#include <stddef.h>
#include <zlib.h>

typedef struct zstdin zstdin;
/* Whether these first bytes (at least 4) open a zstd frame or a skippable one. */
bool zstdin_magic(const void *p, size_t n);
/* The raw bytes: up to room of them into dst, 0 at the end, -1 with err filled. */
typedef long (*zstdin_source)(void *ctx, char *dst, size_t room, char *err, size_t errlen);
zstdin *zstdin_new(zstdin_source src, void *ctx, const char *name);
/* Up to room decompressed bytes into dst: the count, 0 at the end of the
   input, -1 with err filled ("NAME: truncated zstd input ..."). */
int zstdin_read(zstdin *z, char *dst, size_t room, char *err, size_t errlen);
void zstdin_free(zstdin *z);

typedef struct zstdout zstdout;
zstdout *zstdout_new(int fd, const char *name, char *err, size_t errlen);
int zstdout_write(zstdout *z, const void *p, size_t n, char *err, size_t errlen);
/* Ends the frame and frees z (the file descriptor is the caller's). */
int zstdout_finish(zstdout *z, char *err, size_t errlen);
#endif
