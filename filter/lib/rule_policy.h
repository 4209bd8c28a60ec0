/* Rule policy (rule_policy.c): the rules of rules/ *.rules applied to one
   segment of a worker, in file order, by kind and "when" condition. */
#ifndef MTC_RULE_POLICY_H
#define MTC_RULE_POLICY_H
#include "engine.h"

/* Index of the first rule of this kind that matches s[0..n), -1 if none. */
long policy_first_match(mtc_worker *w, rule_kind kind, seg_label label, const char *s, size_t n,
                        const rule_subject *subj, mtc_stats *st);
/* A drop rule makes the segment boilerplate; else a flag rule makes it
   mixed. Returns the index of the rule that fired, -1 if none. */
long policy_label_rules(mtc_worker *w, const char *s, size_t n, const rule_subject *subj, seg_label *label,
                        mtc_stats *st);
/* The segment's label from its scored label and line_rule (>= 0: a
   dropline or built-in rule made its line boilerplate); *fired is the rule
   that decided, -1 if none. The segment is w->nfc, which subj holds. */
seg_label policy_label_segment(mtc_worker *w, seg_label scored, long line_rule, const rule_subject *subj,
                               mtc_stats *st, long *fired);
/* The rule that makes a whole line boilerplate: a dropline rule on it
   (subj, its NFC form w->nfc) if whole, else the built-in classifier's
   decision (w->line_builtin); -1 if none. */
long policy_line_rule(mtc_worker *w, bool whole, const rule_subject *subj, mtc_stats *st);
/* Applies the rewrite rules in order to w->nfc, whose bytes subj holds. */
void policy_rewrite(mtc_worker *w, seg_label label, rule_subject *subj, mtc_stats *st);
#endif
