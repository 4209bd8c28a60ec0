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
/* Log-probability (milli-nats) of the case-folded word w under language
   lang, and the number of characters scored (end of word included). */
long charlm_score(const charlm *lm, int lang, const char *w, size_t n, unsigned *chars);
#endif
