#include "zstdio.h"
#include "buf.h"
#include "oom.h"
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

/* The level of --zstd: zstd's own default, fast and a good ratio for text. */
#define ZSTD_OUTPUT_LEVEL 3
/* Compressed bytes given to libzstd at a time, so that an error is placed
   within this many bytes of where the decoder found it. */
#define ZSTD_SLICE 4096

struct zstdin {
    zstdin_source src;
    void *ctx;
    const char *name;
    ZSTD_DCtx *ds;
    ZSTD_inBuffer in;
    char *inbuf;
    size_t incap;
    uint64_t consumed; /* compressed bytes decoded so far */
    size_t pending;    /* libzstd's last hint: 0 once a frame is complete */
    bool eof;
};

bool zstdin_magic(const void *p, size_t n)
{
    const unsigned char *b = p;
    if (n < 4)
        return false;
    uint32_t m = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return m == ZSTD_MAGICNUMBER || (m & ZSTD_MAGIC_SKIPPABLE_MASK) == ZSTD_MAGIC_SKIPPABLE_START;
}

zstdin *zstdin_new(zstdin_source src, void *ctx, const char *name)
{
    zstdin *z = xcalloc(1, sizeof *z);
    z->ds = ZSTD_createDCtx();
    if (!z->ds)
        oom_fail(sizeof *z);
    z->src = src;
    z->ctx = ctx;
    z->name = name;
    z->incap = ZSTD_DStreamInSize();
    z->inbuf = xmalloc(z->incap);
    z->in = (ZSTD_inBuffer){z->inbuf, 0, 0};
    z->pending = 1; /* a frame has begun */
    return z;
}

/* More compressed bytes: 0, or -1 with err filled (a read error). */
static int fill(zstdin *z, char *err, size_t errlen)
{
    long got = z->src(z->ctx, z->inbuf, z->incap, err, errlen);
    if (got < 0)
        return -1;
    z->in = (ZSTD_inBuffer){z->inbuf, (size_t)got, 0};
    z->eof = got == 0;
    return 0;
}

int zstdin_read(zstdin *z, char *dst, size_t room, char *err, size_t errlen)
{
    ZSTD_outBuffer out = {dst, room, 0};
    for (;;) {
        if (z->in.pos == z->in.size && !z->eof && fill(z, err, errlen) < 0)
            return -1;
        if (z->in.pos == z->in.size && z->eof && z->pending == 0)
            return (int)out.pos; /* every frame is complete */
        size_t left = z->in.size - z->in.pos;
        ZSTD_inBuffer slice = {z->inbuf + z->in.pos, left < ZSTD_SLICE ? left : ZSTD_SLICE, 0};
        size_t ret = ZSTD_decompressStream(z->ds, &out, &slice);
        if (ZSTD_isError(ret)) {
            snprintf(err, errlen, "%s: corrupt zstd input near byte %" PRIu64 ": %s", z->name,
                     z->consumed + slice.size, ZSTD_getErrorName(ret));
            return -1;
        }
        z->in.pos += slice.pos;
        z->consumed += slice.pos;
        z->pending = ret;
        if (out.pos > 0)
            return (int)out.pos;
        if (z->in.pos == z->in.size && z->eof && ret != 0) {
            snprintf(err, errlen, "%s: truncated zstd input (the frame is cut at byte %" PRIu64 ")", z->name,
                     z->consumed);
            return -1;
        }
    }
}

void zstdin_free(zstdin *z)
{
    if (!z)
        return;
    ZSTD_freeDCtx(z->ds);
    free(z->inbuf);
    free(z);
}

struct zstdout {
    int fd;
    const char *name;
    ZSTD_CCtx *cs;
    char *outbuf;
    size_t outcap;
};

zstdout *zstdout_new(int fd, const char *name, char *err, size_t errlen)
{
    ZSTD_CCtx *cs = ZSTD_createCCtx();
    if (!cs || ZSTD_isError(ZSTD_CCtx_setParameter(cs, ZSTD_c_compressionLevel, ZSTD_OUTPUT_LEVEL)) ||
        ZSTD_isError(ZSTD_CCtx_setParameter(cs, ZSTD_c_checksumFlag, 1))) {
        ZSTD_freeCCtx(cs);
        snprintf(err, errlen, "%s: cannot start zstd output", name);
        return NULL;
    }
    zstdout *z = xcalloc(1, sizeof *z);
    z->fd = fd;
    z->name = name;
    z->cs = cs;
    z->outcap = ZSTD_CStreamOutSize();
    z->outbuf = xmalloc(z->outcap);
    return z;
}

static int put(zstdout *z, const char *p, size_t n, char *err, size_t errlen)
{
    while (n > 0) {
        ssize_t w = write(z->fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            snprintf(err, errlen, "%s: %s", z->name, strerror(errno));
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Compresses in (all of it with ZSTD_e_continue, or to the frame's end). */
static int pump(zstdout *z, ZSTD_inBuffer *in, ZSTD_EndDirective mode, char *err, size_t errlen)
{
    for (;;) {
        ZSTD_outBuffer out = {z->outbuf, z->outcap, 0};
        size_t left = ZSTD_compressStream2(z->cs, &out, in, mode);
        if (ZSTD_isError(left)) {
            snprintf(err, errlen, "%s: zstd: %s", z->name, ZSTD_getErrorName(left));
            return -1;
        }
        if (put(z, z->outbuf, out.pos, err, errlen) < 0)
            return -1;
        if (mode == ZSTD_e_end ? left == 0 : in->pos == in->size)
            return 0;
    }
}

int zstdout_write(zstdout *z, const void *p, size_t n, char *err, size_t errlen)
{
    ZSTD_inBuffer in = {p, n, 0};
    return pump(z, &in, ZSTD_e_continue, err, errlen);
}

int zstdout_finish(zstdout *z, char *err, size_t errlen)
{
    ZSTD_inBuffer in = {NULL, 0, 0};
    int rc = pump(z, &in, ZSTD_e_end, err, errlen);
    ZSTD_freeCCtx(z->cs);
    free(z->outbuf);
    free(z);
    return rc;
}
