/* Per-mode output: markers in flag mode, dropped or repaired segments
   otherwise, and the blank lines held back so that a dropped paragraph
   leaves no hole behind it. */
#include "mode_output.h"
#include "repair_stage.h"
#include <string.h>

bool line_is_blank(const char *s, size_t n)
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
int output_segment(mtc_worker *w, const char *line, const span *sp, seg_label label, bool line_valid,
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
    int rc = w->mode == MTC_MODE_REPAIR ? repair_stage_run(w, label, subj, st, rewritten, residual) : 0;
    if (rc < 0)
        return -1;
    *dropped = rc == 1; /* --residual=drop */
    if (rc == 0)        /* 2: repair_stage_run wrote it */
        buf_append(&w->line_out, w->nfc.data, w->nfc.len);
    return 0;
}

static void emit(buf *out, mtc_stats *st, const char *s, size_t n)
{
    buf_append(out, s, n);
    st->bytes_out += n;
}

/* Before kept text: the larger run of blank lines around what was dropped. */
static void output_gap(blank_state *bl, buf *out, mtc_stats *st)
{
    const buf *gap = bl->saved.len > bl->pending.len ? &bl->saved : &bl->pending;
    emit(out, st, gap->data, gap->len);
    buf_clear(&bl->saved);
    buf_clear(&bl->pending);
    bl->dropped_since_content = false;
}

/* A blank line: kept as it is in flag mode; else held back until kept
   text follows. */
void output_blank_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
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
        output_gap(bl, out, st);
}

void output_line(mtc_worker *w, const char *line, size_t n, const char *eol, size_t eoln, buf *out,
                 mtc_stats *st)
{
    blank_state *bl = &w->blanks;
    if (w->mode == MTC_MODE_FLAG) {
        flag_double_markers(&w->line_out, &w->rewritten, &w->marks, line, n, w->marker_open, w->marker_close);
        emit(out, st, w->line_out.data, w->line_out.len);
        emit(out, st, eol, eoln);
        return;
    }
    if (line_is_blank(w->line_out.data, w->line_out.len)) { /* the whole paragraph went */
        if (bl->pending.len > bl->saved.len) {
            buf tmp = bl->saved;
            bl->saved = bl->pending;
            bl->pending = tmp;
        }
        buf_clear(&bl->pending);
        bl->dropped_since_content = true;
        return;
    }
    output_gap(bl, out, st);
    emit(out, st, w->line_out.data, w->line_out.len);
    emit(out, st, eol, eoln);
}

void output_doc_end(mtc_worker *w, buf *out, mtc_stats *st)
{
    blank_state *bl = &w->blanks;
    if (!bl->dropped_since_content)
        emit(out, st, bl->pending.data, bl->pending.len);
    buf_clear(&bl->pending);
    buf_clear(&bl->saved);
}
