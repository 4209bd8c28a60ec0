/* mtclean: the command-line filter around libmtclean. */
#include "explain.h"
#include "html.h"
#include "input.h"
#include "options.h"
#include "output.h"
#include "pipeline.h"
#include "report.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct run {
    const options *opt;
    const mtc_engine *engine;
    mtc_worker *worker;
    writer out, report, explain_out;
    bool have_report, have_explain;
    buf text, json, explain_text;
    explain explain;
    html_report *html;
    mtc_stats doc_stats;
    uint64_t doc_no, mixed_total;
    char err[1024];
} run;

/* --explain and --html both watch the segments; the worker has one hook. */
static void segment_hook(void *ctx, const mtc_segment_info *info)
{
    run *r = ctx;
    if (r->have_explain)
        explain_segment(&r->explain, info);
    if (r->html)
        html_segment(r->html, info);
}

static int flush_text(run *r)
{
    if (writer_write(&r->out, r->text.data, r->text.len, r->err, sizeof r->err) < 0)
        return -1;
    buf_clear(&r->text);
    return 0;
}

static int end_document(run *r, const char *id)
{
    pipeline_doc_end(r->worker, &r->text, &r->doc_stats);
    r->doc_no++;
    r->explain.doc = r->doc_no + 1;
    r->mixed_total += r->doc_stats.mixed_segments;
    if (r->have_explain) {
        if (writer_write(&r->explain_out, r->explain_text.data, r->explain_text.len, r->err, sizeof r->err) < 0)
            return -1;
        buf_clear(&r->explain_text);
    }
    if (r->have_report) {
        buf_clear(&r->json);
        report_append(&r->json, r->engine, r->doc_no, id, id ? strlen(id) : 0, &r->doc_stats);
        if (writer_write(&r->report, r->json.data, r->json.len, r->err, sizeof r->err) < 0)
            return -1;
    }
    if (r->html && html_doc_end(r->html, r->doc_no, id, &r->doc_stats, r->err, sizeof r->err) < 0)
        return -1;
    mtc_stats_reset(&r->doc_stats, r->engine);
    pipeline_doc_begin(r->worker);
    return flush_text(r);
}

static bool is_separator(const run *r, const char *line, size_t n)
{
    const char *sep = r->opt->doc_sep;
    return sep && strlen(sep) == n && memcmp(line, sep, n) == 0;
}

/* One input file: one document, or several with --doc-sep. */
static int process_input(run *r, const char *path)
{
    reader in;
    if (reader_open(&in, path, (size_t)r->engine->cfg.max_line_bytes, r->err, sizeof r->err) < 0)
        return -1;
    const char *id = path && strcmp(path, "-") != 0 ? path : NULL;
    const char *line;
    size_t n, eoln;
    int rc;
    pipeline_doc_begin(r->worker);
    while ((rc = reader_next_line(&in, &line, &n, &eoln, r->err, sizeof r->err)) > 0) {
        if (is_separator(r, line, n)) {
            if (end_document(r, id) < 0) {
                rc = -1;
                break;
            }
            buf_append(&r->text, line, n + eoln); /* the separator passes through */
            continue;
        }
        if (pipeline_doc_line(r->worker, line, n, line + n, eoln, &r->text, &r->doc_stats) < 0) {
            snprintf(r->err, sizeof r->err, "%s", pipeline_error(r->worker));
            rc = -1;
            break;
        }
        if (r->text.len >= (1u << 20) && flush_text(r) < 0) {
            rc = -1;
            break;
        }
    }
    reader_close(&in);
    if (rc < 0)
        return -1;
    return end_document(r, id);
}

static int run_all(run *r)
{
    const options *o = r->opt;
    if (writer_open(&r->out, o->output_path, o->gzip_output, r->err, sizeof r->err) < 0)
        return -1;
    if (o->report_path) {
        if (writer_open(&r->report, o->report_path, false, r->err, sizeof r->err) < 0)
            return -1;
        r->have_report = true;
    }
    if (o->explain_path) {
        if (writer_open(&r->explain_out, o->explain_path, false, r->err, sizeof r->err) < 0)
            return -1;
        r->have_explain = true;
        r->explain = (explain){.out = &r->explain_text, .doc = 1};
        explain_header(&r->explain_text);
    }
    if (o->html_path && !(r->html = html_open(o->html_path, r->engine, o->mode, r->err, sizeof r->err)))
        return -1;
    if (r->have_explain || r->html)
        mtc_worker_set_segment_hook(r->worker, segment_hook, r);
    mtc_stats_init(&r->doc_stats, r->engine);
    int rc = 0;
    if (o->n_inputs == 0)
        rc = process_input(r, NULL);
    for (int i = 0; i < o->n_inputs && rc == 0; i++)
        rc = process_input(r, o->inputs[i]);
    if (r->html && rc == 0)
        rc = html_finish(r->html, r->err, sizeof r->err);
    char close_err[512] = "";
    if (writer_close(&r->out, close_err, sizeof close_err) < 0 && rc == 0) {
        snprintf(r->err, sizeof r->err, "%s", close_err);
        rc = -1;
    }
    if (r->have_report && writer_close(&r->report, close_err, sizeof close_err) < 0 && rc == 0) {
        snprintf(r->err, sizeof r->err, "%s", close_err);
        rc = -1;
    }
    if (r->have_explain && writer_close(&r->explain_out, close_err, sizeof close_err) < 0 && rc == 0) {
        snprintf(r->err, sizeof r->err, "%s", close_err);
        rc = -1;
    }
    mtc_stats_free(&r->doc_stats);
    return rc;
}

int main(int argc, char **argv)
{
    options opt;
    int parsed = options_parse(&opt, argc, argv);
    if (parsed != 0) {
        options_free(&opt);
        return parsed == 1 ? MTC_EXIT_OK : MTC_EXIT_ERROR;
    }
    run r = {.opt = &opt};
    mtc_engine *engine = mtc_engine_load(&opt.paths, r.err, sizeof r.err);
    if (engine) {
        r.engine = engine;
        r.worker = mtc_worker_new(engine, r.err, sizeof r.err);
    }
    int status = MTC_EXIT_ERROR;
    if (r.worker) {
        mtc_worker_set_mode(r.worker, opt.mode);
        if (opt.marker_open || opt.marker_close)
            mtc_worker_set_markers(r.worker, opt.marker_open ? opt.marker_open : "\xE2\x9F\xA6",
                                   opt.marker_close ? opt.marker_close : "\xE2\x9F\xA7");
        if (run_all(&r) == 0)
            status = opt.check && r.mixed_total > 0 ? MTC_EXIT_CORRUPT : MTC_EXIT_OK;
    }
    if (status == MTC_EXIT_ERROR)
        fprintf(stderr, "mtclean: %s\n", r.err);
    buf_free(&r.text);
    buf_free(&r.json);
    buf_free(&r.explain_text);
    html_free(r.html);
    mtc_worker_free(r.worker);
    mtc_engine_free(engine);
    options_free(&opt);
    return status;
}
