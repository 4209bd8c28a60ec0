/* Scoring thresholds, read from rules/default.conf ("key = number" lines). */
#ifndef MTC_SETTINGS_H
#define MTC_SETTINGS_H
#include <stddef.h>

typedef struct mtc_config {
    double min_words;          /* fewer scored words: never mixed by score alone */
    double mixed_min_en;       /* English-only words a mixed segment needs */
    double mixed_min_fr;       /* French-only words a mixed segment needs */
    double mixed_min_en_share; /* en / (fr + en) */
    double mixed_min_switches; /* FR<->EN switches that make a segment mixed */
    double mixed_min_junk;     /* known MT junk words that make a segment mixed */
    double mixed_min_function; /* English function words (with French) that make it mixed */
    double mixed_min_capitalised; /* mid-sentence capitalised French common nouns */
    double mixed_min_unknown;  /* unknown lower-case words that make a segment mixed */
    double mixed_min_unknown_share; /* ... as a share of scored words */
    double repeat_min_words;   /* repair: a phrase repeated by MT, at least this long (0: off) */
    double repeat_max_gap;     /* ... with at most this many words between the copies */
    double english_max_fr;     /* at most this many French words: an English segment */
    double cache_max_entries;  /* bound of the per-worker verdict cache */
    double match_limit;        /* PCRE2 match limit per rule application */
    double depth_limit;        /* PCRE2 backtracking depth limit */
    double max_line_bytes;     /* longer lines are processed in pieces of this size */
    double jit_stack_bytes;    /* PCRE2 JIT stack per thread, at most */
    double rewrite_max_growth; /* rewrites make a segment at most this many times longer... */
    double rewrite_min_room;   /* ... plus this many bytes */
} mtc_config;

/* Every key must be present: thresholds live in the file, not in the code. */
int config_load_file(mtc_config *cfg, const char *path, char *err, size_t errlen);
int config_load_text(mtc_config *cfg, const char *name, const char *text, size_t len, char *err, size_t errlen);
#endif
