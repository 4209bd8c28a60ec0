#include "corpus.h"
#include "json.h"
#include "lines.h"
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

static bool is_dropped(const corpus *c, const document *d)
{
    return document_has_text(d) && c->opt->min_quality_set && mtc_stats_quality(&d->stats) < c->opt->min_quality;
}

/* The document (or a streamed one's piece) to every sink of the run, in
   the table's order. */
static int to_sinks(corpus *c, document *d)
{
    for (size_t i = 0; i < sink_count; i++)
        if (c->sink_state[i] && sink_table[i]->document(&c->env, c->sink_state[i], d) < 0) {
            c->emit_failed = true;
            return -1;
        }
    return 0;
}

/* Failed translations: the document and segment, the text was kept. */
static void report_warnings(const document *d)
{
    for (const char *p = d->warnings.data, *end = p + d->warnings.len; p && p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        int len = (int)((nl ? nl : end) - p);
        if (d->kind == DOC_RECORD)
            fprintf(stderr, "mtclean: %s:%" PRIu64 ": %.*s\n", d->source, d->line, len, p);
        else if (d->id_json.len) /* the file name, as a JSON string */
            fprintf(stderr, "mtclean: document %" PRIu64 " (%.*s): %.*s\n", d->no, (int)d->id_json.len,
                    d->id_json.data, len, p);
        else
            fprintf(stderr, "mtclean: document %" PRIu64 ": %.*s\n", d->no, len, p);
        p = nl ? nl + 1 : end;
    }
}

/* In input order, a document done: to the sinks, unless it failed. */
static int finish_document(corpus *c, document *d)
{
    if (d->streamed && c->stream_worker)
        buf_append_str(&d->warnings, mtc_worker_warnings(c->stream_worker->worker));
    report_warnings(d);
    if (d->failed) {
        if (d->kind == DOC_RECORD)
            snprintf(c->err, sizeof c->err, "%s:%" PRIu64 ": %s", d->source, d->line, d->err);
        else
            snprintf(c->err, sizeof c->err, "%s", d->err);
        c->emit_failed = true;
        return -1;
    }
    d->dropped = is_dropped(c, d);
    d->complete = true;
    if (d->dropped) { /* one definition of bytes_out everywhere: bytes written */
        d->stats.bytes_out = 0;
        reasons_add(&d->reasons, REASON_MIN_QUALITY, strlen(REASON_MIN_QUALITY), 1);
    }
    /* --check: English sentences are damage in a French corpus too */
    c->mixed_total += d->stats.mixed_segments + (c->opt->keep_english ? 0 : d->stats.english_segments);
    c->damage_total += d->stats.mixed_segments + d->stats.english_segments;
    c->with_text += document_has_text(d);
    return to_sinks(c, d);
}

static int emit(void *ctx, void *job)
{
    doc_batch *b = job;
    int rc = 0;
    for (size_t i = 0; i < b->count && rc == 0; i++)
        rc = finish_document(ctx, b->docs[i]);
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

/* Every sink the options ask for, in the table's order; those that record
   segments are called by the worker threads' hook. */
static int open_sinks(corpus *c)
{
    c->sink_state = xcalloc(sink_count, sizeof *c->sink_state);
    c->settings.segment = xcalloc(sink_count, sizeof *c->settings.segment);
    for (size_t i = 0; i < sink_count; i++) {
        const sink_ops *ops = sink_table[i];
        if (ops->open(&c->env, &c->sink_state[i]) < 0)
            return -1;
        if (c->sink_state[i] && ops->segment)
            c->settings.segment[c->settings.n_segment++] = ops->segment;
    }
    return 0;
}

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
    c->env = (sink_env){opt, engine, c->err, sizeof c->err};
    c->fields = (jsonl_fields){opt->field, opt->id_field, opt->quality_field};
    c->settings = (doc_settings){
        .engine = engine, .mode = opt->mode, .keep_english = opt->keep_english,
        .marker_open = opt->marker_open, .marker_close = opt->marker_close,
        .fields = opt->jsonl ? &c->fields : NULL, .input = opt->input,
        .residual = opt->residual, .translate = opt->translate, .translate_english = opt->translate_english,
    };
    /* Before any thread starts: a missing package is a start-up error. */
    if (opt->translate && mtc_translate_check(engine, c->err, sizeof c->err) < 0)
        return -1;
    if (open_sinks(c) < 0)
        return -1;
    c->queue = workqueue_new(opt->threads, (size_t)opt->threads * JOBS_PER_THREAD, corpus_queue_bytes(opt), &queue_ops, c,
                             c->err, sizeof c->err);
    if (c->queue && opt->learn_repeats_path)
        c->learn = mtc_repeats_new(engine);
    return c->queue ? 0 : -1;
}

document *corpus_document(corpus *c, doc_kind kind) { return document_new(c->engine, kind, c->opt->doc_offset + ++c->documents); }

static void learn_lines(mtc_repeats *r, const char *p, size_t n)
{
    size_t pos = 0, len, eoln;
    while (pos < n && line_find(p + pos, n - pos, n, true, &len, &eoln)) {
        mtc_repeats_add_line(r, p + pos, len);
        pos += len + eoln;
    }
}

/* --learn-repeats counts a document's lines here, in input order, so the
   table does not depend on --threads. */
static void learn_document(corpus *c, const document *d)
{
    if (!c->learn || !document_has_text(d))
        return;
    if (d->kind != DOC_RECORD) {
        mtc_repeats_add_document(c->learn, d->input.data, d->input.len);
        return;
    }
    buf_clear(&c->learn_text);
    json_decode_string(d->input.data + d->layout.text_start, d->layout.text_end - d->layout.text_start,
                       &c->learn_text);
    mtc_repeats_add_document(c->learn, c->learn_text.data, c->learn_text.len);
}

int corpus_submit(corpus *c, document *d)
{
    learn_document(c, d);
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

/* A streamed document so far to the sinks (its text, --explain lines,
   --html segments, the progress line). */
static int flush_streamed(corpus *c, document *d)
{
    c->stream_flushed = d->input_bytes;
    return to_sinks(c, d);
}

int corpus_stream_begin(corpus *c, document *d)
{
    doc_worker *dw = submit_pending(c) < 0 ? NULL : workqueue_borrow(c->queue, c->err, sizeof c->err);
    if (!dw)
        return -1;
    c->stream_worker = dw;
    d->streamed = true;
    doc_worker_attach(dw, d);
    if (c->learn) /* the document's end is counted by corpus_stream_end */
        learn_lines(c->learn, d->input.data, d->input.len);
    if (mtc_doc_begin(dw->worker, document_write, &d->output, &d->stats) != MTC_OK) {
        snprintf(c->err, sizeof c->err, "%s", mtc_worker_error(dw->worker));
        return -1;
    }
    /* The text held so far, a piece at a time: its output is written as it
       grows, never held whole beside it. */
    for (size_t pos = 0; pos < d->input.len;) {
        size_t n = d->input.len - pos < FLUSH_BYTES ? d->input.len - pos : FLUSH_BYTES;
        if (mtc_doc_feed(dw->worker, d->input.data + pos, n) != MTC_OK) {
            snprintf(c->err, sizeof c->err, "%s", mtc_worker_error(dw->worker));
            return -1;
        }
        pos += n;
        if (d->output.len >= FLUSH_BYTES && flush_streamed(c, d) < 0)
            return -1;
    }
    buf_free(&d->input);
    return flush_streamed(c, d);
}

int corpus_stream_line(corpus *c, document *d, const char *line, size_t n, size_t eoln)
{
    d->input_bytes += n + eoln;
    if (c->learn)
        mtc_repeats_add_line(c->learn, line, n);
    if (mtc_doc_feed(c->stream_worker->worker, line, n + eoln) != MTC_OK) {
        snprintf(c->err, sizeof c->err, "%s", mtc_worker_error(c->stream_worker->worker));
        return -1;
    }
    if (d->output.len >= FLUSH_BYTES || d->explain.len >= FLUSH_BYTES || d->input_bytes - c->stream_flushed >= FLUSH_BYTES)
        return flush_streamed(c, d);
    return 0;
}

int corpus_stream_end(corpus *c, document *d)
{
    if (c->learn)
        mtc_repeats_end_document(c->learn);
    int rc = 0;
    if (mtc_doc_end(c->stream_worker->worker) != MTC_OK) {
        snprintf(c->err, sizeof c->err, "%s", mtc_worker_error(c->stream_worker->worker));
        rc = -1;
    }
    if (rc == 0)
        rc = flush_streamed(c, d);
    if (rc == 0)
        rc = finish_document(c, d);
    c->stream_worker = NULL;
    document_free(d);
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
    for (size_t i = sink_count; c->sink_state && i-- > 0;)
        if (c->sink_state[i])
            rc = sink_table[i]->close(&c->env, c->sink_state[i], rc);
    if (rc == 0 && c->learn)
        rc = mtc_repeats_write(c->learn, c->opt->learn_repeats_path, c->err, sizeof c->err);
    /* A misspelt --field passes every record through unchanged: say so. */
    if (rc == 0 && c->opt->jsonl && c->documents && !c->with_text)
        fprintf(stderr, "mtclean: warning: no record has a \"%s\" string (see --field); %" PRIu64
                        " records passed through unchanged\n", c->opt->field, c->documents);
    return rc;
}

void corpus_free(corpus *c)
{
    batch_free(c->pending); /* documents never handed over after an error */
    c->pending = NULL;
    workqueue_free(c->queue);
    c->queue = NULL;
    for (size_t i = 0; c->sink_state && i < sink_count; i++)
        if (c->sink_state[i])
            sink_table[i]->free(c->sink_state[i]);
    free(c->sink_state);
    c->sink_state = NULL;
    free(c->settings.segment);
    c->settings.segment = NULL;
    buf_free(&c->learn_text);
    mtc_repeats_free(c->learn);
    c->learn = NULL;
}
