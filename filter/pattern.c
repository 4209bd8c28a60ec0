#include "pattern.h"

bool pattern_is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t pattern_char_len(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
}

const char *pattern_class_end(const char *p, const char *end)
{
    const char *q = p + 1;
    if (q < end && *q == '^')
        q++;
    if (q < end && *q == ']') /* a ']' first is a member */
        q++;
    while (q < end) {
        if (*q == '\\')
            q += 2;
        else if (*q == '[' && q + 1 < end && q[1] == ':') { /* [:alpha:] */
            const char *close = q + 2;
            while (close + 1 < end && !(close[0] == ':' && close[1] == ']'))
                close++;
            q = close + 2;
        } else if (*q == ']')
            return q + 1;
        else
            q++;
    }
    return NULL;
}
