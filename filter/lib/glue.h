/* French words run together by MT ("cetavantage", "précisel'usage",
   "deGNU"): split into pieces French knows. */
#ifndef MTC_GLUE_H
#define MTC_GLUE_H
#include "buf.h"
#include "lexicon.h"
#include <stdbool.h>

typedef struct glue_lex {
    const wordlists *lists;
    buf *scratch;
    lexicon *lex; /* French spell checks, memoised: lexicon_spell_fr() */
} glue_lex;

/* w (n bytes) is unknown to both dictionaries: is it French words glued? */
bool glued(const glue_lex *lx, const char *w, size_t n);
/* Only the glue at a change of case ("deGNU", "RPCqui"): for capitalised
   words, which are names when they merely split ("Dupont"). */
bool glued_capital(const glue_lex *lx, const char *w, size_t n);
#endif
