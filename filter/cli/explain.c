#include "explain.h"
#include "reasons.h"
#include "sink.h"
#include <stdlib.h>
#include <inttypes.h>
#include <stdbool.h>

void explain_header(buf *out)
{
    buf_append_str(out, "doc\tlabel\trule\tfr\ten\tboth\tunknown\tjunk\tswitches\ttext\treason\tevidence\twords\trepaired\ttranslated\tresidual\n");
}

void explain_append_tsv(buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '\t': buf_append_str(out, "\\t"); break;
        case '\n': buf_append_str(out, "\\n"); break;
        case '\r': buf_append_str(out, "\\r"); break;
        case '\\': buf_append_str(out, "\\\\"); break;
        default: buf_append_char(out, s[i]);
        }
    }
}

void explain_segment(void *ctx, const mtc_segment_info *info)
{
    explain *ex = ctx;
    buf_printf(ex->out, "%" PRIu64 "\t%s\t%s\t%u\t%u\t%u\t%u\t%u\t%u\t", ex->doc, info->label,
               info->rule ? info->rule : "-", info->fr, info->en, info->both, info->unknown, info->junk, info->switches);
    explain_append_tsv(ex->out, info->text, info->len);
    char why[256];
    buf_append_char(ex->out, '\t');
    buf_append_str(ex->out, reason_of_segment(info, why, sizeof why) ? why : "-");
    /* The model's evidence, and the words the labeller took for English or names. */
    buf_printf(ex->out, "\t%s\t", info->reason ? info->reason : "-");
    bool any = false;
    for (size_t i = 0; i < info->n_words; i++) {
        const mtc_word_info *wi = &info->words[i];
        if (wi->lang != MTC_LANG_EN && wi->lang != MTC_LANG_NAME)
            continue;
        if (any)
            buf_append_char(ex->out, ' ');
        explain_append_tsv(ex->out, info->text + wi->start, wi->len);
        buf_append_str(ex->out, wi->lang == MTC_LANG_EN ? "/en" : "/name");
        any = true;
    }
    buf_append_str(ex->out, any ? "" : "-");
    /* Then what repair made of it: "-" when it wrote it unchanged (or dropped it). */
    buf_append_char(ex->out, '\t');
    if (info->rewritten && info->output)
        explain_append_tsv(ex->out, info->output, info->output_len);
    else
        buf_append_char(ex->out, '-');
    buf_printf(ex->out, "\t%u\t%s\n", info->translated, info->residual ? "yes" : "no");
}

/* The --explain sink: the lines are made on the worker threads, into the
   document, and written in input order. */
static int explain_open(const sink_env *env, void **state)
{
    if (!env->opt->explain_path)
        return 0;
    writer *w = xcalloc(1, sizeof *w);
    if (writer_open(w, env->opt->explain_path, false, env->err, env->errlen) < 0) {
        free(w);
        return -1;
    }
    *state = w;
    buf header = {0};
    explain_header(&header);
    int rc = sink_write(env, w, &header);
    buf_free(&header);
    return rc;
}

static void explain_doc_segment(document *d, const mtc_segment_info *info)
{
    explain ex = {.out = &d->explain, .doc = d->no};
    explain_segment(&ex, info);
}

static int explain_document(const sink_env *env, void *state, document *d)
{
    int rc = sink_write(env, state, &d->explain);
    buf_clear(&d->explain);
    return rc;
}

static int explain_close(const sink_env *env, void *state, int rc) { return sink_close_writer(env, state, rc); }

const sink_ops explain_sink = {"explain", explain_open, explain_doc_segment, explain_document, explain_close, free};
