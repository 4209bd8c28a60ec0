/* Segment scoring: how much French, English and junk a segment holds. */
#ifndef MTC_SCORE_H
#define MTC_SCORE_H
#include "settings.h"
#include "labeller.h"
#include "lexicon.h"
#include "mtclean.h"
#include "words.h"

typedef enum { LABEL_CLEAN, LABEL_MIXED, LABEL_BOILERPLATE, LABEL_ENGLISH } seg_label;

typedef struct seg_score {
    unsigned fr, en, both, unknown, junk, skipped, switches;
    unsigned en_function;     /* of en: English function words (the, and, of) */
    unsigned fr_capitalised;  /* of fr: common nouns capitalised mid-sentence */
    seg_label label;          /* from the word labeller (boilerplate is decided by rules) */
    char reason[40];          /* why: see mtc_segment_info.reason */
} seg_score;

typedef struct verdict_vec {
    mtc_word_info *items;
    size_t count, cap;
} verdict_vec;

/* Scores the words of s (as tokenised into words); if verdicts is not NULL,
   also lists each scored word with its verdict. */
void score_segment(lexicon *lx, text_ctx *tc, const mtc_config *cfg, const char *s, size_t n,
                   const word_vec *words, seg_score *out, verdict_vec *verdicts);
void verdict_vec_free(verdict_vec *v);
/* How often French and English text use word w[0..n) (wordlists_use). */
void lone_use(lexicon *lx, text_ctx *tc, const char *w, size_t n, double use[3]);
unsigned seg_scored_words(const seg_score *sc);
const char *label_name(seg_label l);
#endif
