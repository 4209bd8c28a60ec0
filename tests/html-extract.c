/* html-extract: the HTML extractor alone, for tests/eval/html_eval.py and
   bench/run.sh. Each FILE (plain or gzip) is extracted; with --out-dir the
   text goes to DIR/BASENAME.txt, else to standard output. --time prints
   pages/s and MB/s of HTML (extraction only: reading is not timed). */
#include "mtclean.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static char *slurp(const char *path, size_t *n)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *p = malloc(cap);
    int got;
    while (p && (got = gzread(gz, p + len, (unsigned)(cap - len))) > 0) {
        len += (size_t)got;
        if (len == cap)
            p = realloc(p, cap *= 2);
    }
    gzclose(gz);
    *n = len;
    return p;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int write_text(const char *dir, const char *path, const mtc_html_doc *d)
{
    if (!dir)
        return fwrite(d->text, 1, d->text_len, stdout) == d->text_len ? 0 : -1;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t k = strcspn(base, ".");
    char out[4096];
    snprintf(out, sizeof out, "%s/%.*s.txt", dir, (int)k, base);
    FILE *f = fopen(out, "w");
    if (!f)
        return -1;
    size_t w = fwrite(d->text, 1, d->text_len, f);
    return fclose(f) == 0 && w == d->text_len ? 0 : -1;
}

int main(int argc, char **argv)
{
    int i = 1, timing = 0, rc = 0;
    const char *dir = NULL;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--time") == 0)
            timing = 1;
        else if (strcmp(argv[i], "--out-dir") == 0 && i + 1 < argc)
            dir = argv[++i];
        else
            break;
    }
    char err[512];
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    if (!e) {
        fprintf(stderr, "html-extract: %s\n", err);
        return 2;
    }
    double spent = 0, bytes = 0;
    int pages = 0;
    for (; i < argc; i++) {
        size_t n;
        char *html = slurp(argv[i], &n);
        if (!html) {
            fprintf(stderr, "html-extract: %s: cannot read\n", argv[i]);
            rc = 2;
            continue;
        }
        mtc_html_doc d;
        double t0 = now();
        int ok = mtc_extract_html(e, html, n, &d, err, sizeof err);
        spent += now() - t0;
        bytes += (double)n;
        pages++;
        if (ok < 0) {
            fprintf(stderr, "html-extract: %s: %s\n", argv[i], err);
            rc = 2;
        } else if (write_text(dir, argv[i], &d) < 0) {
            fprintf(stderr, "html-extract: %s: cannot write\n", argv[i]);
            rc = 2;
        }
        mtc_html_doc_free(&d);
        free(html);
    }
    if (timing && spent > 0)
        fprintf(stderr, "html-extract: %d pages, %.1f MB in %.3f s: %.1f pages/s, %.1f MB/s\n", pages, bytes / 1e6,
                spent, pages / spent, bytes / 1e6 / spent);
    mtc_engine_free(e);
    return rc;
}
