/* The held-line look-ahead: a line waits until the next non-blank line is
   seen, so that the boilerplate classifier scores it knowing both
   neighbours; then it goes through the pipeline. */
#include "lines.h"
#include "mode_output.h"
#include "pipeline.h"
#include "repeats.h"
#include <string.h>

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
    } else if (!alone && p >= (w->from_html ? e->cfg.boiler_html_threshold : e->cfg.boiler_threshold)) {
        w->line_builtin = (long)e->boiler_rule;
        boiler_reason(&e->boiler, h->f, ctx, p, &w->reason);
    }
    int rc = pipeline_process_line(w, h->text.data, h->n, h->text.data + h->n, h->text.len - h->n, out, st);
    w->line_builtin = -1;
    size_t max_line = (size_t)e->cfg.max_line_bytes, pos = 0, len = h->blanks.len, bn, eoln;
    while (rc == 0 && pos < len && line_find(h->blanks.data + pos, len - pos, max_line, true, &bn, &eoln)) {
        rc = pipeline_process_line(w, h->blanks.data + pos, bn, h->blanks.data + pos + bn, eoln, out, st);
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
    if (line_is_blank(line, n)) {
        if (!h->active)
            return pipeline_process_line(w, line, n, eol, eoln, out, st);
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
    output_doc_end(w, out, st);
    return 0;
}
