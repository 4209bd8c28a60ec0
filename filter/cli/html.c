#include "html.h"
#include "buf.h"
#include "output.h"
#include "text.h"
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Counter indexes in report order, from the library's list, so the page
   cannot miss a counter the JSON report has. */
enum {
#define HTML_FIELD_INDEX(name) F_##name,
    MTC_STATS_FIELDS(HTML_FIELD_INDEX)
#undef HTML_FIELD_INDEX
    N_FIELDS
};

static const char *const field_names[N_FIELDS] = {
#define HTML_FIELD_NAME(name) #name,
    MTC_STATS_FIELDS(HTML_FIELD_NAME)
#undef HTML_FIELD_NAME
};

static void stats_values(const mtc_stats *st, uint64_t v[N_FIELDS])
{
#define HTML_FIELD_VALUE(name) v[F_##name] = st->name;
    MTC_STATS_FIELDS(HTML_FIELD_VALUE)
#undef HTML_FIELD_VALUE
}

/* Table columns after quality: what triage looks at first, then the rest. */
static const struct column {
    int field;
    const char *heading;
} columns[] = {
    {F_segments, "segments"}, {F_mixed_segments, "mixed"}, {F_boilerplate_segments, "boiler&#173;plate"},
    {F_english_segments, "english"}, {F_rewritten_segments, "rewrit&#173;ten"}, {F_rewrites, "rewrites"},
    {F_flagged, "flagged"}, {F_dropped, "dropped"}, {F_words, "words"}, {F_fr, "fr"}, {F_en, "en"},
    {F_both, "both"}, {F_unknown, "unknown"}, {F_clean_words, "clean words"},
    {F_scored_words, "scored words"}, {F_invalid_utf8, "invalid UTF-8"}, {F_bytes_in, "bytes in"},
    {F_bytes_out, "bytes out"}, {F_rule_errors, "rule errors"},
};
_Static_assert(sizeof columns / sizeof columns[0] == N_FIELDS, "one column per counter");

/* One bar per document up to MAX_BARS documents; beyond, a histogram, so
   the chart needs no per-document memory. */
#define MAX_BARS 40
#define HIST_BINS 10

struct html_report {
    const mtc_engine *engine;
    writer out;
    bool out_open;
    FILE *rows;  /* summary table rows, copied into the page at the end */
    buf section; /* the current document's text */
    buf page;    /* markup on its way to the file */
    bool in_para;
    uint64_t n_docs, total[N_FIELDS];
    struct {
        uint64_t doc;
        double quality;
    } bars[MAX_BARS];
    uint64_t hist[HIST_BINS];
};

static const char page_head[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    /* No script, no fetch: input text can never run or load anything. */
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>mtclean triage report</title>\n"
    "<style>\n"
    ":root{--fr:#17603a;--en:#1746b8;--both:#5c6873;--unk:#8a4b00;--junk:#b3001b;--mixed:#d32f2f;"
    "--good:#2e7d32;--fair:#e0a000;--poor:#c62828;--rw:#7b1fa2;--line:#d8dee4}\n"
    "*{box-sizing:border-box}\n"
    /* The summary is written last (it needs every document) but shown first. */
    "body{margin:0;padding:20px;background:#f3f5f7;color:#1f2328;"
    "font:14px/1.5 system-ui,\"DejaVu Sans\",sans-serif;display:flex;flex-direction:column;gap:18px}\n"
    ".top{order:-2}.summary{order:-1}\n"
    ".card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px}\n"
    "h1{font-size:22px;margin:0 0 2px}h2{font-size:17px;margin:0 0 10px}\n"
    ".sub{color:#57606a;margin:0}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:8px 20px;margin-top:12px;font-size:13px;color:#3d444d}\n"
    ".legend .text{font-size:14px}\n"
    ".overview{margin:0 0 8px;color:#3d444d}\n"
    ".chart{margin:0 0 12px}.chart svg{display:block;width:100%;max-width:980px;height:auto}\n"
    ".chart figcaption{font-size:12.5px;color:#57606a}\n"
    ".grid{stroke:#e3e7eb}.axis{font-size:11px;fill:#57606a}.val{font-size:11px;fill:#1f2328}\n"
    ".bar.good,.meter .good{fill:var(--good);background:var(--good)}"
    ".bar.fair,.meter .fair{fill:var(--fair);background:var(--fair)}"
    ".bar.poor,.meter .poor{fill:var(--poor);background:var(--poor)}\n"
    "a .bar:hover{opacity:.75}\n"
    ".tablewrap{overflow-x:auto}\n"
    "table.stats{border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums}\n"
    ".stats th,.stats td{padding:3px 4px;text-align:right;border-bottom:1px solid #eaeef2;white-space:nowrap}\n"
    ".stats th{background:#f6f8fa;font-weight:600;font-size:11px;vertical-align:bottom;white-space:normal;min-width:32px}\n"
    ".stats td.id,.stats th.id{text-align:left;max-width:170px;overflow:hidden;text-overflow:ellipsis}\n"
    ".stats td.hot{color:var(--mixed);font-weight:700}\n"
    ".stats tfoot td{font-weight:700;border-top:2px solid var(--line);border-bottom:0}\n"
    ".meter{display:inline-block;width:28px;height:8px;background:#e9ecef;border-radius:4px;"
    "margin-right:6px;vertical-align:middle;overflow:hidden}\n"
    ".meter span{display:block;height:100%}\n"
    ".doc h2 .n{display:inline-block;min-width:26px;padding:0 6px;margin-right:6px;border-radius:6px;"
    "background:#1f2328;color:#fff;text-align:center;font-size:13px}\n"
    ".badges{margin:0 0 6px}.badge{display:inline-block;padding:1px 9px;margin:0 4px 4px 0;"
    "border-radius:10px;background:#eef1f4;font-size:12.5px}\n"
    ".badge.good{background:#e3f1e4;color:#1b5e20}.badge.fair{background:#fdf1cf;color:#6b4d00}"
    ".badge.poor{background:#fbe3e3;color:#8e1b1b}\n"
    ".rules{margin:0 0 10px;font-size:12.5px;color:#57606a}"
    ".rules code{background:#f3f5f7;padding:0 4px;border-radius:3px}\n"
    ".text{font:16px/2 Georgia,\"DejaVu Serif\",serif;max-width:90ch}.text p{margin:0 0 .7em}\n"
    ".f{color:var(--fr)}.b{color:var(--both)}"
    ".e{color:var(--en);background:#e3ebff;border-radius:2px;font-weight:600}"
    ".u{color:var(--unk);background:#ffefcc;border-radius:2px}"
    ".j{color:#fff;background:var(--junk);border-radius:2px;padding:0 2px}\n"
    ".s.mixed{outline:2px solid var(--mixed);outline-offset:1px;border-radius:2px;background:#fff6f6}\n"
    ".s.english{outline:2px dashed var(--en);outline-offset:1px;border-radius:2px}\n"
    ".s.boilerplate,.s.dr{text-decoration:line-through;text-decoration-color:#333;opacity:.55}\n"
    ".s.rw{border-bottom:2px dotted var(--rw);cursor:help}\n"
    ".s.rw::after{content:\"\\270E\";color:var(--rw);font:bold 12px sans-serif;vertical-align:super;margin-left:1px}\n"
    "footer{color:#57606a;font-size:12px}\n"
    ".bidi{font:11px monospace;color:#8e1b1b;background:#fbe3e3;border-radius:2px}\n"
    "</style>\n"
    "</head>\n"
    "<body>\n";

static const char legend[] =
    "<div class=\"legend\">"
    "<span class=\"text\"><span class=\"f\">mot</span> French</span>"
    "<span class=\"text\"><span class=\"e\">word</span> English</span>"
    "<span class=\"text\"><span class=\"b\">minute</span> French and English</span>"
    "<span class=\"text\"><span class=\"u\">xqzt</span> unknown</span>"
    "<span class=\"text\"><span class=\"j\">respekter</span> MT junk</span>"
    "<span class=\"text\">Paris</span><span>uncoloured: skipped (names, numbers, acronyms)</span>"
    "<span class=\"text\"><span class=\"s mixed\">mixed segment</span></span>"
    "<span class=\"text\"><span class=\"s english\">English segment</span></span>"
    "<span class=\"text\"><span class=\"s boilerplate\">boilerplate or dropped</span></span>"
    "<span class=\"text\"><span class=\"s rw\">rewritten</span></span><span>hover a segment: label, counts, "
    "before &#8594; after</span>"
    "</div>\n";

/* Appends s as HTML text or attribute value: markup characters escaped,
   ill-formed UTF-8 and control characters shown as U+FFFD. */
/* Characters that change the display order of the text around them. */
static bool is_bidi_control(int cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
           cp == 0x061C;
}

static void esc(buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            switch (c) {
            case '&': buf_append_str(b, "&amp;"); break;
            case '<': buf_append_str(b, "&lt;"); break;
            case '>': buf_append_str(b, "&gt;"); break;
            case '"': buf_append_str(b, "&quot;"); break;
            case '\'': buf_append_str(b, "&#39;"); break;
            default:
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
                    buf_append_str(b, "\xEF\xBF\xBD");
                else
                    buf_append_char(b, (char)c);
            }
            continue;
        }
        size_t start = i;
        int cp = utf8_next(s, n, &i);
        if (cp < 0 || cp < 0xA0) /* ill-formed, or a C1 control */
            buf_append_str(b, "\xEF\xBF\xBD");
        else if (is_bidi_control(cp)) /* shown, not obeyed: hostile text could reorder the page */
            buf_printf(b, "<span class=\"bidi\">[U+%04X]</span>", (unsigned)cp);
        else
            buf_append(b, s + start, i - start);
    }
}

static void esc_str(buf *b, const char *s) { esc(b, s, strlen(s)); }

static const char *quality_class(double q) { return q >= 0.9 ? "good" : q >= 0.7 ? "fair" : "poor"; }

static void append_id(buf *b, const char *id)
{
    if (id)
        esc_str(b, id);
    else
        buf_append_str(b, "(standard input)");
}

static const char *mode_name(mtc_mode m)
{
    return m == MTC_MODE_FLAG ? "flag" : m == MTC_MODE_DROP ? "drop" : "repair";
}

/* The summary rows wait in an unlinked temporary file: memory stays the
   same however many documents there are. */
static FILE *temp_file(char *err, size_t errlen)
{
    const char *dir = getenv("TMPDIR");
    buf path = {0};
    buf_printf(&path, "%s/mtclean-html.XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path.data);
    FILE *f = NULL;
    if (fd < 0)
        snprintf(err, errlen, "%s: %s", path.data, strerror(errno));
    else {
        unlink(path.data);
        f = fdopen(fd, "w+b");
        if (!f) {
            snprintf(err, errlen, "temporary file: %s", strerror(errno));
            close(fd);
        }
    }
    buf_free(&path);
    return f;
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
    h->rows = temp_file(err, errlen);
    if (!h->rows || writer_open(&h->out, path, false, err, errlen) < 0) {
        html_free(h);
        return NULL;
    }
    h->out_open = true;
    buf_append_str(&h->page, page_head);
    buf_printf(&h->page,
               "<header class=\"top card\">\n<h1>mtclean triage report</h1>\n"
               "<p class=\"sub\">mtclean %s &#183; mode %s &#183; quality = share of scored words that are in "
               "clean segments (boilerplate left out)</p>\n",
               mtc_version(), mode_name(mode));
    buf_append_str(&h->page, legend);
    buf_append_str(&h->page, "</header>\n<main class=\"docs\">\n");
    if (flush_page(h, err, errlen) < 0) {
        html_free(h);
        return NULL;
    }
    return h;
}

static const char *const verdict_class[] = {
    [MTC_WORD_SKIP] = NULL, [MTC_WORD_FR] = "f", [MTC_WORD_EN] = "e",
    [MTC_WORD_BOTH] = "b",  [MTC_WORD_UNKNOWN] = "u", [MTC_WORD_JUNK] = "j",
    /* Counted as English and French in the report; shown the same way. */
    [MTC_WORD_EN_FUNCTION] = "e", [MTC_WORD_FR_CAPITALISED] = "f",
};

void html_segment(void *ctx, const mtc_segment_info *info)
{
    html_report *h = ctx;
    buf *b = &h->section;
    if (info->line_start || !h->in_para) {
        buf_append_str(b, h->in_para ? "</p>\n<p>" : "<p>");
        h->in_para = true;
    } else {
        buf_append_char(b, ' ');
    }
    bool dropped = !info->output;
    buf_append_str(b, "<span class=\"s ");
    esc_str(b, info->label);
    buf_printf(b, "%s%s\" title=\"", info->rewritten ? " rw" : "", dropped ? " dr" : "");
    esc_str(b, info->label);
    if (info->rule) {
        buf_append_str(b, " &#183; rule ");
        esc_str(b, info->rule);
    }
    buf_printf(b, " &#183; fr %u, en %u, both %u, unknown %u, junk %u, switches %u", info->fr, info->en,
               info->both, info->unknown, info->junk, info->switches);
    if (info->rewritten) {
        buf_append_str(b, "&#10;before: ");
        esc(b, info->text, info->len);
        buf_append_str(b, "&#10;after &#8594; ");
        esc(b, info->output, info->output_len);
    }
    if (dropped)
        buf_append_str(b, "&#10;dropped from the output");
    buf_append_str(b, "\">");
    size_t pos = 0;
    for (size_t i = 0; i < info->n_words; i++) {
        const mtc_word_info *w = &info->words[i];
        if (w->start < pos || w->len > info->len - w->start) /* not in order: show as plain text */
            continue;
        esc(b, info->text + pos, w->start - pos);
        const char *cls = (size_t)w->verdict < sizeof verdict_class / sizeof verdict_class[0]
                              ? verdict_class[w->verdict]
                              : NULL;
        if (cls)
            buf_printf(b, "<span class=\"%s\">", cls);
        esc(b, info->text + w->start, w->len);
        if (cls)
            buf_append_str(b, "</span>");
        pos = w->start + w->len;
    }
    esc(b, info->text + pos, info->len - pos);
    buf_append_str(b, "</span>");
}

static void append_badge(buf *b, const uint64_t v[N_FIELDS], int field, const char *what)
{
    buf_printf(b, "<span class=\"badge\" data-field=\"%s\"><b>%" PRIu64 "</b> %s</span>", field_names[field],
               v[field], what);
}

static void append_rules_fired(html_report *h, buf *b, const mtc_stats *st)
{
    bool any = false;
    for (size_t i = 0; i < mtc_engine_rule_count(h->engine); i++) {
        if (!st->rule_hits[i])
            continue;
        buf_append_str(b, any ? ", <code>" : "<p class=\"rules\">rules fired: <code>");
        esc_str(b, mtc_engine_rule_name(h->engine, i));
        buf_printf(b, "</code>&#160;&#215;%" PRIu32, st->rule_hits[i]);
        any = true;
    }
    if (any)
        buf_append_str(b, "</p>\n");
}

static void append_row(buf *b, const char *doc, const char *id, bool is_total, const uint64_t v[N_FIELDS],
                       double q)
{
    buf_printf(b, "<tr data-doc=\"%s\"><td class=\"n\">", doc);
    if (is_total)
        buf_append_str(b, "</td><td class=\"id\">all documents");
    else {
        buf_printf(b, "<a href=\"#doc-%s\">%s</a></td><td class=\"id\" title=\"", doc, doc);
        append_id(b, id);
        buf_append_str(b, "\">");
        append_id(b, id);
    }
    buf_printf(b,
               "</td><td data-field=\"quality\"><span class=\"meter\"><span class=\"%s\" style=\"width:%.1f%%\">"
               "</span></span>%.4f</td>",
               quality_class(q), q * 100, q);
    for (size_t c = 0; c < N_FIELDS; c++) {
        int f = columns[c].field;
        bool hot = f == F_mixed_segments && v[f] > 0;
        buf_printf(b, "<td data-field=\"%s\"%s>%" PRIu64 "</td>", field_names[f], hot ? " class=\"hot\"" : "",
                   v[f]);
    }
    buf_append_str(b, "</tr>\n");
}

int html_doc_end(html_report *h, uint64_t doc, const char *id, const mtc_stats *st, char *err, size_t errlen)
{
    if (h->in_para) {
        buf_append_str(&h->section, "</p>\n");
        h->in_para = false;
    }
    uint64_t v[N_FIELDS];
    stats_values(st, v);
    double q = mtc_stats_quality(st);
    buf *p = &h->page;
    buf_printf(p, "<section class=\"doc card\" id=\"doc-%" PRIu64 "\" data-doc=\"%" PRIu64 "\">\n",
               doc, doc);
    buf_printf(p, "<h2><span class=\"n\">%" PRIu64 "</span>", doc);
    append_id(p, id);
    buf_printf(p, "</h2>\n<p class=\"badges\"><span class=\"badge %s\" data-field=\"quality\">quality <b>%.4f</b></span>",
               quality_class(q), q);
    append_badge(p, v, F_mixed_segments, "mixed");
    append_badge(p, v, F_boilerplate_segments, "boilerplate");
    append_badge(p, v, F_rewritten_segments, "rewritten");
    append_badge(p, v, F_english_segments, "english");
    append_badge(p, v, F_dropped, "dropped");
    append_badge(p, v, F_segments, "segments");
    append_badge(p, v, F_words, "words");
    if (v[F_invalid_utf8])
        append_badge(p, v, F_invalid_utf8, "invalid UTF-8");
    buf_append_str(p, "</p>\n");
    append_rules_fired(h, p, st);
    buf_append_str(p, "<div class=\"text\" lang=\"fr\">\n");
    if (flush_page(h, err, errlen) < 0 ||
        writer_write(&h->out, h->section.data, h->section.len, err, errlen) < 0)
        return -1;
    buf_clear(&h->section);
    buf_append_str(p, "</div>\n</section>\n");
    if (flush_page(h, err, errlen) < 0)
        return -1;

    char num[32];
    snprintf(num, sizeof num, "%" PRIu64, doc);
    append_row(p, num, id, false, v, q);
    size_t len = p->len;
    bool short_write = fwrite(p->data, 1, len, h->rows) != len;
    buf_clear(p);
    if (short_write) {
        snprintf(err, errlen, "temporary file: %s", strerror(errno));
        return -1;
    }
    for (size_t f = 0; f < N_FIELDS; f++)
        h->total[f] += v[f];
    if (h->n_docs < MAX_BARS) {
        h->bars[h->n_docs].doc = doc;
        h->bars[h->n_docs].quality = q;
    }
    h->hist[q >= 1.0 ? HIST_BINS - 1 : (size_t)(q * HIST_BINS)]++;
    h->n_docs++;
    return 0;
}

/* Chart geometry, in SVG user units. */
enum { CH_W = 960, CH_H = 230, CH_LEFT = 46, CH_RIGHT = 12, CH_TOP = 20, CH_BOTTOM = 34 };

/* Bars of quality per document, or with many documents the number of
   documents per tenth of quality. */
static void append_chart(const html_report *h, buf *b)
{
    bool per_doc = h->n_docs <= MAX_BARS;
    size_t n = per_doc ? (size_t)h->n_docs : HIST_BINS;
    uint64_t top = 4; /* histogram scale: a multiple of 4 so grid labels are whole numbers */
    for (size_t i = 0; !per_doc && i < HIST_BINS; i++)
        if (h->hist[i] > top)
            top = (h->hist[i] + 3) / 4 * 4;
    double plot_w = CH_W - CH_LEFT - CH_RIGHT, plot_h = CH_H - CH_TOP - CH_BOTTOM;
    buf_printf(b, "<figure class=\"chart\"><svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n", CH_W,
               CH_H, per_doc ? "quality per document" : "documents per quality band");
    for (int g = 0; g <= 4; g++) {
        double y = CH_TOP + plot_h * (1 - g / 4.0);
        buf_printf(b, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>", CH_LEFT, CH_W - CH_RIGHT,
                   y, y);
        buf_printf(b, "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", CH_LEFT - 6, y + 4);
        if (per_doc)
            buf_printf(b, "%d%%</text>\n", g * 25);
        else
            buf_printf(b, "%" PRIu64 "</text>\n", top / 4 * (uint64_t)g);
    }
    double slot = n ? plot_w / (double)n : plot_w;
    double bw = slot * 0.68 > 56 ? 56 : slot * 0.68;
    for (size_t i = 0; i < n; i++) {
        double value = per_doc ? h->bars[i].quality : (double)h->hist[i] / (double)top;
        double bh = value * plot_h < 1.5 ? 1.5 : value * plot_h;
        double x = CH_LEFT + slot * (double)i + (slot - bw) / 2, y = CH_TOP + plot_h - bh, cx = x + bw / 2;
        const char *cls = quality_class(per_doc ? value : ((double)i + 0.5) / HIST_BINS);
        if (per_doc) {
            uint64_t doc = h->bars[i].doc;
            buf_printf(b,
                       "<a href=\"#doc-%" PRIu64 "\"><rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                       "height=\"%.1f\" rx=\"2\"><title>document %" PRIu64 ": quality %.4f</title></rect></a>",
                       doc, cls, x, y, bw, bh, doc, value);
            buf_printf(b, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%" PRIu64 "</text>", cx,
                       CH_H - CH_BOTTOM + 16, doc);
            if (n <= 24)
                buf_printf(b, "<text class=\"val\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f%%</text>", cx,
                           y - 5, value * 100);
        } else {
            if (h->hist[i])
                buf_printf(b,
                           "<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\">"
                           "<title>%" PRIu64 " documents with quality %zu&#8211;%zu%%</title></rect>"
                           "<text class=\"val\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%" PRIu64 "</text>",
                           cls, x, y, bw, bh, h->hist[i], i * 10, i * 10 + 10, cx, y - 5, h->hist[i]);
            buf_printf(b, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%zu&#8211;%zu%%</text>",
                       cx, CH_H - CH_BOTTOM + 16, i * 10, i * 10 + 10);
        }
        buf_append_char(b, '\n');
    }
    buf_printf(b, "</svg>\n<figcaption>%s</figcaption></figure>\n",
               per_doc ? "Quality per document (click a bar to go to the document). Green: 90% or more, "
                         "amber: 70% or more, red: below."
                       : "Documents per quality band (too many documents for one bar each).");
}

static int copy_rows(html_report *h, char *err, size_t errlen)
{
    if (fflush(h->rows) != 0 || fseek(h->rows, 0, SEEK_SET) != 0) {
        snprintf(err, errlen, "temporary file: %s", strerror(errno));
        return -1;
    }
    char chunk[64 * 1024];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, h->rows)) > 0)
        if (writer_write(&h->out, chunk, got, err, errlen) < 0)
            return -1;
    if (ferror(h->rows)) {
        snprintf(err, errlen, "temporary file: %s", strerror(errno));
        return -1;
    }
    return 0;
}

int html_finish(html_report *h, char *err, size_t errlen)
{
    buf *p = &h->page;
    const uint64_t *t = h->total;
    double q = t[F_scored_words] ? (double)t[F_clean_words] / (double)t[F_scored_words] : 1.0;
    buf_append_str(p, "</main>\n<section class=\"summary card\" id=\"summary\">\n<h2>Summary</h2>\n");
    buf_printf(p,
               "<p class=\"overview\"><b>%" PRIu64 "</b> document%s &#183; overall quality <b>%.4f</b> &#183; "
               "<b>%" PRIu64 "</b> mixed, <b>%" PRIu64 "</b> boilerplate and <b>%" PRIu64 "</b> rewritten "
               "segments out of <b>%" PRIu64 "</b></p>\n",
               h->n_docs, h->n_docs == 1 ? "" : "s", q, t[F_mixed_segments], t[F_boilerplate_segments],
               t[F_rewritten_segments], t[F_segments]);
    append_chart(h, p);
    buf_append_str(p, "<div class=\"tablewrap\"><table class=\"stats\">\n<thead><tr><th>#</th>"
                      "<th class=\"id\">document</th><th title=\"quality\">quality</th>");
    for (size_t c = 0; c < N_FIELDS; c++)
        buf_printf(p, "<th title=\"%s\">%s</th>", field_names[columns[c].field], columns[c].heading);
    buf_append_str(p, "</tr></thead>\n<tbody>\n");
    if (flush_page(h, err, errlen) < 0 || copy_rows(h, err, errlen) < 0)
        return -1;
    buf_append_str(p, "</tbody>\n<tfoot>\n");
    append_row(p, "total", NULL, true, t, q);
    buf_printf(p,
               "</tfoot>\n</table></div>\n</section>\n"
               "<footer>Written by mtclean %s. A self-contained page: no script, nothing loaded from "
               "elsewhere.</footer>\n</body>\n</html>\n",
               mtc_version());
    if (flush_page(h, err, errlen) < 0)
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
    if (h->rows)
        fclose(h->rows);
    buf_free(&h->section);
    buf_free(&h->page);
    free(h);
}
