/* Command-line options. */
#ifndef MTC_OPTIONS_H
#define MTC_OPTIONS_H
#include "mtclean.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { PROGRESS_AUTO = -1, PROGRESS_OFF = 0, PROGRESS_ON = 1 };
/* --input: HTML detected from the bytes (auto), or forced. */
typedef enum { INPUT_AUTO, INPUT_TEXT, INPUT_HTML } input_kind;

typedef struct options {
    mtc_mode mode;
    const char *report_path, *output_path, *explain_path, *html_path;
    const char *learn_repeats_path, *repeats_path; /* cross-document repetition (README, "Boilerplate") */
    const char *marker_open, *marker_close;
    const char *doc_sep;
    bool gzip_output, check;
    bool keep_english; /* English sentences are kept (not flagged, not dropped) */
    bool zstd_output;         /* --zstd */
    const char *rejected_path; /* --rejected: what was dropped, with its reason */
    /* grep habits: no text written, exit 0 when damage was found, 1 when not. */
    bool quiet, list_damaged, count;
    /* Corpus mode. */
    bool jsonl;
    const char *field, *id_field, *quality_field; /* quality_field NULL: --no-quality-field */
    unsigned threads;
    bool min_quality_set;
    double min_quality;
    bool summary;
    const char *summary_path; /* NULL: standard error */
    int progress;             /* PROGRESS_AUTO: when standard error is a terminal */
    size_t max_buffer;        /* bytes of documents held in memory */
    uint64_t html_max_docs;   /* documents shown on the --html page */
    uint64_t doc_offset;      /* documents are numbered from doc_offset + 1 (shards) */
    bool summarize;           /* inputs are --report files: print their summary */
    input_kind input;
    mtc_residual residual;    /* repair mode: segments still mixed once repaired */
    bool translate, translate_english; /* --translate=apertium, --translate-english */
    mtc_paths paths;
    const char **extra_rules;
    char **inputs;
    int n_inputs;
} options;

/* Parses argv; returns 0 to run, 1 when --help/--version was served, 2 on a usage error. */
int options_parse(options *o, int argc, char **argv);
void options_free(options *o);
#endif
