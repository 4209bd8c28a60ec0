/* Required literals of a rule's pattern: strings one of which every match
   contains. A subject holding none of them cannot match, so the rule is
   skipped without running PCRE2 (see rule_may_match in filter/rules.h). */
#ifndef MTC_LITERALS_H
#define MTC_LITERALS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A set of byte values. */
typedef struct byteset {
    uint64_t w[4];
} byteset;

static inline bool byteset_has(const byteset *b, unsigned char c) { return (b->w[c >> 6] >> (c & 63)) & 1; }
static inline void byteset_add(byteset *b, unsigned char c) { b->w[c >> 6] |= 1ull << (c & 63); }
/* True if every byte of sub is in have. */
static inline bool byteset_within(const byteset *sub, const byteset *have)
{
    return ((sub->w[0] & ~have->w[0]) | (sub->w[1] & ~have->w[1]) | (sub->w[2] & ~have->w[2]) |
            (sub->w[3] & ~have->w[3])) == 0;
}

/* Bounds of the analysis: more strings or longer ones and it gives up
   (or keeps a shorter part of the pattern). */
#define LIT_MAX_STRINGS 16
#define LIT_MAX_LEN 32

typedef struct literal {
    byteset bytes; /* its bytes: a subject lacking one needs no search */
    uint8_t len;
    /* The search looks for two of its rarer bytes (at offsets at1, at2),
       compared after OR with fold (0x20 for a caseless letter). */
    uint8_t at1, at2;
    unsigned char b1, b2, fold1, fold2;
    char s[LIT_MAX_LEN];
} literal;

typedef struct literals {
    literal *items; /* count 0: nothing known, every subject passes */
    size_t count;
    /* ASCII letters are in lower case and match either case (caseless
       parts of the pattern). */
    bool caseless;
    bool at_start; /* the subject must start with one (anchored patterns) */
    /* Bytes every match contains, letters in lower case if caseless (see
       rule_needed_bytes in filter/rules.h); known even without literals. */
    byteset needs;
} literals;

/* Fills out with the required literals of a PCRE2 pattern (UTF, UCP): for
   an anchored one (PCRE2_ANCHORED in its PCRE2_INFO_ALLOPTIONS), strings
   that every match starts with, if known (at_start). No literals (count 0)
   when none are known or the pattern uses syntax the analysis does not
   follow: extended mode, \Q, (*VERB), named references, conditions,
   recursion (and no needs after option settings such as (?i) either). */
void literals_extract(const char *pat, size_t len, bool caseless, bool extended, bool anchored, literals *out);
void literals_free(literals *l);
/* True if hay holds (at_start: starts with) one of the literals. have holds
   every byte of hay, and when l->caseless also the lower case of its ASCII
   letters. */
bool literals_occur(const literals *l, const char *hay, size_t n, const byteset *have);
/* Code points outside ASCII that caseless PCRE2 matches only to themselves
   (punctuation, currency signs), so caseless literals may hold them. */
bool literal_caseless_inert(uint32_t c);
#endif
