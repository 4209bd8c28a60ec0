/* What repair looks at before it changes a word: the shape of the words
   around it, quotation marks, headings, names. Internal to repair.c. */
#ifndef MTC_REPAIR_EVIDENCE_H
#define MTC_REPAIR_EVIDENCE_H
#include "repair.h"
#include <stdbool.h>

/* Scratch state for one segment. */
typedef struct repair_scan {
    const repair_input *in;
    bool heading;        /* no sentence-final mark: a title, a heading, a menu */
    unsigned char *quoted; /* per word: inside quotation marks */
    unsigned char quoted_stack[128];
} repair_scan;

void repair_scan_begin(repair_scan *sc, const repair_input *in);
void repair_scan_end(repair_scan *sc);

const mtc_word_info *word_at(const repair_scan *sc, size_t i); /* NULL past either end */
/* Words a and b are separated by exactly one plain space. */
bool words_adjacent(const repair_scan *sc, const mtc_word_info *a, const mtc_word_info *b);
bool word_starts_upper(const repair_scan *sc, const mtc_word_info *w);
bool word_starts_lower(const repair_scan *sc, const mtc_word_info *w);
/* The word is, case-folded, the ASCII literal lit. */
bool word_is(const repair_scan *sc, const mtc_word_info *w, const char *lit);
/* Lower-cased ASCII copy of the word into key (size cap); false if it does not fit or is not ASCII. */
bool word_key(const repair_scan *sc, const mtc_word_info *w, char *key, size_t cap);
bool word_in(const repair_scan *sc, const mtc_word_info *w, const strmap *list);

bool verdict_french(mtc_word_verdict v);  /* French-only */
bool verdict_english(mtc_word_verdict v); /* English-only, or an English function word */

/* Word i starts a name: a capitalised word follows it, at once or after
   links such as "de", "du", "des", "d’" ("Banque de France"). */
bool followed_by_name(const repair_scan *sc, size_t i);
/* Word i is preceded by a capitalised word (inside a sequence of names). */
bool preceded_by_capital(const repair_scan *sc, size_t i);
#endif
