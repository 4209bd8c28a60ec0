/* libFuzzer harness: the HTML path on arbitrary bytes -- HTML detection,
   charset sniffing and conversion, libxml2's parser, the extractor, then the
   pipeline in flag mode on the extracted text. Aborts (a finding) when the
   text is not well-formed UTF-8 without NUL bytes, a paragraph line is
   empty or has a line break inside, the sizes disagree, or flag mode loses
   a byte of the extracted text. Built by "make fuzz"; see README "Robustness". */
#define FUZZ_NAME "fuzz-html"
#include "fuzz.h"
#include "extract.h"
#include "text.h"
#include <stdint.h>

static mtc_engine *engine;
static mtc_worker *worker;
static mtc_stats stats;
static buf stripped;


int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    engine = fuzz_engine();
    worker = fuzz_worker(engine);
    mtc_worker_set_mode(worker, MTC_MODE_FLAG);
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
    bool has_markers = fuzz_has_markers(doc.text, doc.text_len);
    char *out = NULL;
    size_t out_len = 0;
    mtc_stats_reset(&stats, engine);
    CHECK(mtc_clean_buffer(worker, doc.text, doc.text_len, &out, &out_len, &stats, err, sizeof err) == 0);
    if (!has_markers)
        fuzz_check_nothing_lost(&stripped, out, out_len, doc.text, doc.text_len);
    free(out);
    mtc_html_doc_free(&doc);
    return 0;
}
