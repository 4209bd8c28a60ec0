#include "input.h"
#include "buf.h"
#include "lines.h"
#include "zstdio.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define READ_CHUNK (1u << 20)

int reader_open(reader *r, const char *path, size_t max_line, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    bool use_stdin = !path || strcmp(path, "-") == 0;
    r->name = use_stdin ? "(stdin)" : path;
    int fd = use_stdin ? dup(STDIN_FILENO) : open(path, O_RDONLY);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", r->name, strerror(errno));
        return -1;
    }
    r->gz = gzdopen(fd, "rb");
    if (!r->gz) {
        close(fd);
        snprintf(err, errlen, "%s: cannot open: out of memory", r->name);
        return -1;
    }
    gzbuffer(r->gz, 256 * 1024);
    r->max_line = max_line;
    r->cap = max_line + READ_CHUNK + 2;
    r->data = xmalloc(r->cap);
    /* zstd: the first bytes say (zlib passes what is not gzip through). */
    int head = gzread(r->gz, r->data, 4);
    if (head > 0)
        r->end = (size_t)head;
    if (head == 4 && zstdin_magic(r->data, 4)) {
        r->zst = zstdin_new(r->gz, r->name, r->data, 4);
        r->end = 0;
    }
    return 0;
}

static int refill(reader *r, char *err, size_t errlen)
{
    if (r->start > 0) { /* slide the unread tail to the front */
        memmove(r->data, r->data + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    size_t room = r->cap - r->end;
    if (room > READ_CHUNK)
        room = READ_CHUNK;
    int got = r->zst ? zstdin_read(r->zst, r->data + r->end, room, err, errlen)
                     : gzread(r->gz, r->data + r->end, (unsigned)room);
    if (got < 0 && r->zst)
        return -1;
    if (got < 0) {
        int code;
        const char *msg = gzerror(r->gz, &code);
        snprintf(err, errlen, "%s: %s%s", r->name, code == Z_ERRNO ? strerror(errno) : msg,
                 code == Z_BUF_ERROR ? " (truncated gzip input)" : "");
        return -1;
    }
    if (got == 0) {
        int code;
        const char *msg = gzerror(r->gz, &code);
        if (code != Z_OK && code != Z_STREAM_END) {
            snprintf(err, errlen, "%s: %s%s", r->name, msg, code == Z_BUF_ERROR ? " (truncated gzip input)" : "");
            return -1;
        }
        r->eof = true;
    }
    r->end += (size_t)got;
    return 0;
}

int reader_next_line(reader *r, const char **line, size_t *n, size_t *eoln, char *err, size_t errlen)
{
    for (;;) {
        const char *p = r->data + r->start;
        size_t avail = r->end - r->start;
        if (line_find(p, avail, r->max_line, r->eof, n, eoln)) {
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
    if (r->gz)
        gzclose(r->gz);
    free(r->data);
    memset(r, 0, sizeof *r);
}
