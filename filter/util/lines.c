#include "lines.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

bool line_find(const char *p, size_t avail, size_t max_line, bool at_eof, size_t *n, size_t *eoln)
{
    size_t limit = avail < max_line + 1 ? avail : max_line + 1;
    /* The first '\n' or '\r', found with memchr (vectorised) rather than
       byte by byte: '\r' is looked for only before the first '\n'. */
    const char *nl = limit ? memchr(p, '\n', limit) : NULL;
    const char *cr = limit ? memchr(p, '\r', nl ? (size_t)(nl - p) : limit) : NULL;
    const char *hit = cr ? cr : nl;
    if (hit) {
        size_t i = (size_t)(hit - p);
        char c = *hit;
        *n = i;
        if (c == '\n') {
            *eoln = 1;
            return true;
        }
        if (i + 1 < avail) {
            *eoln = p[i + 1] == '\n' ? 2 : 1;
            return true;
        }
        if (!at_eof)
            return false; /* a \n may follow this \r */
        *eoln = 1;
        return true;
    }
    if (avail <= max_line) {
        if (!at_eof || avail == 0)
            return false;
        *n = avail;
        *eoln = 0;
        return true;
    }
    size_t cut = max_line;
    for (size_t i = max_line; i > max_line / 2; i--)
        if (p[i - 1] == ' ' || p[i - 1] == '\t') {
            cut = i;
            break;
        }
    if (cut == max_line)
        while (cut > 1 && ((unsigned char)p[cut] & 0xC0) == 0x80) /* not inside a character */
            cut--;
    *n = cut;
    *eoln = 0;
    return true;
}

void data_lines_open(data_lines *d, const char *name, const char *text, size_t len, unsigned flags, char *err,
                     size_t errlen)
{
    *d = (data_lines){.name = name, .p = text, .end = text ? text + len : text, .flags = flags, .err = err,
                      .errlen = errlen};
}

int data_lines_fail(data_lines *d, const char *fmt, ...)
{
    int k = snprintf(d->err, d->errlen, "%s:%d: ", d->name, d->lineno);
    if (k >= 0 && (size_t)k < d->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->err + k, d->errlen - (size_t)k, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

int data_lines_next(data_lines *d)
{
    while (d->p < d->end) {
        const char *s = d->p, *nl = memchr(s, '\n', (size_t)(d->end - s));
        size_t n = (size_t)((nl ? nl : d->end) - s);
        d->p = nl ? nl + 1 : d->end;
        d->lineno++;
        if (n && s[n - 1] == '\r')
            n--;
        if (memchr(s, '\0', n))
            return d->what ? data_lines_fail(d, "NUL byte in %s", d->what) : data_lines_fail(d, "NUL byte");
        if ((d->flags & DATA_HASH_LINES) && n && s[0] == '#')
            continue;
        const char *hash = d->flags & DATA_HASH_TAIL ? memchr(s, '#', n) : NULL;
        if (hash)
            n = (size_t)(hash - s);
        if ((d->flags & DATA_SKIP_BLANK) && blank(s, n))
            continue;
        buf_clear(&d->copy);
        buf_reserve(&d->copy, n);
        buf_append(&d->copy, s, n);
        d->line = d->copy.data;
        d->line[n] = '\0';
        d->len = n;
        return 1;
    }
    return 0;
}

void data_lines_close(data_lines *d)
{
    buf_free(&d->copy);
    buf_free(&d->text);
}
