/* Repair mode's stage: the MT engine on English spans, the dictionary
   repairs, the rewrite rules, then the residual policy for a segment still
   damaged. */
#include "repair_stage.h"
#include "rule_policy.h"
#include <inttypes.h>
#include <stdio.h>

/* The dictionary repairs of filter/lib/repair.c on w->nfc, counted like rules. */
static void repair_mixed(mtc_worker *w, mtc_stats *st, const verdict_vec *verdicts)
{
    const mtc_engine *e = w->engine;
    repair_counts counts = {0};
    repair_input in = {w->lex, w->tc, &e->lists, &e->repair, w->nfc.data, w->nfc.len, verdicts, &e->junctions};
    repair_words(&in, &w->rewritten, &counts);
    buf tmp = w->nfc;
    w->nfc = w->rewritten;
    w->rewritten = tmp;
    counts.n[REPAIR_REPEATED] +=
        (unsigned)repair_repeated_phrase(&w->nfc, (size_t)e->cfg.repeat_min_words, (size_t)e->cfg.repeat_max_gap);
    for (int k = 0; k < REPAIR_KINDS; k++) {
        st->rule_hits[e->builtin_rule[k]] += counts.n[k];
        st->rewrites += counts.n[k];
    }
}

/* One span through the MT engine into w->rewritten; a failure keeps the
   span as it was and says so in w->warnings. */
static void translate_span(mtc_worker *w, const tr_span *sp, mtc_stats *st, size_t *marks)
{
    const mtc_config *cfg = &w->engine->cfg;
    const char *s = w->nfc.data;
    if (!w->tr)
        w->tr = translator_new((int)cfg->translate_timeout_ms, (int)cfg->translate_max_failures);
    char err[300];
    int rc = translator_run(w->tr, s + sp->start, sp->end - sp->start, &w->translated, err, sizeof err);
    /* much of the pivot language left in ("ciberespacio"): no better than the English */
    unsigned words = 0, leaked = rc ? 0 : translate_leaks(s, sp->start, sp->end, w->translated.data, w->translated.len, &words);
    bool leaks = leaked > cfg->translate_max_leak_share * words;
    if (rc < 0 || leaks) {
        buf_append(&w->rewritten, s + sp->start, sp->end - sp->start);
        marks[0] = marks[1] = (size_t)-1;
        st->translate_errors += rc < 0;
        if (rc == -1) /* -2: translation is off for this worker, said once already */
            buf_printf(&w->warnings, "segment %" PRIu64 ": %s\n", st->segments, err);
        return;
    }
    translate_formal(&w->engine->junctions, w->lex, &w->translated);
    marks[0] = w->rewritten.len;
    translate_put(&w->rewritten, s, w->nfc.len, sp->start, w->translated.data, w->translated.len);
    marks[1] = w->rewritten.len;
    st->translated_spans++;
    st->rewrites++;
    w->seg_translated++;
}

/* The spans of w->nfc to translate (re-scored after the dictionary
   repairs): the labeller's English runs in context, or the whole of an
   english segment with --translate-english. An English sentence after
   clean French in its paragraph is a quotation ("... dans votre
   dictionnaire ? Excuse me, where is the beach?"): it stays English; with
   --translate-english the others go whole, but a title. */
static size_t spans_to_translate(mtc_worker *w, seg_label label, tr_span *spans, size_t max)
{
    const mtc_config *cfg = &w->engine->cfg;
    size_t n = w->nfc.len;
    seg_score sc;
    tokenize(w->tok, w->nfc.data, n, &w->words2);
    score_segment(w->lex, w->tc, cfg, w->nfc.data, n, &w->words2, &sc, &w->verdicts2);
    bool english = label == LABEL_ENGLISH;
    if (english && !w->line_start && w->after_clean)
        return 0;
    if (english && w->translate_english) {
        spans[0] = (tr_span){0, n};
        return n <= (size_t)cfg->translate_max_span_bytes &&
               !translate_title_like(&w->engine->lists, w->nfc.data, n, &w->verdicts2);
    }
    span_limits lim = {(unsigned)cfg->translate_min_english, (unsigned)cfg->translate_min_content_only,
                       (size_t)cfg->translate_max_span_bytes, (unsigned)cfg->translate_capitals_min_english,
                       cfg->translate_capitals_min_share, (unsigned)cfg->translate_english_min_french,
                       (unsigned)cfg->translate_clause_min_english, (unsigned)cfg->translate_clause_min_function,
                       &w->engine->junctions, &w->engine->repair.noun_markers, &w->engine->lists};
    return translate_find_spans(w->nfc.data, n, &w->verdicts2, &lim, english, spans, max);
}

/* --translate: each span to translate through Apertium, the rest kept. */
static void translate_segment(mtc_worker *w, seg_label label, mtc_stats *st)
{
    enum { MAX_SPANS = 64 };
    tr_span spans[MAX_SPANS];
    size_t n = w->nfc.len, marks[2 * MAX_SPANS];
    size_t count = spans_to_translate(w, label, spans, MAX_SPANS);
    if (!count)
        return;
    buf_clear(&w->rewritten);
    size_t pos = 0;
    for (size_t i = 0; i < count; i++) {
        buf_append(&w->rewritten, w->nfc.data + pos, spans[i].start - pos);
        translate_span(w, &spans[i], st, marks + 2 * i);
        pos = spans[i].end;
    }
    buf_append(&w->rewritten, w->nfc.data + pos, n - pos);
    for (size_t k = 2 * count; k-- > 0;) /* from the end: a fix moves only the bytes after it */
        if (marks[k] != (size_t)-1 && !(k % 2 == 0 && translate_fix_subject(&w->engine->junctions, &w->rewritten, marks[k])))
            translate_fix_junction(&w->engine->junctions, &w->rewritten, marks[k]);
    buf tmp = w->nfc;
    w->nfc = w->rewritten;
    w->rewritten = tmp;
}

/* A repaired segment scored again: still mixed (or English)? */
static bool still_damaged(mtc_worker *w)
{
    seg_score sc;
    tokenize(w->tok, w->nfc.data, w->nfc.len, &w->words2);
    score_segment(w->lex, w->tc, &w->engine->cfg, w->nfc.data, w->nfc.len, &w->words2, &sc, NULL);
    seg_label l = sc.label;
    return l == LABEL_MIXED || l == LABEL_ENGLISH;
}

/* Repair mode: dictionary repairs, rewrite rules, translation, then the
   residual policy for a segment still mixed. Returns 1 if it is dropped,
   -1 on a rule error; *rewritten says whether the text changed. */
int repair_stage_run(mtc_worker *w, seg_label label, rule_subject *subj, mtc_stats *st, bool *rewritten,
                     bool *residual)
{
    uint64_t before = st->rewrites;
    /* Spans go to the MT engine whole, before the dictionary repairs cut
       them up ("Among the restrictions": "the restrictions" would become
       "les restrictions", leaving "Among" alone); the words are scored
       again for the repairs after. */
    const verdict_vec *verdicts = &w->verdicts;
    /* an english segment with spans translated was French damaged by MT:
       the dictionary repairs go on with it ("à a gir" -> "à agir") */
    bool damaged = label == LABEL_MIXED;
    if (w->translate && (label == LABEL_MIXED || label == LABEL_ENGLISH)) {
        uint64_t spans = st->translated_spans;
        translate_segment(w, label, st);
        damaged |= st->translated_spans > spans;
        if (st->translated_spans > spans) {
            seg_score sc;
            tokenize(w->tok, w->nfc.data, w->nfc.len, &w->words2);
            score_segment(w->lex, w->tc, &w->engine->cfg, w->nfc.data, w->nfc.len, &w->words2, &sc, &w->verdicts2);
            verdicts = &w->verdicts2;
        }
    }
    if (damaged) {
        repair_mixed(w, st, verdicts);
        rule_subject_init(subj, w->nfc.data, w->nfc.len); /* the text changed */
    }
    policy_rewrite(w, label, subj, st); /* a rule that fails is counted in rule_errors, the text kept */
    *rewritten = st->rewrites > before;
    st->rewritten_segments += *rewritten;
    if (label != LABEL_MIXED)
        return 0;
    *residual = !*rewritten || still_damaged(w);
    st->residual += *residual;
    st->repaired_clean += !*residual;
    if (*residual && w->residual == MTC_RESIDUAL_DROP) {
        st->dropped++;
        return 1;
    }
    bool flag = *residual && w->residual == MTC_RESIDUAL_FLAG;
    if (flag) {
        st->flagged++;
        buf_append_str(&w->line_out, w->marker_open);
        buf_append_str(&w->line_out, "mixed|");
    }
    buf_append(&w->line_out, w->nfc.data, w->nfc.len);
    if (flag)
        buf_append_str(&w->line_out, w->marker_close);
    return 2; /* written */
}
