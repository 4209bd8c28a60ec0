/* Dictionary repairs of MT damage in a segment labelled mixed: French
   function words and articles (with the gender and number Hunspell gives) in
   place of spliced English ones, a capital MT left after an English word,
   a word MT split in two, a phrase MT repeated. Rule-file rewrites run after
   these.

   Do no harm: each repair needs evidence that the text is MT damage, not
   French (see repair.c); a clean sentence the labeller took for mixed must
   come out unchanged. */
#ifndef MTC_REPAIR_H
#define MTC_REPAIR_H
#include "buf.h"
#include "lexicon.h"
#include "score.h"
#include "translate_text.h"

typedef enum {
    REPAIR_CAPITALISED,
    REPAIR_ARTICLE,
    REPAIR_FUNCTION_WORD,
    REPAIR_SPLIT_WORD,
    REPAIR_REPEATED,
    REPAIR_KINDS
} repair_kind;

typedef struct repair_counts {
    unsigned n[REPAIR_KINDS];
} repair_counts;

extern const char *const repair_names[REPAIR_KINDS];

/* An English determiner (one or two words) and its French forms by the
   noun's agreement: masculine, masculine before a vowel, feminine, feminine
   before a vowel, plural (NULL: none). */
enum { DET_MASC, DET_MASC_VOWEL, DET_FEM, DET_FEM_VOWEL, DET_PLURAL, DET_FORMS };
typedef struct det_entry {
    char *en[2]; /* en[1] NULL for a single word */
    char *fr[DET_FORMS];
} det_entry;

/* Word lists repair decides with (dicts/repair-*.txt), loaded once. */
typedef struct repair_data {
    strmap noun_markers;  /* after these a word is a noun: "son but", "le for intérieur" */
    strmap name_links;    /* inside names: "Banque de France", "Stade de France" */
    strmap verb_contexts; /* after these "a" is English: "pour a", "est a" */
    det_entry *dets;
    size_t n_dets;
} repair_data;

int repair_data_load(repair_data *rd, text_ctx *tc, const char *dir, char *err, size_t errlen);
void repair_data_free(repair_data *rd);

typedef struct repair_input {
    lexicon *lx;
    text_ctx *tc;
    const wordlists *wl;
    const repair_data *rd;
    const char *s; /* the segment (NFC) and its scored words */
    size_t n;
    const verdict_vec *words;
    const junctions *phrases; /* English phrases French uses: no edit inside (may be NULL) */
} repair_input;

/* Rewrites in->s into out; counts what changed. */
void repair_words(const repair_input *in, buf *out, repair_counts *counts);
/* Removes the first copy of a phrase of at least min_words words that MT
   wrote twice with at most max_gap words between. Returns 1 if it did. */
int repair_repeated_phrase(buf *text, size_t min_words, size_t max_gap);
#endif
