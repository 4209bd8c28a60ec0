/* A program using the installed libmtclean, as another project would:
   built by tests/installcheck.sh with the installed header and
   `pkg-config --cflags --libs mtclean`. It cleans FILE (read into one
   buffer) with the installed rules and word lists, writes the result to
   stdout and the counters to stderr. */
#include <mtclean.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Names the library uses inside: a program may define its own (the
   library exports only mtc_ symbols, in its shared and static forms). */
typedef struct my_buf {
    char *data;
    size_t len, cap;
} my_buf;

int buf_append(my_buf *b, const char *p, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 65536;
        while (cap < b->len + n)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d)
            return -1;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    return 0;
}

size_t tokenize(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        words += s[i] != ' ' && s[i] != '\n' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n');
    return words;
}

static void count_segment(void *ctx, const mtc_segment_info *info)
{
    unsigned *mixed_seen = ctx;
    if (strcmp(info->label, "mixed") == 0)
        (*mixed_seen)++;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: embed FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    my_buf in = {0};
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (buf_append(&in, chunk, got) < 0)
            return 2;
    fclose(f);
    char *text = in.data;
    size_t len = in.len;

    char err[1024];
    mtc_engine *engine = mtc_engine_load(NULL, err, sizeof err);
    mtc_worker *worker = engine ? mtc_worker_new(engine, err, sizeof err) : NULL;
    if (!worker) {
        fprintf(stderr, "embed: %s\n", err);
        mtc_engine_free(engine);
        free(text);
        return 2;
    }
    unsigned mixed_seen = 0;
    mtc_worker_set_segment_hook(worker, count_segment, &mixed_seen);
    mtc_stats stats;
    mtc_stats_init(&stats, engine);
    char *out;
    size_t out_len;
    int rc = mtc_clean_buffer(worker, text, len, &out, &out_len, &stats, err, sizeof err);
    if (rc == 0) {
        fwrite(out, 1, out_len, stdout);
        fprintf(stderr, "words in=%zu out=%zu\n", tokenize(text, len), tokenize(out, out_len));
        fprintf(stderr, "mtclean %s: segments=%llu mixed=%llu hook_mixed=%u quality=%.4f\n", mtc_version(),
                (unsigned long long)stats.segments, (unsigned long long)stats.mixed_segments, mixed_seen,
                mtc_stats_quality(&stats));
        free(out);
    } else {
        fprintf(stderr, "embed: %s\n", err);
    }
    mtc_stats_free(&stats);
    mtc_worker_free(worker);
    mtc_engine_free(engine);
    free(text);
    return rc == 0 ? 0 : 2;
}
