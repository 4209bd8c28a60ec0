/* Which words of a damaged segment go to the MT engine, and how its French
   is put back: English spans found from the word verdicts; the French
   written with the segment's case, spacing and apostrophes, and elided or
   contracted where it meets the words around it ("de le" -> "du"). */
#ifndef MTC_TRANSLATE_TEXT_H
#define MTC_TRANSLATE_TEXT_H
#include "buf.h"
#include "score.h"
#include "strmap.h"

typedef struct tr_span {
    size_t start, end;
} tr_span;

/* dicts/fr-junctions.txt: "a b => ab" contractions and "a => a’" elisions. */
typedef struct junctions {
    char **pair_a, **pair_b, **pair_ab;
    size_t n_pairs;
    char **elide_from, **elide_to;
    size_t n_elide;
} junctions;

int junctions_load(junctions *j, const char *dir, char *err, size_t errlen);
void junctions_free(junctions *j);

typedef struct span_limits {
    unsigned min_english;          /* English words a span needs */
    size_t max_bytes;              /* longest span sent */
    unsigned capitals_min_english; /* lower-case English words that make capitals in spans fair game */
    double capitals_min_share;     /* ... and their share of the English and French words */
} span_limits;

/* The English spans of s: runs of English words (names, shared and unknown
   words may sit between them) with no sentence mark or quotation mark
   inside, each within the limits. Returns how many were written to out
   (at most cap). */
size_t translate_find_spans(const char *s, size_t n, const verdict_vec *v, const span_limits *lim, tr_span *out,
                            size_t cap);

/* Appends the French fr for the span of s that starts at span_start to
   out (which holds s up to the span): trimmed, spaces collapsed, the first
   letter's case as the span's (a capital at a sentence start), the
   segment's apostrophe, elided or contracted with the word before. */
void translate_put(buf *out, const char *s, size_t n, size_t span_start, const char *fr, size_t frn);
/* Elides or contracts the words meeting at out[at] ("de" + "États" ->
   "d’États"); call once the text after the span is written too. */
void translate_fix_junction(const junctions *j, buf *out, size_t at);
#endif
