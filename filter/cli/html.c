#include "html.h"
#include "json.h"
#include "sink.h"
#include "html_page.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Markup kept of one document's text; the segments beyond are counted, not
   shown, so that one huge document cannot make the page (or memory) huge. */
#define MAX_SECTION_BYTES ((size_t)256 << 10)
/* Distinct reasons counted for the summary, and per document. */
#define MAX_REASONS 128
#define MAX_DOC_REASONS 16

static const char *mode_name(mtc_mode m)
{
    return m == MTC_MODE_FLAG ? "flag" : m == MTC_MODE_DROP ? "drop" : "repair";
}

static int flush_page(html_report *h, char *err, size_t errlen)
{
    int rc = writer_write(&h->out, h->page.data, h->page.len, err, errlen);
    buf_clear(&h->page);
    return rc;
}

html_report *html_open(const char *path, const mtc_engine *engine, mtc_mode mode, char *err, size_t errlen)
{
    html_report *h = xcalloc(1, sizeof *h);
    h->engine = engine;
    h->mode = mode;
    h->has_text = true;
    h->reasons.max = MAX_REASONS;
    h->doc_reasons.max = MAX_DOC_REASONS;
    h->rule_hits = xcalloc(mtc_engine_rule_count(engine) + 1, sizeof *h->rule_hits);
    if (html_store_open(&h->store, HTML_DEFAULT_MAX_DOCS, err, errlen) < 0 ||
        writer_open(&h->out, path, false, err, errlen) < 0) {
        html_free(h);
        return NULL;
    }
    h->out_open = true;
    buf_append_str(&h->page, html_page_head);
    buf_printf(&h->page,
               "<header class=\"top card\">\n<h1>mtclean triage report</h1>\n"
               "<p class=\"sub\">mtclean %s &#183; mode %s &#183; quality = share of scored words that are in "
               "clean segments (boilerplate left out) &#183; documents worst first</p>\n",
               mtc_version(), mode_name(mode));
    buf_append_str(&h->page, html_legend);
    buf_append_str(&h->page, "</header>\n");
    if (flush_page(h, err, errlen) < 0) {
        html_free(h);
        return NULL;
    }
    return h;
}

void html_set_max_docs(html_report *h, uint64_t max_docs)
{
    h->store.cap = max_docs > SIZE_MAX / 2 ? SIZE_MAX / 2 : (size_t)max_docs;
}

void html_doc_status(html_report *h, bool has_text, bool dropped)
{
    h->has_text = has_text;
    h->dropped = dropped;
}

/* Why the segment has its label: the rule that set it, else (NULL) its
   word verdicts. When mtc_segment_info gains the detector's `reason`,
   return `info->reason ? info->reason : info->rule` here: the one place. */
/* What the page shows: the evidence when there is some ("boiler:0.84
   short,ui"), else the rule; reasons are counted by rule (reason_key). */
static const char *segment_reason(const mtc_segment_info *info) { return info->reason ? info->reason : info->rule; }

static bool is_marked(const mtc_segment_info *info) { return strcmp(info->label, "clean") != 0; }

/* "label · reason", the key the summary counts reasons by. */
static void reason_key(buf *b, const mtc_segment_info *info)
{
    const char *why = info->rule;
    buf_clear(b);
    buf_append_str(b, info->label);
    buf_append_str(b, " \xC2\xB7 ");
    if (why)
        buf_append_str(b, why);
    else if (info->reason && strcspn(info->reason, ":@ ") > 0) /* the kind of the model's evidence */
        buf_append(b, info->reason, strcspn(info->reason, ":@ "));
    else
        buf_append_str(b, "word verdicts");
}

/* The label shown before a segment: its reason, and the word counts
   when the words themselves are the evidence. */
static void append_why(buf *b, const mtc_segment_info *info, bool dropped)
{
    const char *why = segment_reason(info);
    bool marked = is_marked(info);
    if (marked) {
        html_esc_str(b, info->label);
        buf_append_str(b, " &#183; ");
        if (why)
            html_esc_str(b, why);
        else
            buf_printf(b, "en %u, fr %u, %u switch%s", info->en, info->fr, info->switches,
                       info->switches == 1 ? "" : "es");
    }
    if (info->rewritten)
        buf_append_str(b, marked ? " &#183; rewritten" : "rewritten");
    if (dropped)
        buf_append_str(b, " &#183; dropped");
}

static const char *const verdict_class[] = {
    [MTC_WORD_SKIP] = NULL, [MTC_WORD_FR] = "f", [MTC_WORD_EN] = "e",
    [MTC_WORD_BOTH] = "b",  [MTC_WORD_UNKNOWN] = "u", [MTC_WORD_JUNK] = "j",
    /* Counted as English and French in the report; shown the same way. */
    [MTC_WORD_EN_FUNCTION] = "e", [MTC_WORD_FR_CAPITALISED] = "f",
};

static void append_title(buf *b, const mtc_segment_info *info, bool dropped)
{
    buf_append_str(b, " title=\"");
    html_esc_str(b, info->label);
    const char *why = segment_reason(info);
    if (why) {
        buf_append_str(b, " &#183; ");
        html_esc_str(b, why);
    }
    buf_printf(b, " &#183; fr %u, en %u, both %u, unknown %u, junk %u, switches %u", info->fr, info->en,
               info->both, info->unknown, info->junk, info->switches);
    if (info->rewritten) {
        buf_append_str(b, "&#10;before: ");
        html_esc(b, info->text, info->len);
        buf_append_str(b, "&#10;after &#8594; ");
        html_esc(b, info->output, info->output_len);
    }
    if (dropped)
        buf_append_str(b, "&#10;dropped from the output");
    buf_append_char(b, '"');
}

static void append_words(buf *b, const mtc_segment_info *info)
{
    size_t pos = 0;
    for (size_t i = 0; i < info->n_words; i++) {
        const mtc_word_info *w = &info->words[i];
        if (w->start < pos || w->len > info->len - w->start) /* not in order: show as plain text */
            continue;
        html_esc(b, info->text + pos, w->start - pos);
        const char *cls = (size_t)w->verdict < sizeof verdict_class / sizeof verdict_class[0]
                              ? verdict_class[w->verdict]
                              : NULL;
        if (cls)
            buf_printf(b, "<span class=\"%s\">", cls);
        html_esc(b, info->text + w->start, w->len);
        if (cls)
            buf_append_str(b, "</span>");
        pos = w->start + w->len;
    }
    html_esc(b, info->text + pos, info->len - pos);
}

void html_segment(void *ctx, const mtc_segment_info *info)
{
    html_report *h = ctx;
    bool dropped = !info->output;
    if (is_marked(info)) {
        reason_key(&h->key, info);
        html_tally_add(&h->doc_reasons, h->key.data, 1, 0);
    }
    buf *b = &h->section;
    if (b->len >= MAX_SECTION_BYTES) {
        h->hidden_segments++;
        return;
    }
    if (info->line_start || !h->in_para) {
        buf_append_str(b, h->in_para ? "</p>\n<p>" : "<p>");
        h->in_para = true;
    } else {
        buf_append_char(b, ' ');
    }
    buf_append_str(b, "<span class=\"s ");
    html_esc_str(b, info->label);
    buf_printf(b, "%s%s\"", info->rewritten ? " rw" : "", dropped ? " dr" : "");
    if (is_marked(info) || info->rewritten || dropped) {
        buf_append_str(b, " data-why=\"");
        append_why(b, info, dropped);
        buf_append_char(b, '"');
    }
    append_title(b, info, dropped);
    buf_append_char(b, '>');
    append_words(b, info);
    buf_append_str(b, "</span>");
}

static void append_id(buf *b, const char *id)
{
    if (id)
        html_esc_str(b, id);
    else
        buf_append_str(b, "(standard input)");
}

/* The quality cell or badge: the value, or "no text" for a record without
   any (its 1.0 would read as a perfect document). */
static void append_quality(buf *b, const html_report *h, double q, bool badge)
{
    if (!h->has_text && badge)
        buf_append_str(b, "<span class=\"badge notext\" data-field=\"quality\">no text</span>");
    else if (!h->has_text)
        buf_append_str(b, "<td data-field=\"quality\">no text</td>");
    else if (badge)
        buf_printf(b, "<span class=\"badge %s\" data-field=\"quality\">quality <b>%.4f</b></span>",
                   html_quality_class(q), q);
    else
        buf_printf(b,
                   "<td data-field=\"quality\"><span class=\"meter\"><span class=\"%s\" style=\"width:%.1f%%\">"
                   "</span></span>%.4f</td>",
                   html_quality_class(q), q * 100, q);
}

static void append_status(buf *b, const html_report *h)
{
    if (h->dropped)
        buf_append_str(b, "<span class=\"badge dropped\" data-status=\"dropped\">dropped</span>");
    if (!h->has_text)
        buf_append_str(b, "<span class=\"badge notext\" data-status=\"no-text\">no text</span>");
}

/* The document's most frequent reasons, at most three. */
static void append_doc_reasons(buf *b, html_tally *t)
{
    html_tally_sort(t);
    size_t shown = t->count < 3 ? t->count : 3;
    uint64_t rest = t->other_segments;
    for (size_t i = 0; i < t->count; i++)
        if (i >= shown)
            rest += t->items[i].segments;
    for (size_t i = 0; i < shown; i++) {
        buf_append_str(b, "<span class=\"r\">");
        html_esc_str(b, t->items[i].key);
        buf_printf(b, " &#215;%" PRIu64 "</span>", t->items[i].segments);
    }
    if (rest)
        buf_printf(b, "<span class=\"r\">+%" PRIu64 " other</span>", rest);
}

/* The table row, after its rank cell (written at the end, once known). */
static void render_row(html_report *h, uint64_t doc, const char *id, const uint64_t v[N_FIELDS], double q)
{
    buf *b = &h->row;
    buf_clear(b);
    buf_printf(b, "<td class=\"dn\"><a href=\"#doc-%" PRIu64 "\">%" PRIu64 "</a></td><td class=\"id\" title=\"",
               doc, doc);
    append_id(b, id);
    buf_append_str(b, "\">");
    append_id(b, id);
    buf_append_str(b, "</td>");
    append_quality(b, h, q, false);
    buf_append_str(b, "<td class=\"st\">");
    append_status(b, h);
    buf_append_str(b, "</td>");
    for (size_t c = 0; c < HTML_N_ROW_COLUMNS; c++) {
        int f = html_row_columns[c].field;
        bool hot = f == F_mixed_segments && v[f] > 0;
        buf_printf(b, "<td data-field=\"%s\"%s>%" PRIu64 "</td>", html_field_names[f], hot ? " class=\"hot\"" : "",
                   v[f]);
    }
    buf_append_str(b, "<td class=\"why\">");
    append_doc_reasons(b, &h->doc_reasons);
    buf_append_str(b, "</td></tr>\n");
}

static void append_rules_fired(const html_report *h, buf *b, const mtc_stats *st)
{
    bool any = false;
    for (size_t i = 0; i < mtc_engine_rule_count(h->engine); i++) {
        if (!st->rule_hits[i])
            continue;
        buf_append_str(b, any ? ", <code>" : "<p class=\"rules\">rules fired: <code>");
        html_esc_str(b, mtc_engine_rule_name(h->engine, i));
        buf_printf(b, "</code>&#160;&#215;%" PRIu32, st->rule_hits[i]);
        any = true;
    }
    if (any)
        buf_append_str(b, "</p>\n");
}

/* The document's section, into h->page: heading, badges, counters, reasons,
   rules, then its text. */
static void render_section(html_report *h, uint64_t doc, const char *id, const mtc_stats *st,
                           const uint64_t v[N_FIELDS], double q)
{
    buf *p = &h->page;
    buf_clear(p);
    buf_printf(p, "<section class=\"doc card\" id=\"doc-%" PRIu64 "\" data-doc=\"%" PRIu64 "\"%s>\n", doc, doc,
               h->hidden_segments ? " data-truncated=\"1\"" : "");
    buf_printf(p, "<h2><span class=\"n\">%" PRIu64 "</span><span class=\"name\">", doc);
    append_id(p, id);
    buf_append_str(p, "</span></h2>\n<p class=\"badges\">");
    append_quality(p, h, q, true);
    append_status(p, h);
    buf_append_str(p, "</p>\n<p class=\"counters\">");
    for (size_t f = 0; f < N_FIELDS; f++)
        buf_printf(p, "<span data-field=\"%s\"><b>%" PRIu64 "</b> %s</span>", html_field_names[f], v[f],
                   html_field_names[f]);
    buf_append_str(p, "</p>\n");
    if (h->doc_reasons.count) {
        buf_append_str(p, "<p class=\"reasons\">reasons: ");
        append_doc_reasons(p, &h->doc_reasons);
        buf_append_str(p, "</p>\n");
    }
    append_rules_fired(h, p, st);
    buf_append_str(p, "<div class=\"text\" lang=\"fr\">\n");
    buf_append(p, h->section.data, h->section.len);
    buf_append_str(p, "</div>\n");
    if (h->hidden_segments) {
        buf_append_str(p, "<p class=\"more\">&#8230; and ");
        html_append_count(p, h->hidden_segments);
        buf_printf(p, " more segments, not shown (the page keeps at most %zu KiB of one document)</p>\n",
                   MAX_SECTION_BYTES >> 10);
    }
    buf_append_str(p, "</section>\n");
}

/* Run totals: counters, quality histogram, rules, reasons. */
static void count_document(html_report *h, uint64_t doc, const mtc_stats *st, const uint64_t v[N_FIELDS], double q)
{
    for (size_t f = 0; f < N_FIELDS; f++)
        h->total[f] += v[f];
    for (size_t i = 0; i < mtc_engine_rule_count(h->engine); i++)
        h->rule_hits[i] += st->rule_hits[i];
    for (size_t i = 0; i < h->doc_reasons.count; i++)
        html_tally_add(&h->reasons, h->doc_reasons.items[i].key, h->doc_reasons.items[i].segments, doc);
    h->reasons.other_segments += h->doc_reasons.other_segments;
    h->n_docs++;
    h->n_dropped += h->dropped;
    if (!h->has_text)
        h->n_no_text++;
    else
        h->hist[q >= 1.0 ? HIST_BINS - 1 : (size_t)(q * HIST_BINS)]++;
}

static void count_not_shown(html_report *h, const html_entry *e)
{
    if (!e->has_text)
        h->not_shown_no_text++;
    else if (h->not_shown == h->not_shown_no_text || e->quality < h->not_shown_min_quality)
        h->not_shown_min_quality = e->quality;
    h->not_shown++;
}

static void next_document(html_report *h)
{
    buf_clear(&h->section);
    h->in_para = false;
    h->hidden_segments = 0;
    h->has_text = true;
    h->dropped = false;
    html_tally_clear(&h->doc_reasons);
}

int html_doc_end(html_report *h, uint64_t doc, const char *id, const mtc_stats *st, char *err, size_t errlen)
{
    if (h->in_para)
        buf_append_str(&h->section, "</p>\n");
    uint64_t v[N_FIELDS];
#define HTML_FIELD_VALUE(name) v[F_##name] = st->name;
    MTC_STATS_FIELDS(HTML_FIELD_VALUE)
#undef HTML_FIELD_VALUE
    double q = mtc_stats_quality(st);
    html_entry key = {.doc = doc, .quality = h->has_text ? q : 1.0, .has_text = h->has_text};
    int rc = 0;
    if (html_store_wants(&h->store, &key)) {
        render_row(h, doc, id, v, q);
        render_section(h, doc, id, st, v, q);
        html_entry evicted;
        rc = html_store_add(&h->store, key, &h->row, &h->page, &evicted, err, errlen);
        if (rc == 1)
            count_not_shown(h, &evicted);
        buf_clear(&h->page);
    } else {
        count_not_shown(h, &key);
    }
    count_document(h, doc, st, v, q);
    next_document(h);
    return rc < 0 ? -1 : 0;
}

int html_finish(html_report *h, char *err, size_t errlen)
{
    if (html_write_page(h, err, errlen) < 0)
        return -1;
    h->out_open = false;
    return writer_close(&h->out, err, errlen);
}

void html_free(html_report *h)
{
    if (!h)
        return;
    if (h->out_open) {
        char ignored[256];
        writer_close(&h->out, ignored, sizeof ignored);
    }
    html_store_free(&h->store);
    html_tally_clear(&h->reasons);
    html_tally_clear(&h->doc_reasons);
    free(h->reasons.items);
    free(h->doc_reasons.items);
    free(h->rule_hits);
    buf_free(&h->section);
    buf_free(&h->page);
    buf_free(&h->row);
    buf_free(&h->key);
    free(h);
}

/* The --html sink: the worker threads log the segments into the document;
   the page is built here, on the writing thread, in input order. The id
   shows as text: a string id decoded, another JSON value as written. */
static int html_sink_open(const sink_env *env, void **state)
{
    if (env->opt->html_path && !(*state = html_open(env->opt->html_path, env->engine, env->opt->mode, env->err,
                                                    env->errlen)))
        return -1;
    if (*state)
        html_set_max_docs(*state, env->opt->html_max_docs);
    return 0;
}

static void html_sink_segment(document *d, const mtc_segment_info *info) { seglog_record(&d->segments, info); }

static int html_sink_document(const sink_env *env, void *state, document *d)
{
    seglog_replay(&d->segments, html_segment, state);
    seglog_clear(&d->segments);
    if (!d->complete)
        return 0;
    buf id = {0};
    const buf *json = &d->id_json;
    if (json->len && json->data[0] == '"')
        json_decode_string(json->data, json->len, &id);
    else if (json->len)
        buf_append(&id, json->data, json->len);
    html_doc_status(state, document_has_text(d), d->dropped);
    const char *name = id.len ? id.data : d->kind == DOC_RECORD ? "(no id)" : NULL;
    int rc = html_doc_end(state, d->no, name, &d->stats, env->err, env->errlen);
    buf_free(&id);
    return rc;
}

static int html_sink_close(const sink_env *env, void *state, int rc)
{
    return rc == 0 ? html_finish(state, env->err, env->errlen) : rc;
}

static void html_sink_free(void *state) { html_free(state); }

const sink_ops html_sink = {"html", html_sink_open, html_sink_segment, html_sink_document, html_sink_close,
                            html_sink_free};
