#include "lines.h"
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
