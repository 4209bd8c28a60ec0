/* Minimal TAP producer for automake's tap-driver (inline: not every test uses every helper). */
#ifndef MTC_TAP_H
#define MTC_TAP_H
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count, tap_failed;

__attribute__((format(printf, 2, 3))) static int ok(int cond, const char *fmt, ...)
{
    va_list ap;
    printf("%s %d - ", cond ? "ok" : "not ok", ++tap_count);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    if (!cond)
        tap_failed++;
    return cond;
}

/* Compares strings and shows both on failure. */
static inline int is_str(const char *got, const char *want, const char *name)
{
    int same = got && want && strcmp(got, want) == 0;
    ok(same, "%s", name);
    if (!same)
        printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)", want ? want : "(null)");
    return same;
}

static inline int done_testing(void)
{
    printf("1..%d\n", tap_count);
    return tap_failed ? 1 : 0;
}
#endif
