/* Command-line options. */
#ifndef MTC_OPTIONS_H
#define MTC_OPTIONS_H
#include "mtclean.h"
#include <stdbool.h>

typedef struct options {
    mtc_mode mode;
    const char *report_path, *output_path, *explain_path, *html_path;
    const char *marker_open, *marker_close;
    const char *doc_sep;
    bool gzip_output, check;
    mtc_paths paths;
    const char **extra_rules;
    char **inputs;
    int n_inputs;
} options;

/* Parses argv; returns 0 to run, 1 when --help/--version was served, 2 on a usage error. */
int options_parse(options *o, int argc, char **argv);
void options_free(options *o);
#endif
