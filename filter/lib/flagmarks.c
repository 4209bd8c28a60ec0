#include "flagmarks.h"
#include <stdlib.h>
#include <string.h>

void flag_marks_add(flag_marks *m, size_t at, size_t from, size_t len)
{
    if (m->count == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 16;
        m->items = xrealloc(m->items, m->cap * sizeof *m->items);
    }
    m->items[m->count++] = (flag_mark){at, from, len};
}

void flag_marks_free(flag_marks *m)
{
    free(m->items);
    memset(m, 0, sizeof *m);
}

/* Length of the marker string at s, 0 if none (open is tried first). */
static size_t marker_at(const char *s, size_t n, const char *open, size_t ol, const char *close, size_t cl)
{
    if (n >= ol && memcmp(s, open, ol) == 0)
        return ol;
    if (n >= cl && memcmp(s, close, cl) == 0)
        return cl;
    return 0;
}

void flag_double_markers(buf *out, buf *scratch, const flag_marks *m, const char *line, size_t n, const char *open,
                         const char *close)
{
    size_t ol = strlen(open), cl = strlen(close);
    if (!memmem(line, n, open, ol) && !memmem(line, n, close, cl))
        return; /* the usual case: nothing to double */
    buf_clear(scratch);
    size_t k = 0;
    for (size_t i = 0;;) {
        for (; k < m->count && m->items[k].at <= i; k++)
            buf_append(scratch, out->data + m->items[k].from, m->items[k].len);
        if (i >= n)
            break;
        size_t hit = marker_at(line + i, n - i, open, ol, close, cl);
        if (hit) {
            buf_append(scratch, line + i, hit);
            buf_append(scratch, line + i, hit);
            i += hit;
        } else {
            buf_append_char(scratch, line[i++]);
        }
    }
    buf tmp = *out;
    *out = *scratch;
    *scratch = tmp;
}
