/* libFuzzer harness: the whole pipeline on arbitrary bytes, through
   mtc_clean_buffer, in all three modes, and in flag mode also through the
   streaming reader (input.c, zlib) as mtclean reads files. Aborts (a
   finding) when flag mode loses a byte, the stream and the buffer disagree,
   a counter does not add up, or the segment hook sees offsets outside its
   text. Built by "make fuzz"; see README "Robustness". */
#define FUZZ_NAME "fuzz-pipeline"
#include "fuzz.h"
#include "explain.h"
#include "input.h"
#include "pipeline.h"
#include "report.h"
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

static mtc_engine *engine, *small_engine;
static mtc_worker *worker, *small_worker;
static mtc_stats stats;
static buf stripped, scratch, streamed;


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
    /* english is damage too (flagged, dropped in drop mode): no --keep-english here */
    if (!strcmp(info->label, "mixed") || !strcmp(info->label, "boilerplate") || !strcmp(info->label, "english"))
        s->damaged++;
    if (!info->output)
        s->dropped++;
    explain_segment(&s->ex, info); /* --explain's formatting reads every field */
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    engine = fuzz_engine();
    small_engine = fuzz_engine();
    /* Below the settings' minimum (4096): random bytes hold a line end every
       ~128 bytes, so only a small limit lets the fuzzer reach line cutting.
       The cutting code does not rely on the minimum. */
    small_engine->cfg.max_line_bytes = 64;
    worker = fuzz_worker(engine);
    small_worker = fuzz_worker(small_engine);
    mtc_stats_init(&stats, engine); /* both engines hold the same rules */
    return 0;
}

/* Flag mode through the reader, as mtclean reads a file: the input goes to
   a memory file read back by reader_open. Returns -1 on a read error (the
   input may be truncated gzip), else 0 with the output in out. */
static int stream_flag(mtc_worker *w, const mtc_engine *e, const uint8_t *data, size_t size, buf *out)
{
    char path[64], err[1024];
    int fd = memfd_create("fuzz-input", 0);
    CHECK(fd >= 0);
    CHECK(size == 0 || write(fd, data, size) == (ssize_t)size);
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    reader r;
    CHECK(reader_open(&r, path, (size_t)e->cfg.max_line_bytes, err, sizeof err) == 0);
    const char *line;
    size_t n, eoln;
    int rc;
    buf_clear(out);
    mtc_stats_reset(&stats, e);
    mtc_worker_set_mode(w, MTC_MODE_FLAG);
    mtc_worker_set_segment_hook(w, NULL, NULL);
    pipeline_doc_begin(w);
    while ((rc = reader_next_line(&r, &line, &n, &eoln, err, sizeof err)) > 0)
        if (pipeline_doc_line(w, line, n, line + n, eoln, out, &stats) < 0) {
            rc = -1;
            break;
        }
    if (rc == 0)
        pipeline_doc_end(w, out, &stats);
    reader_close(&r);
    close(fd);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    /* Odd sizes use the 4096-byte line limit: same input space, both settings. */
    bool small = size & 1;
    mtc_engine *e = small ? small_engine : engine;
    mtc_worker *w = small ? small_worker : worker;
    bool has_markers = fuzz_has_markers(text, size);
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
        CHECK(s.damaged == stats.mixed_segments + stats.boilerplate_segments + stats.english_segments);
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
            CHECK(stats.dropped == stats.mixed_segments + stats.boilerplate_segments + stats.english_segments);
        if (m == MTC_MODE_FLAG) {
            CHECK(stats.flagged == s.damaged && stats.dropped == 0);
            if (!has_markers)
                fuzz_check_nothing_lost(&stripped, out, out_len, text, size);
            /* gzip input is decoded by the reader only: nothing to compare. */
            bool gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
            if (stream_flag(w, e, data, size, &streamed) == 0 && !gzip) {
                CHECK(streamed.len == out_len && (out_len == 0 || !memcmp(streamed.data, out, out_len)));
                CHECK(stats.bytes_in == size);
            }
        }
        buf_clear(&scratch);
        report_append(&scratch, e, 1, text, size < 64 ? size : 64, &stats);
        free(out);
    }
    return 0;
}
