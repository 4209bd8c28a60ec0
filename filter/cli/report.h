/* Per-document quality report, one JSON object a line. */
#ifndef MTC_REPORT_H
#define MTC_REPORT_H
#include "buf.h"
#include "json.h"
#include "mtclean.h"

/* Appends {"doc":N,"id":...,counters...,"quality":Q,"rules":{...}} and a newline. */
void report_append(buf *b, const mtc_engine *engine, uint64_t doc, const char *id, size_t id_len,
                   const mtc_stats *st);
/* The same line with the id given as a JSON value (NULL: null) and extra
   members (",\"key\":value...") added last. */
void report_append_entry(buf *b, const mtc_engine *engine, uint64_t doc, const char *id_json, size_t id_json_len,
                         const mtc_stats *st, const char *extra);
/* The members after "id" (counters, "quality", "rules"), without braces:
   also the JSONL quality field. */
void report_append_counters(buf *b, const mtc_engine *engine, const mtc_stats *st);
#endif
