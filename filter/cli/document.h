/* A document in flight: a text (a file, or a part of one between --doc-sep
   lines) or a JSON Lines record, and what cleaning it gave. Documents are
   self-contained so that any thread can clean them. */
#ifndef MTC_DOCUMENT_H
#define MTC_DOCUMENT_H
#include "buf.h"
#include "jsonl.h"
#include "mtclean.h"
#include "options.h"
#include "reasons.h"
#include "seglog.h"
#include <stdbool.h>

typedef enum { DOC_TEXT, DOC_RECORD } doc_kind;

typedef struct document document;
/* A sink's record of a segment, made on a worker thread (sink.h). */
typedef void (*doc_segment_fn)(document *d, const mtc_segment_info *info);

/* What every thread's worker is set up with. */
typedef struct doc_settings {
    const mtc_engine *engine;
    mtc_mode mode;
    const char *marker_open, *marker_close; /* NULL: the defaults */
    doc_segment_fn *segment;                /* the sinks that record segments */
    size_t n_segment;
    const jsonl_fields *fields;             /* JSONL mode */
    input_kind input;                       /* --input: a record's field may be HTML */
    bool keep_english;                      /* --keep-english */
    mtc_residual residual;                  /* repair mode */
    bool translate, translate_english;
} doc_settings;

/* One thread's tools. */
typedef struct doc_worker {
    const doc_settings *settings;
    mtc_worker *worker;
    document *doc;                     /* the document being cleaned */
    buf text, cleaned, value, quality; /* JSONL scratch */
    buf page;                          /* HTML: the extracted text */
} doc_worker;

struct document {
    uint64_t no;          /* 1-based, in input order */
    doc_kind kind;
    buf prefix;           /* written before the document even if it is dropped (a --doc-sep line) */
    buf input;            /* the text, or the record without its line end */
    char eol[3];          /* the record's line end, kept */
    size_t eoln;
    jsonl_layout layout;  /* DOC_RECORD */
    buf id_json;          /* the report's "id" as a JSON value; empty: null */
    size_t input_bytes;   /* bytes read for it, for the progress line */
    const char *source;   /* input name, and line of a record, for messages and the report */
    uint64_t line;
    uint64_t offset;      /* a text document: the byte of its input where it starts (decompressed) */
    bool html;            /* a text document that is an HTML page */
    /* Results. */
    buf html_meta;        /* HTML: the report's ,"html":{...} member */
    buf output;           /* the cleaned text, or the whole record line */
    buf explain;          /* --explain lines */
    seglog segments;      /* for --html */
    reasons reasons;      /* of its segments (and the document's own, once dropped) */
    buf rejected;         /* --rejected, text mode: lines of the segments dropped */
    buf rejected_kept;    /* ... and of those kept, written if the document is dropped */
    mtc_stats stats;
    bool failed;
    char err[512];
    /* Set by the corpus for the sinks. */
    bool streamed;        /* cleaned as it was read, given to the sinks in pieces */
    bool complete;        /* the whole document (else a streamed one's piece so far) */
    bool dropped;         /* by --min-quality */
    buf warnings;         /* translations that failed, a line each */
};

document *document_new(const mtc_engine *engine, doc_kind kind, uint64_t no);
void document_free(document *d);
/* Whether the document has text to clean (a record may have none). */
bool document_has_text(const document *d);

doc_worker *doc_worker_new(const doc_settings *settings, char *err, size_t errlen);
void doc_worker_free(doc_worker *dw);
/* Cleans the document (thread-safe given one doc_worker per thread). On a
   rule failure sets failed and err. */
void document_process(doc_worker *dw, document *d);
/* Points the worker's segment hook at the document. */
void doc_worker_attach(doc_worker *dw, document *d);

/* An mtc_write_fn appending to the buf ctx. */
int document_write(void *ctx, const char *data, size_t len);
#endif
