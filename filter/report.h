/* Per-document quality report, one JSON object a line. */
#ifndef MTC_REPORT_H
#define MTC_REPORT_H
#include "buf.h"
#include "mtclean.h"

void json_append_string(buf *b, const char *s, size_t n);
/* Appends {"doc":N,"id":...,counters...,"quality":Q,"rules":{...}} and a newline. */
void report_append(buf *b, const mtc_engine *engine, uint64_t doc, const char *id, size_t id_len,
                   const mtc_stats *st);
#endif
