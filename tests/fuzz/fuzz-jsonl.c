/* libFuzzer harness: the JSONL path of mtclean --jsonl. Each line of the
   input is parsed as a record (jsonl_parse) and, if valid, cleaned in the
   three modes as the program does (document_process). Aborts (a finding) if
   cleaning fails, if the output record does not parse again or lost its
   text field, if a byte before the text field changed (unless a quality
   field before it was rewritten), if a record without text is not passed
   through untouched, or if flag mode's text, markers stripped, is not the
   input's text. Built by "make fuzz"; see README "Fuzzing". */
#define FUZZ_NAME "fuzz-jsonl"
#include "fuzz.h" /* CHECK */
#include "document.h"
#include "engine.h"
#include "json.h"
#include "jsonl.h"
#include "../markers.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const jsonl_fields fields = {"text", "id", "mtclean"};
static mtc_engine *engine;
static doc_settings settings[3];
static doc_worker *workers[3];

static void setup(void)
{
    char err[1024];
    engine = mtc_engine_load(NULL, err, sizeof err);
    for (int m = 0; engine && m < 3; m++) {
        settings[m] = (doc_settings){.engine = engine, .mode = (mtc_mode)m, .fields = &fields};
        workers[m] = doc_worker_new(&settings[m], err, sizeof err);
        if (!workers[m])
            engine = NULL;
    }
    if (!engine) {
        fprintf(stderr, "fuzz-jsonl: %s\n", err);
        abort();
    }
}

/* The decoded text field of a parsed record. */
static void text_of(const char *line, const jsonl_layout *lay, buf *out)
{
    buf_clear(out);
    json_decode_string(line + lay->text_start, lay->text_end - lay->text_start, out);
}

static void check_output(const char *line, size_t n, const jsonl_layout *lay, mtc_mode mode, const document *d,
                         json_object *scratch)
{
    const buf *o = &d->output;
    CHECK(!d->failed && o->len > 0 && o->data[o->len - 1] == '\n');
    if (!lay->has_text) {
        CHECK(o->len == n + 1 && memcmp(o->data, line, n) == 0);
        return;
    }
    jsonl_layout again;
    char reason[512];
    CHECK(jsonl_parse(&again, scratch, o->data, o->len - 1, &fields, reason, sizeof reason) == 0);
    CHECK(again.has_text && again.has_quality);
    if (!lay->has_quality || lay->quality_start > lay->text_start)
        CHECK(memcmp(o->data, line, lay->text_start) == 0);
    if (mode != MTC_MODE_FLAG)
        return;
    buf in = {0}, got = {0}, stripped = {0};
    text_of(line, lay, &in);
    text_of(o->data, &again, &got);
    buf_reserve(&stripped, got.len);
    uint64_t opens;
    stripped.len = strip_markers(got.data, got.len, "\xE2\x9F\xA6", "\xE2\x9F\xA7", stripped.data, &opens);
    CHECK(stripped.len == in.len && memcmp(stripped.data, in.data, in.len) == 0);
    buf_free(&in);
    buf_free(&got);
    buf_free(&stripped);
}

static void check_record(const char *line, size_t n, json_object *scratch)
{
    jsonl_layout lay;
    char reason[512];
    if (jsonl_parse(&lay, scratch, line, n, &fields, reason, sizeof reason) < 0)
        return;
    for (int m = 0; m < 3; m++) {
        document *d = document_new(engine, DOC_RECORD, 1);
        buf_append(&d->input, line, n);
        d->layout = lay;
        document_process(workers[m], d);
        /* The record may be reparsed into scratch: keep the layout found first. */
        check_output(line, n, &lay, (mtc_mode)m, d, scratch);
        document_free(d);
    }
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!engine)
        setup();
    json_object scratch = {0};
    const char *p = (const char *)data, *end = p + size;
    for (int lines = 0; lines < 16 && p < end; lines++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        check_record(p, (size_t)(eol - p), &scratch);
        p = nl ? nl + 1 : end;
    }
    json_object_free(&scratch);
    return 0;
}
