#include "document.h"
#include "htmlin.h"
#include "report.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCRATCH_KEEP_BYTES ((size_t)4 << 20)

document *document_new(const mtc_engine *engine, doc_kind kind, uint64_t no)
{
    document *d = xcalloc(1, sizeof *d);
    d->kind = kind;
    d->no = no;
    mtc_stats_init(&d->stats, engine);
    return d;
}

void document_free(document *d)
{
    if (!d)
        return;
    buf_free(&d->prefix);
    buf_free(&d->input);
    buf_free(&d->id_json);
    buf_free(&d->output);
    buf_free(&d->explain);
    buf_free(&d->html_meta);
    buf_free(&d->warnings);
    seglog_free(&d->segments);
    reasons_free(&d->reasons);
    buf_free(&d->rejected);
    buf_free(&d->rejected_kept);
    mtc_stats_free(&d->stats);
    free(d);
}

bool document_has_text(const document *d) { return d->kind == DOC_TEXT || d->layout.has_text; }

/* Several sinks may watch the segments; a worker has one hook. */
static void segment_hook(void *ctx, const mtc_segment_info *info)
{
    doc_worker *dw = ctx;
    for (size_t i = 0; i < dw->settings->n_segment; i++)
        dw->settings->segment[i](dw->doc, info);
}

doc_worker *doc_worker_new(const doc_settings *s, char *err, size_t errlen)
{
    mtc_worker *w = mtc_worker_new(s->engine, err, errlen);
    if (!w)
        return NULL;
    mtc_worker_set_mode(w, s->mode);
    mtc_worker_set_keep_english(w, s->keep_english);
    mtc_worker_set_residual(w, s->residual);
    mtc_worker_set_translation(w, s->translate, s->translate_english);
    if (s->marker_open || s->marker_close)
        mtc_worker_set_markers(w, s->marker_open ? s->marker_open : "\xE2\x9F\xA6",
                               s->marker_close ? s->marker_close : "\xE2\x9F\xA7");
    doc_worker *dw = xcalloc(1, sizeof *dw);
    dw->settings = s;
    dw->worker = w;
    if (s->n_segment)
        mtc_worker_set_segment_hook(w, segment_hook, dw);
    return dw;
}

void doc_worker_free(doc_worker *dw)
{
    if (!dw)
        return;
    mtc_worker_free(dw->worker);
    buf_free(&dw->text);
    buf_free(&dw->cleaned);
    buf_free(&dw->value);
    buf_free(&dw->quality);
    buf_free(&dw->page);
    free(dw);
}

int document_write(void *ctx, const char *data, size_t len)
{
    buf_append(ctx, data, len);
    return 0;
}

/* Cleans text[0..n) as a whole document into out. */
static int clean_text(doc_worker *dw, document *d, const char *text, size_t n, buf *out)
{
    mtc_worker *w = dw->worker;
    mtc_worker_set_from_html(w, d->html || (d->kind == DOC_RECORD && dw->settings->input == INPUT_HTML));
    if (mtc_doc_begin(w, document_write, out, &d->stats) != MTC_OK || mtc_doc_feed(w, text, n) != MTC_OK ||
        mtc_doc_end(w) != MTC_OK) {
        snprintf(d->err, sizeof d->err, "%s", mtc_worker_error(w));
        return -1;
    }
    return 0;
}

static int process_record(doc_worker *dw, document *d)
{
    const jsonl_layout *lay = &d->layout;
    const char *line = d->input.data;
    if (!lay->has_text) { /* passes through untouched */
        buf_append(&d->output, line, d->input.len);
        return 0;
    }
    buf_clear(&dw->text);
    buf_clear(&dw->cleaned);
    json_decode_string(line + lay->text_start, lay->text_end - lay->text_start, &dw->text);
    /* A record's field is HTML only when --input=html says so: a corpus's text
       field that happens to open with "<html" or "<?xml" stays text (and flag
       mode keeps every byte of it). */
    bool html = dw->settings->input == INPUT_HTML;
    if (html && htmlin_extract(dw->settings->engine, dw->text.data, dw->text.len, &dw->page, &d->html_meta, d->err,
                               sizeof d->err) < 0)
        return -1;
    const buf *text = html ? &dw->page : &dw->text;
    if (clean_text(dw, d, text->data, text->len, &dw->cleaned) < 0)
        return -1;
    const char *value = line + lay->text_start;
    size_t value_len = lay->text_end - lay->text_start;
    bool changed = html || dw->cleaned.len != dw->text.len || memcmp(dw->cleaned.data, dw->text.data, dw->text.len) != 0;
    if (dw->text.cap > SCRATCH_KEEP_BYTES) /* a huge record: not held while it is rebuilt (README "Memory") */
        buf_free(&dw->text);
    if (dw->page.cap > SCRATCH_KEEP_BYTES)
        buf_free(&dw->page);
    if (changed) {
        buf_clear(&dw->value); /* changed: re-escaped; unchanged text keeps its bytes and escapes */
        json_append_string(&dw->value, dw->cleaned.data, dw->cleaned.len);
        value = dw->value.data;
        value_len = dw->value.len;
    }
    const jsonl_fields *fields = dw->settings->fields;
    if (fields->quality) {
        buf_clear(&dw->quality);
        buf_append_char(&dw->quality, '{');
        report_append_counters(&dw->quality, dw->settings->engine, &d->stats);
        buf_append_char(&dw->quality, '}');
    }
    jsonl_rebuild(&d->output, line, d->input.len, lay, fields, value, value_len,
                  fields->quality ? dw->quality.data : NULL, dw->quality.len);
    return 0;
}

/* Scratch space sized by one huge record is not kept for the small ones after it. */
static void shrink_scratch(doc_worker *dw)
{
    buf *scratch[] = {&dw->text, &dw->cleaned, &dw->value, &dw->quality, &dw->page};
    for (size_t i = 0; i < sizeof scratch / sizeof *scratch; i++)
        if (scratch[i]->cap > SCRATCH_KEEP_BYTES)
            buf_free(scratch[i]);
}

void doc_worker_attach(doc_worker *dw, document *d)
{
    dw->doc = d;
}

/* An HTML page: its article text is what is cleaned. */
static int process_page(doc_worker *dw, document *d)
{
    if (htmlin_extract(dw->settings->engine, d->input.data, d->input.len, &dw->page, &d->html_meta, d->err,
                       sizeof d->err) < 0)
        return -1;
    return clean_text(dw, d, dw->page.data, dw->page.len, &d->output);
}

void document_process(doc_worker *dw, document *d)
{
    doc_worker_attach(dw, d);
    int rc = d->kind == DOC_RECORD ? process_record(dw, d)
             : d->html             ? process_page(dw, d)
                                   : clean_text(dw, d, d->input.data, d->input.len, &d->output);
    if (rc < 0)
        d->failed = true;
    buf_append_str(&d->warnings, mtc_worker_warnings(dw->worker));
    if (d->kind == DOC_RECORD) /* a record is one line: the kept line end, or one added */
        buf_append(&d->output, d->eoln ? d->eol : "\n", d->eoln ? d->eoln : 1);
    shrink_scratch(dw);
}
