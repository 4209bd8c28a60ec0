/* libFuzzer harness: the HTML path on arbitrary bytes -- HTML detection,
   charset sniffing and conversion, libxml2's parser, the extractor, then the
   pipeline in flag mode on the extracted text. Aborts (a finding) when the
   text is not well-formed UTF-8 without NUL bytes, a paragraph line is
   empty or has a line break inside, the sizes disagree, or flag mode loses
   a byte of the extracted text. Built by "make fuzz"; see README "Robustness". */
#include "engine.h"
#include "extract.h"
#include "text.h"
#include "../markers.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPEN "\x01MTC\x02"
#define CLOSE "\x02MTC\x01"

static mtc_engine *engine;
static mtc_worker *worker;
static mtc_stats stats;
static buf stripped;

#define CHECK(cond)                                                                 \
    do {                                                                            \
        if (!(cond)) {                                                              \
            fprintf(stderr, "fuzz-html: check failed: %s (line %d)\n", #cond, __LINE__); \
            abort();                                                                \
        }                                                                           \
    } while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char err[1024];
    engine = mtc_engine_load(NULL, err, sizeof err);
    worker = engine ? mtc_worker_new(engine, err, sizeof err) : NULL;
    if (!worker) {
        fprintf(stderr, "fuzz-html: %s\n", err);
        exit(1);
    }
    mtc_worker_set_mode(worker, MTC_MODE_FLAG);
    mtc_worker_set_markers(worker, OPEN, CLOSE);
    mtc_stats_init(&stats, engine);
    return 0;
}

/* Paragraphs: non-empty lines, one blank line between, a final newline. */
static void check_layout(const char *t, size_t n)
{
    CHECK(n == 0 || t[n - 1] == '\n');
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(t + i, '\n', n - i);
        CHECK(nl && nl > t + i); /* a paragraph line, not empty */
        i = (size_t)(nl - t) + 1;
        if (i < n) {
            CHECK(t[i] == '\n'); /* then one blank line */
            i++;
            CHECK(i < n && t[i] != '\n');
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *html = (const char *)data;
    (void)mtc_looks_like_html(html, size);
    mtc_html_doc doc;
    char err[512];
    if (mtc_extract_html(engine, html, size, &doc, err, sizeof err) < 0)
        return 0; /* a clear error is allowed */
    CHECK(doc.text && doc.text[doc.text_len] == '\0' && strlen(doc.text) == doc.text_len);
    CHECK(doc.html_bytes == size);
    CHECK(utf8_count_invalid(doc.text, doc.text_len) == 0);
    check_layout(doc.text, doc.text_len);
    bool has_markers = memmem(doc.text, doc.text_len, OPEN, strlen(OPEN)) || memmem(doc.text, doc.text_len, CLOSE, strlen(CLOSE));
    char *out = NULL;
    size_t out_len = 0;
    mtc_stats_reset(&stats, engine);
    CHECK(mtc_clean_buffer(worker, doc.text, doc.text_len, &out, &out_len, &stats, err, sizeof err) == 0);
    if (!has_markers) {
        uint64_t opens;
        buf_clear(&stripped);
        buf_reserve(&stripped, out_len + 1);
        stripped.len = strip_markers(out, out_len, OPEN, CLOSE, stripped.data, &opens);
        CHECK(stripped.len == doc.text_len && memcmp(stripped.data, doc.text, doc.text_len) == 0);
    }
    free(out);
    mtc_html_doc_free(&doc);
    return 0;
}
