/* zstd input and output (libzstd streaming). Input is recognised by its
   magic bytes, as gzip is by zlib: the reader (input.c) reads the raw bytes
   through zlib, which passes bytes that are not gzip through unchanged, and
   hands them here when they open with a zstd frame. Frames follow one
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
/* A decoder fed from raw (through zlib); head is the n bytes already read from it. */
zstdin *zstdin_new(gzFile raw, const char *name, const void *head, size_t n);
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
