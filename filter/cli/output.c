#include "output.h"
#include "buf.h"
#include "zstdio.h"
#include "outfile.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int writer_open(writer *w, const char *path, bool gzip, char *err, size_t errlen)
{
    memset(w, 0, sizeof *w);
    bool use_stdout = !path || strcmp(path, "-") == 0;
    w->name = use_stdout ? "(stdout)" : path;
    /* Outputs are opened and checked up front (outfile.c); others, here. */
    w->fd = use_stdout ? dup(STDOUT_FILENO) : outfile_take(path);
    if (w->fd < 0 && !use_stdout)
        w->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (w->fd < 0) {
        snprintf(err, errlen, "%s: %s", w->name, strerror(errno));
        return -1;
    }
    if (gzip) {
        w->gz = gzdopen(w->fd, "wb6");
        if (!w->gz) {
            close(w->fd);
            snprintf(err, errlen, "%s: cannot start gzip output", w->name);
            return -1;
        }
        gzbuffer(w->gz, 256 * 1024);
    }
    return 0;
}

int writer_start_zstd(writer *w, char *err, size_t errlen)
{
    w->zst = zstdout_new(w->fd, w->name, err, errlen);
    return w->zst ? 0 : -1;
}

int writer_write(writer *w, const void *p, size_t n, char *err, size_t errlen)
{
    if (w->zst)
        return zstdout_write(w->zst, p, n, err, errlen);
    const char *s = p;
    while (n > 0) {
        if (w->gz) {
            unsigned chunk = n > (1u << 30) ? (1u << 30) : (unsigned)n;
            int put = gzwrite(w->gz, s, chunk);
            if (put <= 0) {
                int code;
                const char *msg = gzerror(w->gz, &code);
                snprintf(err, errlen, "%s: %s", w->name, code == Z_ERRNO ? strerror(errno) : msg);
                return -1;
            }
            s += put;
            n -= (size_t)put;
            continue;
        }
        ssize_t put = write(w->fd, s, n);
        if (put < 0) {
            if (errno == EINTR)
                continue;
            snprintf(err, errlen, "%s: %s", w->name, strerror(errno));
            return -1;
        }
        s += put;
        n -= (size_t)put;
    }
    return 0;
}

int writer_close(writer *w, char *err, size_t errlen)
{
    int rc = 0;
    if (w->zst && zstdout_finish(w->zst, err, errlen) < 0)
        rc = -1;
    if (w->gz) {
        int code = gzclose(w->gz);
        if (code != Z_OK) { /* Z_ERRNO: the write failed, errno says why */
            snprintf(err, errlen, "%s: %s", w->name, code == Z_ERRNO ? strerror(errno) : zError(code));
            rc = -1;
        }
    } else if (w->fd >= 0 && close(w->fd) < 0) {
        snprintf(err, errlen, "%s: %s", w->name, strerror(errno));
        rc = -1;
    }
    memset(w, 0, sizeof *w);
    w->fd = -1;
    return rc;
}

FILE *temp_file(const char *name, char *err, size_t errlen)
{
    const char *dir = getenv("TMPDIR");
    buf path = {0};
    buf_printf(&path, "%s/%s.XXXXXX", dir && *dir ? dir : "/tmp", name);
    int fd = mkstemp(path.data);
    FILE *f = NULL;
    if (fd < 0) {
        snprintf(err, errlen, "cannot create a temporary file %s: %s", path.data, strerror(errno));
    } else {
        unlink(path.data);
        f = fdopen(fd, "w+b");
        if (!f) {
            snprintf(err, errlen, "temporary file: %s", strerror(errno));
            close(fd);
        }
    }
    buf_free(&path);
    return f;
}
