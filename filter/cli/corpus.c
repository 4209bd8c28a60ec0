#include "corpus.h"
#include "json.h"
#include "lines.h"
#include "pipeline.h"
#include "report.h"
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Batches in flight per thread: enough to keep every thread busy while
   the output is written in order. */
#define JOBS_PER_THREAD 8
/* Documents go to the threads in batches of about this much text (or this
   many documents): handing over each short record alone costs more in locks
   and wake-ups than cleaning it. */
#define BATCH_BYTES ((size_t)64 << 10)
#define BATCH_DOCS 64
/* Streamed output is written in pieces of about this size. */
#define FLUSH_BYTES ((size_t)1 << 20)

static void *state_new(void *ctx, char *err, size_t errlen)
{
    const corpus *c = ctx;
    return doc_worker_new(&c->settings, err, errlen);
}

static void state_free(void *state) { doc_worker_free(state); }

/* A worker's job: documents in input order. */
typedef struct doc_batch {
    document **docs;
    size_t count, cap, bytes;
} doc_batch;

static void batch_add(doc_batch *b, document *d)
{
    if (b->count == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->docs = xrealloc(b->docs, b->cap * sizeof *b->docs);
    }
    b->docs[b->count++] = d;
    b->bytes += d->input.len;
}

static void batch_free(doc_batch *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->count; i++)
        document_free(b->docs[i]);
    free(b->docs);
    free(b);
}

static void process(void *state, void *job)
{
    doc_batch *b = job;
    for (size_t i = 0; i < b->count; i++)
        document_process(state, b->docs[i]);
}

static void discard(void *ctx, void *job)
{
    (void)ctx;
    batch_free(job);
}

static int write_buf(corpus *c, writer *w, const buf *b)
{
    if (!b->len)
        return 0;
    if (writer_write(w, b->data, b->len, c->err, sizeof c->err) < 0) {
        c->emit_failed = true;
        return -1;
    }
    return 0;
}

static bool is_dropped(const corpus *c, const document *d)
{
    return document_has_text(d) && c->opt->min_quality_set && mtc_stats_quality(&d->stats) < c->opt->min_quality;
}

static void append_report_line(corpus *c, const document *d, bool dropped)
{
    buf extra = {0};
    if (c->opt->jsonl)
        buf_printf(&extra, ",\"has_text\":%s", document_has_text(d) ? "true" : "false");
    if (c->opt->min_quality_set)
        buf_printf(&extra, ",\"dropped_document\":%s", dropped ? "true" : "false");
    buf_clear(&c->scratch);
    report_append_entry(&c->scratch, c->engine, d->no, d->id_json.len ? d->id_json.data : NULL, d->id_json.len,
                        &d->stats, extra.data);
    buf_free(&extra);
}

/* Copies a streamed document's text from the spill file to the output. */
static int copy_spill(corpus *c)
{
    if (fflush(c->spill) != 0 || fseek(c->spill, 0, SEEK_SET) != 0) {
        snprintf(c->err, sizeof c->err, "temporary file: %s", strerror(errno));
        return -1;
    }
    buf chunk = {0};
    buf_reserve(&chunk, FLUSH_BYTES);
    int rc = 0;
    size_t got;
    while (rc == 0 && (got = fread(chunk.data, 1, FLUSH_BYTES, c->spill)) > 0) {
        chunk.len = got;
        rc = write_buf(c, &c->out, &chunk);
    }
    if (rc == 0 && ferror(c->spill)) {
        snprintf(c->err, sizeof c->err, "temporary file: read error");
        rc = -1;
    }
    buf_free(&chunk);
    return rc;
}

/* The document's segments to the --html page, which is built here, on
   the writing thread. */
static void html_segments(corpus *c, document *d)
{
    if (!c->html)
        return;
    seglog_replay(&d->segments, html_segment, c->html);
    seglog_clear(&d->segments);
}

/* The --html page shows the id as text: a string id decoded, another JSON
   value as written. */
static int html_document(corpus *c, document *d)
{
    if (!c->html)
        return 0;
    html_segments(c, d);
    buf id = {0};
    const buf *json = &d->id_json;
    if (json->len && json->data[0] == '"')
        json_decode_string(json->data, json->len, &id);
    else if (json->len)
        buf_append(&id, json->data, json->len);
    int rc = html_doc_end(c->html, d->no, id.len ? id.data : NULL, &d->stats, c->err, sizeof c->err);
    buf_free(&id);
    if (rc < 0)
        c->emit_failed = true;
    return rc;
}

/* In input order: the summary, the text (unless dropped), --explain, --html,
   the report, the progress line. A streamed document's text is already out, or
   in the spill file. */
static int finish_document(corpus *c, document *d, bool streamed)
{
    if (d->failed) {
        if (d->kind == DOC_RECORD)
            snprintf(c->err, sizeof c->err, "%s:%" PRIu64 ": %s", d->source, d->line, d->err);
        else
            snprintf(c->err, sizeof c->err, "%s", d->err);
        c->emit_failed = true;
        return -1;
    }
    bool dropped = is_dropped(c, d);
    summary_add(&c->sum, &d->stats, document_has_text(d), dropped);
    c->mixed_total += d->stats.mixed_segments;
    if (!streamed && (write_buf(c, &c->out, &d->prefix) < 0 || (!dropped && write_buf(c, &c->out, &d->output) < 0)))
        return -1;
    if (streamed && c->spill && !dropped && copy_spill(c) < 0)
        return -1;
    if (c->have_explain && write_buf(c, &c->explain_out, &d->explain) < 0)
        return -1;
    if (html_document(c, d) < 0)
        return -1;
    if (c->have_report) {
        append_report_line(c, d, dropped);
        if (write_buf(c, &c->report, &c->scratch) < 0)
            return -1;
    }
    c->done_documents++;
    c->done_bytes += d->input_bytes;
    progress_update(&c->prog, c->done_documents, c->done_bytes);
    return 0;
}

static int emit(void *ctx, void *job)
{
    doc_batch *b = job;
    int rc = 0;
    for (size_t i = 0; i < b->count && rc == 0; i++)
        rc = finish_document(ctx, b->docs[i], false);
    batch_free(b);
    return rc;
}

/* Hands the batch being filled to the threads. */
static int submit_pending(corpus *c)
{
    doc_batch *b = c->pending;
    c->pending = NULL;
    return b ? workqueue_submit(c->queue, b, b->bytes, c->err, sizeof c->err) : 0;
}

static const workqueue_ops queue_ops = {state_new, state_free, process, emit, discard};

/* The memory bound (README "Robustness"): input held in the queue, and a
   text document held before it is streamed, each take at most a quarter of
   --max-buffer; with buffer growth and the outputs being built, documents
   take at most about --max-buffer in all. */
size_t corpus_queue_bytes(const options *opt) { return opt->max_buffer / 4; }

int corpus_open(corpus *c, const options *opt, const mtc_engine *engine)
{
    memset(c, 0, sizeof *c);
    c->opt = opt;
    c->engine = engine;
    c->fields = (jsonl_fields){opt->field, opt->id_field, opt->quality_field};
    c->settings = (doc_settings){
        .engine = engine, .mode = opt->mode, .marker_open = opt->marker_open, .marker_close = opt->marker_close,
        .explain = opt->explain_path != NULL, .keep_segments = opt->html_path != NULL,
        .fields = opt->jsonl ? &c->fields : NULL,
    };
    summary_init(&c->sum, engine);
    bool terminal = isatty(STDERR_FILENO);
    progress_init(&c->prog, opt->progress == PROGRESS_ON || (opt->progress == PROGRESS_AUTO && terminal), terminal);
    c->queue = workqueue_new(opt->threads, (size_t)opt->threads * JOBS_PER_THREAD, corpus_queue_bytes(opt), &queue_ops, c,
                             c->err, sizeof c->err);
    if (!c->queue)
        return -1;
    if (writer_open(&c->out, opt->output_path, opt->gzip_output, c->err, sizeof c->err) < 0)
        return -1;
    c->have_out = true;
    if (opt->report_path) {
        if (writer_open(&c->report, opt->report_path, false, c->err, sizeof c->err) < 0)
            return -1;
        c->have_report = true;
    }
    if (opt->explain_path) {
        if (writer_open(&c->explain_out, opt->explain_path, false, c->err, sizeof c->err) < 0)
            return -1;
        c->have_explain = true;
        buf_clear(&c->scratch);
        explain_header(&c->scratch);
        if (write_buf(c, &c->explain_out, &c->scratch) < 0)
            return -1;
    }
    if (opt->html_path && !(c->html = html_open(opt->html_path, engine, opt->mode, c->err, sizeof c->err)))
        return -1;
    return 0;
}

document *corpus_document(corpus *c, doc_kind kind) { return document_new(c->engine, kind, ++c->documents); }

int corpus_submit(corpus *c, document *d)
{
    /* Room for the usual output, taken here: a buffer grown by a worker
       thread and freed by this one costs malloc lock contention and heap
       trimming system calls at every document. */
    buf_reserve(&d->output, d->input.len + d->input.len / 8 + 1024);
    if (!c->pending)
        c->pending = xcalloc(1, sizeof *c->pending);
    batch_add(c->pending, d);
    /* A batch is a small part of --max-buffer, which bounds what is in flight. */
    size_t full = c->opt->max_buffer / 16 < BATCH_BYTES ? c->opt->max_buffer / 16 : BATCH_BYTES;
    if (c->pending->bytes >= full || c->pending->count >= BATCH_DOCS)
        return submit_pending(c);
    return 0;
}

/* A streamed document's text so far: to the output, or to the spill file
   while --min-quality has not decided. */
static int flush_streamed(corpus *c, document *d)
{
    if (c->spill) {
        if (d->output.len && fwrite(d->output.data, 1, d->output.len, c->spill) != d->output.len) {
            snprintf(c->err, sizeof c->err, "temporary file: %s", strerror(errno));
            return -1;
        }
    } else if (write_buf(c, &c->out, &d->output) < 0) {
        return -1;
    }
    buf_clear(&d->output);
    if (c->have_explain && write_buf(c, &c->explain_out, &d->explain) < 0)
        return -1;
    buf_clear(&d->explain);
    html_segments(c, d);
    return 0;
}

/* A temporary file in $TMPDIR (default /tmp), gone once closed. */
static FILE *spill_file(char *err, size_t errlen)
{
    const char *dir = getenv("TMPDIR");
    buf path = {0};
    buf_printf(&path, "%s/mtclean-spill.XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path.data);
    FILE *f = fd < 0 ? NULL : fdopen(fd, "w+");
    if (!f)
        snprintf(err, errlen, "cannot create a temporary file %s: %s", path.data, strerror(errno));
    if (fd >= 0)
        unlink(path.data);
    if (fd >= 0 && !f)
        close(fd);
    buf_free(&path);
    return f;
}

int corpus_stream_begin(corpus *c, document *d)
{
    doc_worker *dw = submit_pending(c) < 0 ? NULL : workqueue_borrow(c->queue, c->err, sizeof c->err);
    if (!dw || write_buf(c, &c->out, &d->prefix) < 0)
        return -1;
    if (c->opt->min_quality_set && !(c->spill = spill_file(c->err, sizeof c->err)))
        return -1;
    c->stream_worker = dw;
    doc_worker_attach(dw, d);
    pipeline_doc_begin(dw->worker);
    /* The text held so far, a line at a time: its output is written as it
       grows, never held whole beside it. */
    size_t max_line = (size_t)c->engine->cfg.max_line_bytes, pos = 0, n, eoln;
    const char *p = d->input.data;
    while (pos < d->input.len && line_find(p + pos, d->input.len - pos, max_line, true, &n, &eoln)) {
        if (pipeline_doc_line(dw->worker, p + pos, n, p + pos + n, eoln, &d->output, &d->stats) < 0) {
            snprintf(c->err, sizeof c->err, "%s", pipeline_error(dw->worker));
            return -1;
        }
        pos += n + eoln;
        if (d->output.len >= FLUSH_BYTES && flush_streamed(c, d) < 0)
            return -1;
    }
    buf_free(&d->input);
    return flush_streamed(c, d);
}

int corpus_stream_line(corpus *c, document *d, const char *line, size_t n, size_t eoln)
{
    d->input_bytes += n + eoln;
    if (pipeline_doc_line(c->stream_worker->worker, line, n, line + n, eoln, &d->output, &d->stats) < 0) {
        snprintf(c->err, sizeof c->err, "%s", pipeline_error(c->stream_worker->worker));
        return -1;
    }
    progress_update(&c->prog, c->done_documents, c->done_bytes + d->input_bytes);
    if (d->output.len >= FLUSH_BYTES || d->explain.len >= FLUSH_BYTES)
        return flush_streamed(c, d);
    return 0;
}

int corpus_stream_end(corpus *c, document *d)
{
    pipeline_doc_end(c->stream_worker->worker, &d->output, &d->stats);
    int rc = flush_streamed(c, d);
    if (rc == 0)
        rc = finish_document(c, d, true);
    c->stream_worker = NULL;
    if (c->spill)
        fclose(c->spill);
    c->spill = NULL;
    document_free(d);
    return rc;
}

static int close_writer(corpus *c, writer *w, bool *open, int rc)
{
    if (!*open)
        return rc;
    *open = false;
    char err[512];
    if (writer_close(w, err, sizeof err) < 0 && rc == 0) {
        snprintf(c->err, sizeof c->err, "%s", err);
        return -1;
    }
    return rc;
}

static int write_summary(corpus *c)
{
    buf text = {0};
    summary_format(&c->sum, &text, c->opt->jsonl ? c->opt->field : NULL,
                   c->opt->min_quality_set ? c->opt->min_quality : -1.0);
    int rc = 0;
    if (!c->opt->summary_path) {
        fputs(text.data, stderr);
    } else {
        writer w;
        bool open = writer_open(&w, c->opt->summary_path, false, c->err, sizeof c->err) == 0;
        rc = open ? 0 : -1;
        if (open && writer_write(&w, text.data, text.len, c->err, sizeof c->err) < 0)
            rc = -1;
        rc = close_writer(c, &w, &open, rc);
    }
    buf_free(&text);
    return rc;
}

int corpus_close(corpus *c, int rc)
{
    if (c->queue && !c->stream_worker) {
        if (rc == 0) {
            rc = submit_pending(c);
            if (rc == 0)
                rc = workqueue_drain(c->queue, c->err, sizeof c->err);
        } else if (!c->emit_failed) {
            /* An input error: what came before it is written, unless writing
               fails first, which is then the error to report. */
            char input_err[sizeof c->err];
            snprintf(input_err, sizeof input_err, "%s", c->err);
            if (submit_pending(c) == 0 && workqueue_drain(c->queue, c->err, sizeof c->err) == 0)
                snprintf(c->err, sizeof c->err, "%s", input_err);
        }
    }
    if (rc == 0 && c->html && html_finish(c->html, c->err, sizeof c->err) < 0)
        rc = -1;
    if (rc == 0)
        progress_finish(&c->prog, c->done_documents, c->done_bytes);
    rc = close_writer(c, &c->out, &c->have_out, rc);
    rc = close_writer(c, &c->report, &c->have_report, rc);
    rc = close_writer(c, &c->explain_out, &c->have_explain, rc);
    if (rc == 0 && c->opt->summary)
        rc = write_summary(c);
    return rc;
}

void corpus_free(corpus *c)
{
    batch_free(c->pending); /* documents never handed over after an error */
    c->pending = NULL;
    workqueue_free(c->queue);
    c->queue = NULL;
    html_free(c->html);
    c->html = NULL;
    if (c->spill)
        fclose(c->spill);
    c->spill = NULL;
    summary_free(&c->sum);
    buf_free(&c->scratch);
}
