/* rules/html.conf: numbers, tag classes and class/id hint words. */
#include "extract.h"
#include "fsutil.h"
#include "lines.h"
#include "settings.h"
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The weight of a "hint split" word: not a number a file can give. */
#define HINT_SPLIT (-1e9)

#define NUM(k, field, lo, hi) {k, offsetof(extract_conf, field), lo, hi}
static const number_setting numbers[] = {
    NUM("block.min_chars", min_block_chars, 0, 1e6),
    NUM("block.good_chars", good_block_chars, 1, 1e6),
    NUM("block.max_link_density", max_link_density, 0, 1),
    NUM("block.good_max_link_density", good_max_link_density, 0, 1),
    NUM("container.short_weight", short_weight, 0, 100),
    NUM("container.bad_weight", bad_weight, 0, 100),
    NUM("container.content_bonus", content_bonus, 0, 100),
    NUM("candidate.min_chars", candidate_min_chars, 0, 1e6),
    NUM("sibling.min_share", sibling_min_share, 0, 1e6),
    NUM("sibling.min_score", sibling_min_score, 0, 1e6),
    NUM("sibling.keep_good", sibling_keep_good, 0, 1),
    NUM("output.short_either_side", short_either_side, 0, 1),
    NUM("output.bad_breaks_context", bad_breaks_context, 0, 1),
    NUM("block.long_max_link_density", long_max_link_density, 0, 1),
    NUM("split.min_candidates", split_min_candidates, 0, 1000),
    NUM("split.min_share", split_min_share, 0, 1),
    NUM("container.fallback_share", fallback_share, 0, 1),
    NUM("hint.min_prefix", hint_min_prefix, 0, 64),
    NUM("output.dateline_max_chars", dateline_max_chars, 0, 1e6),
    NUM("hint.drop_at", hint_drop, -1e6, 0),
    NUM("hint.compound_positive", hint_compound_positive, 0, 1),
    NUM("block.chrome_max_words", chrome_max_words, 0, 1000),
    NUM("sibling.keep_sentences", sibling_keep_sentences, 0, 1),
    NUM("sibling.max_link_density", sibling_max_link_density, 0, 1),
    NUM("sibling.max_link_headings", sibling_max_link_headings, 0, 1e6),
    NUM("sibling.teaser_lines", sibling_teaser_lines, 0, 100),
    NUM("sibling.fill", sibling_fill, 0, 1),
    NUM("output.dateline_spares_sentences", dateline_spares_sentences, 0, 1),
    NUM("output.chrome_heading_box", chrome_heading_box, 0, 1),
    NUM("candidate.caption_max_chars", caption_max_chars, 0, 1e6),
    NUM("output.chrome_section_prose", chrome_section_prose, 0, 1),
    NUM("candidate.skip_teasers", candidate_skip_teasers, 0, 1),
    NUM("sibling.climb_wrappers", sibling_climb, 0, 1),
    NUM("output.break_link_density", break_link_density, 0, 1),
    NUM("output.chrome_heading_section", chrome_heading_section, 0, 1000),
    NUM("block.item_min_chars", item_min_chars, 0, 1e6),
    NUM("output.title_both_ways", title_both_ways, 0, 1),
    NUM("output.link_line_max_run", link_line_max_run, 0, 1000),
    NUM("output.credit_max_chars", credit_max_chars, 0, 1e6),
    NUM("output.repeat_min_chars", repeat_min_chars, 0, 1e6),
    NUM("output.card_max_chars", card_max_chars, 0, 1e6),
    NUM("block.br_joins", br_joins, 0, 1),
    NUM("jsonld.fallback_share", jsonld_share, 0, 1),
    NUM("jsonld.min_chars", jsonld_min_chars, 0, 1e9),
    NUM("block.social_max_words", social_max_words, 0, 1000),
    NUM("block.sentence_max_link_density", sentence_max_link_density, 0, 1),
    NUM("block.sentence_min_words", sentence_min_words, 0, 1e6),
    NUM("output.sentence_keeps_context", sentence_keeps_context, 0, 1),
    NUM("hint.guard_share", hint_guard_share, 0, 1),
    NUM("output.context_window", context_window, 0, 100),
    NUM("output.title_min_similarity", title_min_similarity, 0, 1),
    NUM("charset.prescan_bytes", prescan_bytes, 64, 1e7),
};
#define N_NUMBERS (sizeof numbers / sizeof numbers[0])

static const struct {
    const char *word;
    unsigned bits;
} tag_classes[] = {
    {"drop", TAG_DROP},   {"block", TAG_BLOCK},     {"heading", TAG_HEADING | TAG_BLOCK},
    {"item", TAG_ITEM | TAG_BLOCK}, {"quote", TAG_QUOTE | TAG_BLOCK}, {"break", TAG_BREAK},
    {"content", TAG_CONTENT | TAG_BLOCK}, {"link", TAG_LINK}, {"cell", TAG_CELL}, {"image", TAG_IMAGE},
};

static int cmp_nw(const void *a, const void *b)
{
    return strcmp(((const name_weight *)a)->name, ((const name_weight *)b)->name);
}

static void add_name(name_weight **v, size_t *n, const char *name, double w)
{
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[*n].name = xstrdup(name);
    (*v)[(*n)++].weight = w;
}

/* Merges duplicates (tag bits OR'ed, hint weights: the last one) after sorting. */
static void sort_names(name_weight *v, size_t *n, bool bits)
{
    qsort(v, *n, sizeof *v, cmp_nw);
    size_t out = 0;
    for (size_t i = 0; i < *n; i++) {
        if (out && strcmp(v[out - 1].name, v[i].name) == 0) {
            v[out - 1].weight = bits ? (double)((unsigned)v[out - 1].weight | (unsigned)v[i].weight) : v[i].weight;
            free(v[i].name);
            continue;
        }
        v[out++] = v[i];
    }
    *n = out;
}

/* "tag CLASS NAME...", "hint WEIGHT WORD..." or "social WORD...". */
static const char *list_line(extract_conf *c, char *words)
{
    char *save, *kind = strtok_r(words, " \t", &save), *arg = strtok_r(NULL, " \t", &save);
    if (!kind || !arg)
        return "expected 'key = number', 'tag CLASS NAME...' or 'hint WEIGHT WORD...'";
    if (strcmp(kind, "tag") == 0) {
        size_t k;
        for (k = 0; k < sizeof tag_classes / sizeof *tag_classes && strcmp(tag_classes[k].word, arg) != 0; k++)
            ;
        if (k == sizeof tag_classes / sizeof *tag_classes)
            return "unknown tag class";
        for (char *t; (t = strtok_r(NULL, " \t", &save));)
            add_name(&c->tags, &c->n_tags, t, tag_classes[k].bits);
        return NULL;
    }
    if (strcmp(kind, "social") == 0) { /* no weight: every word is a network */
        for (char *t = arg; t; t = strtok_r(NULL, " \t", &save))
            add_name(&c->social, &c->n_social, t, 1);
        return NULL;
    }
    if (strcmp(kind, "hint") != 0)
        return "unknown line kind";
    char *stop;
    double w = strcmp(arg, "split") == 0 ? HINT_SPLIT : strtod(arg, &stop);
    if (w != HINT_SPLIT && (*stop || !isfinite(w) || fabs(w) > 1000))
        return "hint weight is not a number (or 'split')";
    for (char *t; (t = strtok_r(NULL, " \t", &save));)
        add_name(&c->hints, &c->n_hints, t, w);
    return NULL;
}

/* One line, its comment cut and blank lines skipped by the reader. */
static const char *conf_line(extract_conf *c, char *s, bool *seen)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    char *key, *val;
    if (!split_key_value(s, &key, &val))
        return list_line(c, s);
    return number_setting_set(numbers, N_NUMBERS, c, key, val, seen);
}

int extract_conf_load(extract_conf *c, const char *path, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    bool seen[N_NUMBERS] = {0};
    data_lines d;
    int rc = data_file_open(&d, path, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    while (rc >= 0 && (rc = data_lines_next(&d)) > 0) {
        const char *problem = conf_line(c, d.line, seen);
        if (problem) {
            rc = data_lines_fail(&d, "%s", problem);
            break;
        }
    }
    data_lines_close(&d);
    const char *missing = rc < 0 ? NULL : number_setting_missing(numbers, N_NUMBERS, seen);
    if (missing)
        snprintf(err, errlen, "%s: missing setting '%s'", path, missing);
    if (rc < 0 || missing) {
        extract_conf_free(c);
        return -1;
    }
    sort_names(c->tags, &c->n_tags, true);
    sort_names(c->hints, &c->n_hints, false);
    sort_names(c->social, &c->n_social, false);
    return 0;
}

void extract_conf_free(extract_conf *c)
{
    for (size_t i = 0; i < c->n_tags; i++)
        free(c->tags[i].name);
    for (size_t i = 0; i < c->n_hints; i++)
        free(c->hints[i].name);
    for (size_t i = 0; i < c->n_social; i++)
        free(c->social[i].name);
    free(c->tags);
    free(c->hints);
    free(c->social);
    memset(c, 0, sizeof *c);
}

static const name_weight *find(const name_weight *v, size_t n, const char *name)
{
    name_weight key = {(char *)name, 0};
    return n ? bsearch(&key, v, n, sizeof *v, cmp_nw) : NULL;
}

unsigned extract_tag_bits(const extract_conf *c, const char *name)
{
    const name_weight *w = find(c->tags, c->n_tags, name);
    return w ? (unsigned)w->weight : 0;
}

/* A hint word, exactly, or else a negative hint word of hint.min_prefix
   letters or more that begins it (commentlist, sharedaddy, relatedposts);
   a word listed exactly (commentary 0) overrides its prefixes. */
static const name_weight *hint_word(const extract_conf *c, char *word, size_t n)
{
    const name_weight *w = find(c->hints, c->n_hints, word);
    size_t min = (size_t)c->hint_min_prefix;
    for (size_t len = n; !w && min && len-- > min;) {
        char saved = word[len];
        word[len] = '\0';
        w = find(c->hints, c->n_hints, word);
        word[len] = saved;
        if (w && (w->weight >= 0 || w->weight == HINT_SPLIT))
            w = NULL;
    }
    return w;
}

/* Words of a class or id: runs of letters and digits, also cut where a
   lower-case letter meets a capital (relatedArticles), lower-cased. */
/* Words of one class name ("article-comments", "caption-text") are added
   up, except that positive words weigh hint.compound_positive in a name
   that has a negative word too: a part of the article that is chrome is
   chrome. Class names (cut at white space, and at "hint split" words:
   content-with-sidebar is content, then sidebar) are then added up. */
/* unknown, if not NULL, counts the words of 4+ characters that are not
   hint words and not numbers (see chrome_label in extract.c). */
static double hint_score(const extract_conf *c, const char *value, size_t *unknown)
{
    double sum = 0, neg = 0, pos = 0;
    char word[64];
    size_t n = 0;
    bool digits = true;
    for (const char *p = value;; p++) {
        unsigned char ch = (unsigned char)*p;
        bool alnum = ch < 0x80 && isalnum(ch);
        bool cut = !alnum || (n && isupper(ch) && islower((unsigned char)p[-1]));
        if (cut && n) {
            word[n < sizeof word ? n : sizeof word - 1] = '\0';
            const name_weight *w = n < sizeof word ? hint_word(c, word, n) : NULL;
            bool split = w && w->weight == HINT_SPLIT;
            if (unknown && !w && !digits && n > 3)
                ++*unknown;
            if (split) {
                sum += neg + (neg < 0 ? c->hint_compound_positive : 1) * pos;
                neg = pos = 0;
            } else if (w && w->weight < 0)
                neg += w->weight;
            else if (w)
                pos += w->weight;
            n = 0;
            digits = true;
        }
        if (!ch || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
            sum += neg + (neg < 0 ? c->hint_compound_positive : 1) * pos;
            neg = pos = 0;
        }
        if (!ch)
            break;
        if (alnum) {
            if (n < sizeof word)
                word[n] = (char)tolower(ch);
            n++;
            digits = digits && isdigit(ch);
        }
    }
    return sum;
}

double extract_hint_score(const extract_conf *c, const char *value) { return hint_score(c, value, NULL); }

double extract_label_score(const extract_conf *c, const char *text, size_t *unknown)
{
    *unknown = 0;
    return hint_score(c, text, unknown);
}

size_t extract_social_words(const extract_conf *c, const char *text)
{
    size_t found = 0, n = 0;
    char word[32];
    for (const char *p = text;; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch < 0x80 && isalnum(ch)) {
            if (n < sizeof word - 1)
                word[n] = (char)tolower(ch);
            n++;
            continue;
        }
        if (n && n < sizeof word) {
            word[n] = '\0';
            found += find(c->social, c->n_social, word) != NULL;
        }
        n = 0;
        if (!ch)
            return found;
    }
}
