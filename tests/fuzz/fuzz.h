/* What the libFuzzer harnesses share: CHECK, which aborts (a finding) with
   the harness's name (FUZZ_NAME, defined before this is included) and the
   line; and for those that clean text in flag mode, an engine and a worker
   with markers fuzz inputs are unlikely to hold, and the nothing-lost
   check. */
#ifndef MTC_FUZZ_H
#define MTC_FUZZ_H
#include "engine.h"
#include "../markers.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, FUZZ_NAME ": check failed: %s (line %d)\n", #cond, __LINE__); \
            abort();                                                                  \
        }                                                                             \
    } while (0)

/* Inputs that hold these are not checked for the nothing-lost property
   (stripping would remove their bytes too). */
#define OPEN "\x01MTC\x02"
#define CLOSE "\x02MTC\x01"

static inline void fuzz_setup_failed(const char *err)
{
    fprintf(stderr, FUZZ_NAME ": %s\n", err);
    exit(1);
}

/* The shipped engine; exits if it does not load. */
static inline mtc_engine *fuzz_engine(void)
{
    char err[1024];
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    if (!e)
        fuzz_setup_failed(err);
    return e;
}

/* A worker of e writing OPEN and CLOSE as markers; exits on failure. */
static inline mtc_worker *fuzz_worker(mtc_engine *e)
{
    char err[1024] = "cannot set the markers";
    mtc_worker *w = mtc_worker_new(e, err, sizeof err);
    if (!w || mtc_worker_set_markers(w, OPEN, CLOSE) < 0)
        fuzz_setup_failed(err);
    return w;
}

static inline bool fuzz_has_markers(const char *s, size_t n)
{
    return memmem(s, n, OPEN, strlen(OPEN)) || memmem(s, n, CLOSE, strlen(CLOSE));
}

/* Flag mode lost nothing: out without its markers is in[0..n). */
static inline void fuzz_check_nothing_lost(buf *scratch, const char *out, size_t out_len, const char *in, size_t n)
{
    uint64_t opens;
    buf_clear(scratch);
    buf_reserve(scratch, out_len + 1);
    scratch->len = strip_markers(out, out_len, OPEN, CLOSE, scratch->data, &opens);
    CHECK(scratch->len == n && (n == 0 || memcmp(scratch->data, in, n) == 0));
}
#endif
