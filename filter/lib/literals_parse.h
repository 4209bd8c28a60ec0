/* The walk of a PCRE2 pattern that finds what every match holds
   (literals_parse.c). Internal to the literals module. */
#ifndef MTC_LITERALS_PARSE_H
#define MTC_LITERALS_PARSE_H
#include "literals_sset.h"

typedef struct lit_parser {
    const char *p, *end;
    bool caseless, ok;
    bool bytes_ok; /* false after (?i) and the like: bytes are lower-cased by the rule's flag only */
} lit_parser;

/* What is known of the whole pattern at lp->p; lp->ok false when it uses
   syntax the analysis does not follow. */
void literals_walk(lit_parser *lp, info *x);
#endif
