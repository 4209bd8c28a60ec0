/* The --html page's end, written once every document is counted: the
   summary (overview, quality histogram, top reasons, top rules, totals),
   the table of the worst documents, and their sections. */
#include "html_page.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define TOP_REASONS 12
#define TOP_RULES 12

const char *const html_field_names[N_FIELDS] = {
#define HTML_FIELD_NAME(name) #name,
    MTC_STATS_FIELDS(HTML_FIELD_NAME)
#undef HTML_FIELD_NAME
};

const html_column html_row_columns[HTML_N_ROW_COLUMNS] = {
    {F_segments, "segments"}, {F_mixed_segments, "mixed"}, {F_boilerplate_segments, "boiler&#173;plate"},
    {F_english_segments, "english"}, {F_rewritten_segments, "rewrit&#173;ten"}, {F_dropped, "dropped"},
    {F_words, "words"},
};

void html_append_count(buf *b, uint64_t v)
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%" PRIu64, v);
    for (int i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            buf_append_char(b, ',');
        buf_append_char(b, digits[i]);
    }
}

void html_tally_add(html_tally *t, const char *key, uint64_t n, uint64_t doc)
{
    html_tally_item *it = NULL;
    for (size_t i = 0; i < t->count && !it; i++)
        if (strcmp(t->items[i].key, key) == 0)
            it = &t->items[i];
    if (!it) {
        if (t->count == t->max) {
            t->other_segments += n;
            return;
        }
        if (!t->items)
            t->items = xcalloc(t->max, sizeof *t->items);
        it = &t->items[t->count++];
        *it = (html_tally_item){.key = xstrdup(key)};
    }
    it->segments += n;
    if (doc && it->last_doc != doc) {
        it->docs++;
        it->last_doc = doc;
    }
}

static int tally_cmp(const void *pa, const void *pb)
{
    const html_tally_item *a = pa, *b = pb;
    if (a->segments != b->segments)
        return a->segments > b->segments ? -1 : 1;
    return strcmp(a->key, b->key);
}

void html_tally_sort(html_tally *t)
{
    if (t->count > 1)
        qsort(t->items, t->count, sizeof *t->items, tally_cmp);
}

void html_tally_clear(html_tally *t)
{
    for (size_t i = 0; i < t->count; i++)
        free(t->items[i].key);
    t->count = 0;
    t->other_segments = 0;
}

static double overall_quality(const html_report *h)
{
    const uint64_t *t = h->total;
    return t[F_scored_words] ? (double)t[F_clean_words] / (double)t[F_scored_words] : 1.0;
}

/* Chart geometry, in SVG user units. */
enum { CH_W = 480, CH_H = 220, CH_LEFT = 40, CH_RIGHT = 8, CH_TOP = 18, CH_BOTTOM = 34 };

static void append_bar(buf *b, size_t i, size_t n, uint64_t count, uint64_t top, const char *cls, const char *label,
                       const char *axis)
{
    double plot_w = CH_W - CH_LEFT - CH_RIGHT, plot_h = CH_H - CH_TOP - CH_BOTTOM;
    double slot = plot_w / (double)n, bw = slot * 0.7;
    double bh = (double)count / (double)top * plot_h;
    bh = bh < 1.5 ? 1.5 : bh;
    double x = CH_LEFT + slot * (double)i + (slot - bw) / 2, y = CH_TOP + plot_h - bh, cx = x + bw / 2;
    if (count)
        buf_printf(b,
                   "<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" "
                   "data-count=\"%" PRIu64 "\"><title>%" PRIu64 " documents: %s</title></rect>"
                   "<text class=\"val\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%" PRIu64 "</text>",
                   cls, x, y, bw, bh, count, count, label, cx, y - 4, count);
    buf_printf(b, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", cx,
               CH_H - CH_BOTTOM + 15, axis);
}

/* Documents per tenth of quality, and those without text apart. */
static void append_histogram(const html_report *h, buf *b)
{
    size_t n = HIST_BINS + (h->n_no_text ? 1 : 0);
    uint64_t top = 4; /* a multiple of 4 so grid labels are whole numbers */
    for (size_t i = 0; i < HIST_BINS; i++)
        if (h->hist[i] > top)
            top = (h->hist[i] + 3) / 4 * 4;
    if (h->n_no_text > top)
        top = (h->n_no_text + 3) / 4 * 4;
    double plot_h = CH_H - CH_TOP - CH_BOTTOM;
    buf_printf(b, "<figure class=\"chart\"><h3>Quality</h3><svg viewBox=\"0 0 %d %d\" role=\"img\" "
                  "aria-label=\"documents per quality band\">\n", CH_W, CH_H);
    for (int g = 0; g <= 4; g++) {
        double y = CH_TOP + plot_h * (1 - g / 4.0);
        buf_printf(b, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>", CH_LEFT, CH_W - CH_RIGHT,
                   y, y);
        buf_printf(b, "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%" PRIu64 "</text>\n",
                   CH_LEFT - 5, y + 4, top / 4 * (uint64_t)g);
    }
    for (size_t i = 0; i < HIST_BINS; i++) {
        char label[48], axis[8];
        snprintf(label, sizeof label, "quality %.1f&#8211;%.1f", (double)i / HIST_BINS, (double)(i + 1) / HIST_BINS);
        snprintf(axis, sizeof axis, "%.1f", (double)i / HIST_BINS);
        append_bar(b, i, n, h->hist[i], top, html_quality_class(((double)i + 0.5) / HIST_BINS), label, axis);
    }
    if (h->n_no_text)
        append_bar(b, HIST_BINS, n, h->n_no_text, top, "none", "no text", "none");
    buf_append_str(b, "</svg>\n<figcaption>Documents per band of quality (0.9: 0.9 to 1.0; none: no text). "
                      "Green: 0.9 or more, amber: 0.7 or more, red: below.</figcaption></figure>\n");
}

static void append_top_reasons(html_report *h, buf *b)
{
    html_tally *t = &h->reasons;
    html_tally_sort(t);
    buf_append_str(b, "<div class=\"top-reasons\"><h3>Top reasons</h3>");
    if (!t->count) {
        buf_append_str(b, "<p class=\"sub\">No segment was marked.</p></div>\n");
        return;
    }
    buf_append_str(b, "<table><thead><tr><th class=\"l\">label &#183; rule or evidence</th><th>segments</th>"
                      "<th>documents</th></tr></thead><tbody>\n");
    uint64_t rest = t->other_segments;
    for (size_t i = 0; i < t->count; i++) {
        if (i >= TOP_REASONS) {
            rest += t->items[i].segments;
            continue;
        }
        buf_append_str(b, "<tr data-reason=\"");
        html_esc_str(b, t->items[i].key);
        buf_append_str(b, "\"><td class=\"l\">");
        html_esc_str(b, t->items[i].key);
        buf_printf(b, "</td><td>%" PRIu64 "</td><td>%" PRIu64 "</td></tr>\n", t->items[i].segments,
                   t->items[i].docs);
    }
    if (rest)
        buf_printf(b, "<tr class=\"more\"><td colspan=\"3\">and %" PRIu64 " segments with other reasons</td></tr>\n",
                   rest);
    buf_append_str(b, "</tbody></table></div>\n");
}

typedef struct {
    uint64_t hits;
    size_t rule;
} rule_count;

static int rule_cmp(const void *pa, const void *pb)
{
    const rule_count *a = pa, *b = pb;
    if (a->hits != b->hits)
        return a->hits > b->hits ? -1 : 1;
    return a->rule < b->rule ? -1 : a->rule > b->rule;
}

static void append_top_rules(const html_report *h, buf *b)
{
    size_t n_rules = mtc_engine_rule_count(h->engine), n = 0;
    rule_count *rc = xcalloc(n_rules + 1, sizeof *rc);
    for (size_t i = 0; i < n_rules; i++)
        if (h->rule_hits[i])
            rc[n++] = (rule_count){h->rule_hits[i], i};
    qsort(rc, n, sizeof *rc, rule_cmp);
    buf_append_str(b, "<div class=\"top-rules\"><h3>Top rules</h3>");
    if (!n)
        buf_append_str(b, "<p class=\"sub\">No rule fired.</p>");
    else
        buf_append_str(b, "<table><thead><tr><th class=\"l\">rule</th><th>hits</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < n && i < TOP_RULES; i++) {
        buf_append_str(b, "<tr data-rule=\"");
        html_esc_str(b, mtc_engine_rule_name(h->engine, rc[i].rule));
        buf_append_str(b, "\"><td class=\"l\"><code>");
        html_esc_str(b, mtc_engine_rule_name(h->engine, rc[i].rule));
        buf_printf(b, "</code></td><td>%" PRIu64 "</td></tr>\n", rc[i].hits);
    }
    if (n > TOP_RULES)
        buf_printf(b, "<tr class=\"more\"><td colspan=\"2\">and %zu more rules</td></tr>\n", n - TOP_RULES);
    if (n)
        buf_append_str(b, "</tbody></table>");
    buf_append_str(b, "</div>\n");
    free(rc);
}

static void append_overview(const html_report *h, buf *b)
{
    buf_append_str(b, "<section class=\"summary card\" id=\"summary\">\n<h2>Summary</h2>\n<p class=\"overview\"><b>");
    html_append_count(b, h->n_docs);
    buf_printf(b, "</b> document%s &#183; overall quality <b>%.4f</b> &#183; <b>", h->n_docs == 1 ? "" : "s",
               overall_quality(h));
    html_append_count(b, h->n_dropped);
    buf_append_str(b, "</b> dropped by --min-quality &#183; <b>");
    html_append_count(b, h->n_no_text);
    buf_append_str(b, "</b> without text &#183; the <b>");
    html_append_count(b, h->store.count);
    buf_append_str(b, "</b> worst shown below</p>\n<p class=\"totals\" id=\"totals\">");
    for (size_t f = 0; f < N_FIELDS; f++) {
        buf_printf(b, "<span data-field=\"%s\"><b>", html_field_names[f]);
        html_append_count(b, h->total[f]);
        buf_printf(b, "</b> %s</span>", html_field_names[f]);
    }
    buf_append_str(b, "</p>\n");
}

/* "and 3,612 more documents, quality ≥ 0.9300, not shown": the floor of
   the lowest quality left out, so that the bound holds. */
static void append_not_shown(const html_report *h, buf *b)
{
    if (!h->not_shown)
        return;
    uint64_t with_text = h->not_shown - h->not_shown_no_text;
    buf_printf(b, "<tr class=\"more\" id=\"not-shown\" data-count=\"%" PRIu64 "\"><td colspan=\"%zu\">and ",
               h->not_shown, (size_t)(6 + HTML_N_ROW_COLUMNS));
    html_append_count(b, h->not_shown);
    buf_printf(b, " more document%s", h->not_shown == 1 ? "" : "s");
    if (with_text)
        buf_printf(b, ", quality &#8805; %.4f", (double)(uint64_t)(h->not_shown_min_quality * 10000) / 10000);
    if (h->not_shown_no_text) {
        buf_append_str(b, with_text ? " (" : " (all ");
        html_append_count(b, h->not_shown_no_text);
        buf_append_str(b, " without text)");
    }
    buf_append_str(b, ", not shown (--html-max-docs)</td></tr>\n");
}

static void append_table_head(buf *b)
{
    buf_append_str(b, "<section class=\"card\" id=\"documents\">\n<h2>Documents, worst first</h2>\n"
                      "<table class=\"docs-table\">\n<thead><tr><th>#</th><th class=\"l\">doc</th>"
                      "<th class=\"l\">document</th><th>quality</th><th class=\"l\">status</th>");
    for (size_t c = 0; c < HTML_N_ROW_COLUMNS; c++)
        buf_printf(b, "<th title=\"%s\">%s</th>", html_field_names[html_row_columns[c].field],
                   html_row_columns[c].heading);
    buf_append_str(b, "<th class=\"l\">reasons</th></tr></thead>\n<tbody>\n");
}

static void append_table_foot(const html_report *h, buf *b)
{
    buf_append_str(b, "</tbody>\n<tfoot>\n<tr data-doc=\"total\"><td></td><td class=\"l\" colspan=\"2\">all ");
    html_append_count(b, h->n_docs);
    buf_printf(b, " documents</td><td data-field=\"quality\">%.4f</td><td></td>", overall_quality(h));
    for (size_t c = 0; c < HTML_N_ROW_COLUMNS; c++) {
        int f = html_row_columns[c].field;
        buf_printf(b, "<td data-field=\"%s\">%" PRIu64 "</td>", html_field_names[f], h->total[f]);
    }
    buf_append_str(b, "<td></td></tr>\n</tfoot>\n</table>\n</section>\n");
}

static int flush(html_report *h, char *err, size_t errlen)
{
    int rc = writer_write(&h->out, h->page.data, h->page.len, err, errlen);
    buf_clear(&h->page);
    return rc;
}

int html_write_page(html_report *h, char *err, size_t errlen)
{
    buf *p = &h->page;
    html_store *s = &h->store;
    buf_clear(p);
    append_overview(h, p);
    buf_append_str(p, "<div class=\"panels\">\n");
    append_histogram(h, p);
    append_top_reasons(h, p);
    append_top_rules(h, p);
    buf_append_str(p, "</div>\n</section>\n");
    append_table_head(p);
    html_store_sort(s);
    for (size_t i = 0; i < s->count; i++) {
        buf_printf(p, "<tr data-doc=\"%" PRIu64 "\" data-rank=\"%zu\"><td>%zu</td>", s->heap[i].doc, i + 1, i + 1);
        if (flush(h, err, errlen) < 0 || html_store_copy(s, &s->heap[i], false, &h->out, err, errlen) < 0)
            return -1;
    }
    append_not_shown(h, p);
    append_table_foot(h, p);
    buf_append_str(p, "<main class=\"docs\">\n");
    if (flush(h, err, errlen) < 0)
        return -1;
    for (size_t i = 0; i < s->count; i++)
        if (html_store_copy(s, &s->heap[i], true, &h->out, err, errlen) < 0)
            return -1;
    buf_printf(p,
               "</main>\n<footer>Written by mtclean %s. A self-contained page: no script, nothing loaded from "
               "elsewhere.</footer>\n</body>\n</html>\n",
               mtc_version());
    return flush(h, err, errlen);
}
