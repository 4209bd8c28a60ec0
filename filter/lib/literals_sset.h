/* The string sets of the required-literals analysis (literals_sset.c) and
   what the walk of a pattern (literals_parse.c) knows of a node. Internal
   to the literals module. */
#ifndef MTC_LITERALS_SSET_H
#define MTC_LITERALS_SSET_H
#include "literals.h"

/* A set of strings during the analysis. */
typedef struct sset {
    unsigned n;
    bool caseless; /* ASCII letters in lower case, compared caselessly */
    uint8_t len[LIT_MAX_STRINGS];
    char s[LIT_MAX_STRINGS][LIT_MAX_LEN];
} sset;

/* What is known of a node. */
typedef struct info {
    bool exact_ok, req_ok;
    sset exact;  /* every match is one of these (the empty string too) */
    sset req;    /* every match contains one of these (none empty) */
    sset prefix; /* every match starts with one of these ({""}: unknown) */
    byteset bytes; /* every match contains these (caseless: ASCII in lower case) */
} info;

static inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

/* ASCII letters to lower case, the set then compared caselessly. */
void sset_lower(sset *a);
/* Adds a string (already in the set's case); false if the set is full. */
bool sset_add(sset *a, const char *s, size_t n);
bool sset_has_empty(const sset *a);
/* The set of one string. */
void sset_one(sset *a, const char *s, size_t n, bool caseless);
/* The empty string, neutral in concatenation. */
void sset_empty(sset *a);
/* a = a ∪ b; false (a undefined) if that is too many strings. */
bool sset_union(sset *a, const sset *b);
/* a = a × b (every string of a followed by every one of b); false (a
   unchanged) if that is too many strings or too long ones. */
bool sset_cross(sset *a, const sset *b);
/* For a required set: a string that contains another member adds nothing;
   for a set of prefixes, one that starts with another. */
void sset_minimize(sset *a, bool prefixes);
/* Makes cand the node's required set if it is one and better. */
void info_consider(info *x, const sset *cand);
#endif
