/* --rejected=FILE: what a run removes, with the reason why, so that nothing
   is lost (like datatrove's exclusion writer). JSON Lines mode: each record
   dropped by --min-quality, as it was read, with a last member
   "mtclean_rejected":{"reason":...,"quality":Q,"reasons":{...}}. Text mode:
   a TSV line per segment dropped, DOC<TAB>REASON<TAB>TEXT (the text escaped
   as in --explain); a document dropped by --min-quality adds its kept
   segments with the reason document:min-quality.

   Also the reasons sink: it counts the reasons of each document's segments
   (reasons.h) for the report, the summary and --rejected. */
#include "explain.h"
#include "reasons.h"
#include "sink.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static int reasons_open(const sink_env *env, void **state)
{
    const options *o = env->opt;
    if (o->report_path || o->summary || o->rejected_path)
        *state = (void *)o; /* no state: the counts are in the documents */
    return 0;
}

static void reasons_segment(document *d, const mtc_segment_info *info)
{
    char why[256];
    if (reason_of_segment(info, why, sizeof why))
        reasons_add(&d->reasons, why, strlen(why), 1);
}

static int reasons_document(const sink_env *env, void *state, document *d)
{
    (void)env, (void)state, (void)d;
    return 0;
}

static int reasons_close(const sink_env *env, void *state, int rc)
{
    (void)env, (void)state;
    return rc;
}

static void reasons_sink_free(void *state) { (void)state; }

const sink_ops reasons_sink = {"reasons", reasons_open, reasons_segment, reasons_document, reasons_close,
                               reasons_sink_free};

/* Kept segments are only listed for a document dropped by --min-quality:
   without it they are not held. One run per process, so the run's setting. */
static bool keep_kept;

typedef struct rejected_out {
    writer w;
    buf line;
} rejected_out;

static int rejected_open(const sink_env *env, void **state)
{
    if (!env->opt->rejected_path)
        return 0;
    keep_kept = env->opt->min_quality_set;
    rejected_out *r = xcalloc(1, sizeof *r);
    if (writer_open(&r->w, env->opt->rejected_path, false, env->err, env->errlen) < 0) {
        free(r);
        return -1;
    }
    *state = r;
    return 0;
}

static void tsv_line(buf *out, uint64_t doc, const char *why, const mtc_segment_info *info)
{
    buf_printf(out, "%" PRIu64 "\t%s\t", doc, why);
    explain_append_tsv(out, info->text, info->len);
    buf_append_char(out, '\n');
}

/* On a worker thread: text documents only (a record is rejected whole). */
static void rejected_segment(document *d, const mtc_segment_info *info)
{
    if (d->kind != DOC_TEXT)
        return;
    char why[256];
    if (!info->output)
        tsv_line(&d->rejected, d->no, reason_of_segment(info, why, sizeof why) ? why : "dropped", info);
    else if (keep_kept && !d->streamed) /* a streamed document's kept text is not held: see rejected_document */
        tsv_line(&d->rejected_kept, d->no, REASON_MIN_QUALITY, info);
}

/* The record as read, with "mtclean_rejected" as its last member. */
static void rejected_record(buf *out, const document *d)
{
    const jsonl_layout *lay = &d->layout;
    buf_append(out, d->input.data, lay->insert_at);
    buf_printf(out, "%s\"mtclean_rejected\":{\"reason\":\"%s\",\"quality\":%.4f,\"reasons\":",
               lay->empty ? "" : ",", REASON_MIN_QUALITY, mtc_stats_quality(&d->stats));
    reasons_append_json(&d->reasons, out);
    buf_append_char(out, '}');
    buf_append(out, d->input.data + lay->insert_at, d->input.len - lay->insert_at);
    buf_append(out, d->eoln ? d->eol : "\n", d->eoln ? d->eoln : 1);
}

static int rejected_document(const sink_env *env, void *state, document *d)
{
    rejected_out *r = state;
    buf_clear(&r->line);
    if (d->kind == DOC_RECORD) {
        if (d->complete && d->dropped)
            rejected_record(&r->line, d);
    } else {
        buf_append(&r->line, d->rejected.data ? d->rejected.data : "", d->rejected.len);
        if (d->complete && d->dropped && d->streamed)
            buf_printf(&r->line, "%" PRIu64 "\t%s\t[a document larger than --max-buffer: its kept text is not listed]\n",
                       d->no, REASON_MIN_QUALITY);
        else if (d->complete && d->dropped)
            buf_append(&r->line, d->rejected_kept.data ? d->rejected_kept.data : "", d->rejected_kept.len);
        buf_clear(&d->rejected);
        if (d->complete)
            buf_clear(&d->rejected_kept);
    }
    return sink_write(env, &r->w, &r->line);
}

static int rejected_close(const sink_env *env, void *state, int rc)
{
    rejected_out *r = state;
    return sink_close_writer(env, &r->w, rc);
}

static void rejected_free(void *state)
{
    rejected_out *r = state;
    buf_free(&r->line);
    free(r);
}

const sink_ops rejected_sink = {"rejected", rejected_open, rejected_segment, rejected_document, rejected_close,
                                rejected_free};
