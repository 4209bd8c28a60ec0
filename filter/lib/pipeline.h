/* Document processing line by line, under the public streaming API of
   stream.c (mtc_doc_begin/feed/end), which cuts the lines. The stages:
   lookahead.c (the held line, pipeline_doc_line/end) -> pipeline.c
   (analysis, labels, the hook) -> rule_policy.c -> mode_output.c and
   repair_stage.c; worker.c owns a worker's state. */
#ifndef MTC_PIPELINE_H
#define MTC_PIPELINE_H
#include "engine.h"

/* Starts a document; its output and counters go to out and st. */
void pipeline_doc_begin(mtc_worker *w);
/* One line (paragraph) without its terminator eol (which may be empty).
   -1 when a rule failed, with the message in w->err. */
int pipeline_doc_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
                      mtc_stats *st);
/* One line through the pipeline, the boilerplate classifier's decision
   about it already made (w->line_builtin): the look-ahead (lookahead.c)
   calls it once it has decided the held line. -1 as pipeline_doc_line. */
int pipeline_process_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
                          mtc_stats *st);
/* Ends the document, emitting what was held back (the last line waits for
   its successor, see held_line). Returns 0, or -1 as pipeline_doc_line. */
int pipeline_doc_end(mtc_worker *w, buf *out, mtc_stats *st);
#endif
