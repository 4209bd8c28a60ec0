/* Scoring thresholds, read from rules/default.conf ("key = number" lines). */
#ifndef MTC_SETTINGS_H
#define MTC_SETTINGS_H
#include <stdbool.h>
#include <stddef.h>

typedef struct mtc_config {
    double min_words;          /* fewer scored words: never mixed by score alone */
    double mixed_min_fr;       /* French words a mixed segment needs */
    double mixed_min_junk;     /* known MT junk words that make a segment mixed */
    double mixed_min_span;     /* evidence (nats) an English span needs to make French mixed */
    double mixed_min_function_span; /* ... a span holding an English function word */
    double mixed_lone_min_prob; /* ... or one lower-case word this likely English (lone.h; 1: off) */
    double english_min_words;  /* English words an English segment needs */
    double english_min_share;  /* ... as a share of its French and English words */
    double english_title_max;  /* a line this short, all in title case: a title, clean */
    /* The word labeller's weights (nats): emissions and transitions. */
    double m_dict_missing, m_function, m_en_only, m_loan, m_lm_weight, m_lm_max;
    double m_name_base, m_name_unknown, m_name_listed, m_name_initial, m_name_enter;
    double m_switch, m_start_en, m_short_letters, m_freq_weight, m_freq_max, m_en_rare, m_name_french;
    double m_en_common_unknown, m_en_common_min_odds;
    double fluency_min_pairs, fluency_min_expected, fluency_max_log_ratio; /* fluency.* (fluency.h) */
    double confusion_min_log_ratio, confusion_french_margin, confusion_smoothing; /* confusion.* (confusion.h) */
    double repeat_min_words;   /* repair: a phrase repeated by MT, at least this long (0: off) */
    double repeat_max_gap;     /* ... with at most this many words between the copies */
    double english_max_fr;     /* at most this many French words: an English segment */
    double translate_timeout_ms;     /* --translate: deadline of one request to the MT engine */
    double translate_max_failures;   /* ... failed requests after which a worker stops translating */
    double translate_min_english;    /* ... English words a span needs to be translated */
    double translate_min_content_only; /* ... when none of them is a function word */
    double translate_max_span_bytes; /* ... longer spans are left as they are */
    double translate_english_min_french; /* ... French words that make an english segment damage */
    double translate_clause_min_english;  /* ... a span this long */
    double translate_clause_min_function; /* ... with this many function words: capitals allowed */
    double translate_max_leak_share;      /* ... a reply with more pivot-language words is not used */
    double translate_capitals_min_english; /* ... lower-case English words after which spans may hold capitals */
    double translate_capitals_min_share;   /* ... and their share of the segment's English and French words */
    double cache_max_entries;  /* bound of the per-worker verdict cache */
    double match_limit;        /* PCRE2 match limit per rule application */
    double depth_limit;        /* PCRE2 backtracking depth limit */
    double max_line_bytes;     /* longer lines are processed in pieces of this size */
    double boiler_threshold;   /* classifier probability from which a line is boilerplate (>1: off) */
    double boiler_html_threshold; /* the same for text extracted from HTML */
    double boiler_repeat_min_docs;    /* --repeats: a line in this many documents is boilerplate */
    double boiler_repeat_table_entries; /* --learn-repeats: lines the table holds at most */
    double boiler_repeat_max_bytes;   /* longer lines are not counted */
    double boiler_doc_max_lines; /* lines per document remembered for within-document repetition */
    double boiler_scan_bytes;    /* a longer line's features come from its first bytes */
    double jit_stack_bytes;    /* PCRE2 JIT stack per thread, at most */
    double rewrite_max_growth; /* rewrites make a segment at most this many times longer... */
    double rewrite_min_room;   /* ... plus this many bytes */
} mtc_config;

/* Every key must be present: thresholds live in the file, not in the code. */
int config_load_file(mtc_config *cfg, const char *path, char *err, size_t errlen);
int config_load_text(mtc_config *cfg, const char *name, const char *text, size_t len, char *err, size_t errlen);

/* A "key = number" line of a settings file (rules/default.conf,
   rules/html.conf): the field of a struct it sets and its range. */
typedef struct number_setting {
    const char *key;
    size_t offset; /* of a double */
    double min, max;
} number_setting;
/* Cuts "key = value" at its '=' into trimmed halves; false if there is none. */
bool split_key_value(char *s, char **key, char **val);
/* Sets the field named key of base to val, marking seen[its index]: NULL,
   or what is wrong ("unknown setting", "value out of range"...). */
const char *number_setting_set(const number_setting *table, size_t n, void *base, const char *key,
                               const char *val, bool *seen);
/* The key of the first setting not seen, NULL if none. */
const char *number_setting_missing(const number_setting *table, size_t n, const bool *seen);
#endif
