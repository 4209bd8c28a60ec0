/* A document in flight: a text (a file, or a part of one between --doc-sep
   lines) or a JSON Lines record, and what cleaning it gave. Documents are
   self-contained so that any thread can clean them. */
#ifndef MTC_DOCUMENT_H
#define MTC_DOCUMENT_H
#include "buf.h"
#include "explain.h"
#include "jsonl.h"
#include "mtclean.h"
#include "seglog.h"
#include <stdbool.h>

typedef enum { DOC_TEXT, DOC_RECORD } doc_kind;

/* What every thread's worker is set up with. */
typedef struct doc_settings {
    const mtc_engine *engine;
    mtc_mode mode;
    const char *marker_open, *marker_close; /* NULL: the defaults */
    bool explain;                           /* collect --explain lines */
    bool keep_segments;                     /* log the segments (for --html) */
    const jsonl_fields *fields;             /* JSONL mode */
    mtc_residual residual;                  /* repair mode */
    bool translate, translate_english;
} doc_settings;

/* One thread's tools. */
typedef struct doc_worker {
    const doc_settings *settings;
    mtc_worker *worker;
    explain explain;
    seglog *segments;                  /* the current document's log, if kept */
    buf text, cleaned, value, quality; /* JSONL scratch */
} doc_worker;

typedef struct document {
    uint64_t no;          /* 1-based, in input order */
    doc_kind kind;
    buf prefix;           /* written before the document even if it is dropped (a --doc-sep line) */
    buf input;            /* the text, or the record without its line end */
    char eol[3];          /* the record's line end, kept */
    size_t eoln;
    jsonl_layout layout;  /* DOC_RECORD */
    buf id_json;          /* the report's "id" as a JSON value; empty: null */
    size_t input_bytes;   /* bytes read for it, for the progress line */
    const char *source;   /* input name and line of a record, for messages */
    uint64_t line;
    /* Results. */
    buf output;           /* the cleaned text, or the whole record line */
    buf explain;          /* --explain lines */
    seglog segments;      /* with keep_segments */
    mtc_stats stats;
    bool failed;
    char err[512];
    buf warnings;         /* translations that failed, a line each */
} document;

document *document_new(const mtc_engine *engine, doc_kind kind, uint64_t no);
void document_free(document *d);
/* Whether the document has text to clean (a record may have none). */
bool document_has_text(const document *d);

doc_worker *doc_worker_new(const doc_settings *settings, char *err, size_t errlen);
void doc_worker_free(doc_worker *dw);
/* Cleans the document (thread-safe given one doc_worker per thread). On a
   rule failure sets failed and err. */
void document_process(doc_worker *dw, document *d);
/* Points the worker's --explain lines and segment log at the document. */
void doc_worker_attach(doc_worker *dw, document *d);

/* Cleans the lines of p[0..n), cut as the input reader cuts them, with a
   worker between pipeline_doc_begin and _end. Returns 0, or -1 with err filled. */
int document_feed(mtc_worker *w, const char *p, size_t n, buf *out, mtc_stats *st, char *err, size_t errlen);
#endif
