/* Streaming document processing: feed a document line by line. */
#ifndef MTC_PIPELINE_H
#define MTC_PIPELINE_H
#include "engine.h"

/* Starts a document; its output and counters go to out and st. */
void pipeline_doc_begin(mtc_worker *w);
/* One line (paragraph) without its terminator eol (which may be empty). */
int pipeline_doc_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
                      mtc_stats *st);
/* Ends the document, emitting what was held back (the last line waits for
   its successor, see held_line). Returns 0, or -1 as pipeline_doc_line. */
int pipeline_doc_end(mtc_worker *w, buf *out, mtc_stats *st);
/* Message of the last failure (a rule that hit its match limit). */
const char *pipeline_error(const mtc_worker *w);
#endif
