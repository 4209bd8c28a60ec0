/* Unit tests: default.conf (settings.c). */
#include "settings.h"
#include "tap.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static char err[1024];

static void test_config(void)
{
    mtc_config cfg;
    const char *bad = "segment.min_words = 3\nmixed.bogus = 1\n";
    ok(config_load_text(&cfg, "c.conf", bad, strlen(bad), err, sizeof err) < 0, "unknown setting rejected");
    is_str(err, "c.conf:2: unknown setting: 'mixed.bogus'", "config error names file:line");
    const char *nan = "segment.min_words = many\n";
    config_load_text(&cfg, "c.conf", nan, strlen(nan), err, sizeof err);
    is_str(err, "c.conf:1: value is not a number: 'segment.min_words'", "non-number rejected");
    const char *partial = "segment.min_words = 3\n";
    config_load_text(&cfg, "c.conf", partial, strlen(partial), err, sizeof err);
    is_str(err, "c.conf: missing setting 'mixed.min_fr_words'", "every setting required");
    const char nul[] = "segment.min_words = 3\0 junk\n";
    ok(config_load_text(&cfg, "c.conf", nul, sizeof nul - 1, err, sizeof err) < 0, "NUL byte in settings rejected");
    is_str(err, "c.conf:1: NUL byte in settings file", "  with file:line");
}

int main(void)
{
    test_config();
    return done_testing();
}
