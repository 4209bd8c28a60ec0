/* Removing mtclean's flag-mode markers (OPEN label '|' ... CLOSE), byte-exact.
   A marker string found in the text is written twice by mtclean: a doubled
   OPEN or CLOSE stands for one of the text. The same rule, read left to right:
   how the tests check that flag mode loses nothing. One copy for
   tests/strip-markers, tests/property and the pipeline fuzzer. */
#ifndef MTC_TEST_MARKERS_H
#define MTC_TEST_MARKERS_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Writes s[0..n) without its markers to out (room for n bytes: never longer)
   and returns the length; *opens counts the opening markers. */
static inline size_t strip_markers(const char *s, size_t n, const char *open, const char *close, char *out,
                                   uint64_t *opens)
{
    size_t ol = strlen(open), cl = strlen(close), len = 0;
    *opens = 0;
    for (size_t i = 0; i < n;) {
        if (n - i >= 2 * ol && memcmp(s + i, open, ol) == 0 && memcmp(s + i + ol, open, ol) == 0) {
            memcpy(out + len, open, ol); /* a marker of the text */
            len += ol;
            i += 2 * ol;
            continue;
        }
        if (n - i >= 2 * cl && memcmp(s + i, close, cl) == 0 && memcmp(s + i + cl, close, cl) == 0) {
            memcpy(out + len, close, cl);
            len += cl;
            i += 2 * cl;
            continue;
        }
        if (n - i >= ol && memcmp(s + i, open, ol) == 0) {
            size_t j = i + ol;
            while (j < n && s[j] >= 'a' && s[j] <= 'z')
                j++;
            if (j < n && s[j] == '|') {
                (*opens)++;
                i = j + 1;
                continue;
            }
        }
        if (n - i >= cl && memcmp(s + i, close, cl) == 0) {
            i += cl;
            continue;
        }
        out[len++] = s[i++];
    }
    return len;
}
#endif
