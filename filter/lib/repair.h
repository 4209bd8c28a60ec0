/* Dictionary repairs of MT damage in a segment labelled mixed: lower-case
   the capitalised French nouns, put French function words and articles (with
   the gender and number Hunspell gives) in place of spliced English ones, and
   drop a phrase MT repeated. Rule-file rewrites run after these. */
#ifndef MTC_REPAIR_H
#define MTC_REPAIR_H
#include "buf.h"
#include "lexicon.h"
#include "score.h"

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

/* Rewrites s (with its scored words) into out; counts what changed. */
void repair_words(lexicon *lx, text_ctx *tc, const wordlists *wl, const char *s, size_t n,
                  const verdict_vec *words, buf *out, repair_counts *counts);
/* Removes the first copy of a phrase of at least min_words words that MT
   wrote twice with at most max_gap words between. Returns 1 if it did. */
int repair_repeated_phrase(buf *text, size_t min_words, size_t max_gap);
#endif
