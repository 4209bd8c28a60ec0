/* --summary: corpus totals written at the end. Documents are added in
   input order, so the summary does not depend on the number of threads. */
#ifndef MTC_SUMMARY_H
#define MTC_SUMMARY_H
#include "buf.h"
#include "mtclean.h"
#include "reasons.h"
#include <stdbool.h>

#define SUMMARY_BINS 10
#define SUMMARY_TOP_RULES 10
#define SUMMARY_TOP_REASONS 10

typedef struct summary {
    const mtc_engine *engine;
    mtc_stats totals;           /* bytes_out: of the documents kept */
    uint64_t documents, without_text, dropped;
    uint64_t histogram[SUMMARY_BINS]; /* documents with text by quality: [0,0.1) ... [0.9,1] */
    reasons reasons;            /* of the segments and documents, for the top reasons */
} summary;

void summary_init(summary *s, const mtc_engine *engine);
/* A document's counters (bytes_out: what was written, 0 if dropped) and
   reasons (NULL: none). */
void summary_add(summary *s, const mtc_stats *st, bool has_text, bool dropped, const reasons *why);
/* text_field: JSONL mode's field name (NULL in text mode); min_quality < 0: not set. */
void summary_format(const summary *s, buf *out, const char *text_field, double min_quality);
void summary_free(summary *s);
#endif
