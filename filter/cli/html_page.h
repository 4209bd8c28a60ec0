/* What html.c (per segment and per document) and html_summary.c (the page
   at the end) share: the report's state and the markup helpers. */
#ifndef MTC_HTML_PAGE_H
#define MTC_HTML_PAGE_H
#include "buf.h"
#include "html.h"
#include "html_store.h"
#include "output.h"
#include <stdbool.h>
#include <stdint.h>

/* Counter indexes in report order, from the library's list, so the page
   cannot miss a counter the JSON report has. */
enum {
#define HTML_FIELD_INDEX(name) F_##name,
    MTC_STATS_FIELDS(HTML_FIELD_INDEX)
#undef HTML_FIELD_INDEX
    N_FIELDS
};
extern const char *const html_field_names[N_FIELDS];

/* The documents table's counters, after quality (a section shows them all). */
#define HTML_N_ROW_COLUMNS 7
typedef struct html_column {
    int field;
    const char *heading;
} html_column;
extern const html_column html_row_columns[HTML_N_ROW_COLUMNS];

#define HIST_BINS 10

/* Why segments were marked, counted by reason ("label · rule"); a bounded
   number of distinct reasons, the rest counted together. */
typedef struct html_tally_item {
    char *key;
    uint64_t segments, docs, last_doc;
} html_tally_item;

typedef struct html_tally {
    html_tally_item *items;
    size_t count, max;
    uint64_t other_segments; /* of reasons beyond max */
} html_tally;

/* n segments of reason key in document doc (0: documents not counted). */
void html_tally_add(html_tally *t, const char *key, uint64_t n, uint64_t doc);
/* Sorts by segments, most first (ties by key). */
void html_tally_sort(html_tally *t);
/* Forgets the reasons (keeps the array for the next document). */
void html_tally_clear(html_tally *t);

struct html_report {
    const mtc_engine *engine;
    mtc_mode mode;
    writer out;
    bool out_open;
    html_store store;
    buf section, page, row, key; /* the current document's text; markup on its way; scratch */
    bool in_para;
    uint64_t hidden_segments;  /* of the current document, beyond the section cap */
    bool has_text, dropped;    /* of the current document (html_doc_status) */
    html_tally doc_reasons;    /* of the current document */
    /* The whole run. */
    html_tally reasons;
    uint64_t n_docs, n_no_text, n_dropped, total[N_FIELDS], hist[HIST_BINS];
    uint64_t *rule_hits;
    uint64_t not_shown, not_shown_no_text;
    double not_shown_min_quality; /* of those with text */
};

/* Appends s as HTML text or attribute value (see html_markup.c). */
/* The page's head (doctype, style sheet, up to <body>) and the legend of
   its colours (html_markup.c). */
extern const char html_page_head[], html_legend[];
void html_esc(buf *b, const char *s, size_t n);
void html_esc_str(buf *b, const char *s);
/* v with thousands separators: 3,612. */
void html_append_count(buf *b, uint64_t v);
const char *html_quality_class(double q);
/* The summary, the table, the kept sections and the end of the page. */
int html_write_page(html_report *h, char *err, size_t errlen);
#endif
