/* --summarize: the --summary of a corpus from its --report files (one per
   shard, in shard order), as a single run over the whole corpus writes it. */
#ifndef MTC_SUMMARIZE_H
#define MTC_SUMMARIZE_H
#include "mtclean.h"
#include "options.h"

/* Reads opt->inputs (stdin when none) as report lines; the summary goes to
   standard output. Returns 0, or -1 with err filled ("FILE:LINE: why"). */
int summarize_reports(const options *opt, const mtc_engine *engine, char *err, size_t errlen);
#endif
