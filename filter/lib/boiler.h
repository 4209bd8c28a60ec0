/* Site-independent boilerplate classifier for lines (paragraphs), in the
   spirit of jusText: features of the line's shape and words (length,
   stopword density, punctuation, capitalised menu runs, separators, counters
   and dates, links, UI / call-to-action words), scored by a logistic
   regression whose weights rules/fit_boiler.py fits on labelled pages; a
   second regression adds the context (the neighbouring lines' scores).
   Weights: rules/boiler.weights; word classes: rules/boiler.words; per-word
   log-odds of chrome vs prose learnt from labelled pages: rules/boiler.vocab; per-word weights of a
   logistic regression on the words alone: rules/boiler.lexicon. */
#ifndef MTC_BOILER_H
#define MTC_BOILER_H
#include "buf.h"
#include "strmap.h"
#include <stdbool.h>
#include <stdint.h>

/* X(name) for each per-line feature; the names are the weights file's and --explain's. */
#define BOILER_FEATURES(X) \
    X(bias) X(log_chars) X(log_words) X(words_le2) X(words_le5) \
    X(stop_fr) X(stop_en) X(end_sentence) X(end_colon) \
    X(caps_share) X(ui_share) X(ui_any) X(ui_first) X(separators) \
    X(digit_share) X(time_words) X(link) X(glued) X(repeated) \
    X(allcaps_share) X(verb_any) X(symbol_share) X(position) \
    X(number_ui) X(first_caps) X(doubled) X(slug) X(emoji) X(caps_nostop) X(glued_share) \
    X(short_noverb) X(short_nopunct) X(ui_short) X(en_ui) X(field_colon) \
    X(you_share) X(imperative) X(ui_count) \
    X(indent) X(bullet) \
    X(vocab_mean) X(vocab_max) X(vocab_min) X(vocab_share) X(vocab_sum) X(vocab_first) \
    X(no_prose_yet) X(prose_before) X(since_prose) X(shape_run) \
    X(seen_in_prose) X(seen_before) X(no_content) X(lexicon) \
    X(glued_count) X(word_doubled) X(copyright) X(date_shape) X(caps_run) X(lower_start)
/* The context features the second stage adds. */
#define BOILER_CONTEXT(X) \
    X(prev_p) X(prev2_p) X(next_p) X(prev_none) X(next_none) \
    X(prev_words) X(next_words) X(prev_short) X(next_short)

#define BOILER_ENUM(name) BF_##name,
enum { BOILER_FEATURES(BOILER_ENUM) BOILER_N1 };
enum { BOILER_CONTEXT(BOILER_ENUM) BOILER_NCTX };
#undef BOILER_ENUM
#define BOILER_N2 (BOILER_N1 + BOILER_NCTX)

typedef struct boiler_model {
    strmap words;            /* word -> bit mask of classes */
    unsigned char filter[8192]; /* bits set by the longer words: a word whose bit is clear is in none */
    strmap vocab;            /* word -> log-odds (boilerplate vs clean) x VOCAB_SCALE */
    strmap lexicon;          /* word -> weight of a logistic regression on the words alone x VOCAB_SCALE */
    uint64_t short_keys[2048];  /* words of up to 8 bytes, as numbers (0: empty) */
    unsigned char short_cls[2048];
    size_t n_short;
    double w1[BOILER_N1];    /* stage 1: the line alone */
    double w2[BOILER_N2];    /* stage 2: the line with its neighbours */
    bool loaded;
} boiler_model;

#define BOILER_BAG_BITS 4096
#define BOILER_LINE_WORDS 48 /* content words of a line remembered for the bags, at most */

/* Per document: which line this is and the hashes of the lines seen so far
   (a bounded set: lines past its size are not tested for repetition). */
typedef struct boiler_doc {
    uint64_t *seen;
    size_t cap, count, max;
    size_t scan_bytes;   /* a longer line's features come from its first scan_bytes */
    unsigned line_index;
    /* the lines before, for the sequence features (boiler_features) */
    unsigned prose_lines, since_prose, shape_run, last_shape;
    /* the content words of the page so far, as bits of a hash: of its prose
       lines, and of all its lines (a heading shares words with the article,
       a list of other articles' headlines does not) */
    unsigned char prose_bag[BOILER_BAG_BITS / 8], all_bag[BOILER_BAG_BITS / 8];
    uint64_t key;        /* boiler_line_key of the last line boiler_features saw (if not cut) */
} boiler_doc;

/* Loads DIR/boiler.words, DIR/boiler.vocab, DIR/boiler.lexicon and DIR/boiler.weights; every weight is required.
   boiler_words_load loads the words alone (for the fitting script's features);
   boiler_vocab_load (re)loads the vocabulary from PATH ("word<TAB>log-odds" lines),
   boiler_lexicon_load the lexicon (DIR/boiler.lexicon: "word<TAB>weight" lines). */
int boiler_words_load(boiler_model *m, const char *rules_dir, char *err, size_t errlen);
int boiler_vocab_load(boiler_model *m, const char *path, char *err, size_t errlen);
int boiler_lexicon_load(boiler_model *m, const char *path, char *err, size_t errlen);
int boiler_model_load(boiler_model *m, const char *rules_dir, char *err, size_t errlen);
void boiler_model_free(boiler_model *m);
const char *boiler_feature_name(size_t i); /* stage-2 index: context names after the line's */

/* Word classes (bits) of boiler.words. */
#define VOCAB_SCALE 1000 /* log-odds are kept as ints in the map */
#define VOCAB_MAX_WORDS 200000 /* bounds the table's memory */
#define VOCAB_CLIP 4.0 /* |log-odds| of a vocabulary entry at most */
#define LEXICON_CLIP 8.0 /* |weight| of a lexicon entry at most */
enum { WC_STOP_FR = 1, WC_STOP_EN = 2, WC_UI = 4, WC_TIME = 8, WC_VERB = 16, WC_YOU = 32, WC_NOT_IMPERATIVE = 64 };
/* The classes of a lower-cased word, 0 if in no list. */
int boiler_word_classes(const boiler_model *m, const char *w, size_t n);
/* Whether the line key was seen before in the document; remembers it while there is room. */
bool boiler_doc_seen(boiler_doc *d, uint64_t key);

void boiler_doc_init(boiler_doc *d, size_t max_lines, size_t scan_bytes);
void boiler_doc_reset(boiler_doc *d);
void boiler_doc_free(boiler_doc *d);

/* The line's features (f has BOILER_N1 entries); advances d. */
void boiler_features(const boiler_model *m, boiler_doc *d, const char *s, size_t n, double *f);
/* Hash of a line's words, lower-cased, numbers and punctuation left out; 0
   for a line without words. */
uint64_t boiler_line_key(const boiler_model *m, const char *s, size_t n);
/* Stage 1 probability of the line alone. */
double boiler_stage1(const boiler_model *m, const double *f);
/* The neighbours of a line: the final probabilities of the two lines before
   (decided already; < 0: none) and the features of the one before; the
   stage-1 probability and the features of the one after (NULL: none). */
typedef struct boiler_context {
    double prev_p[2];
    const double *prev_f;
    double next_p;
    const double *next_f;
} boiler_context;

/* Stage 2 probability; ctx receives the context features (BOILER_NCTX). */
double boiler_stage2(const boiler_model *m, const double *f, const boiler_context *c, double *ctx);
/* "boiler:0.93 short,ui,caps": the probability and the features that pushed
   it most towards boilerplate. */
void boiler_reason(const boiler_model *m, const double *f, const double *ctx, double p, buf *out);
#endif
