#include "report.h"
#include "sink.h"
#include <stdlib.h>
#include <inttypes.h>
#include <string.h>

void report_append_counters(buf *b, const mtc_engine *engine, const mtc_stats *st)
{
    const char *sep = "";
#define MTC_REPORT_FIELD(name)                 \
    buf_append_str(b, sep);                    \
    buf_append_str(b, "\"" #name "\":");        \
    buf_append_u64(b, st->name);               \
    sep = ",";
    MTC_STATS_FIELDS(MTC_REPORT_FIELD)
#undef MTC_REPORT_FIELD
    buf_printf(b, ",\"quality\":%.4f,\"rules\":{", mtc_stats_quality(st));
    sep = "";
    for (size_t i = 0; i < mtc_engine_rule_count(engine); i++) {
        if (!st->rule_hits[i])
            continue;
        buf_append_str(b, sep);
        const char *name = mtc_engine_rule_name(engine, i);
        json_append_string(b, name, strlen(name));
        buf_append_char(b, ':');
        buf_append_u64(b, st->rule_hits[i]);
        sep = ",";
    }
    buf_append_char(b, '}');
}

void report_append_entry(buf *b, const mtc_engine *engine, uint64_t doc, const char *id_json, size_t id_json_len,
                         const mtc_stats *st, const char *extra)
{
    buf_printf(b, "{\"doc\":%" PRIu64 ",\"id\":", doc);
    if (id_json)
        buf_append(b, id_json, id_json_len);
    else
        buf_append_str(b, "null");
    buf_append_char(b, ',');
    report_append_counters(b, engine, st);
    if (extra)
        buf_append_str(b, extra);
    buf_append_str(b, "}\n");
}

void report_append(buf *b, const mtc_engine *engine, uint64_t doc, const char *id, size_t id_len,
                   const mtc_stats *st)
{
    buf id_json = {0};
    if (id)
        json_append_string(&id_json, id, id_len);
    report_append_entry(b, engine, doc, id ? id_json.data : NULL, id_json.len, st, NULL);
    buf_free(&id_json);
}

/* The --report sink: a line per complete document. */
typedef struct report_out {
    writer w;
    buf line;
} report_out;

static int report_open(const sink_env *env, void **state)
{
    if (!env->opt->report_path)
        return 0;
    report_out *r = xcalloc(1, sizeof *r);
    if (writer_open(&r->w, env->opt->report_path, false, env->err, env->errlen) < 0) {
        free(r);
        return -1;
    }
    *state = r;
    return 0;
}

static int report_document(const sink_env *env, void *state, document *d)
{
    report_out *r = state;
    if (!d->complete)
        return 0;
    buf extra = {0};
    if (env->opt->jsonl)
        buf_printf(&extra, ",\"has_text\":%s", document_has_text(d) ? "true" : "false");
    if (env->opt->min_quality_set)
        buf_printf(&extra, ",\"dropped_document\":%s", d->dropped ? "true" : "false");
    /* Appended after the others (only an HTML page's member comes later),
       so that the members before keep their places: the reasons, and where the document came from (the input, and its line
       for a record or the byte it starts at for a text). */
    buf_append_str(&extra, ",\"reasons\":");
    reasons_append_json(&d->reasons, &extra);
    buf_append_str(&extra, ",\"input\":");
    const char *name = d->source ? d->source : "-";
    json_append_string(&extra, name, strlen(name));
    if (d->kind == DOC_RECORD)
        buf_printf(&extra, ",\"line\":%" PRIu64, d->line);
    else
        buf_printf(&extra, ",\"offset\":%" PRIu64, d->offset);
    if (d->html_meta.len) /* HTML pages only, last: text reports keep their fields */
        buf_append(&extra, d->html_meta.data, d->html_meta.len);
    buf_clear(&r->line);
    report_append_entry(&r->line, env->engine, d->no, d->id_json.len ? d->id_json.data : NULL, d->id_json.len,
                        &d->stats, extra.data);
    buf_free(&extra);
    return sink_write(env, &r->w, &r->line);
}

static int report_close(const sink_env *env, void *state, int rc)
{
    report_out *r = state;
    return sink_close_writer(env, &r->w, rc);
}

static void report_free(void *state)
{
    report_out *r = state;
    buf_free(&r->line);
    free(r);
}

const sink_ops report_sink = {"report", report_open, NULL, report_document, report_close, report_free};
