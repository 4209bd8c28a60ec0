/* The confusion-set test (the classic context-sensitive spelling method):
   an English function word that French also spells, or that MT leaves
   between French words ("cliquez on Insérer", "passe in Unstable", "une
   source of paquets"), is judged by the French word-bigram model
   (fluency.h): how much more likely the words around it are with one of
   its French counterparts (dicts/confusion-en.txt: "on sur", "a un une")
   in its place. The bigrams keep the French homographs apart: "si on",
   "il a", "le but" are French; "cliquez on", "justifier a" are not. */
#ifndef MTC_CONFUSION_H
#define MTC_CONFUSION_H
#include "fluency.h"
#include "strmap.h"
#include <stddef.h>

typedef struct confusion {
    strmap index; /* English word -> index in alts of its first French counterpart */
    char **alts;  /* French counterparts, each word's list ended by NULL */
    size_t n_alts;
} confusion;

/* What decides (rules/default.conf, confusion.*). */
typedef struct confusion_params {
    double min_log_ratio; /* the French counterpart must fit this much better (nats) */
    double french_margin; /* ... and this much more when French spells the word too ("on", "a") */
    double smoothing;     /* the weight of the unigram estimate in each bigram's, in tokens */
    const strmap *fr_function; /* French function words (dicts/function-fr.txt) */
} confusion_params;

/* The strongest substitution found in a segment. */
typedef struct confusion_result {
    double log_ratio; /* log P(context | French word) - log P(context | English word) */
    double excess;    /* log_ratio less what the word needs; the segment's best (>= 0: damage) */
    size_t start, len;  /* the English word's bytes */
    const char *french; /* the French word that fits best */
} confusion_result;

/* Reads "english french..." lines (# comments). Returns 0, or -1 with err
   ("PATH:LINE: what"). */
int confusion_load(confusion *c, const char *path, char *err, size_t errlen);
void confusion_free(confusion *c);
/* The best substitution in s[0..n): the one whose log ratio most exceeds
   what it needs (out->french NULL: no word tested). */
void confusion_score(const confusion *c, const fluency *f, const confusion_params *p, const char *s, size_t n,
                     confusion_result *out);
#endif
