#include "pipeline.h"
#include "lines.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MARKER_OPEN "\xE2\x9F\xA6"  /* ⟦ */
#define DEFAULT_MARKER_CLOSE "\xE2\x9F\xA7" /* ⟧ */

mtc_worker *mtc_worker_new(const mtc_engine *engine, char *err, size_t errlen)
{
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
    if (!w->lex || !w->tc || !w->seg || !w->tok || !w->md) {
        if (!w->tc)
            snprintf(err, errlen, "ICU: cannot load the NFC normaliser");
        mtc_worker_free(w);
        return NULL;
    }
    return w;
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
    flag_marks_free(&w->marks);
    buf_free(&w->blanks.pending);
    buf_free(&w->blanks.saved);
    free(w->marker_open);
    free(w->marker_close);
    free(w);
}

void mtc_worker_set_mode(mtc_worker *w, mtc_mode mode) { w->mode = mode; }

void mtc_worker_set_segment_hook(mtc_worker *w, mtc_segment_hook hook, void *ctx)
{
    w->hook = hook;
    w->hook_ctx = ctx;
}

int mtc_worker_set_markers(mtc_worker *w, const char *open, const char *close)
{
    if (!open || !close || !*open || !*close)
        return -1;
    free(w->marker_open);
    free(w->marker_close);
    w->marker_open = xstrdup(open);
    w->marker_close = xstrdup(close);
    return 0;
}

const char *pipeline_error(const mtc_worker *w) { return w->err; }

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
static void repair_mixed(mtc_worker *w, mtc_stats *st)
{
    const mtc_engine *e = w->engine;
    repair_counts counts = {0};
    repair_words(w->lex, w->tc, &e->lists, w->nfc.data, w->nfc.len, &w->verdicts, &w->rewritten, &counts);
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
                      bool dropped, bool rewritten)
{
    mtc_segment_info info = {
        .text = w->nfc.data, .len = w->nfc.len, .label = label_name(label),
        .rule = rule_index >= 0 ? w->engine->rules.rules[rule_index].name : NULL,
        .fr = sc->fr, .en = sc->en, .both = sc->both, .unknown = sc->unknown, .junk = sc->junk,
        .switches = sc->switches, .words = w->verdicts.items, .n_words = w->verdicts.count,
        .output = dropped ? NULL : w->line_out.data + out_start,
        .output_len = dropped ? 0 : w->line_out.len - out_start, .rewritten = rewritten,
        .line_start = w->line_start,
    };
    w->hook(w->hook_ctx, &info);
}

/* Processes one sentence; appends its output to w->line_out. Returns 1 if dropped.
   line_rule >= 0: a dropline rule already made the whole line boilerplate. */
/* The NFC form of a sentence; one of a line that is NFC-inert is itself. */
static void sentence_nfc(mtc_worker *w, const char *seg, size_t n, bool line_inert)
{
    buf_clear(&w->nfc);
    if (line_inert)
        buf_append(&w->nfc, seg, n);
    else
        text_append_nfc(w->tc, seg, n, &w->nfc);
}

static int process_segment(mtc_worker *w, const char *s, const span *sp, long line_rule, bool line_valid,
                           bool line_inert, mtc_stats *st)
{
    const char *seg = s + sp->start;
    size_t n = sp->core_end - sp->start;
    sentence_nfc(w, seg, n, line_inert);
    tokenize(w->tok, w->nfc.data, w->nfc.len, &w->words);
    seg_score sc;
    bool want_verdicts = w->hook || w->mode == MTC_MODE_REPAIR;
    score_segment(w->lex, w->tc, w->nfc.data, w->nfc.len, &w->words, &sc, want_verdicts ? &w->verdicts : NULL);
    seg_label label = label_from_score(&w->engine->cfg, &sc);
    rule_subject subj;
    rule_subject_init(&subj, w->nfc.data, w->nfc.len);
    long fired = line_rule;
    if (line_rule >= 0) {
        label = LABEL_BOILERPLATE;
        st->rule_hits[line_rule]++;
    } else
        fired = apply_label_rules(w, w->nfc.data, w->nfc.len, &subj, &label, st);
    count_segment(&sc, label, st);
    bool damaged = label == LABEL_MIXED || label == LABEL_BOILERPLATE;
    bool dropped = false, rewritten = false;
    buf *out = &w->line_out;
    size_t out_start = out->len;
    switch (w->mode) {
    case MTC_MODE_FLAG: /* every input byte kept: markers only */
        if (damaged) {
            st->flagged++;
            size_t from = out->len;
            buf_append_str(out, w->marker_open);
            buf_append_str(out, label_name(label));
            buf_append_char(out, '|');
            flag_marks_add(&w->marks, sp->start, from, out->len - from);
        }
        buf_append(out, seg, n);
        if (damaged) {
            flag_marks_add(&w->marks, sp->core_end, out->len, strlen(w->marker_close));
            buf_append_str(out, w->marker_close);
        }
        break;
    case MTC_MODE_DROP:
    case MTC_MODE_REPAIR:
        if (label == LABEL_BOILERPLATE || (w->mode == MTC_MODE_DROP && label == LABEL_MIXED)) {
            st->dropped++;
            dropped = true;
        } else if (!line_valid && utf8_count_invalid(seg, n) > 0) { /* ill-formed bytes pass through untouched */
            buf_append(out, seg, n);
        } else {
            if (w->mode == MTC_MODE_REPAIR) {
                uint64_t before = st->rewrites;
                if (label == LABEL_MIXED) {
                    repair_mixed(w, st);
                    rule_subject_init(&subj, w->nfc.data, w->nfc.len); /* the text changed */
                }
                apply_rewrites(w, label, &subj, st);
                rewritten = st->rewrites > before;
                st->rewritten_segments += rewritten;
            }
            buf_append(out, w->nfc.data, w->nfc.len);
        }
        break;
    }
    if (w->hook) {
        if (rewritten) /* word offsets refer to the text before the rewrites */
            sentence_nfc(w, seg, n, line_inert);
        call_hook(w, &sc, label, fired, out_start, dropped, rewritten);
    }
    if (!dropped)
        buf_append(out, s + sp->core_end, sp->end - sp->core_end);
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
    buf_clear(&w->blanks.pending);
    buf_clear(&w->blanks.saved);
    w->blanks.dropped_since_content = false;
    w->mid_line = false;
    w->err[0] = '\0';
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

int pipeline_doc_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
                      mtc_stats *st)
{
    blank_state *bl = &w->blanks;
    bool whole = whole_line(w, n, eoln);
    st->bytes_in += n + eoln;
    /* Most lines are valid UTF-8 and NFC-inert: one pass tells both. */
    bool inert = text_is_nfc_inert(w->tc, line, n);
    size_t invalid = inert ? 0 : utf8_count_invalid(line, n);
    st->invalid_utf8 += invalid;
    bool flag_mode = w->mode == MTC_MODE_FLAG;
    if (is_blank(line, n)) {
        if (flag_mode) {
            emit(out, st, line, n);
            emit(out, st, eol, eoln);
        } else {
            buf_append(&bl->pending, line, n);
            buf_append(&bl->pending, eol, eoln);
            /* Memory stays bounded: a run of blank lines longer than a line
               may be is let through now, as if text followed it. */
            if (bl->pending.len > (size_t)w->engine->cfg.max_line_bytes)
                emit_gap(bl, out, st);
        }
        return 0;
    }
    buf_clear(&w->nfc);
    if (inert)
        buf_append(&w->nfc, line, n);
    else
        text_append_nfc(w->tc, line, n, &w->nfc);
    rule_subject subj;
    rule_subject_init(&subj, w->nfc.data, w->nfc.len);
    long line_rule = whole ? first_match(w, RULE_DROPLINE, LABEL_CLEAN, w->nfc.data, w->nfc.len, &subj, st) : -1;
    segment_sentences(w->seg, line, n, &w->spans);
    buf_clear(&w->line_out);
    w->marks.count = 0;
    size_t pos = 0, dropped = 0;
    for (size_t i = 0; i < w->spans.count; i++) {
        const span *sp = &w->spans.items[i];
        buf_append(&w->line_out, line + pos, sp->start - pos); /* space between sentences */
        w->line_start = i == 0;
        /* Sentences end on character boundaries: in a valid line they are valid. */
        int rc = process_segment(w, line, sp, line_rule, invalid == 0, inert, st);
        if (rc < 0)
            return -1;
        dropped += (size_t)rc;
        pos = sp->end;
    }
    buf_append(&w->line_out, line + pos, n - pos);
    if (dropped)
        trim_trailing_space(&w->line_out);
    if (flag_mode) {
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

void pipeline_doc_end(mtc_worker *w, buf *out, mtc_stats *st)
{
    blank_state *bl = &w->blanks;
    if (!bl->dropped_since_content)
        emit(out, st, bl->pending.data, bl->pending.len);
    buf_clear(&bl->pending);
    buf_clear(&bl->saved);
}

int mtc_clean_buffer(mtc_worker *w, const char *text, size_t len, char **out, size_t *out_len, mtc_stats *st,
                     char *err, size_t errlen)
{
    buf result = {0};
    pipeline_doc_begin(w);
    size_t max_line = (size_t)w->engine->cfg.max_line_bytes, pos = 0, n, eoln;
    while (pos < len && line_find(text + pos, len - pos, max_line, true, &n, &eoln)) {
        if (pipeline_doc_line(w, text + pos, n, text + pos + n, eoln, &result, st) < 0) {
            snprintf(err, errlen, "%s", w->err);
            buf_free(&result);
            return -1;
        }
        pos += n + eoln;
    }
    pipeline_doc_end(w, &result, st);
    if (!result.data)
        buf_append(&result, "", 0);
    *out = result.data;
    *out_len = result.len;
    return 0;
}
