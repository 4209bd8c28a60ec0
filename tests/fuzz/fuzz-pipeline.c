/* libFuzzer harness: the whole pipeline on arbitrary bytes, through
   mtc_clean_buffer, in all three modes. Aborts (a finding) when flag mode
   loses a byte, a counter does not add up, or the segment hook sees
   offsets outside its text. Built by "make fuzz"; see README "Fuzzing". */
#include "engine.h"
#include "explain.h"
#include "report.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Markers fuzz inputs are unlikely to hold; inputs that do are not checked
   for the nothing-lost property (stripping would remove their bytes too). */
#define OPEN "\x01MTC\x02"
#define CLOSE "\x02MTC\x01"

static mtc_engine *engine, *small_engine;
static mtc_worker *worker, *small_worker;
static mtc_stats stats;
static buf stripped, scratch;

#define CHECK(cond)                                                                \
    do {                                                                           \
        if (!(cond)) {                                                             \
            fprintf(stderr, "fuzz-pipeline: check failed: %s (line %d)\n", #cond, __LINE__); \
            abort();                                                               \
        }                                                                          \
    } while (0)

typedef struct seen {
    explain ex;
    uint64_t calls, damaged, dropped;
} seen;

static void hook(void *ctx, const mtc_segment_info *info)
{
    seen *s = ctx;
    s->calls++;
    CHECK(info->text && info->label);
    for (size_t i = 0; i < info->n_words; i++)
        CHECK(info->words[i].start <= info->len && info->words[i].len <= info->len - info->words[i].start);
    if (!strcmp(info->label, "mixed") || !strcmp(info->label, "boilerplate"))
        s->damaged++;
    if (!info->output)
        s->dropped++;
    explain_segment(&s->ex, info); /* --explain's formatting reads every field */
}

static mtc_worker *start(mtc_engine *e)
{
    char err[1024];
    mtc_worker *w = mtc_worker_new(e, err, sizeof err);
    if (!w || mtc_worker_set_markers(w, OPEN, CLOSE) < 0) {
        fprintf(stderr, "fuzz-pipeline: %s\n", err);
        exit(1);
    }
    return w;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char err[1024];
    engine = mtc_engine_load(NULL, err, sizeof err);
    small_engine = engine ? mtc_engine_load(NULL, err, sizeof err) : NULL;
    if (!small_engine) {
        fprintf(stderr, "fuzz-pipeline: %s\n", err);
        exit(1);
    }
    /* The smallest line limit allowed: long-line cutting on small inputs. */
    small_engine->cfg.max_line_bytes = 4096;
    worker = start(engine);
    small_worker = start(small_engine);
    mtc_stats_init(&stats, engine); /* both engines hold the same rules */
    return 0;
}

static void strip_markers(const char *s, size_t n, buf *out)
{
    size_t ol = strlen(OPEN), cl = strlen(CLOSE);
    buf_clear(out);
    for (size_t i = 0; i < n;) {
        if (n - i >= ol && !memcmp(s + i, OPEN, ol)) {
            size_t j = i + ol;
            while (j < n && s[j] >= 'a' && s[j] <= 'z')
                j++;
            if (j < n && s[j] == '|') {
                i = j + 1;
                continue;
            }
        }
        if (n - i >= cl && !memcmp(s + i, CLOSE, cl)) {
            i += cl;
            continue;
        }
        buf_append_char(out, s[i++]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    /* Odd sizes use the 4096-byte line limit: same input space, both settings. */
    bool small = size & 1;
    mtc_engine *e = small ? small_engine : engine;
    mtc_worker *w = small ? small_worker : worker;
    bool has_markers = memmem(text, size, OPEN, strlen(OPEN)) || memmem(text, size, CLOSE, strlen(CLOSE));
    uint64_t segments = 0, mixed = 0, boilerplate = 0;
    for (int m = MTC_MODE_REPAIR; m <= MTC_MODE_DROP; m++) {
        seen s = {.ex = {.out = &scratch, .doc = 1}};
        char err[1024], *out = NULL;
        size_t out_len = 0;
        buf_clear(&scratch);
        mtc_stats_reset(&stats, e);
        mtc_worker_set_mode(w, (mtc_mode)m);
        mtc_worker_set_segment_hook(w, hook, &s);
        int rc = mtc_clean_buffer(w, size ? text : "", size, &out, &out_len, &stats, err, sizeof err);
        if (rc < 0) { /* only a rule at its PCRE2 match limit may fail, with a message */
            CHECK(strstr(err, "failed while matching") != NULL);
            free(out);
            return 0;
        }
        CHECK(stats.bytes_in == size && stats.bytes_out == out_len);
        CHECK(s.calls == stats.segments && s.dropped == stats.dropped);
        CHECK(stats.mixed_segments + stats.boilerplate_segments + stats.english_segments <= stats.segments);
        CHECK(s.damaged == stats.mixed_segments + stats.boilerplate_segments);
        CHECK(stats.words == stats.fr + stats.en + stats.both + stats.unknown);
        if (m == MTC_MODE_REPAIR) {
            segments = stats.segments;
            mixed = stats.mixed_segments;
            boilerplate = stats.boilerplate_segments;
            CHECK(stats.dropped == stats.boilerplate_segments);
        } else { /* labels do not depend on the mode */
            CHECK(stats.segments == segments && stats.mixed_segments == mixed &&
                  stats.boilerplate_segments == boilerplate);
        }
        if (m == MTC_MODE_DROP)
            CHECK(stats.dropped == stats.mixed_segments + stats.boilerplate_segments);
        if (m == MTC_MODE_FLAG) {
            CHECK(stats.flagged == s.damaged && stats.dropped == 0);
            if (!has_markers) { /* nothing lost */
                strip_markers(out, out_len, &stripped);
                CHECK(stripped.len == size && (size == 0 || !memcmp(stripped.data, data, size)));
            }
        }
        buf_clear(&scratch);
        report_append(&scratch, e, 1, text, size < 64 ? size : 64, &stats);
        free(out);
    }
    return 0;
}
