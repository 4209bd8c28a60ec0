#include "input.h"
#include "buf.h"
#include "lines.h"
#include "zstdio.h"
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define READ_CHUNK (1u << 20)
#define RAW_CHUNK (256u << 10)
#define FIRST_CAP ((size_t)64 << 10)

int reader_open(reader *r, const char *path, size_t max_line, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    bool use_stdin = !path || strcmp(path, "-") == 0;
    r->name = use_stdin ? "(stdin)" : path;
    r->fd = use_stdin ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC);
    if (r->fd < 0) {
        snprintf(err, errlen, "%s: %s", r->name, strerror(errno));
        return -1;
    }
    r->max_line = max_line;
    r->raw = xmalloc(RAW_CHUNK);
    r->zs.next_in = r->raw;
    r->cap = FIRST_CAP;
    r->data = xmalloc(r->cap);
    return 0;
}

static int read_error(reader *r, char *err, size_t errlen)
{
    snprintf(err, errlen, "%s: %s", r->name, strerror(errno));
    return -1;
}

/* More raw bytes after the unconsumed ones; raw_eof at the end of the file. */
static int raw_more(reader *r, char *err, size_t errlen)
{
    size_t keep = r->zs.avail_in;
    r->raw_base += (uint64_t)(r->zs.next_in - r->raw);
    memmove(r->raw, r->zs.next_in, keep);
    r->zs.next_in = r->raw;
    for (;;) {
        ssize_t got = read(r->fd, r->raw + keep, RAW_CHUNK - keep);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return read_error(r, err, errlen);
        r->raw_eof = got == 0;
        r->zs.avail_in = (uInt)(keep + (size_t)got);
        return 0;
    }
}

/* At least n raw bytes unconsumed, unless the file ends first. */
static int raw_need(reader *r, size_t n, char *err, size_t errlen)
{
    while (r->zs.avail_in < n && !r->raw_eof)
        if (raw_more(r, err, errlen) < 0)
            return -1;
    return 0;
}

static bool gzip_magic(const reader *r)
{
    return r->zs.avail_in >= 2 && r->zs.next_in[0] == 0x1f && r->zs.next_in[1] == 0x8b;
}

static uint64_t raw_offset(const reader *r) { return r->raw_base + (uint64_t)(r->zs.next_in - r->raw); }

/* After a member: another one, or the end; anything else is an error. */
static int next_member(reader *r, char *err, size_t errlen)
{
    if (raw_need(r, 2, err, errlen) < 0)
        return -1;
    if (r->zs.avail_in == 0)
        return 0;
    if (!gzip_magic(r)) {
        snprintf(err, errlen, "%s: trailing data after gzip data at byte offset %" PRIu64, r->name, raw_offset(r));
        return -1;
    }
    inflateReset(&r->zs);
    r->member_done = false;
    return 1;
}

/* Up to room decompressed bytes into dst; 0 at the end. */
static long gz_read(reader *r, char *dst, size_t room, char *err, size_t errlen)
{
    for (;;) {
        if (r->member_done) {
            int more = next_member(r, err, errlen);
            if (more <= 0)
                return more;
        }
        if (r->zs.avail_in == 0 && raw_more(r, err, errlen) < 0)
            return -1;
        r->zs.next_out = (unsigned char *)dst;
        r->zs.avail_out = (uInt)room;
        int z = inflate(&r->zs, Z_NO_FLUSH);
        size_t got = room - r->zs.avail_out;
        if (z == Z_STREAM_END)
            r->member_done = true;
        else if (z == Z_BUF_ERROR && r->zs.avail_in == 0 && r->raw_eof) {
            snprintf(err, errlen, "%s: unexpected end of file (truncated gzip input)", r->name);
            return -1;
        } else if (z != Z_OK && z != Z_BUF_ERROR) {
            snprintf(err, errlen, "%s: invalid gzip data near byte offset %" PRIu64 ": %s", r->name, raw_offset(r),
                     r->zs.msg ? r->zs.msg : zError(z));
            return -1;
        }
        if (got)
            return (long)got;
    }
}

/* Plain input: the probed bytes first, then straight from the file. */
static long plain_read(reader *r, char *dst, size_t room, char *err, size_t errlen)
{
    if (r->zs.avail_in) {
        size_t n = r->zs.avail_in < room ? r->zs.avail_in : room;
        memcpy(dst, r->zs.next_in, n);
        r->zs.next_in += n;
        r->zs.avail_in -= (uInt)n;
        return (long)n;
    }
    for (;;) {
        ssize_t got = read(r->fd, dst, room);
        if (got < 0 && errno == EINTR)
            continue;
        return got < 0 ? read_error(r, err, errlen) : (long)got;
    }
}

static long plain_source(void *ctx, char *dst, size_t room, char *err, size_t errlen)
{
    return plain_read(ctx, dst, room, err, errlen);
}

static long raw_read(reader *r, char *dst, size_t room, char *err, size_t errlen)
{
    if (!r->probed) {
        r->probed = true;
        if (raw_need(r, 4, err, errlen) < 0)
            return -1;
        if (zstdin_magic(r->zs.next_in, r->zs.avail_in)) /* its bytes are read as plain ones */
            r->zst = zstdin_new(plain_source, r, r->name);
        r->gzip = !r->zst && gzip_magic(r);
        if (r->gzip && inflateInit2(&r->zs, 15 + 16) != Z_OK) {
            snprintf(err, errlen, "%s: cannot start gzip decoding: out of memory", r->name);
            return -1;
        }
        r->zs_ready = r->gzip;
    }
    if (r->zst)
        return zstdin_read(r->zst, dst, room, err, errlen);
    return r->gzip ? gz_read(r, dst, room, err, errlen) : plain_read(r, dst, room, err, errlen);
}

/* Room for the next read: the buffer grows while a line does not fit, up to
   what the longest line needs. */
static void make_room(reader *r)
{
    if (r->start > 0) { /* slide the unread tail to the front */
        memmove(r->data, r->data + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    size_t most = r->max_line + READ_CHUNK + 2;
    if (r->cap - r->end >= READ_CHUNK || r->cap >= most)
        return;
    size_t cap = r->cap;
    while (cap - r->end < READ_CHUNK && cap < most)
        cap = cap > most / 2 ? most : cap * 2;
    r->data = xrealloc(r->data, cap);
    r->cap = cap;
}

static int refill(reader *r, char *err, size_t errlen)
{
    make_room(r);
    size_t room = r->cap - r->end;
    if (room > READ_CHUNK)
        room = READ_CHUNK;
    long got = raw_read(r, r->data + r->end, room, err, errlen);
    if (got < 0)
        return -1;
    r->eof = got == 0;
    r->end += (size_t)got;
    return 0;
}

int reader_next_line(reader *r, const char **line, size_t *n, size_t *eoln, char *err, size_t errlen)
{
    for (;;) {
        const char *p = r->data + r->start;
        size_t avail = r->end - r->start;
        if (avail && line_find(p, avail, r->max_line, r->eof, n, eoln)) {
            *line = p;
            r->start += *n + *eoln;
            return 1;
        }
        if (r->eof)
            return 0;
        if (refill(r, err, errlen) < 0)
            return -1;
    }
}

bool reader_at_end(const reader *r) { return r->eof && r->start == r->end; }

void reader_close(reader *r)
{
    zstdin_free(r->zst);
    if (r->zs_ready)
        inflateEnd(&r->zs);
    if (r->fd >= 0)
        close(r->fd);
    free(r->raw);
    free(r->data);
    memset(r, 0, sizeof *r);
    r->fd = -1;
}
