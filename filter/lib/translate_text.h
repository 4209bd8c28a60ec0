/* Which words of a damaged segment go to the MT engine, and how its French
   is put back: English spans found from the word verdicts; the French
   written with the segment's case, spacing and apostrophes, and elided or
   contracted where it meets the words around it ("de le" -> "du"). */
#ifndef MTC_TRANSLATE_TEXT_H
#define MTC_TRANSLATE_TEXT_H
#include "buf.h"
#include "score.h"
#include "lexicon.h"
#include "strmap.h"

typedef struct tr_span {
    size_t start, end;
} tr_span;

/* dicts/fr-junctions.txt: "a b => ab" contractions and "a => a’" elisions;
   dicts/fr-english-phrases.txt: English phrases French writes as they are
   ("the place to be", "coffee shop"), never translated. */
typedef struct junctions {
    char **pair_a, **pair_b, **pair_ab;
    size_t n_pairs;
    char **elide_from, **elide_to;
    size_t n_elide;
    char **phrases;
    size_t n_phrases;
    /* dicts/fr-tu-vous.txt (translate_formal.c), by kind: TUV_SUBJECT...;
       a form's value is its index in tu_to, an ending's in tu_end_*. */
    strmap tu[6];
    char **tu_to, **tu_end_from, **tu_end_to;
    size_t n_tu_to, n_tu_end;
    strmap subj; /* dicts/fr-subject-repeat.txt: word -> kinds, 1 << SUBJ_DET... */
} junctions;
enum { TUV_SUBJECT, TUV_PRONOUN, TUV_VERB, TUV_ENDING, TUV_CLITIC, TUV_ELIDED, TUV_KINDS };
enum { SUBJ_DET, SUBJ_PRONOUN, SUBJ_STOP, SUBJ_TIME, SUBJ_KINDS };

int junctions_load(junctions *j, const char *dir, char *err, size_t errlen);
/* A copy of s as (*v)[n], *v grown to n + 1 strings (the loaders' lists). */
void tr_push(char ***v, size_t n, const char *s);
void junctions_free(junctions *j);
int formal_load(junctions *j, const char *dir, char *err, size_t errlen);
void formal_free(junctions *j);
int subject_load(junctions *j, const char *dir, char *err, size_t errlen);
void subject_free(junctions *j);

/* The reply put back at out[at] starts with "il" or "ils" and all that
   comes before it in its clause is a subject ("Le projet il est passé",
   "Elle il a contenu": the Spanish -> French pair gives every verb a
   subject, the damage often an English "it"): the pronoun goes
   (dicts/fr-subject-repeat.txt). True if it went. */
bool translate_fix_subject(const junctions *j, buf *out, size_t at);

/* The engine's French with "vous" for "tu" (Apertium's English -> Spanish
   pair says "tú"; French prose says "vous"): "tu" and its verb in the 2nd
   person plural (dicts/fr-tu-vous.txt; the dictionary checks a form made
   by an ending), "te", "ton", "tes"... as "vous", "votre", "vos". A "tu"
   whose verb has no such form leaves the reply as it is. True if changed. */
bool translate_formal(const junctions *j, lexicon *lx, buf *reply);

typedef struct span_limits {
    unsigned min_english;          /* English words a span needs */
    unsigned min_content_only;     /* ... when none is a function word ("coffee shops": a loan) */
    size_t max_bytes;              /* longest span sent */
    unsigned capitals_min_english; /* lower-case English words that make capitals in spans fair game */
    double capitals_min_share;     /* ... and their share of the English and French words */
    unsigned english_min_french;   /* an english segment: French words that make it damage */
    unsigned clause_min_english;   /* a span this long ... */
    unsigned clause_min_function;  /* ... with this many function words is damage, capitals and all */
    const junctions *phrases;      /* English phrases French uses (may be NULL) */
    const strmap *noun_markers;    /* words after which a word is a noun (may be NULL) */
    const wordlists *lists;        /* the function word lists (may be NULL) */
} span_limits;

/* The English spans of s: runs of words the labeller takes for English in
   their sentence (names may sit inside) with no sentence mark or
   quotation mark inside, each within the limits and none of them a title,
   a name, a quotation, code or a phrase French borrows. english: the
   segment was labelled english; its spans are sent only if it holds
   French words (damage, not an English sentence). Returns how many were
   written to out (at most cap). */
size_t translate_find_spans(const char *s, size_t n, const verdict_vec *v, const span_limits *lim, bool english,
                            tr_span *out, size_t cap);

/* A title or a list of names ("Total War Battles: Kingdom", "World of
   Triche"): every word that is not a function word capitalised, two at
   least. --translate-english leaves such a segment as it is. */
bool translate_title_like(const wordlists *wl, const char *s, size_t n, const verdict_vec *v);

/* A phrase of dicts/fr-english-phrases.txt overlaps s[a, b). */
bool translate_in_phrase(const junctions *j, const char *s, size_t n, size_t a, size_t b);

/* Whether the segment start (or a sentence mark) comes before byte at,
   blanks and opening quotation marks aside. */
bool tr_sentence_start(const char *s, size_t at);

/* Words of the reply fr marked unknown ('*') by the last pair that the
   span s[a, b) does not hold: the pivot language left in ("ciberespacio").
   *words: the reply's words. */
unsigned translate_leaks(const char *s, size_t a, size_t b, const char *fr, size_t frn, unsigned *words);

/* Appends the French fr for the span of s that starts at span_start to
   out (which holds s up to the span): trimmed, spaces collapsed, the first
   letter's case as the span's (a capital at a sentence start), the
   segment's apostrophe, elided or contracted with the word before. */
void translate_put(buf *out, const char *s, size_t n, size_t span_start, const char *fr, size_t frn);
/* Elides or contracts the words meeting at out[at] ("de" + "États" ->
   "d’États"); call once the text after the span is written too. */
void translate_fix_junction(const junctions *j, buf *out, size_t at);
#endif
