/* Repair mode's stage of the pipeline (repair_stage.c). */
#ifndef MTC_REPAIR_STAGE_H
#define MTC_REPAIR_STAGE_H
#include "engine.h"

/* Repairs the segment w->nfc of this label: translation, dictionary repairs,
   rewrite rules, then the residual policy for a segment still mixed.
   Returns 0 (the caller writes w->nfc), 1 if it is dropped, 2 if it was
   written to w->line_out; *rewritten says whether the text changed,
   *residual whether it is still damaged. */
int repair_stage_run(mtc_worker *w, seg_label label, rule_subject *subj, mtc_stats *st, bool *rewritten,
                     bool *residual);
#endif
