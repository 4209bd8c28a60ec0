/* A worker's lifecycle: what it owns, and the settings a caller gives it
   (the public mtc_worker_* calls). */
#include "engine.h"
#include "oom.h"
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
    w->lex = lexicon_new(engine->dict_dir, &engine->lists, (size_t)engine->cfg.cache_max_entries, &w->warnings, err,
                         errlen);
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

void mtc_worker_set_from_html(mtc_worker *w, int from_html) { w->from_html = from_html != 0; }

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
