/* A program using the installed libmtclean, as another project would:
   built by tests/installcheck.sh with the installed header and
   `pkg-config --cflags --libs mtclean`. It cleans FILE (read into one
   buffer) with the installed rules and word lists, writes the result to
   stdout and the counters to stderr. */
#include <mtclean.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    char *text = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (len == cap && !(text = realloc(text, cap = cap ? 2 * cap : 65536)))
            return 2;
        got = fread(text + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    fclose(f);

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
