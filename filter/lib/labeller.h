/* The word labeller: a language for every word of a segment, from each
   word's evidence (lexicon_evidence) and its neighbours' (a Viterbi pass
   with a cost for switching language), and the segment's label from the
   spans of English it finds. */
#ifndef MTC_LABELLER_H
#define MTC_LABELLER_H
#include "lexicon.h"
#include "lone.h"
#include "mtclean.h"
#include "settings.h"

typedef struct label_unit {
    word_evidence ev;
    bool initial;        /* first word of the segment or of a quotation */
    unsigned quote;      /* inside quotation marks: which quotation (from 1), else 0 */
    mtc_word_lang lang;  /* the labeller's answer */
    float margin;        /* English minus French emission (nats) */
    char head;           /* the word's first letter, ASCII lower case, else 0 */
    char acronym[8];     /* an acronym's letters in lower case ("PV": "pv"), else "" */
} label_unit;

/* SEG_CLEAN: nothing found; SEG_CITED: clean by an exception (an English
   title, a quotation, an acronym's expansion), which later checks (the
   fluency model) leave as it is. */
typedef enum { SEG_CLEAN, SEG_CITED, SEG_MIXED, SEG_ENGLISH } seg_verdict;

/* Labels the n units; returns the segment's verdict and writes its reason. */
seg_verdict label_units(const mtc_config *cfg, label_unit *u, size_t n, char *reason, size_t reason_len);
/* Whether labelled unit i of n is one the lone-word model weighs: a
   lower-case word (or the sentence's first) labelled English, or labelled French though English
   knows it; alone (no English word or name beside it: spans, titles and
   names are the span rule's); not quoted, not a loanword, code, junk or a
   function word (the span rule weighs those). */
bool lone_candidate(const label_unit *u, size_t n, size_t i);
/* The lone-word model's features of labelled unit i of n (lone.h); use: how
   often French and English text use the word (wordlists_use). */
void lone_features(const label_unit *u, size_t n, size_t i, const double use[3], double x[LONE_N_FEATURES]);
#endif
