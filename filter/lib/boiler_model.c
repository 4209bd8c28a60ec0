/* The boilerplate classifier's data: word classes (rules/boiler.words),
   weights (rules/boiler.weights), and the per-document set of line keys. */
#include "boiler.h"
#include "fsutil.h"
#include "lines.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const class_names[] = {"stop-fr", "stop-en", "ui", "time", "verb", "you", "not-imperative"};

#define BOILER_NAME(name) #name,
static const char *const feature_names[] = {BOILER_FEATURES(BOILER_NAME) BOILER_CONTEXT(BOILER_NAME)};
#undef BOILER_NAME

const char *boiler_feature_name(size_t i) { return i < BOILER_N2 ? feature_names[i] : "?"; }

/* A cheap test before the map: most words of a text are in no list. */
static size_t filter_bit(const char *w, size_t n)
{
    return ((size_t)(unsigned char)w[0] * 31 + (size_t)(unsigned char)w[n - 1] * 7 + n * 131 +
            (size_t)(unsigned char)w[n / 2] * 17) % (sizeof ((boiler_model *)0)->filter * 8);
}

static bool maybe_listed(const boiler_model *m, const char *w, size_t n)
{
    size_t b = filter_bit(w, n);
    return m->filter[b / 8] >> (b % 8) & 1;
}

/* Words of up to 8 bytes (most listed words, and every stopword) live in a
   small table keyed by the word's bytes as one number: the scan looks up
   every word of every line, so the lookup must be a few instructions. */
static uint64_t pack_word(const char *w, size_t n)
{
    uint64_t v = 0;
    for (size_t k = 0; k < n; k++)
        v |= (uint64_t)(unsigned char)w[k] << (8 * k);
    return v;
}

static size_t short_slot(const boiler_model *m, uint64_t key)
{
    size_t mask = sizeof m->short_keys / sizeof m->short_keys[0] - 1;
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 40) & mask;
    while (m->short_keys[i] && m->short_keys[i] != key)
        i = (i + 1) & mask;
    return i;
}

int boiler_word_classes(const boiler_model *m, const char *w, size_t n)
{
    int cls = 0;
    if (n <= 8) {
        size_t i = short_slot(m, pack_word(w, n));
        return m->short_keys[i] ? m->short_cls[i] : 0;
    }
    if (maybe_listed(m, w, n))
        strmap_get(&m->words, w, n, &cls);
    return cls;
}

static int add_word(boiler_model *m, const char *w, size_t n, int bit, const char *path, int lineno, char *err,
                    size_t errlen)
{
    if (n > 8) {
        int bits = 0;
        strmap_get(&m->words, w, n, &bits);
        strmap_put(&m->words, w, n, bits | bit);
        size_t b = filter_bit(w, n);
        m->filter[b / 8] |= (unsigned char)(1u << (b % 8));
        return 0;
    }
    size_t i = short_slot(m, pack_word(w, n));
    if (!m->short_keys[i] && ++m->n_short > sizeof m->short_keys / sizeof m->short_keys[0] / 2) {
        snprintf(err, errlen, "%s:%d: more than %zu words of up to 8 bytes", path, lineno,
                 sizeof m->short_keys / sizeof m->short_keys[0] / 2);
        return -1;
    }
    m->short_keys[i] = pack_word(w, n);
    m->short_cls[i] |= (unsigned char)bit;
    return 0;
}

/* One "CLASS word" line of boiler.words into the map (a word may have several classes). */
static int add_word_line(boiler_model *m, char *line, const char *path, int lineno, char *err, size_t errlen)
{
    char *sp = strchr(line, ' ');
    if (!sp || !sp[1] || strchr(sp + 1, ' ')) {
        snprintf(err, errlen, "%s:%d: expected \"CLASS word\"", path, lineno);
        return -1;
    }
    *sp = '\0';
    for (size_t c = 0; c < sizeof class_names / sizeof class_names[0]; c++) {
        if (strcmp(line, class_names[c]) != 0)
            continue;
        return add_word(m, sp + 1, strlen(sp + 1), 1 << c, path, lineno, err, errlen);
    }
    snprintf(err, errlen, "%s:%d: unknown word class '%s'", path, lineno, line);
    return -1;
}

/* Calls fn on every line that is not empty or a '#' comment; -1 stops. */
static int each_line(const char *path, int (*fn)(boiler_model *, char *, const char *, int, char *, size_t),
                     boiler_model *m, char *err, size_t errlen)
{
    data_lines d;
    int rc = data_file_open(&d, path, DATA_HASH_LINES, err, errlen);
    while (rc >= 0 && (rc = data_lines_next(&d)) > 0)
        if (d.len && (rc = fn(m, d.line, path, d.lineno, err, errlen)) < 0)
            break;
    data_lines_close(&d);
    return rc < 0 ? -1 : 0;
}

/* "stage1 NAME WEIGHT" or "stage2 NAME WEIGHT"; a weight given twice is an error. */
static int add_weight_line(boiler_model *m, char *line, const char *path, int lineno, char *err, size_t errlen)
{
    char stage[16], name[64], extra[2];
    double w;
    if (sscanf(line, "%15s %63s %lf %1s", stage, name, &w, extra) != 3 || !isfinite(w) ||
        (strcmp(stage, "stage1") && strcmp(stage, "stage2"))) {
        snprintf(err, errlen, "%s:%d: expected \"stage1|stage2 FEATURE WEIGHT\"", path, lineno);
        return -1;
    }
    bool second = stage[5] == '2';
    size_t n = second ? BOILER_N2 : BOILER_N1;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(name, feature_names[i]) != 0)
            continue;
        double *slot = second ? &m->w2[i] : &m->w1[i];
        if (!isnan(*slot)) {
            snprintf(err, errlen, "%s:%d: weight of '%s' given twice", path, lineno, name);
            return -1;
        }
        *slot = w;
        return 0;
    }
    snprintf(err, errlen, "%s:%d: unknown feature '%s'", path, lineno, name);
    return -1;
}

int boiler_words_load(boiler_model *m, const char *rules_dir, char *err, size_t errlen)
{
    memset(m, 0, sizeof *m);
    for (size_t i = 0; i < BOILER_N2; i++) /* NAN: not given yet */
        m->w2[i] = NAN;
    for (size_t i = 0; i < BOILER_N1; i++)
        m->w1[i] = NAN;
    buf path = {0};
    buf_printf(&path, "%s/boiler.words", rules_dir);
    int rc = each_line(path.data, add_word_line, m, err, errlen);
    buf_clear(&path);
    buf_printf(&path, "%s/boiler.vocab", rules_dir);
    if (rc == 0)
        rc = boiler_vocab_load(m, path.data, err, errlen);
    buf_clear(&path);
    buf_printf(&path, "%s/boiler.lexicon", rules_dir);
    if (rc == 0)
        rc = boiler_lexicon_load(m, path.data, err, errlen);
    buf_free(&path);
    return rc;
}

/* "word<TAB>number" with |number| <= clip into map (x VOCAB_SCALE): the
   vocabulary's log-odds and the lexicon's weights. */
static int add_word_value(strmap *map, double clip, const char *what, char *line, const char *path, int lineno,
                          char *err, size_t errlen)
{
    char *tab = strchr(line, '\t'), *end;
    double v = tab ? strtod(tab + 1, &end) : NAN;
    if (!tab || tab == line || !tab[1] || *end || !isfinite(v) || fabs(v) > clip || strchr(line, ' ')) {
        snprintf(err, errlen, "%s:%d: expected \"word<TAB>%s\" (|%s| <= %g)", path, lineno, what, what, clip);
        return -1;
    }
    size_t n = (size_t)(tab - line);
    int old;
    if (strmap_get(map, line, n, &old)) {
        snprintf(err, errlen, "%s:%d: word '%.*s' given twice", path, lineno, (int)n, line);
        return -1;
    }
    if (map->count >= VOCAB_MAX_WORDS) {
        snprintf(err, errlen, "%s:%d: more than %d words", path, lineno, VOCAB_MAX_WORDS);
        return -1;
    }
    strmap_put(map, line, n, (int)lround(v * VOCAB_SCALE));
    return 0;
}

static int add_vocab_line(boiler_model *m, char *line, const char *path, int lineno, char *err, size_t errlen)
{
    return add_word_value(&m->vocab, VOCAB_CLIP, "log-odds", line, path, lineno, err, errlen);
}

/* The scan looks a word up in the lexicon only when the vocabulary has it
   (most words are in neither): a lexicon word must be a vocabulary word. */
static int add_lexicon_line(boiler_model *m, char *line, const char *path, int lineno, char *err, size_t errlen)
{
    char *tab = strchr(line, '\t');
    int v;
    if (tab && !strmap_get(&m->vocab, line, (size_t)(tab - line), &v)) {
        snprintf(err, errlen, "%s:%d: word '%.*s' is not in boiler.vocab", path, lineno, (int)(tab - line), line);
        return -1;
    }
    return add_word_value(&m->lexicon, LEXICON_CLIP, "weight", line, path, lineno, err, errlen);
}

int boiler_vocab_load(boiler_model *m, const char *path, char *err, size_t errlen)
{
    strmap_free(&m->vocab);
    memset(&m->vocab, 0, sizeof m->vocab);
    return each_line(path, add_vocab_line, m, err, errlen);
}

int boiler_lexicon_load(boiler_model *m, const char *path, char *err, size_t errlen)
{
    strmap_free(&m->lexicon);
    memset(&m->lexicon, 0, sizeof m->lexicon);
    return each_line(path, add_lexicon_line, m, err, errlen);
}

int boiler_model_load(boiler_model *m, const char *rules_dir, char *err, size_t errlen)
{
    int rc = boiler_words_load(m, rules_dir, err, errlen);
    buf path = {0};
    buf_printf(&path, "%s/boiler.weights", rules_dir);
    if (rc == 0)
        rc = each_line(path.data, add_weight_line, m, err, errlen);
    for (size_t i = 0; rc == 0 && i < BOILER_N2; i++) {
        if (isnan(m->w2[i]) || (i < BOILER_N1 && isnan(m->w1[i]))) {
            snprintf(err, errlen, "%s: no weight for feature '%s' (stage %d)", path.data, feature_names[i],
                     isnan(m->w2[i]) ? 2 : 1);
            rc = -1;
        }
    }
    buf_free(&path);
    m->loaded = rc == 0;
    return rc;
}

void boiler_model_free(boiler_model *m)
{
    strmap_free(&m->words);
    strmap_free(&m->vocab);
    strmap_free(&m->lexicon);
}

void boiler_doc_init(boiler_doc *d, size_t max_lines, size_t scan_bytes)
{
    memset(d, 0, sizeof *d);
    d->max = max_lines;
    d->scan_bytes = scan_bytes;
}

void boiler_doc_reset(boiler_doc *d)
{
    if (d->seen)
        memset(d->seen, 0, d->cap * sizeof *d->seen);
    d->count = 0;
    d->line_index = 0;
    d->prose_lines = d->since_prose = d->shape_run = d->last_shape = 0;
    memset(d->prose_bag, 0, sizeof d->prose_bag);
    memset(d->all_bag, 0, sizeof d->all_bag);
}

void boiler_doc_free(boiler_doc *d) { free(d->seen); }

/* Whether the hash was seen before in this document; remembers it while there is room. */
bool boiler_doc_seen(boiler_doc *d, uint64_t h)
{
    h |= 1; /* 0 marks an empty slot */
    if (d->cap == 0) {
        if (d->max == 0)
            return false;
        d->cap = 64;
        d->seen = xcalloc(d->cap, sizeof *d->seen);
    }
    size_t i = (size_t)h & (d->cap - 1);
    for (; d->seen[i]; i = (i + 1) & (d->cap - 1))
        if (d->seen[i] == h)
            return true;
    if (d->count >= d->max)
        return false;
    d->seen[i] = h;
    if (++d->count * 2 > d->cap) { /* grow: rehash into twice the slots */
        uint64_t *old = d->seen;
        size_t oldcap = d->cap;
        d->cap *= 2;
        d->seen = xcalloc(d->cap, sizeof *d->seen);
        for (size_t k = 0; k < oldcap; k++) {
            if (!old[k])
                continue;
            size_t j = (size_t)old[k] & (d->cap - 1);
            while (d->seen[j])
                j = (j + 1) & (d->cap - 1);
            d->seen[j] = old[k];
        }
        free(old);
    }
    return false;
}

