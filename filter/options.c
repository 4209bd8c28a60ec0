#include "options.h"
#include "buf.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_MARKER_OPEN = 256, OPT_MARKER_CLOSE, OPT_RULES_DIR, OPT_WORDS_DIR, OPT_DICT_DIR, OPT_EXPLAIN, OPT_HTML };

static const struct option long_options[] = {
    {"mode", required_argument, NULL, 'm'},
    {"report", required_argument, NULL, 'r'},
    {"output", required_argument, NULL, 'o'},
    {"gzip", no_argument, NULL, 'z'},
    {"doc-sep", required_argument, NULL, 'd'},
    {"check", no_argument, NULL, 'c'},
    {"rules", required_argument, NULL, 'R'},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"html", required_argument, NULL, OPT_HTML},
    {"marker-open", required_argument, NULL, OPT_MARKER_OPEN},
    {"marker-close", required_argument, NULL, OPT_MARKER_CLOSE},
    {"rules-dir", required_argument, NULL, OPT_RULES_DIR},
    {"words-dir", required_argument, NULL, OPT_WORDS_DIR},
    {"dict-dir", required_argument, NULL, OPT_DICT_DIR},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static void usage(FILE *f)
{
    /* One line per option, at most 80 columns (tests/docs.test checks). */
    fputs("Usage: mtclean [OPTION]... [FILE]...\n"
          "Find and repair machine-translation damage in French text: read FILEs (or\n"
          "standard input; plain or gzip), write the text to standard output.\n\n"
          "  -m, --mode=MODE         repair (default), flag (mark, keep every byte) or drop\n"
          "  -r, --report=FILE       write a JSON Lines quality report, a line per document\n"
          "      --explain=FILE      write per-segment TSV: label, rule, word counts, text\n"
          "      --html=FILE         write an HTML triage page: summary and coloured text\n"
          "  -o, --output=FILE       write the text to FILE instead of standard output\n"
          "  -z, --gzip              compress the output with gzip\n"
          "  -d, --doc-sep=LINE      a line equal to LINE separates documents\n"
          "  -c, --check             exit with status 1 if any segment is mixed\n"
          "  -R, --rules=FILE        load an extra rule file (repeatable)\n"
          "      --marker-open=STR   flag mode: text before a damaged segment (default \xE2\x9F\xA6)\n"
          "      --marker-close=STR  flag mode: text after a damaged segment (default \xE2\x9F\xA7)\n"
          "      --rules-dir=DIR     directory of default.conf and *.rules\n"
          "      --words-dir=DIR     directory of the word lists (names.txt, ...)\n"
          "      --dict-dir=DIR      directory of the Hunspell dictionaries fr and en_US\n"
          "  -h, --help              show this help and exit\n"
          "  -V, --version           show the version and exit\n\n"
          "Exit status: 0 success, 1 damage found (with --check), 2 error.\n"
          "Full documentation: man mtclean\n",
          f);
}

int options_parse(options *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->mode = MTC_MODE_REPAIR;
    size_t n_rules = 0;
    int c;
    while ((c = getopt_long(argc, argv, "m:r:o:zd:cR:hV", long_options, NULL)) != -1) {
        switch (c) {
        case 'm':
            if (strcmp(optarg, "repair") == 0)
                o->mode = MTC_MODE_REPAIR;
            else if (strcmp(optarg, "flag") == 0)
                o->mode = MTC_MODE_FLAG;
            else if (strcmp(optarg, "drop") == 0)
                o->mode = MTC_MODE_DROP;
            else {
                fprintf(stderr, "mtclean: unknown mode '%s' (use repair, flag or drop)\n", optarg);
                return 2;
            }
            break;
        case 'r': o->report_path = optarg; break;
        case 'o': o->output_path = optarg; break;
        case 'z': o->gzip_output = true; break;
        case 'd': o->doc_sep = optarg; break;
        case 'c': o->check = true; break;
        case 'R':
            o->extra_rules = xrealloc(o->extra_rules, (n_rules + 1) * sizeof *o->extra_rules);
            o->extra_rules[n_rules++] = optarg;
            break;
        case OPT_EXPLAIN: o->explain_path = optarg; break;
        case OPT_HTML: o->html_path = optarg; break;
        case OPT_MARKER_OPEN: o->marker_open = optarg; break;
        case OPT_MARKER_CLOSE: o->marker_close = optarg; break;
        case OPT_RULES_DIR: o->paths.rules_dir = optarg; break;
        case OPT_WORDS_DIR: o->paths.words_dir = optarg; break;
        case OPT_DICT_DIR: o->paths.dict_dir = optarg; break;
        case 'h': usage(stdout); return 1;
        case 'V': printf("mtclean %s\n", mtc_version()); return 1;
        default: fputs("Try 'mtclean --help' for more information.\n", stderr); return 2;
        }
    }
    if ((o->marker_open && !*o->marker_open) || (o->marker_close && !*o->marker_close)) {
        fputs("mtclean: markers must not be empty\n", stderr);
        return 2;
    }
    o->paths.extra_rules = o->extra_rules;
    o->paths.n_extra_rules = n_rules;
    o->inputs = argv + optind;
    o->n_inputs = argc - optind;
    return 0;
}

void options_free(options *o)
{
    free(o->extra_rules);
    o->extra_rules = NULL;
}
