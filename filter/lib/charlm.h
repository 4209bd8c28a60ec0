/* Character n-gram models of French and English word spellings
   (dicts/charlm.txt, made by dicts/build-charlm.py): how French or how
   English a word looks, for words the dictionaries cannot settle. */
#ifndef MTC_CHARLM_H
#define MTC_CHARLM_H
#include "strmap.h"
#include <stddef.h>

enum { CHARLM_FR, CHARLM_EN, CHARLM_LANGS };

typedef struct charlm {
    strmap grams;             /* lang/kind byte + n-gram -> milli-nats */
    int floor[CHARLM_LANGS];  /* log-probability of an unseen character */
    int order;
} charlm;

int charlm_load(charlm *lm, const char *path, char *err, size_t errlen);
void charlm_free(charlm *lm);
/* log P(w | English) - log P(w | French), milli-nats, of the case-folded
   word w: how much more English than French its spelling looks. */
long charlm_odds(const charlm *lm, const char *w, size_t n);
#endif
