#include "sources.h"
#include "htmlin.h"
#include "input.h"
#include "report.h"
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static bool is_separator(const char *sep, const char *line, size_t n)
{
    return sep && strlen(sep) == n && memcmp(line, sep, n) == 0;
}

static document *text_document(corpus *c, const reader *in, const char *id, uint64_t offset)
{
    document *d = corpus_document(c, DOC_TEXT);
    d->source = in->name;
    d->offset = offset;
    if (id)
        json_append_string(&d->id_json, id, strlen(id));
    return d;
}

/* Hands a finished text document over (queued, or the end of its stream). */
static int finish_text(corpus *c, document *d, bool streaming)
{
    if (streaming)
        return corpus_stream_end(c, d);
    d->html = htmlin_is_html(c->opt->input, d->input.data, d->input.len);
    return corpus_submit(c, d);
}

/* A page is parsed whole: one larger than --max-buffer is an error. */
static int too_big_for_html(corpus *c, reader *in, document *d)
{
    if (!htmlin_is_html(c->opt->input, d->input.data, d->input.len))
        return 0;
    snprintf(c->err, sizeof c->err, "%s: HTML page larger than --max-buffer (%zu bytes)", in->name,
             c->opt->max_buffer);
    return -1;
}

static int read_text(corpus *c, reader *in, const char *id)
{
    const char *line;
    size_t n, eoln;
    int rc;
    bool streaming = false;
    uint64_t offset = 0; /* bytes read before the line */
    document *d = text_document(c, in, id, 0);
    while ((rc = reader_next_line(in, &line, &n, &eoln, c->err, sizeof c->err)) > 0) {
        offset += n + eoln;
        if (is_separator(c->opt->doc_sep, line, n)) {
            document *done = d;
            d = NULL;
            if (finish_text(c, done, streaming) < 0)
                return -1;
            streaming = false;
            d = text_document(c, in, id, offset); /* it starts after the separator */
            buf_append(&d->prefix, line, n + eoln); /* the separator passes through */
            d->input_bytes += n + eoln;
            continue;
        }
        if (streaming) {
            if (corpus_stream_line(c, d, line, n, eoln) < 0)
                break;
            continue;
        }
        buf_append(&d->input, line, n + eoln);
        d->input_bytes += n + eoln;
        if (d->input.len > corpus_queue_bytes(c->opt)) { /* too big to hold: cleaned as it comes */
            if (too_big_for_html(c, in, d) < 0 || corpus_stream_begin(c, d) < 0)
                break;
            streaming = true;
        }
    }
    if (rc == 0)
        return finish_text(c, d, streaming);
    document_free(d);
    return -1;
}

static int read_jsonl(corpus *c, reader *in)
{
    const char *line;
    size_t n, eoln;
    int rc;
    uint64_t line_no = 0;
    json_object scratch = {0};
    while ((rc = reader_next_line(in, &line, &n, &eoln, c->err, sizeof c->err)) > 0) {
        line_no++;
        if (eoln == 0 && !reader_at_end(in)) {
            snprintf(c->err, sizeof c->err, "%s:%" PRIu64 ": record longer than %zu bytes (see --max-buffer)",
                     in->name, line_no, c->opt->max_buffer);
            rc = -1;
            break;
        }
        document *d = corpus_document(c, DOC_RECORD);
        d->source = in->name;
        d->line = line_no;
        d->input_bytes = n + eoln;
        buf_append(&d->input, line, n);
        memcpy(d->eol, line + n, eoln);
        d->eoln = eoln;
        char reason[512];
        if (jsonl_parse(&d->layout, &scratch, d->input.data, n, &c->fields, reason, sizeof reason) < 0) {
            snprintf(c->err, sizeof c->err, "%s:%" PRIu64 ": %s", in->name, line_no, reason);
            document_free(d);
            rc = -1;
            break;
        }
        if (d->layout.has_id)
            buf_append(&d->id_json, d->input.data + d->layout.id_start, d->layout.id_end - d->layout.id_start);
        if (corpus_submit(c, d) < 0) {
            rc = -1;
            break;
        }
    }
    json_object_free(&scratch);
    return rc < 0 ? -1 : 0;
}

int source_read(corpus *c, const char *path)
{
    /* A record is never cut: up to --max-buffer bytes, a longer one is an error. */
    size_t max_line = c->opt->jsonl ? c->opt->max_buffer : mtc_engine_max_line_bytes(c->engine);
    reader in;
    if (reader_open(&in, path, max_line, c->err, sizeof c->err) < 0)
        return -1;
    const char *id = path && strcmp(path, "-") != 0 ? path : NULL;
    int rc = c->opt->jsonl ? read_jsonl(c, &in) : read_text(c, &in, id);
    reader_close(&in);
    return rc;
}
