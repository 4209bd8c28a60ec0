/* libmtclean: find and repair machine-translation corruption in French text. */
#ifndef MTCLEAN_H
#define MTCLEAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with -fvisibility=hidden: only what is marked
   MTC_API is exported, so its internal helpers cannot clash with a
   program's own functions. */
#if defined(__GNUC__) || defined(__clang__)
#define MTC_API __attribute__((visibility("default")))
#else
#define MTC_API
#endif

/* Exit codes, as grep's. */
enum { MTC_EXIT_OK = 0, MTC_EXIT_CORRUPT = 1, MTC_EXIT_ERROR = 2 };

typedef enum { MTC_MODE_REPAIR, MTC_MODE_FLAG, MTC_MODE_DROP } mtc_mode;

/* What a call gave: MTC_OK, or an error (negative) whose message
   mtc_worker_error() (or the err argument) holds. */
typedef enum mtc_status {
    MTC_OK = 0,
    MTC_ERR_NOMEM = -1,  /* an allocation failed: the worker can only be freed */
    MTC_ERR_MATCH = -2,  /* a rule failed while matching (its PCRE2 match or depth limit) */
    MTC_ERR_OUTPUT = -3, /* the output callback returned nonzero */
    MTC_ERR_USAGE = -4   /* a call out of order, e.g. mtc_doc_feed without mtc_doc_begin */
} mtc_status;
MTC_API const char *mtc_status_string(mtc_status status);

/* Out of memory: the library never prints or aborts. The handler, if set,
   is called with the size that failed; then the call under way gives up
   and returns MTC_ERR_NOMEM (NULL for the functions returning a pointer,
   with "out of memory" as the message). Set it before any worker runs; it
   is shared by every thread and may be called from any of them. What the
   failing call had allocated may not be given back. */
typedef void (*mtc_oom_handler)(void *ctx, size_t bytes);
MTC_API void mtc_set_oom_handler(mtc_oom_handler handler, void *ctx);

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

/* Per-document counters, in report order. X(name) for each. rule_errors:
   rule applications that failed on a segment (PCRE2 limit, growth bound). */
#define MTC_STATS_FIELDS(X) \
    X(bytes_in) X(bytes_out) X(segments) X(words) X(fr) X(en) X(both) X(unknown) \
    X(mixed_segments) X(boilerplate_segments) X(english_segments) X(flagged) \
    X(rewrites) X(rewritten_segments) X(dropped) X(invalid_utf8) X(clean_words) X(scored_words) \
    X(repaired_clean) X(residual) X(translated_spans) X(translate_errors) X(rule_errors)

typedef struct mtc_stats {
#define MTC_STATS_DECLARE(name) uint64_t name;
    MTC_STATS_FIELDS(MTC_STATS_DECLARE)
#undef MTC_STATS_DECLARE
    uint32_t *rule_hits; /* one counter per rule, mtc_engine_rule_count() long */
} mtc_stats;

/* Loads configuration, rules, word lists. On failure returns NULL and writes
   a "file:line: message" style explanation into err. */
MTC_API mtc_engine *mtc_engine_load(const mtc_paths *paths, char *err, size_t errlen);
MTC_API void mtc_engine_free(mtc_engine *engine);
MTC_API size_t mtc_engine_rule_count(const mtc_engine *engine);
MTC_API const char *mtc_engine_rule_name(const mtc_engine *engine, size_t i);
/* The longest line the engine cleans as one (max_line_bytes in default.conf):
   a longer one is cut, as a reader of the same text should cut it. */
MTC_API size_t mtc_engine_max_line_bytes(const mtc_engine *engine);

MTC_API mtc_worker *mtc_worker_new(const mtc_engine *engine, char *err, size_t errlen);
MTC_API void mtc_worker_free(mtc_worker *worker);
MTC_API void mtc_worker_set_mode(mtc_worker *worker, mtc_mode mode);
/* English sentences are damage in a French corpus: flagged, and dropped in
   drop mode; keep != 0 keeps them as clean text (they are still counted). */
MTC_API void mtc_worker_set_keep_english(mtc_worker *worker, int keep);
/* from_html != 0: the documents that follow are text extracted from HTML
   (mtc_extract_html), whose chrome the extractor judged with the markup:
   the boilerplate line classifier uses boiler.html_threshold. */
MTC_API void mtc_worker_set_from_html(mtc_worker *worker, int from_html);
/* Flag-mode markers: open is followed by the label and '|'; defaults ⟦ and ⟧. */
MTC_API int mtc_worker_set_markers(mtc_worker *worker, const char *open, const char *close);

MTC_API int mtc_stats_init(mtc_stats *stats, const mtc_engine *engine);
MTC_API void mtc_stats_reset(mtc_stats *stats, const mtc_engine *engine);
MTC_API void mtc_stats_add(mtc_stats *into, const mtc_stats *from, const mtc_engine *engine);
MTC_API void mtc_stats_free(mtc_stats *stats);
MTC_API double mtc_stats_quality(const mtc_stats *stats);

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

/* The word's language in its context (the word labeller's answer). */
typedef enum {
    MTC_LANG_FR,
    MTC_LANG_EN,
    MTC_LANG_NAME,  /* a proper name, of either language */
    MTC_LANG_CODE   /* a number, code or acronym */
} mtc_word_lang;

typedef struct mtc_word_info {
    size_t start, len; /* within mtc_segment_info.text */
    mtc_word_verdict verdict; /* the word by itself */
    mtc_word_lang lang;       /* the word in its sentence */
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
    const char *reason;   /* why the label: "en-span:3@5" (3 English words from word 5),
                             "english:0.92", "junk@4", "quote:2@7", "fluency:3@10"
                             (3 suspect word pairs, the first from word 10),
                             "confusion:in>dans" (English "in" where French has
                             "dans"), "clean"; for
                             boilerplate, the classifier's "boiler:0.93 short,ui" */
    int residual;         /* repair mode: mixed, and still mixed once repaired */
    unsigned translated;  /* spans the MT engine translated in it */
} mtc_segment_info;

/* Repair mode, segments still mixed once repaired (re-scored): written as
   repaired (keep, the default), marked like flag mode (flag), or dropped. */
typedef enum { MTC_RESIDUAL_KEEP, MTC_RESIDUAL_FLAG, MTC_RESIDUAL_DROP } mtc_residual;
void mtc_worker_set_residual(mtc_worker *worker, mtc_residual residual);
/* Repair mode: English spans of mixed segments (and whole segments labelled
   english, if english_segments) translated by Apertium, a co-process per
   worker started at first use. A request that fails keeps its text and
   leaves a line in mtc_worker_warnings(). */
void mtc_worker_set_translation(mtc_worker *worker, int on, int english_segments);
/* Checks that Apertium runs; -1 with err naming the missing packages. */
int mtc_translate_check(const mtc_engine *engine, char *err, size_t errlen);
/* Lines ("segment N: what") about the current document's failed translations, or "". */
const char *mtc_worker_warnings(const mtc_worker *worker);

typedef void (*mtc_segment_hook)(void *ctx, const mtc_segment_info *info);
MTC_API void mtc_worker_set_segment_hook(mtc_worker *worker, mtc_segment_hook hook, void *ctx);

/* Streaming: one document at a time per worker. mtc_doc_begin starts it,
   mtc_doc_feed gives it raw bytes in chunks of any size (a line may span
   chunks), mtc_doc_end finishes it. The cleaned text goes to write as it
   is produced, in pieces of any size (none while a line is incomplete); a
   nonzero return from write stops the document with MTC_ERR_OUTPUT. The
   counters are added to *stats; the segment hook is called as segments
   are cleaned. The output and counters do not depend on how the input was
   cut into chunks. After an error the document is over: feed and end
   return that error until the next mtc_doc_begin. */
typedef int (*mtc_write_fn)(void *ctx, const char *data, size_t len);
MTC_API mtc_status mtc_doc_begin(mtc_worker *worker, mtc_write_fn write, void *ctx, mtc_stats *stats);
MTC_API mtc_status mtc_doc_feed(mtc_worker *worker, const char *data, size_t len);
MTC_API mtc_status mtc_doc_end(mtc_worker *worker);
/* Message of the worker's last error ("" if none). */
MTC_API const char *mtc_worker_error(const mtc_worker *worker);

/* Cleans one whole document held in memory (begin, feed, end). The result
   (malloc'd, *out_len bytes, NUL-terminated) must be freed by the caller.
   Returns MTC_OK, or an error with err filled (and *out untouched). */
MTC_API mtc_status mtc_clean_buffer(mtc_worker *worker, const char *text, size_t len,
                     char **out, size_t *out_len, mtc_stats *stats,
                     char *err, size_t errlen);

/* Lines repeated across documents (see README, "Boilerplate"): a table
   counted in input order by one run and read by later ones. */
typedef struct mtc_repeats mtc_repeats;
MTC_API mtc_repeats *mtc_repeats_new(const mtc_engine *engine);
MTC_API void mtc_repeats_add_line(mtc_repeats *r, const char *line, size_t len);
MTC_API void mtc_repeats_end_document(mtc_repeats *r);
MTC_API void mtc_repeats_add_document(mtc_repeats *r, const char *text, size_t len);
MTC_API int mtc_repeats_write(const mtc_repeats *r, const char *path, char *err, size_t errlen);
MTC_API void mtc_repeats_free(mtc_repeats *r);
/* Loads a table written by mtc_repeats_write, before workers are made. */
MTC_API int mtc_engine_load_repeats(mtc_engine *engine, const char *path, char *err, size_t errlen);


/* HTML input. mtc_looks_like_html: a doctype, or <html, <head or <body
   opening the bytes (after a BOM, white space, comments). */
MTC_API int mtc_looks_like_html(const char *p, size_t n);

typedef struct mtc_html_doc {
    char *text;        /* the article: paragraphs as lines, a blank line between (NUL-terminated) */
    size_t text_len;
    char *title;       /* <title>, or NULL */
    char *url;         /* <link rel=canonical>, else og:url, or NULL */
    char *lang;        /* <html lang>, or NULL */
    size_t html_bytes; /* bytes of HTML read */
    char charset[32];  /* what the bytes were decoded from */
} mtc_html_doc;

/* Decodes (BOM, <meta> charset, else UTF-8 or windows-1252), parses with
   libxml2 and extracts the main text of one page, using the engine's
   rules/html.conf. Returns 0, or -1 with err filled; free with mtc_html_doc_free. */
MTC_API int mtc_extract_html(const mtc_engine *engine, const char *html, size_t len, mtc_html_doc *out,
                     char *err, size_t errlen);
MTC_API void mtc_html_doc_free(mtc_html_doc *doc);

MTC_API const char *mtc_version(void);

#ifdef __cplusplus
}
#endif
#endif
