/* Unit tests: the helpers of filter/util/ (buf.c, lines.c) and strmap.c. */
#include "buf.h"
#include "lines.h"
#include "strmap.h"
#include "tap.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static void test_strmap(void)
{
    strmap m = {0};
    char key[64];
    bool all = true;
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 1000; i++) { /* keys of 1 to 40 bytes: inline and on the heap */
            int n = snprintf(key, sizeof key, "%.*s%d", i % 32, "abcdefghijklmnopqrstuvwxyz012345", i);
            strmap_put(&m, key, (size_t)n, i);
        }
        for (int i = 0; i < 1000 && all; i++) {
            int n = snprintf(key, sizeof key, "%.*s%d", i % 32, "abcdefghijklmnopqrstuvwxyz012345", i);
            int v = -1;
            key[n] = '#'; /* no key holds a '#' */
            all = strmap_get(&m, key, (size_t)n, &v) && v == i && !strmap_get(&m, key, (size_t)n + 1, NULL);
        }
        all = all && m.count == 1000;
        strmap_clear(&m);
        all = all && m.count == 0 && !strmap_get(&m, "abc7", 4, NULL);
    }
    ok(all, "strmap keeps 1000 short and long keys, through growth and clear");
    strmap_free(&m);
}

static void test_buf(void)
{
    buf digits = {0};
    const uint64_t numbers[] = {0, 7, 10, 99, 1234567890, UINT64_MAX};
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        buf_append_u64(&digits, numbers[i]);
        buf_append_char(&digits, ' ');
    }
    is_str(digits.data, "0 7 10 99 1234567890 18446744073709551615 ", "buf_append_u64 writes decimal digits");
    buf_free(&digits);
    /* The room asked for and 64 bytes past it are zeroed: PCRE2's JIT reads
       past a subject's end, and valgrind must not see that as a use of
       uninitialised memory. The rest of the capacity is left untouched, so
       that it takes no memory (issue 14, item 9). */
    buf b = {0};
    buf_append(&b, "abc", 3);
    buf_reserve(&b, 5000);
    size_t zero = 0, want = 5000 + 1 + 64;
    for (size_t i = b.len; i < b.len + want && i < b.cap; i++)
        zero += b.data[i] == 0;
    ok(zero == want && b.zeroed < b.cap, "buffer room asked for is zeroed (%zu of %zu bytes), not all of it (%zu of %zu)",
       zero, want, b.zeroed, b.cap);
    buf_free(&b);
}

static void test_lines(void)
{
    size_t n, eoln;
    ok(line_find("ab\r\ncd", 6, 100, false, &n, &eoln) && n == 2 && eoln == 2, "CRLF line");
    ok(line_find("ab\rcd", 5, 100, false, &n, &eoln) && n == 2 && eoln == 1, "lone CR line");
    ok(!line_find("ab\r", 3, 100, false, &n, &eoln), "CR at buffer end waits for more input");
    ok(line_find("ab\r", 3, 100, true, &n, &eoln) && n == 2 && eoln == 1, "CR at end of input");
    ok(!line_find("abc", 3, 100, false, &n, &eoln), "unterminated line waits");
    ok(line_find("abc", 3, 100, true, &n, &eoln) && n == 3 && eoln == 0, "last line without newline");
    const char *longline = "un deux trois quatre cinq six sept huit neuf dix";
    ok(line_find(longline, strlen(longline), 16, false, &n, &eoln) && n == 14 && eoln == 0,
       "long line cut after a space");
    const char *accents = "ééééééééééééééé"; /* 2-byte characters, no space */
    ok(line_find(accents, strlen(accents), 9, false, &n, &eoln) && n == 8, "cut on a character boundary");
}

/* The data-file reader: line numbers, CR LF, both comment styles, blank
   lines, and a NUL byte refused with FILE:LINE. */
static void test_data_lines(void)
{
    static const char text[] = "a = 1 # one\r\n\n  \t\n#whole\nc# d\r\nlast";
    char err[100] = "";
    data_lines d;
    data_lines_open(&d, "x.conf", text, sizeof text - 1, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, sizeof err);
    ok(data_lines_next(&d) == 1 && d.lineno == 1 && strcmp(d.line, "a = 1 ") == 0, "comment and CR LF cut");
    ok(data_lines_next(&d) == 1 && d.lineno == 5 && strcmp(d.line, "c") == 0, "blank and comment lines skipped");
    ok(data_lines_next(&d) == 1 && d.lineno == 6 && d.len == 4, "last line without newline");
    ok(data_lines_next(&d) == 0, "then the end");
    data_lines_close(&d);
    data_lines_open(&d, "x.txt", text, sizeof text - 1, DATA_HASH_LINES, err, sizeof err);
    int lines = 0;
    while (data_lines_next(&d) > 0)
        lines += strcmp(d.line, "c# d") == 0 ? 100 : 1;
    ok(lines == 104, "whole-line comments only: a later '#' is data (%d)", lines);
    data_lines_close(&d);
    data_lines_open(&d, "x.txt", "ok\nb\0d\n", 7, 0, err, sizeof err);
    d.what = "word list";
    ok(data_lines_next(&d) == 1 && data_lines_next(&d) == -1, "NUL byte refused");
    is_str(err, "x.txt:2: NUL byte in word list", "  with FILE:LINE");
    ok(data_lines_fail(&d, "bad %d", 7) == -1 && strcmp(err, "x.txt:2: bad 7") == 0, "data_lines_fail says FILE:LINE");
    data_lines_close(&d);
}

int main(void)
{
    test_strmap();
    test_buf();
    test_lines();
    test_data_lines();
    return done_testing();
}
