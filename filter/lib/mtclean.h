/* libmtclean: find and repair machine-translation corruption in French text. */
#ifndef MTCLEAN_H
#define MTCLEAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Exit codes, as grep's. */
enum { MTC_EXIT_OK = 0, MTC_EXIT_CORRUPT = 1, MTC_EXIT_ERROR = 2 };

typedef enum { MTC_MODE_REPAIR, MTC_MODE_FLAG, MTC_MODE_DROP } mtc_mode;

/* Where the engine loads its data from; NULL fields take the built-in defaults. */
typedef struct mtc_paths {
    const char *rules_dir;  /* default.conf and *.rules */
    const char *words_dir;  /* the project's word lists (dicts/) */
    const char *dict_dir;   /* Hunspell fr.* and en_US.* */
    const char *const *extra_rules; /* more rule files, loaded after rules_dir */
    size_t n_extra_rules;
} mtc_paths;

typedef struct mtc_engine mtc_engine; /* read-only once loaded; shared by workers */
typedef struct mtc_worker mtc_worker; /* per thread: dictionaries, iterators, cache */

/* Per-document counters, in report order. X(name) for each. */
#define MTC_STATS_FIELDS(X) \
    X(bytes_in) X(bytes_out) X(segments) X(words) X(fr) X(en) X(both) X(unknown) \
    X(mixed_segments) X(boilerplate_segments) X(english_segments) X(flagged) \
    X(rewrites) X(rewritten_segments) X(dropped) X(invalid_utf8) X(clean_words) X(scored_words) \
    X(rule_errors) /* rule applications that failed on a segment (PCRE2 limit, growth) */

typedef struct mtc_stats {
#define MTC_STATS_DECLARE(name) uint64_t name;
    MTC_STATS_FIELDS(MTC_STATS_DECLARE)
#undef MTC_STATS_DECLARE
    uint32_t *rule_hits; /* one counter per rule, mtc_engine_rule_count() long */
} mtc_stats;

/* Loads configuration, rules, word lists. On failure returns NULL and writes
   a "file:line: message" style explanation into err. */
mtc_engine *mtc_engine_load(const mtc_paths *paths, char *err, size_t errlen);
void mtc_engine_free(mtc_engine *engine);
size_t mtc_engine_rule_count(const mtc_engine *engine);
const char *mtc_engine_rule_name(const mtc_engine *engine, size_t i);

mtc_worker *mtc_worker_new(const mtc_engine *engine, char *err, size_t errlen);
void mtc_worker_free(mtc_worker *worker);
void mtc_worker_set_mode(mtc_worker *worker, mtc_mode mode);
/* Flag-mode markers: open is followed by the label and '|'; defaults ⟦ and ⟧. */
int mtc_worker_set_markers(mtc_worker *worker, const char *open, const char *close);

int mtc_stats_init(mtc_stats *stats, const mtc_engine *engine);
void mtc_stats_reset(mtc_stats *stats, const mtc_engine *engine);
void mtc_stats_add(mtc_stats *into, const mtc_stats *from, const mtc_engine *engine);
void mtc_stats_free(mtc_stats *stats);
double mtc_stats_quality(const mtc_stats *stats);

/* What the pipeline decided about one segment (sentence), for reports that
   show the text: the hook is called once per segment, in order. */
typedef enum {
    MTC_WORD_SKIP,          /* name, number, acronym, URL: not scored */
    MTC_WORD_FR,
    MTC_WORD_EN,
    MTC_WORD_BOTH,          /* valid in French and English (or a loanword) */
    MTC_WORD_UNKNOWN,
    MTC_WORD_JUNK,          /* MT junk: listed, German-looking or run-together */
    MTC_WORD_EN_FUNCTION,   /* English function word (the, and, of): counts as English */
    MTC_WORD_FR_CAPITALISED /* French common noun capitalised mid-sentence: counts as French */
} mtc_word_verdict;

typedef struct mtc_word_info {
    size_t start, len; /* within mtc_segment_info.text */
    mtc_word_verdict verdict;
} mtc_word_info;

typedef struct mtc_segment_info {
    const char *text;     /* the segment as analysed (NFC, ill-formed bytes as U+FFFD) */
    size_t len;
    const char *label;    /* "clean", "mixed", "boilerplate" or "english" */
    const char *rule;     /* name of the drop/flag rule that set the label, or NULL */
    unsigned fr, en, both, unknown, junk, switches;
    const mtc_word_info *words;
    size_t n_words;
    const char *output;   /* what was written for it (NULL if dropped) */
    size_t output_len;
    int rewritten;        /* repair mode changed it */
    int line_start;       /* first segment of its input line (a paragraph starts) */
} mtc_segment_info;

typedef void (*mtc_segment_hook)(void *ctx, const mtc_segment_info *info);
void mtc_worker_set_segment_hook(mtc_worker *worker, mtc_segment_hook hook, void *ctx);

/* Cleans one whole document held in memory. The result (malloc'd, *out_len
   bytes) must be freed by the caller. Returns 0, or -1 with err filled. */
int mtc_clean_buffer(mtc_worker *worker, const char *text, size_t len,
                     char **out, size_t *out_len, mtc_stats *stats,
                     char *err, size_t errlen);

const char *mtc_version(void);

#ifdef __cplusplus
}
#endif
#endif
