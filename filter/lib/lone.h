/* The lone-English-word model: the probability that one lower-case word
   inside French is English left by MT, from the word's own evidence and its
   neighbours' labels; a logistic model whose weights dicts/fit-lone-en.py
   fits on the dev splits (word-level gold: the words MT changed) and writes
   to dicts/lone-en.txt. One English word's span evidence rarely reaches
   mixed.min_span_evidence; its probability can (mixed.lone_min_prob). */
#ifndef MTC_LONE_H
#define MTC_LONE_H
#include <stdbool.h>
#include <stddef.h>

enum { LONE_N_FEATURES = 18 };

typedef struct lone_model {
    double w[LONE_N_FEATURES];
} lone_model;

/* The features' names, as dicts/lone-en.txt spells them. */
extern const char *const lone_feature_names[LONE_N_FEATURES];

/* Reads "name weight" lines (# comments), every feature once. Returns 0, or
   -1 with err ("PATH:LINE: what"). */
int lone_load(lone_model *m, const char *path, char *err, size_t errlen);
/* The probability of the features x. */
double lone_prob(const lone_model *m, const double x[LONE_N_FEATURES]);
#endif
