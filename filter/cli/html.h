/* --html: one self-contained HTML triage page per run (inline CSS and SVG,
   no script, no external asset): a summary (quality histogram, top reasons,
   top rules, totals), then the documents worst first. Only the
   --html-max-docs worst documents are shown; they are kept in a bounded
   heap with their markup in a temporary file (html_store.h), the others
   only counted, so memory and the page's size are bounded by that number. */
#ifndef MTC_HTML_H
#define MTC_HTML_H
#include "mtclean.h"
#include <stdbool.h>
#include <stdint.h>

/* Documents shown when --html-max-docs is not given. */
#define HTML_DEFAULT_MAX_DOCS 200

typedef struct html_report html_report;

/* Creates FILE and writes the page head. NULL with err filled on failure. */
html_report *html_open(const char *path, const mtc_engine *engine, mtc_mode mode, char *err, size_t errlen);
/* How many documents to show (before the first document). */
void html_set_max_docs(html_report *h, uint64_t max_docs);
/* The mtc_segment_hook (ctx is the html_report): adds one segment to the
   current document's text. */
void html_segment(void *ctx, const mtc_segment_info *info);
/* Before html_doc_end: whether the current document has text (a JSONL
   record may have none) and was dropped by --min-quality. Default: it has
   text and is kept. */
void html_doc_status(html_report *h, bool has_text, bool dropped);
/* Ends the current document: counts it, and keeps its row and section if
   it is among the worst so far. */
int html_doc_end(html_report *h, uint64_t doc, const char *id, const mtc_stats *st, char *err, size_t errlen);
/* Writes the summary, the table and the kept sections, and closes the file. */
int html_finish(html_report *h, char *err, size_t errlen);
/* Releases h (closing the file if html_finish was not reached); NULL is fine. */
void html_free(html_report *h);
#endif
