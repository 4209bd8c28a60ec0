/* Rule policy: which rules apply to a segment of a label, which fires
   first, what it makes of the label, and the rewrites in order. A rule that
   fails is counted and taken as not matching. */
#include "rule_policy.h"

static bool rule_applies(const rule *r, seg_label label)
{
    switch (r->when) {
    case WHEN_MIXED: return label == LABEL_MIXED;
    case WHEN_CLEAN: return label == LABEL_CLEAN;
    case WHEN_ANY: return true;
    }
    return true;
}

/* A rule that fails on a segment (a PCRE2 limit, the rewrite bound) is taken
   as not matching it: counted, and the run goes on (README "Robustness"). */
static void rule_failed(mtc_worker *w, mtc_stats *st)
{
    st->rule_errors++;
    w->err[0] = '\0';
}

/* Index of the first rule of this kind that matches the segment, -1 if none. */
long policy_first_match(mtc_worker *w, rule_kind kind, seg_label label, const char *s, size_t n,
                        const rule_subject *subj, mtc_stats *st)
{
    const ruleset *rs = &w->engine->rules;
    for (size_t i = 0; i < rs->count; i++) {
        const rule *r = &rs->rules[i];
        if (r->kind != kind || !rule_applies(r, label) || !rule_may_match(r, subj))
            continue;
        int m = rule_matches(rs, r, w->md, s, n, w->err, sizeof w->err);
        if (m > 0)
            return (long)i;
        if (m < 0)
            rule_failed(w, st);
    }
    return -1;
}

/* A drop rule makes the segment boilerplate; else a flag rule makes it mixed.
   Returns the index of the rule that fired, -1 if none. */
long policy_label_rules(mtc_worker *w, const char *s, size_t n, const rule_subject *subj, seg_label *label,
                        mtc_stats *st)
{
    long hit = policy_first_match(w, RULE_DROP, *label, s, n, subj, st);
    if (hit >= 0)
        *label = LABEL_BOILERPLATE;
    else if ((hit = policy_first_match(w, RULE_FLAG, *label, s, n, subj, st)) >= 0)
        *label = LABEL_MIXED;
    if (hit >= 0)
        st->rule_hits[hit]++;
    return hit;
}

/* Applies the rewrite rules in order; leaves the result in w->nfc, whose
   bytes subj holds. Together they may make the segment only so much longer. */
void policy_rewrite(mtc_worker *w, seg_label label, rule_subject *subj, mtc_stats *st)
{
    const ruleset *rs = &w->engine->rules;
    const mtc_config *cfg = &w->engine->cfg;
    size_t max_out = (size_t)((double)w->nfc.len * cfg->rewrite_max_growth + cfg->rewrite_min_room);
    for (size_t i = 0; i < rs->count; i++) {
        const rule *r = &rs->rules[i];
        if (r->kind != RULE_REWRITE || !rule_applies(r, label) || !rule_may_match(r, subj))
            continue;
        int k = rule_rewrite_bounded(rs, r, w->md, w->nfc.data, w->nfc.len, max_out, &w->rewritten, w->err,
                                     sizeof w->err);
        if (k < 0)
            rule_failed(w, st);
        if (k > 0) {
            st->rule_hits[i] += (uint32_t)k;
            st->rewrites += (uint64_t)k;
            buf tmp = w->nfc;
            w->nfc = w->rewritten;
            w->rewritten = tmp;
            rule_subject_init(subj, w->nfc.data, w->nfc.len);
        }
    }
}

seg_label policy_label_segment(mtc_worker *w, seg_label scored, long line_rule, const rule_subject *subj,
                               mtc_stats *st, long *fired)
{
    seg_label label = scored;
    *fired = line_rule;
    if (line_rule >= 0 && line_rule == w->line_builtin) { /* a phrase rule, when one fires, says more */
        long drop = policy_first_match(w, RULE_DROP, label, w->nfc.data, w->nfc.len, subj, st);
        *fired = drop >= 0 ? drop : line_rule;
    }
    if (*fired >= 0) {
        st->rule_hits[*fired]++;
        return LABEL_BOILERPLATE;
    }
    *fired = policy_label_rules(w, w->nfc.data, w->nfc.len, subj, &label, st);
    if (scored == LABEL_ENGLISH && label == LABEL_MIXED)
        label = LABEL_ENGLISH; /* a flag rule's English evidence in an English sentence */
    return label;
}

long policy_line_rule(mtc_worker *w, bool whole, const rule_subject *subj, mtc_stats *st)
{
    long line_rule = whole ? policy_first_match(w, RULE_DROPLINE, LABEL_CLEAN, w->nfc.data, w->nfc.len, subj, st) : -1;
    if (line_rule == -1 && w->line_builtin >= 0)
        line_rule = w->line_builtin;
    return line_rule;
}
