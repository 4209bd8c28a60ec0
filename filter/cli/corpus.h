/* A run over a corpus: documents go through the work queue and come out in
   input order to the sinks (sink.h: the text output, --explain, --html,
   the report, the summary and the progress line). A text document too big
   to queue is streamed instead, and reaches the sinks in pieces. */
#ifndef MTC_CORPUS_H
#define MTC_CORPUS_H
#include "document.h"
#include "options.h"
#include "sink.h"
#include "workqueue.h"
#include <stdio.h>

typedef struct corpus {
    const options *opt;
    const mtc_engine *engine;
    doc_settings settings;
    jsonl_fields fields;
    workqueue *queue;
    struct doc_batch *pending;     /* documents not yet handed to the threads */
    sink_env env;
    void **sink_state;             /* one per sink of sink_table; NULL: not in this run */
    uint64_t documents;            /* numbered so far */
    uint64_t mixed_total;
    uint64_t damage_total;         /* mixed and english segments: -q, -l and --count */
    uint64_t with_text;            /* documents with text: --field found at least once */
    bool emit_failed;              /* c->err comes from writing a result, not from the input */
    doc_worker *stream_worker;     /* borrowed while a document is streamed */
    size_t stream_flushed;         /* its input bytes when last given to the sinks */
    mtc_repeats *learn;            /* --learn-repeats: counted here, on the reading thread */
    buf learn_text;                /* a record's text, decoded for it */
    char err[1024];
} corpus;

/* Bytes of input the queue holds at most, and a text document before it is
   streamed: a quarter of --max-buffer. */
size_t corpus_queue_bytes(const options *opt);
/* Opens the outputs and starts the threads. -1 with c->err filled. */
int corpus_open(corpus *c, const options *opt, const mtc_engine *engine);
/* A new document, numbered in input order. */
document *corpus_document(corpus *c, doc_kind kind);
/* Queues a document (taken over). -1 with c->err filled: stop reading. */
int corpus_submit(corpus *c, document *d);

/* Streaming a text document: everything queued before it is written
   first, then its lines are cleaned as they come. corpus_stream_end frees
   the document; after a failure of the others the caller frees it. */
int corpus_stream_begin(corpus *c, document *d);
int corpus_stream_line(corpus *c, document *d, const char *line, size_t n, size_t eoln);
int corpus_stream_end(corpus *c, document *d);

/* Finishes the run: rc is 0, or -1 after an error already in c->err (the
   documents before the failing one are still written). Writes the summary,
   closes the outputs. Returns 0 or -1. */
int corpus_close(corpus *c, int rc);
void corpus_free(corpus *c);
#endif
