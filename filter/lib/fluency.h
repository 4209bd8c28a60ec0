/* Fluency: how French word sequences look (dicts/fluency.txt, made by
   dicts/build-fluency.py from Debian-packaged French text). Machine
   translation that leaves only French words ("qu'il est importants",
   "problèmes qu'il") joins common words that French text keeps apart. */
#ifndef MTC_FLUENCY_H
#define MTC_FLUENCY_H
#include "strmap.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct fluency {
    strmap words; /* word -> count in the training text */
    strmap pairs; /* "w1 w2" -> count */
    double total; /* tokens of the training text */
    double floor; /* pairs expected fewer times than this were not kept */
} fluency;

/* What decides a suspect pair (rules/default.conf, fluency.*). */
typedef struct fluency_params {
    double min_expected; /* chance would join the two words at least this often */
    double max_log_ratio; /* log((seen + 0.5) / expected) below this: suspect */
} fluency_params;

/* The segment's suspect pairs: how many, and the first one's bytes. */
typedef struct fluency_result {
    unsigned suspects;
    size_t start, len;
    double worst; /* the lowest log ratio (0 when none) */
} fluency_result;

#define FLUENCY_MAX_WORD 48 /* bytes; longer words are outside the vocabulary anyway */

/* One token of the model's reading: the word (lower case, an elision keeps
   its apostrophe), where it is, and what it is. */
typedef struct fluency_token {
    char w[FLUENCY_MAX_WORD + 2];
    size_t len, start, end;
    bool cap, digit, too_long, initial;
    bool joined; /* only spaces part it from the token before (none: an elision) */
} fluency_token;

/* The next token of s[0..n) from *i (read as build-fluency.py reads text);
   false at the end. *initial: a sentence opens (true at the start). */
bool fluency_next_token(const unsigned char *s, size_t n, size_t *i, bool *initial, fluency_token *t);
/* The token's count in the vocabulary (0: none, a number, a name inside
   the sentence, or too long). */
int fluency_count(const fluency *f, const fluency_token *t);

int fluency_load(fluency *f, const char *path, char *err, size_t errlen);
void fluency_free(fluency *f);
/* Scores s[0..n): pairs of words of the vocabulary that only spaces part,
   within a sentence. */
void fluency_score(const fluency *f, const fluency_params *p, const char *s, size_t n, fluency_result *out);
#endif
