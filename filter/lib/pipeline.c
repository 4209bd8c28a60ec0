/* The orchestrator: a line's sentences through analysis (NFC, words,
   verdicts, score), label (rule_policy.c), output for the mode
   (mode_output.c, repair_stage.c), and the segment hook. */
#include "pipeline.h"
#include "mode_output.h"
#include "rule_policy.h"
#include <string.h>

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
    long fired;
    label = policy_label_segment(w, label, line_rule, &subj, st, &fired);
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
    long line_rule = policy_line_rule(w, whole, &subj, st);
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
int pipeline_process_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
                          mtc_stats *st)
{
    bool whole = whole_line(w, n, eoln);
    st->bytes_in += n + eoln;
    /* Most lines are valid UTF-8 and NFC-inert: one pass tells both. */
    bool inert = text_is_nfc_inert(w->tc, line, n);
    size_t invalid = inert ? 0 : utf8_count_invalid(line, n);
    st->invalid_utf8 += invalid;
    if (line_is_blank(line, n)) {
        output_blank_line(w, line, n, eol, eoln, out, st);
        return 0;
    }
    if (clean_line(w, line, n, inert, invalid == 0, whole, st) < 0)
        return -1;
    output_line(w, line, n, eol, eoln, out, st);
    return 0;
}
