/* Command-line options. */
#ifndef MTC_OPTIONS_H
#define MTC_OPTIONS_H
#include "mtclean.h"
#include <stdbool.h>
#include <stddef.h>

enum { PROGRESS_AUTO = -1, PROGRESS_OFF = 0, PROGRESS_ON = 1 };

typedef struct options {
    mtc_mode mode;
    const char *report_path, *output_path, *explain_path, *html_path;
    const char *marker_open, *marker_close;
    const char *doc_sep;
    bool gzip_output, check;
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
