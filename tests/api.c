/* The public API as a program embedding the library uses it (mtclean.h
   only): the streaming document calls give the same output, counters and
   segments whether a document is fed whole, in random chunks or a byte at
   a time, mtc_clean_buffer agrees with them, and the errors come back as
   mtc_status values with a message. The last test reaches inside (oom.h)
   to make an allocation fail. */
#include "mtclean.h"
#include "buf.h"
#include "oom.h"
#include "rng.h"
#include "tap.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static char err[1024];

typedef struct sink {
    char *data;
    size_t len, cap;
    size_t calls;
    int fail_after; /* write returns nonzero at this call (0: never) */
} sink;

static int sink_write(void *ctx, const char *data, size_t len)
{
    sink *s = ctx;
    if (s->fail_after && (int)++s->calls >= s->fail_after)
        return 1;
    if (s->len + len > s->cap) {
        s->cap = (s->len + len) * 2;
        s->data = realloc(s->data, s->cap);
        if (!s->data)
            abort();
    }
    memcpy(s->data + s->len, data, len);
    s->len += len;
    return 0;
}

/* A digest of every segment the hook saw: label, rule, counts, words, output. */
static void hook(void *ctx, const mtc_segment_info *info)
{
    uint64_t *h = ctx;
    const char *parts[] = {info->label, info->rule ? info->rule : "-", info->text, info->output ? info->output : "-"};
    size_t lens[] = {strlen(parts[0]), strlen(parts[1]), info->len, info->output ? info->output_len : 1};
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < lens[i]; j++)
            *h = (*h ^ (unsigned char)parts[i][j]) * 1099511628211ull;
    *h = (*h ^ (info->fr + 7u * info->en + 31u * info->junk + 101u * info->n_words + 997u * (unsigned)info->rewritten)) *
         1099511628211ull;
    for (size_t i = 0; i < info->n_words; i++)
        *h = (*h ^ (info->words[i].start * 13 + info->words[i].len * 17 + (size_t)info->words[i].verdict)) *
             1099511628211ull;
}

typedef struct run {
    sink out;
    mtc_stats st;
    uint64_t segments_digest;
    mtc_status status;
} run;

/* chunk 0: whole; 1: a byte at a time; else random sizes below chunk. */
static void clean_in_chunks(mtc_worker *w, const mtc_engine *e, const char *text, size_t len, size_t chunk, run *r)
{
    memset(r, 0, sizeof *r);
    mtc_stats_init(&r->st, e);
    r->segments_digest = 14695981039346656037ull;
    mtc_worker_set_segment_hook(w, hook, &r->segments_digest);
    r->status = mtc_doc_begin(w, sink_write, &r->out, &r->st);
    for (size_t pos = 0; r->status == MTC_OK && pos < len;) {
        size_t n = chunk == 0 ? len - pos : chunk == 1 ? 1 : 1 + below(chunk);
        if (n > len - pos)
            n = len - pos;
        r->status = mtc_doc_feed(w, text + pos, n);
        pos += n;
    }
    if (r->status == MTC_OK)
        r->status = mtc_doc_end(w);
}

static bool same_stats(const mtc_stats *a, const mtc_stats *b, const mtc_engine *e)
{
#define MTC_STATS_SAME(name) if (a->name != b->name) return false;
    MTC_STATS_FIELDS(MTC_STATS_SAME)
#undef MTC_STATS_SAME
    return memcmp(a->rule_hits, b->rule_hits, mtc_engine_rule_count(e) * sizeof *a->rule_hits) == 0;
}

static bool same_run(const run *a, const run *b, const mtc_engine *e)
{
    return a->status == MTC_OK && b->status == MTC_OK && a->out.len == b->out.len &&
           (a->out.len == 0 || memcmp(a->out.data, b->out.data, a->out.len) == 0) &&
           a->segments_digest == b->segments_digest && same_stats(&a->st, &b->st, e);
}

static void free_run(run *r)
{
    free(r->out.data);
    mtc_stats_free(&r->st);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = {0};
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, got);
    fclose(f);
    *len = b.len;
    return b.data ? b.data : calloc(1, 1);
}

/* Line ends of every kind, ill-formed bytes, blank runs, no final line end. */
static const char mixed_ends[] =
    "Les Etats-Unis ont adopté un ton sévère.\r\n\r\n\r\nAbonnez-vous au magazine papier\r"
    "Nous appelons tous les Etats à respekter leurs engagements.\rcaf\xE9 cr\xC3\n\n\n"
    "   \t\nThe government said on Monday that the talks would go on.\n\r\nDernière ligne sans fin";

static void check_document(mtc_worker *w, const mtc_engine *e, const char *name, const char *text, size_t len)
{
    static const mtc_mode modes[] = {MTC_MODE_REPAIR, MTC_MODE_FLAG, MTC_MODE_DROP};
    static const char *mode_names[] = {"repair", "flag", "drop"};
    for (size_t m = 0; m < 3; m++) {
        mtc_worker_set_mode(w, modes[m]);
        run whole, bytes, random, small;
        clean_in_chunks(w, e, text, len, 0, &whole);
        clean_in_chunks(w, e, text, len, 1, &bytes);
        clean_in_chunks(w, e, text, len, 4096, &random);
        clean_in_chunks(w, e, text, len, 7, &small);
        ok(whole.status == MTC_OK && whole.st.bytes_in == len && whole.st.bytes_out == whole.out.len,
           "%s, %s: fed whole, every byte counted in and out", name, mode_names[m]);
        ok(same_run(&whole, &bytes, e), "  a byte at a time: same output, counters and segments");
        ok(same_run(&whole, &random, e), "  in random chunks below 4 KiB: the same");
        ok(same_run(&whole, &small, e), "  in random chunks below 7 bytes: the same");
        char *out = NULL;
        size_t out_len = 0;
        mtc_stats st;
        mtc_stats_init(&st, e);
        uint64_t digest = 14695981039346656037ull;
        mtc_worker_set_segment_hook(w, hook, &digest);
        mtc_status s = mtc_clean_buffer(w, text, len, &out, &out_len, &st, err, sizeof err);
        ok(s == MTC_OK && out_len == whole.out.len && memcmp(out, whole.out.data, out_len) == 0 &&
               same_stats(&st, &whole.st, e) && digest == whole.segments_digest,
           "  mtc_clean_buffer: the same");
        free(out);
        mtc_stats_free(&st);
        free_run(&whole);
        free_run(&bytes);
        free_run(&random);
        free_run(&small);
    }
}

/* A line longer than input.max_line_bytes is cut where the whole text is cut. */
static void check_long_line(mtc_worker *w, const mtc_engine *e)
{
    size_t max = mtc_engine_max_line_bytes(e);
    buf b = {0};
    const char *words = "une phrase française assez ordinaire, ";
    while (b.len < 2 * max + max / 2)
        buf_append_str(&b, words);
    buf_append_str(&b, "fin.\n");
    mtc_worker_set_mode(w, MTC_MODE_FLAG);
    run whole, bytes, random;
    clean_in_chunks(w, e, b.data, b.len, 0, &whole);
    clean_in_chunks(w, e, b.data, b.len, 1, &bytes);
    clean_in_chunks(w, e, b.data, b.len, 100000, &random);
    ok(whole.status == MTC_OK && whole.out.len == b.len, "a %zu-byte line (longest %zu): kept whole in flag mode", b.len,
       max);
    ok(same_run(&whole, &bytes, e), "  a byte at a time: cut at the same places");
    ok(same_run(&whole, &random, e), "  in random chunks: cut at the same places");
    free_run(&whole);
    free_run(&bytes);
    free_run(&random);
    buf_free(&b);
}

static void check_errors(mtc_worker *w, const mtc_engine *e)
{
    mtc_worker_set_segment_hook(w, NULL, NULL);
    mtc_worker_set_mode(w, MTC_MODE_REPAIR);
    ok(mtc_doc_feed(w, "x\n", 2) == MTC_ERR_USAGE, "feed before begin: MTC_ERR_USAGE");
    is_str(mtc_worker_error(w), "no document begun (mtc_doc_begin)", "  with a message");
    ok(mtc_doc_end(w) == MTC_ERR_USAGE, "end before begin: MTC_ERR_USAGE");
    mtc_stats st;
    mtc_stats_init(&st, e);
    ok(mtc_doc_begin(w, NULL, NULL, &st) == MTC_ERR_USAGE, "begin without a write function: MTC_ERR_USAGE");
    sink s = {.fail_after = 1};
    const char *text = "Une première phrase.\nUne deuxième.\n";
    ok(mtc_doc_begin(w, sink_write, &s, &st) == MTC_OK, "begin");
    ok(mtc_doc_feed(w, text, strlen(text)) == MTC_ERR_OUTPUT, "write returns nonzero: MTC_ERR_OUTPUT");
    is_str(mtc_worker_error(w), "the output callback failed", "  with a message");
    ok(mtc_doc_feed(w, text, strlen(text)) == MTC_ERR_OUTPUT && mtc_doc_end(w) == MTC_ERR_OUTPUT,
       "  the error stays until the next begin");
    s = (sink){0};
    ok(mtc_doc_begin(w, sink_write, &s, &st) == MTC_OK && mtc_doc_feed(w, text, strlen(text)) == MTC_OK &&
           mtc_doc_end(w) == MTC_OK && s.len == strlen(text),
       "then a new document goes through");
    is_str(mtc_status_string(MTC_ERR_NOMEM), "out of memory", "mtc_status_string names the status");
    free(s.data);
    mtc_stats_free(&st);
}

/* Under AddressSanitizer (make check-sanitizers) the refused allocation
   below must come back as NULL, as from malloc, not abort the test. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }

static size_t oom_bytes;
static void on_oom(void *ctx, size_t bytes)
{
    (*(int *)ctx)++;
    oom_bytes = bytes;
}

/* An allocation failing under a guard calls the handler and returns to
   the guard: no message, no abort. */
static void check_oom(void)
{
    int calls = 0;
    mtc_set_oom_handler(on_oom, &calls);
    volatile int reached = 0;
    volatile size_t huge = SIZE_MAX / 2; /* malloc refuses it */
    oom_guard g;
    if (OOM_GUARD(&g)) {
        void *p = xmalloc(huge);
        free(p);
        reached = 1;
        oom_pop(&g);
    }
    ok(!reached && calls == 1 && oom_bytes == SIZE_MAX / 2,
       "a failed allocation calls the handler with its size and returns to the guard");
    mtc_set_oom_handler(NULL, NULL);
}


/* The whole path through the API: in a child whose address space is
   capped just above what it uses, a document whose output cannot fit makes
   mtc_clean_buffer return MTC_ERR_NOMEM after one call of the handler,
   with no message printed. Not under AddressSanitizer, which needs its
   own address space. */
#if defined(__SANITIZE_ADDRESS__)
#define MTC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MTC_ASAN 1
#endif
#endif
static void check_oom_api(mtc_worker *w, const mtc_engine *e, const char *text, size_t len)
{
#ifdef MTC_ASAN
    (void)w, (void)e, (void)text, (void)len;
    ok(1, "# SKIP out of memory through the API: not under AddressSanitizer");
#else
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        buf big = {0};
        while (big.len < ((size_t)12 << 20))
            buf_append(&big, text, len);
        long pages = 0;
        FILE *f = fopen("/proc/self/statm", "r");
        if (!f || fscanf(f, "%ld", &pages) != 1)
            _exit(3);
        fclose(f);
        rlim_t cap = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + ((rlim_t)6 << 20);
        struct rlimit rl = {cap, cap};
        if (setrlimit(RLIMIT_AS, &rl) != 0)
            _exit(4);
        int calls = 0;
        mtc_set_oom_handler(on_oom, &calls);
        mtc_worker_set_mode(w, MTC_MODE_FLAG);
        mtc_worker_set_segment_hook(w, NULL, NULL);
        mtc_stats st;
        char *out = NULL;
        size_t out_len;
        if (mtc_stats_init(&st, e) != 0)
            _exit(5);
        mtc_status s = mtc_clean_buffer(w, big.data, big.len, &out, &out_len, &st, err, sizeof err);
        _exit(s == MTC_ERR_NOMEM && calls == 1 && strcmp(err, "out of memory") == 0 && out == NULL ? 0 : 1);
    }
    int status = -1;
    bool waited = pid > 0 && waitpid(pid, &status, 0) == pid;
    ok(waited && WIFEXITED(status) && WEXITSTATUS(status) == 0,
       "out of memory through the API: MTC_ERR_NOMEM, the handler called once, no abort (child status %d)", status);
#endif
}

int main(void)
{
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    mtc_worker *w = e ? mtc_worker_new(e, err, sizeof err) : NULL;
    if (!ok(w != NULL, "engine and worker load"))
        return printf("# %s\n", err), done_testing();
    const char *fixtures[] = {"fixtures/corrupted-lepoint.txt", "fixtures/clean-fr-forbes-boilerplate.txt",
                              "fixtures/clean-fr-1.txt", "fixtures/hostile-html.txt",
                              "tests/fuzz/corpus/pipeline/odd-bytes.txt"};
    for (size_t i = 0; i < sizeof fixtures / sizeof *fixtures; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", MTC_SRCDIR, fixtures[i]);
        size_t len;
        char *text = read_file(path, &len);
        if (ok(text != NULL, "read %s", fixtures[i]))
            check_document(w, e, fixtures[i], text, len);
        free(text);
    }
    check_document(w, e, "line ends of every kind", mixed_ends, sizeof mixed_ends - 1);
    check_long_line(w, e);
    check_errors(w, e);
    check_oom();
    size_t len;
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/corrupted-lepoint.txt", MTC_SRCDIR);
    char *text = read_file(path, &len);
    if (text)
        check_oom_api(w, e, text, len);
    free(text);
    mtc_worker_free(w);
    mtc_engine_free(e);
    return done_testing();
}
