/* --explain: one TSV line per segment (document, label, rule, counts, text,
   reason),
   for triage and for the evaluation scripts. */
#ifndef MTC_EXPLAIN_H
#define MTC_EXPLAIN_H
#include "buf.h"
#include "mtclean.h"

typedef struct explain {
    buf *out;          /* lines are appended here */
    uint64_t doc;      /* document number, set by the caller */
} explain;

/* The mtc_segment_hook; ctx is an explain*. */
void explain_segment(void *ctx, const mtc_segment_info *info);
/* Text with tabs, newlines and backslashes escaped, so a line stays a line. */
void explain_append_tsv(buf *out, const char *s, size_t n);
/* The header line naming the columns. */
void explain_header(buf *out);
#endif
