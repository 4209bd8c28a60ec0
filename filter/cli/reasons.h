/* Why a segment or a document was dropped, flagged or rewritten, as a
   machine-readable name ("mixed:model", "boilerplate:cookie-banner",
   "document:min-quality"), and counts of them: a document's, for the report
   and --rejected, and the corpus's, for the summary's top reasons. */
#ifndef MTC_REASONS_H
#define MTC_REASONS_H
#include "buf.h"
#include "mtclean.h"
#include <stdbool.h>
#include <stdint.h>

/* A document dropped by --min-quality. */
#define REASON_MIN_QUALITY "document:min-quality"

typedef struct reason_count {
    char *name;
    uint64_t count;
} reason_count;

typedef struct reasons {
    reason_count *items; /* in the order first seen */
    size_t count, cap;
} reasons;

/* The segment's reason, LABEL:EVIDENCE (the rule that set the label, or
   "model" when the word scores did), into out (NUL-terminated). False for
   a clean segment no rule touched: it has none. */
bool reason_of_segment(const mtc_segment_info *info, char *out, size_t outlen);
void reasons_add(reasons *r, const char *name, size_t len, uint64_t n);
void reasons_merge(reasons *into, const reasons *from);
/* {"name":count,...} in the order first seen. */
void reasons_append_json(const reasons *r, buf *out);
/* The max most frequent, a line each ("  COUNT NAME"), ties by name. */
void reasons_append_top(const reasons *r, buf *out, size_t max);
void reasons_clear(reasons *r);
void reasons_free(reasons *r);
#endif
