#include "pipeline.h"
#include "lines.h"
#include "oom.h"
#include "repeats.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MARKER_OPEN "\xE2\x9F\xA6"  /* ⟦ */
#define DEFAULT_MARKER_CLOSE "\xE2\x9F\xA7" /* ⟧ */

static void *worker_new(const void *arg, char *err, size_t errlen)
{
    const mtc_engine *engine = arg;
    mtc_worker *w = xcalloc(1, sizeof *w);
    w->engine = engine;
    w->mode = MTC_MODE_REPAIR;
    w->marker_open = xstrdup(DEFAULT_MARKER_OPEN);
    w->marker_close = xstrdup(DEFAULT_MARKER_CLOSE);
    w->lex = lexicon_new(engine->dict_dir, &engine->lists, (size_t)engine->cfg.cache_max_entries, err, errlen);
    w->tc = text_ctx_new();
    w->seg = w->lex ? segmenter_new(err, errlen) : NULL;
    w->tok = w->seg ? tokenizer_new(err, errlen) : NULL;
    /* Room for every rule's groups: rewrites substitute from the match found. */
    w->md = pcre2_match_data_create(ruleset_max_captures(&engine->rules) + 1, NULL);
    boiler_doc_init(&w->bdoc, (size_t)engine->cfg.boiler_doc_max_lines, (size_t)engine->cfg.boiler_scan_bytes);
    w->prev_p[0] = w->prev_p[1] = -1;
    w->line_builtin = -1;
    if (!w->lex || !w->tc || !w->seg || !w->tok || !w->md) {
        if (!w->tc)
            snprintf(err, errlen, "ICU: cannot load the NFC normaliser");
        mtc_worker_free(w);
        return NULL;
    }
    return w;
}

mtc_worker *mtc_worker_new(const mtc_engine *engine, char *err, size_t errlen)
{
    return oom_guarded_new(worker_new, engine, err, errlen);
}

void mtc_worker_free(mtc_worker *w)
{
    if (!w)
        return;
    lexicon_free(w->lex);
    text_ctx_free(w->tc);
    segmenter_free(w->seg);
    tokenizer_free(w->tok);
    pcre2_match_data_free(w->md);
    span_vec_free(&w->spans);
    word_vec_free(&w->words);
    buf_free(&w->nfc);
    buf_free(&w->rewritten);
    buf_free(&w->line_out);
    verdict_vec_free(&w->verdicts);
    word_vec_free(&w->words2);
    verdict_vec_free(&w->verdicts2);
    translator_free(w->tr);
    buf_free(&w->translated);
    buf_free(&w->warnings);
    flag_marks_free(&w->marks);
    buf_free(&w->blanks.pending);
    buf_free(&w->blanks.saved);
    buf_free(&w->doc.pending);
    buf_free(&w->doc.out);
    buf_free(&w->held.text);
    buf_free(&w->held.blanks);
    buf_free(&w->reason);
    boiler_doc_free(&w->bdoc);
    free(w->marker_open);
    free(w->marker_close);
    free(w);
}

void mtc_worker_set_mode(mtc_worker *w, mtc_mode mode) { w->mode = mode; }

void mtc_worker_set_keep_english(mtc_worker *w, int keep) { w->keep_english = keep != 0; }

void mtc_worker_set_residual(mtc_worker *w, mtc_residual residual) { w->residual = residual; }

void mtc_worker_set_translation(mtc_worker *w, int on, int english_segments)
{
    w->translate = on != 0;
    w->translate_english = on && english_segments;
}

const char *mtc_worker_warnings(const mtc_worker *w) { return w->warnings.len ? w->warnings.data : ""; }

void mtc_worker_set_segment_hook(mtc_worker *w, mtc_segment_hook hook, void *ctx)
{
    w->hook = hook;
    w->hook_ctx = ctx;
}

int mtc_worker_set_markers(mtc_worker *w, const char *open, const char *close)
{
    if (!open || !close || !*open || !*close)
        return -1;
    char *o = strdup(open), *c = strdup(close);
    if (!o || !c) {
        free(o);
        free(c);
        return MTC_ERR_NOMEM;
    }
    free(w->marker_open);
    free(w->marker_close);
    w->marker_open = o;
    w->marker_close = c;
    return 0;
}

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
static long first_match(mtc_worker *w, rule_kind kind, seg_label label, const char *s, size_t n,
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
static long apply_label_rules(mtc_worker *w, const char *s, size_t n, const rule_subject *subj, seg_label *label,
                              mtc_stats *st)
{
    long hit = first_match(w, RULE_DROP, *label, s, n, subj, st);
    if (hit >= 0)
        *label = LABEL_BOILERPLATE;
    else if ((hit = first_match(w, RULE_FLAG, *label, s, n, subj, st)) >= 0)
        *label = LABEL_MIXED;
    if (hit >= 0)
        st->rule_hits[hit]++;
    return hit;
}

/* The dictionary repairs of filter/repair.c on w->nfc, counted like rules. */
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

static void apply_rewrites(mtc_worker *w, seg_label label, rule_subject *subj, mtc_stats *st);

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
    marks[0] = w->rewritten.len;
    translate_put(&w->rewritten, s, w->nfc.len, sp->start, w->translated.data, w->translated.len);
    marks[1] = w->rewritten.len;
    st->translated_spans++;
    st->rewrites++;
    w->seg_translated++;
}

/* --translate: the English spans of w->nfc (re-scored after the
   dictionary repairs), or the whole of an english segment. */
static void translate_segment(mtc_worker *w, seg_label label, mtc_stats *st)
{
    enum { MAX_SPANS = 64 };
    const mtc_config *cfg = &w->engine->cfg;
    tr_span spans[MAX_SPANS];
    size_t count = 0, n = w->nfc.len, marks[2 * MAX_SPANS];
    seg_score sc;
    tokenize(w->tok, w->nfc.data, n, &w->words2);
    score_segment(w->lex, w->tc, &w->engine->cfg, w->nfc.data, n, &w->words2, &sc, &w->verdicts2);
    bool english = label == LABEL_ENGLISH;
    /* An English sentence after clean French in its paragraph is a
       quotation ("... dans votre dictionnaire ? Excuse me, where is the
       beach?"): it stays English; with --translate-english the others
       go whole, but a title. */
    if (english && !w->line_start && w->after_clean)
        return;
    if (english && w->translate_english) {
        spans[0] = (tr_span){0, n};
        count = n <= (size_t)cfg->translate_max_span_bytes && !translate_title_like(&w->engine->lists, w->nfc.data, n, &w->verdicts2);
    } else {
        span_limits lim = {(unsigned)cfg->translate_min_english, (unsigned)cfg->translate_min_content_only,
                           (size_t)cfg->translate_max_span_bytes, (unsigned)cfg->translate_capitals_min_english,
                           cfg->translate_capitals_min_share, (unsigned)cfg->translate_english_min_french,
                           (unsigned)cfg->translate_clause_min_english, (unsigned)cfg->translate_clause_min_function,
                           &w->engine->junctions, &w->engine->repair.noun_markers, &w->engine->lists};
        count = translate_find_spans(w->nfc.data, n, &w->verdicts2, &lim, english, spans, MAX_SPANS);
    }
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
        if (marks[k] != (size_t)-1)
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
static int repair_segment(mtc_worker *w, seg_label label, rule_subject *subj, mtc_stats *st, bool *rewritten,
                          bool *residual)
{
    uint64_t before = st->rewrites;
    /* Spans go to the MT engine whole, before the dictionary repairs cut
       them up ("Among the restrictions": "the restrictions" would become
       "les restrictions", leaving "Among" alone); the words are scored
       again for the repairs after. */
    const verdict_vec *verdicts = &w->verdicts;
    if (w->translate && (label == LABEL_MIXED || label == LABEL_ENGLISH)) {
        uint64_t spans = st->translated_spans;
        translate_segment(w, label, st);
        if (st->translated_spans > spans && label == LABEL_MIXED) {
            seg_score sc;
            tokenize(w->tok, w->nfc.data, w->nfc.len, &w->words2);
            score_segment(w->lex, w->tc, &w->engine->cfg, w->nfc.data, w->nfc.len, &w->words2, &sc, &w->verdicts2);
            verdicts = &w->verdicts2;
        }
    }
    if (label == LABEL_MIXED) {
        repair_mixed(w, st, verdicts);
        rule_subject_init(subj, w->nfc.data, w->nfc.len); /* the text changed */
    }
    apply_rewrites(w, label, subj, st); /* a rule that fails is counted in rule_errors, the text kept */
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

/* Applies the rewrite rules in order; leaves the result in w->nfc, whose
   bytes subj holds. Together they may make the segment only so much longer. */
static void apply_rewrites(mtc_worker *w, seg_label label, rule_subject *subj, mtc_stats *st)
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

static void count_segment(const seg_score *sc, seg_label label, mtc_stats *st)
{
    unsigned scored = seg_scored_words(sc);
    st->segments++;
    st->words += scored;
    st->fr += sc->fr;
    st->en += sc->en;
    st->both += sc->both;
    st->unknown += sc->unknown + sc->junk;
    if (label == LABEL_MIXED)
        st->mixed_segments++;
    else if (label == LABEL_ENGLISH)
        st->english_segments++;
    if (label == LABEL_BOILERPLATE) {
        st->boilerplate_segments++;
        return; /* site chrome says nothing about the article's quality */
    }
    st->scored_words += scored;
    if (label == LABEL_CLEAN)
        st->clean_words += scored;
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
            continue;
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { /* no-break space */
            i++;
            continue;
        }
        return false;
    }
    return true;
}

static void call_hook(mtc_worker *w, const seg_score *sc, seg_label label, long rule_index, size_t out_start,
                      bool dropped, bool rewritten, bool residual)
{
    mtc_segment_info info = {
        .text = w->nfc.data, .len = w->nfc.len, .label = label_name(label),
        .rule = rule_index >= 0 ? w->engine->rules.rules[rule_index].name : NULL,
        .fr = sc->fr, .en = sc->en, .both = sc->both, .unknown = sc->unknown, .junk = sc->junk,
        .switches = sc->switches, .words = w->verdicts.items, .n_words = w->verdicts.count,
        .output = dropped ? NULL : w->line_out.data + out_start,
        .output_len = dropped ? 0 : w->line_out.len - out_start, .rewritten = rewritten,
        .line_start = w->line_start,
        /* A rule's name says why; a built-in classifier or the word model gives its evidence. */
        .reason = rule_index >= 0 ? (rule_index == w->line_builtin ? w->reason.data : NULL) : sc->reason,
        .residual = residual, .translated = w->seg_translated,
    };
    w->hook(w->hook_ctx, &info);
}

/* The NFC form of a sentence; one of a line that is NFC-inert is itself. */
static void sentence_nfc(mtc_worker *w, const char *seg, size_t n, bool line_inert)
{
    buf_clear(&w->nfc);
    if (line_inert)
        buf_append(&w->nfc, seg, n);
    else
        text_append_nfc(w->tc, seg, n, &w->nfc);
}

/* Analysis: NFC, words, their verdicts (kept when a hook or the repairs
   want them), the score and the label it gives. */
static seg_label analyse_segment(mtc_worker *w, const char *seg, size_t n, bool line_inert, seg_score *sc)
{
    sentence_nfc(w, seg, n, line_inert);
    tokenize(w->tok, w->nfc.data, w->nfc.len, &w->words);
    bool want_verdicts = w->hook || w->mode == MTC_MODE_REPAIR;
    score_segment(w->lex, w->tc, &w->engine->cfg, w->nfc.data, w->nfc.len, &w->words, sc,
                  want_verdicts ? &w->verdicts : NULL);
    return sc->label;
}

/* Flag mode: every input byte kept, markers around a damaged segment
   (line[sp->start..sp->core_end)); where they go in the line is noted for
   flag_double_markers. */
static void flag_segment(mtc_worker *w, const char *line, const span *sp, seg_label label, mtc_stats *st)
{
    buf *out = &w->line_out;
    /* English in a French document is damage too, unless kept on request */
    bool english = label == LABEL_ENGLISH && !w->keep_english;
    bool damaged = label == LABEL_MIXED || label == LABEL_BOILERPLATE || english;
    if (damaged) {
        st->flagged++;
        size_t from = out->len;
        buf_append_str(out, w->marker_open);
        buf_append_str(out, label_name(label));
        buf_append_char(out, '|');
        flag_marks_add(&w->marks, sp->start, from, out->len - from);
    }
    buf_append(out, line + sp->start, sp->core_end - sp->start);
    if (damaged) {
        flag_marks_add(&w->marks, sp->core_end, out->len, strlen(w->marker_close));
        buf_append_str(out, w->marker_close);
    }
}

/* The output for the mode of the segment line[sp->start..sp->core_end),
   appended to w->line_out. Returns 0, or -1 on an error of the repairs. */
static int output_segment(mtc_worker *w, const char *line, const span *sp, seg_label label, bool line_valid,
                          rule_subject *subj, mtc_stats *st, bool *dropped, bool *rewritten, bool *residual)
{
    if (w->mode == MTC_MODE_FLAG) {
        flag_segment(w, line, sp, label, st);
        return 0;
    }
    const char *seg = line + sp->start;
    size_t n = sp->core_end - sp->start;
    bool english = label == LABEL_ENGLISH && !w->keep_english;
    if (label == LABEL_BOILERPLATE || (w->mode == MTC_MODE_DROP && (label == LABEL_MIXED || english))) {
        st->dropped++;
        *dropped = true;
        return 0;
    }
    if (!line_valid && utf8_count_invalid(seg, n) > 0) { /* ill-formed bytes pass through untouched */
        buf_append(&w->line_out, seg, n);
        return 0;
    }
    w->seg_translated = 0;
    int rc = w->mode == MTC_MODE_REPAIR ? repair_segment(w, label, subj, st, rewritten, residual) : 0;
    if (rc < 0)
        return -1;
    *dropped = rc == 1; /* --residual=drop */
    if (rc == 0)        /* 2: repair_segment wrote it */
        buf_append(&w->line_out, w->nfc.data, w->nfc.len);
    return 0;
}

/* Processes one sentence: analysis, label (score, then the rules), output.
   Appends its output to w->line_out. Returns 1 if dropped, -1 on error.
   line_rule >= 0: a dropline rule already made the whole line boilerplate. */
static int process_segment(mtc_worker *w, const char *s, const span *sp, long line_rule, bool line_valid,
                           bool line_inert, mtc_stats *st)
{
    const char *seg = s + sp->start;
    size_t n = sp->core_end - sp->start;
    seg_score sc;
    seg_label label = analyse_segment(w, seg, n, line_inert, &sc);
    rule_subject subj;
    rule_subject_init(&subj, w->nfc.data, w->nfc.len);
    long fired = line_rule;
    if (line_rule >= 0 && line_rule == w->line_builtin) { /* a phrase rule, when one fires, says more */
        long drop = first_match(w, RULE_DROP, label, w->nfc.data, w->nfc.len, &subj, st);
        fired = drop >= 0 ? drop : line_rule;
    }
    if (fired >= 0) {
        label = LABEL_BOILERPLATE;
        st->rule_hits[fired]++;
    } else {
        fired = apply_label_rules(w, w->nfc.data, w->nfc.len, &subj, &label, st);
        if (sc.label == LABEL_ENGLISH && label == LABEL_MIXED)
            label = LABEL_ENGLISH; /* a flag rule's English evidence in an English sentence */
    }
    count_segment(&sc, label, st);
    bool dropped = false, rewritten = false, residual = false;
    size_t out_start = w->line_out.len;
    if (output_segment(w, s, sp, label, line_valid, &subj, st, &dropped, &rewritten, &residual) < 0)
        return -1;
    if (w->hook) {
        if (rewritten) /* word offsets refer to the text before the rewrites */
            sentence_nfc(w, seg, n, line_inert);
        call_hook(w, &sc, label, fired, out_start, dropped, rewritten, residual);
    }
    if (!dropped)
        buf_append(&w->line_out, s + sp->core_end, sp->end - sp->core_end);
    w->after_clean = label == LABEL_CLEAN;
    return dropped ? 1 : 0;
}

static void trim_trailing_space(buf *b)
{
    while (b->len && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\t'))
        b->len--;
    if (b->data)
        b->data[b->len] = '\0';
}

void pipeline_doc_begin(mtc_worker *w)
{
    w->held.active = false;
    buf_clear(&w->held.blanks);
    boiler_doc_reset(&w->bdoc);
    w->prev_p[0] = w->prev_p[1] = -1;
    w->line_builtin = -1;
    buf_clear(&w->blanks.pending);
    buf_clear(&w->blanks.saved);
    w->blanks.dropped_since_content = false;
    w->mid_line = false;
    w->err[0] = '\0';
    buf_clear(&w->warnings);
}

static void emit(buf *out, mtc_stats *st, const char *s, size_t n)
{
    buf_append(out, s, n);
    st->bytes_out += n;
}

/* Before kept text: the larger run of blank lines around what was dropped. */
static void emit_gap(blank_state *bl, buf *out, mtc_stats *st)
{
    const buf *gap = bl->saved.len > bl->pending.len ? &bl->saved : &bl->pending;
    emit(out, st, gap->data, gap->len);
    buf_clear(&bl->saved);
    buf_clear(&bl->pending);
    bl->dropped_since_content = false;
}

/* Whether a piece is a whole line (paragraph), for dropline rules: pieces of
   a line cut at input.max_line_bytes are not. A cut piece has no terminator
   and is longer than half the limit (line_find cuts after the middle), as
   is, rarely, the last line of a file without a newline: kept, not dropped. */
static bool whole_line(mtc_worker *w, size_t n, size_t eoln)
{
    bool whole = !w->mid_line && (eoln > 0 || n <= (size_t)w->engine->cfg.max_line_bytes / 2);
    w->mid_line = eoln == 0;
    return whole;
}

/* A blank line: kept as it is in flag mode; else held back until kept
   text follows. */
static void blank_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
                       mtc_stats *st)
{
    blank_state *bl = &w->blanks;
    if (w->mode == MTC_MODE_FLAG) {
        emit(out, st, line, n);
        emit(out, st, eol, eoln);
        return;
    }
    buf_append(&bl->pending, line, n);
    buf_append(&bl->pending, eol, eoln);
    /* Memory stays bounded: a run of blank lines longer than a line may be
       is let through now, as if text followed it. */
    if (bl->pending.len > (size_t)w->engine->cfg.max_line_bytes)
        emit_gap(bl, out, st);
}

/* Cleans the sentences of a line into w->line_out. Returns -1 on error. */
static int clean_line(mtc_worker *w, const char *line, size_t n, bool inert, bool valid, bool whole, mtc_stats *st)
{
    buf_clear(&w->nfc);
    if (inert)
        buf_append(&w->nfc, line, n);
    else
        text_append_nfc(w->tc, line, n, &w->nfc);
    rule_subject subj;
    rule_subject_init(&subj, w->nfc.data, w->nfc.len);
    long line_rule = whole ? first_match(w, RULE_DROPLINE, LABEL_CLEAN, w->nfc.data, w->nfc.len, &subj, st) : -1;
    if (line_rule == -1 && w->line_builtin >= 0)
        line_rule = w->line_builtin;
    segment_sentences(w->seg, line, n, &w->spans);
    buf_clear(&w->line_out);
    w->marks.count = 0;
    size_t pos = 0, dropped = 0;
    for (size_t i = 0; i < w->spans.count; i++) {
        const span *sp = &w->spans.items[i];
        buf_append(&w->line_out, line + pos, sp->start - pos); /* space between sentences */
        w->line_start = i == 0;
        /* Sentences end on character boundaries: in a valid line they are valid. */
        int rc = process_segment(w, line, sp, line_rule, valid, inert, st);
        if (rc < 0)
            return -1;
        dropped += (size_t)rc;
        pos = sp->end;
    }
    buf_append(&w->line_out, line + pos, n - pos);
    if (dropped)
        trim_trailing_space(&w->line_out);
    return 0;
}

/* One line, the boilerplate classifier's decision about it already made
   (w->line_builtin). */
static int process_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
                        mtc_stats *st)
{
    blank_state *bl = &w->blanks;
    bool whole = whole_line(w, n, eoln);
    st->bytes_in += n + eoln;
    /* Most lines are valid UTF-8 and NFC-inert: one pass tells both. */
    bool inert = text_is_nfc_inert(w->tc, line, n);
    size_t invalid = inert ? 0 : utf8_count_invalid(line, n);
    st->invalid_utf8 += invalid;
    if (is_blank(line, n)) {
        blank_line(w, line, n, eol, eoln, out, st);
        return 0;
    }
    if (clean_line(w, line, n, inert, invalid == 0, whole, st) < 0)
        return -1;
    if (w->mode == MTC_MODE_FLAG) {
        flag_double_markers(&w->line_out, &w->rewritten, &w->marks, line, n, w->marker_open, w->marker_close);
        emit(out, st, w->line_out.data, w->line_out.len);
        emit(out, st, eol, eoln);
        return 0;
    }
    if (is_blank(w->line_out.data, w->line_out.len)) { /* the whole paragraph went */
        if (bl->pending.len > bl->saved.len) {
            buf tmp = bl->saved;
            bl->saved = bl->pending;
            bl->pending = tmp;
        }
        buf_clear(&bl->pending);
        bl->dropped_since_content = true;
        return 0;
    }
    emit_gap(bl, out, st);
    emit(out, st, w->line_out.data, w->line_out.len);
    emit(out, st, eol, eoln);
    return 0;
}

/* Decides the held line now that the score of the next one is known
   (next_p < 0: there is none), processes it and the blank lines after it. */
static int release_held(mtc_worker *w, double next_p, const double *next_f, buf *out, mtc_stats *st)
{
    held_line *h = &w->held;
    if (!h->active)
        return 0;
    h->active = false;
    const mtc_engine *e = w->engine;
    double ctx[BOILER_NCTX];
    boiler_context c = {.prev_p = {w->prev_p[0], w->prev_p[1]}, .prev_f = w->prev_p[0] < 0 ? NULL : w->prev_f,
                         .next_p = next_p, .next_f = next_f};
    double p = boiler_stage2(&e->boiler, h->f, &c, ctx);
    /* A document of one line (a JSONL record holding a sentence or a title)
       has no page around it to tell chrome from content: the classifier,
       fitted on lines of pages, does not judge it (rules and repeats do). */
    bool alone = next_p < 0 && w->prev_p[0] < 0;
    w->prev_p[1] = w->prev_p[0];
    w->prev_p[0] = p;
    memcpy(w->prev_f, h->f, sizeof w->prev_f);
    unsigned docs = e->repeats ? repeats_lookup(e->repeats, h->key) : 0;
    w->line_builtin = -1;
    if (docs >= e->cfg.boiler_repeat_min_docs) {
        w->line_builtin = (long)e->repeat_rule;
        buf_clear(&w->reason);
        buf_printf(&w->reason, "repeat:%u documents", docs);
    } else if (!alone && p >= e->cfg.boiler_threshold) {
        w->line_builtin = (long)e->boiler_rule;
        boiler_reason(&e->boiler, h->f, ctx, p, &w->reason);
    }
    int rc = process_line(w, h->text.data, h->n, h->text.data + h->n, h->text.len - h->n, out, st);
    w->line_builtin = -1;
    size_t max_line = (size_t)e->cfg.max_line_bytes, pos = 0, len = h->blanks.len, bn, eoln;
    while (rc == 0 && pos < len && line_find(h->blanks.data + pos, len - pos, max_line, true, &bn, &eoln)) {
        rc = process_line(w, h->blanks.data + pos, bn, h->blanks.data + pos + bn, eoln, out, st);
        pos += bn + eoln;
    }
    buf_clear(&h->blanks);
    return rc;
}

int pipeline_doc_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
                      mtc_stats *st)
{
    held_line *h = &w->held;
    const mtc_engine *e = w->engine;
    if (is_blank(line, n)) {
        if (!h->active)
            return process_line(w, line, n, eol, eoln, out, st);
        buf_append(&h->blanks, line, n);
        buf_append(&h->blanks, eol, eoln);
        if (h->blanks.len > (size_t)e->cfg.max_line_bytes) /* memory stays bounded */
            return release_held(w, -1, NULL, out, st);
        return 0;
    }
    double f[BOILER_N1];
    boiler_features(&e->boiler, &w->bdoc, line, n, f);
    double p1 = boiler_stage1(&e->boiler, f); /* the held line's next_p */
    if (release_held(w, p1, f, out, st) < 0)
        return -1;
    h->active = true;
    buf_clear(&h->text);
    buf_append(&h->text, line, n);
    buf_append(&h->text, eol, eoln);
    h->n = n;
    memcpy(h->f, f, sizeof f);
    size_t scan = (size_t)e->cfg.boiler_scan_bytes, repeat_max = (size_t)e->cfg.boiler_repeat_max_bytes;
    h->key = !e->repeats || n > repeat_max ? 0 /* as --learn-repeats counts */
             : n <= scan ? w->bdoc.key : boiler_line_key(&e->boiler, line, n);
    return 0;
}

int pipeline_doc_end(mtc_worker *w, buf *out, mtc_stats *st)
{
    if (release_held(w, -1, NULL, out, st) < 0)
        return -1;
    blank_state *bl = &w->blanks;
    if (!bl->dropped_since_content)
        emit(out, st, bl->pending.data, bl->pending.len);
    buf_clear(&bl->pending);
    buf_clear(&bl->saved);
    return 0;
}
