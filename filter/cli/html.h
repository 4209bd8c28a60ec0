/* --html: one self-contained HTML triage page per run (inline CSS and SVG,
   no script, no external asset). Each document's section is written when
   the document ends; the summary table and chart come last in the file and
   are moved to the top by CSS, so only small per-document rows are kept
   (in a temporary file) until the end. */
#ifndef MTC_HTML_H
#define MTC_HTML_H
#include "mtclean.h"
#include <stdint.h>

typedef struct html_report html_report;

/* Creates FILE and writes the page head. NULL with err filled on failure. */
html_report *html_open(const char *path, const mtc_engine *engine, mtc_mode mode, char *err, size_t errlen);
/* The mtc_segment_hook (ctx is the html_report): adds one segment to the
   current document's text. */
void html_segment(void *ctx, const mtc_segment_info *info);
/* Writes the current document's section and keeps its summary row. */
int html_doc_end(html_report *h, uint64_t doc, const char *id, const mtc_stats *st, char *err, size_t errlen);
/* Writes the summary (chart, table, totals) and closes the file. */
int html_finish(html_report *h, char *err, size_t errlen);
/* Releases h (closing the file if html_finish was not reached); NULL is fine. */
void html_free(html_report *h);
#endif
