/* Per-mode output and blank-line holdback (mode_output.c). */
#ifndef MTC_MODE_OUTPUT_H
#define MTC_MODE_OUTPUT_H
#include "engine.h"

/* Only spaces, tabs, form feeds and no-break spaces. */
bool line_is_blank(const char *s, size_t n);
/* Appends the output for the mode of the segment line[sp->start..sp->core_end)
   to w->line_out. Returns 0, or -1 on an error of the repairs. */
int output_segment(mtc_worker *w, const char *line, const span *sp, seg_label label, bool line_valid,
                   rule_subject *subj, mtc_stats *st, bool *dropped, bool *rewritten, bool *residual);
/* A blank line: kept in flag mode, else held back until kept text follows. */
void output_blank_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
                       mtc_stats *st);
/* A cleaned line (w->line_out) and its terminator to out: as it is in flag
   mode, else after the blank lines before it, or held back if nothing of
   it is left. */
void output_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
                 mtc_stats *st);
/* The end of a document: the blank lines held back, unless a paragraph
   was dropped after the last kept text. */
void output_doc_end(mtc_worker *w, buf *out, mtc_stats *st);
#endif
