/* HTML input: charset sniffing, parsing (libxml2) and main-text extraction.
   The knowledge (which tags hold blocks or chrome, which class/id words hint
   at navigation or content, every threshold) is in rules/html.conf. */
#ifndef MTC_EXTRACT_H
#define MTC_EXTRACT_H
#include "buf.h"
#include "mtclean.h"
#include <stdbool.h>
#include <stddef.h>

/* What a tag is to the extractor (bits). */
enum {
    TAG_DROP = 1,     /* never text: script, style, nav... */
    TAG_BLOCK = 2,    /* starts and ends a block of text */
    TAG_HEADING = 4,  /* h1..h6 */
    TAG_ITEM = 8,     /* li, dd, dt */
    TAG_QUOTE = 16,   /* blockquote */
    TAG_BREAK = 32,   /* br: ends a line inside a block */
    TAG_CONTENT = 64, /* article, main: a container that announces content */
    TAG_LINK = 128,   /* a */
    TAG_CELL = 256,   /* td, th: a space between cells, a row is one block */
    TAG_IMAGE = 512   /* img: a lone block beside one is a caption */
};

typedef struct name_weight {
    char *name;
    double weight;
} name_weight;

typedef struct extract_conf {
    /* Numbers ("key = number"), every one required. */
    double min_block_chars, good_block_chars, max_link_density, good_max_link_density;
    double short_weight, bad_weight, content_bonus, hint_drop, hint_guard_share;
    double candidate_min_chars, sibling_min_share, sibling_min_score, sibling_keep_good;
    double short_either_side, bad_breaks_context, long_max_link_density;
    double split_min_candidates, split_min_share, fallback_share, hint_min_prefix;
    double dateline_max_chars, sentence_max_link_density, sentence_min_words,
        sentence_keeps_context, hint_compound_positive,
        chrome_max_words, sibling_keep_sentences, sibling_max_link_density,
        sibling_max_link_headings, sibling_teaser_lines, sibling_fill, dateline_spares_sentences, chrome_heading_box, caption_max_chars, chrome_section_prose, candidate_skip_teasers, sibling_climb, break_link_density, chrome_heading_section,
        item_min_chars, title_both_ways, link_line_max_run,
        credit_max_chars, repeat_min_chars, card_max_chars, br_joins, social_max_words, jsonld_share, jsonld_min_chars;
    double context_window, prescan_bytes, title_min_similarity;
    name_weight *tags; /* sorted by name; weight holds the TAG_ bits */
    size_t n_tags;
    name_weight *hints; /* sorted by name: class/id/role word, weight */
    size_t n_hints;
    name_weight *social; /* sorted: social network names ("social" lines) */
    size_t n_social;
} extract_conf;

/* libxml2's one-time set-up (thread-safe to call again). */
void extract_init_parser(void);
int extract_conf_load(extract_conf *c, const char *path, char *err, size_t errlen);
void extract_conf_free(extract_conf *c);
/* TAG_ bits of a (lower-case) tag name. */
unsigned extract_tag_bits(const extract_conf *c, const char *name);
/* Sum of the hint weights of the words of an attribute value (class, id...). */
double extract_hint_score(const extract_conf *c, const char *value);
/* The same over a block's text, counting the words (4+ characters, not a
   number) that are no hint word. */
double extract_label_score(const extract_conf *c, const char *text, size_t *unknown);
/* Words of the text that are social network names ("social" lines). */
size_t extract_social_words(const extract_conf *c, const char *text);

/* extract_text.c: tests on a block's text s[0..n). */
size_t extract_words(const char *s, size_t n);
bool extract_full_stop(const char *s, size_t n, double min_words);
bool extract_chrome_label(const extract_conf *c, const char *s, size_t n);
bool extract_title_like(const extract_conf *c, const char *h, size_t n, const char *title);
bool extract_dateline(const char *s, size_t n);
/* Opened by a chrome label and a colon: "Lire aussi : ...", "Photo : AFP". */
bool extract_chrome_opened(const extract_conf *c, const char *s, size_t len);
/* The same, or a copyright sign in it: a photo credit, a copyright line. */
bool extract_credit_line(const extract_conf *c, const char *s, size_t len);

/* The charset to decode the bytes with, as browsers choose it: BOM, then a
   <meta> declaration in the first bytes, else UTF-8 if the bytes are valid
   UTF-8, else windows-1252. Writes an ICU converter name. */
void html_sniff_charset(const extract_conf *c, const char *p, size_t n, char *name, size_t namelen);
/* p[0..n) decoded from charset into well-formed UTF-8 without NUL bytes or a BOM. */
int html_to_utf8(const char *p, size_t n, const char *charset, buf *out, char *err, size_t errlen);

/* extract_jsonld.c: the first JSON-LD articleBody of a parsed document
   that is text (not markup), as extract_article writes text; false if none. */
bool extract_jsonld_body(void *doc, buf *out);

/* The article text of a parsed document (an xmlDocPtr), paragraphs as lines
   separated by blank lines, appended to out. */
void extract_article(const extract_conf *c, void *doc, const char *title, buf *out);
#endif
