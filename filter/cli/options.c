#include "options.h"
#include "buf.h"
#include <errno.h>
#include <getopt.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    OPT_MARKER_OPEN = 256, OPT_MARKER_CLOSE, OPT_RULES_DIR, OPT_WORDS_DIR, OPT_DICT_DIR, OPT_EXPLAIN, OPT_HTML,
    OPT_JSONL, OPT_FIELD, OPT_ID_FIELD, OPT_QUALITY_FIELD, OPT_NO_QUALITY_FIELD, OPT_MIN_QUALITY, OPT_SUMMARY,
    OPT_PROGRESS, OPT_NO_PROGRESS, OPT_MAX_BUFFER, OPT_DOC_OFFSET, OPT_SUMMARIZE, OPT_INPUT, OPT_HTML_MAX_DOCS, OPT_LEARN_REPEATS, OPT_REPEATS, OPT_KEEP_ENGLISH, OPT_REJECTED, OPT_COUNT, OPT_ZSTD, OPT_RESIDUAL, OPT_TRANSLATE, OPT_TRANSLATE_ENGLISH,
};

#define MAX_THREADS 256
#define DEFAULT_MAX_THREADS 64
#define DEFAULT_MAX_BUFFER ((size_t)64 << 20)
#define MIN_MAX_BUFFER ((size_t)4 << 10)
#define DEFAULT_HTML_MAX_DOCS 200

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
    {"html-max-docs", required_argument, NULL, OPT_HTML_MAX_DOCS},
    {"learn-repeats", required_argument, NULL, OPT_LEARN_REPEATS},
    {"repeats", required_argument, NULL, OPT_REPEATS},
    {"keep-english", no_argument, NULL, OPT_KEEP_ENGLISH},
    {"marker-open", required_argument, NULL, OPT_MARKER_OPEN},
    {"marker-close", required_argument, NULL, OPT_MARKER_CLOSE},
    {"rules-dir", required_argument, NULL, OPT_RULES_DIR},
    {"words-dir", required_argument, NULL, OPT_WORDS_DIR},
    {"dict-dir", required_argument, NULL, OPT_DICT_DIR},
    {"jsonl", no_argument, NULL, OPT_JSONL},
    {"field", required_argument, NULL, OPT_FIELD},
    {"id-field", required_argument, NULL, OPT_ID_FIELD},
    {"quality-field", required_argument, NULL, OPT_QUALITY_FIELD},
    {"no-quality-field", no_argument, NULL, OPT_NO_QUALITY_FIELD},
    {"threads", required_argument, NULL, 'j'},
    {"min-quality", required_argument, NULL, OPT_MIN_QUALITY},
    {"summary", optional_argument, NULL, OPT_SUMMARY},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"max-buffer", required_argument, NULL, OPT_MAX_BUFFER},
    {"doc-offset", required_argument, NULL, OPT_DOC_OFFSET},
    {"summarize", no_argument, NULL, OPT_SUMMARIZE},
    {"input", required_argument, NULL, OPT_INPUT},
    {"rejected", required_argument, NULL, OPT_REJECTED},
    {"quiet", no_argument, NULL, 'q'},
    {"files-with-damage", no_argument, NULL, 'l'},
    {"count", no_argument, NULL, OPT_COUNT},
    {"zstd", no_argument, NULL, OPT_ZSTD},
    {"residual", required_argument, NULL, OPT_RESIDUAL},
    {"translate", required_argument, NULL, OPT_TRANSLATE},
    {"translate-english", no_argument, NULL, OPT_TRANSLATE_ENGLISH},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static void usage(FILE *f)
{
    /* One line per option, at most 80 columns (tests/docs.test checks). */
    fputs("Usage: mtclean [OPTION]... [FILE]...\n"
          "Find and repair machine-translation damage in French text: read FILEs (or\n"
          "standard input; plain, gzip or zstd), write the text to standard output.\n\n"
          "  -m, --mode=MODE         repair (default), flag (mark, keep every byte) or drop\n"
          "  -r, --report=FILE       write a JSON Lines quality report, a line per document\n"
          "      --explain=FILE      write per-segment TSV: label, rule, word counts, text\n"
          "      --html=FILE         write an HTML triage page: summary and coloured text\n"
          "      --html-max-docs=N   show the N worst documents on the page (default 200)\n"
          "      --learn-repeats=FILE  count lines repeated across documents into FILE\n"
          "      --repeats=FILE      lines FILE saw in many documents are boilerplate\n"
          "  -o, --output=FILE       write the text to FILE instead of standard output\n"
          "  -z, --gzip              compress the output with gzip\n"
          "      --zstd              compress the output with zstd\n"
          "      --rejected=FILE     write what was dropped there, with the reason why\n"
          "  -d, --doc-sep=LINE      a line equal to LINE separates documents\n"
          "  -c, --check             exit with status 1 if any segment is mixed or english\n"
          "  -q, --quiet             write no text; exit 0 if damage found, else 1 (grep)\n"
          "  -l, --files-with-damage  list the inputs (JSONL: record ids) with damage\n"
          "      --count             list per input: documents, damaged segments\n"
          "  -R, --rules=FILE        load an extra rule file (repeatable)\n"
          "      --keep-english      keep English sentences (default: flag or drop them)\n"
          "      --marker-open=STR   flag mode: text before a damaged segment (default \xE2\x9F\xA6)\n"
          "      --marker-close=STR  flag mode: text after a damaged segment (default \xE2\x9F\xA7)\n"
          "      --rules-dir=DIR     directory of default.conf and *.rules\n"
          "      --words-dir=DIR     directory of the word lists (names.txt, ...)\n"
          "      --dict-dir=DIR      directory of the Hunspell dictionaries fr and en_US\n"
          "      --jsonl             read and write JSON Lines: each record is a document\n"
          "      --field=NAME        JSONL: the field holding the text (default text)\n"
          "      --id-field=NAME     JSONL: field giving the report's id (default id)\n"
          "      --quality-field=NAME  JSONL: field the counters go in (default mtclean)\n"
          "      --no-quality-field  JSONL: do not add the counters to the records\n"
          "  -j, --threads=N         clean N documents at once (default: available cores)\n"
          "      --min-quality=Q     drop whole documents whose quality is below Q (0 to 1)\n"
          "      --summary[=FILE]    write corpus totals at the end (default: to stderr)\n"
          "      --progress          show docs/s and MB/s on stderr (default: on a tty)\n"
          "      --no-progress       never show progress\n"
          "      --max-buffer=SIZE   bytes of documents held in memory (default 64M)\n"
          "      --doc-offset=N      number the documents from N+1 (a shard of a corpus)\n"
          "      --summarize         FILEs are --report files: write the summary they make\n"
          "      --input=KIND        html (extract the article), text, or auto (default)\n"
          "      --residual=POLICY   repair: still mixed once repaired: keep, flag or drop\n"
          "      --translate=ENGINE  repair: translate English spans (ENGINE: apertium)\n"
          "      --translate-english   with --translate: whole English segments too\n"
          "  -h, --help              show this help and exit\n"
          "  -V, --version           show the version and exit\n\n"
          "Exit status: 0 success, 1 damage found (with --check), 2 error; with -q, -l\n"
          "or --count, as grep: 0 damage found, 1 none, 2 error.\n"
          "Full documentation: man mtclean\n",
          f);
}

/* After --help or --version: 1, or 2 if standard output could not take it
   (a full disk), as GNU tools do. */
static int stdout_served(void)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return 1;
    fprintf(stderr, "mtclean: write error: %s\n", strerror(errno));
    return 2;
}

static unsigned available_cores(void)
{
    cpu_set_t set;
    long n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > DEFAULT_MAX_THREADS ? DEFAULT_MAX_THREADS : (unsigned)n;
}

static int bad_value(const char *option, const char *value, const char *want)
{
    fprintf(stderr, "mtclean: %s: '%s' is not %s\n", option, value, want);
    return 2;
}

static bool parse_threads(const char *s, unsigned *threads)
{
    char *end;
    errno = 0;
    unsigned long n = strtoul(s, &end, 10);
    if (errno || end == s || *end || *s == '-' || n < 1 || n > MAX_THREADS)
        return false;
    *threads = (unsigned)n;
    return true;
}

static bool parse_quality(const char *s, double *q)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= 0.0 && v <= 1.0))
        return false;
    *q = v;
    return true;
}

static bool parse_count(const char *s, uint64_t *v)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (errno || end == s || *end || *s == '-')
        return false;
    *v = (uint64_t)n;
    return true;
}
/* The most --max-buffer may be: the memory bound (README "Robustness") is a
   few times it, which must not overflow. */
#define MAX_MAX_BUFFER (SIZE_MAX / 16)

/* A byte count with an optional K, M or G (powers of 1024). */
static bool parse_size(const char *s, size_t *size, bool *too_large)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    *too_large = errno == ERANGE;
    if (errno || end == s || *s == '-')
        return false;
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    default: break;
    }
    if (*end)
        return false;
    if (n > MAX_MAX_BUFFER >> shift) {
        *too_large = true;
        return false;
    }
    if ((n << shift) < MIN_MAX_BUFFER)
        return false;
    *size = (size_t)(n << shift);
    return true;
}

/* Two outputs on one stream would interleave: each named output, and the
   text (standard output unless -o, none with -q, -l or --count, which
   write to standard output themselves unless -q). */
static int check_streams(const options *o)
{
    bool listing = o->list_damaged || o->count;
    const char *text = o->quiet ? NULL : listing || !o->output_path ? "-" : o->output_path;
    const char *names[] = {"the text", "--report", "--explain", "--html", "--rejected", "--summary"};
    const char *paths[] = {text, o->report_path, o->explain_path, o->html_path, o->rejected_path,
                           o->summary && o->summary_path ? o->summary_path : NULL};
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
        for (size_t k = i + 1; k < sizeof paths / sizeof *paths; k++) {
            if (!paths[i] || !paths[k] || strcmp(paths[i], "/dev/null") == 0)
                continue; /* nothing written there interleaves */
            bool out_i = strcmp(paths[i], "-") == 0 || strcmp(paths[i], "/dev/stdout") == 0;
            bool out_k = strcmp(paths[k], "-") == 0 || strcmp(paths[k], "/dev/stdout") == 0;
            if ((out_i && out_k) || strcmp(paths[i], paths[k]) == 0) {
                fprintf(stderr, "mtclean: %s and %s would both write to %s\n", names[i], names[k],
                        out_i ? "standard output" : paths[i]);
                return 2;
            }
        }
    return 0;
}

/* Options that only make sense together, and names that must differ. */
static int check_combinations(const options *o, bool jsonl_only_given)
{
    if (o->gzip_output && o->zstd_output) {
        fputs("mtclean: --gzip and --zstd cannot be combined\n", stderr);
        return 2;
    }
    if (o->quiet + o->list_damaged + o->count > 1) {
        fputs("mtclean: -q, -l and --count cannot be combined\n", stderr);
        return 2;
    }
    if (check_streams(o))
        return 2;
    if (o->jsonl && o->doc_sep) {
        fputs("mtclean: --doc-sep and --jsonl cannot be combined (a JSONL record is a document)\n", stderr);
        return 2;
    }
    if (!o->jsonl && jsonl_only_given) {
        fputs("mtclean: --field, --id-field, --quality-field and --no-quality-field need --jsonl\n", stderr);
        return 2;
    }
    if (!*o->field || !*o->id_field || (o->quality_field && !*o->quality_field)) {
        fputs("mtclean: field names must not be empty\n", stderr);
        return 2;
    }
    if ((o->translate || o->residual != MTC_RESIDUAL_KEEP) && o->mode != MTC_MODE_REPAIR) {
        fputs("mtclean: --translate and --residual need --mode=repair\n", stderr);
        return 2;
    }
    if (o->translate_english && !o->translate) {
        fputs("mtclean: --translate-english needs --translate=apertium\n", stderr);
        return 2;
    }
    if (o->quality_field && strcmp(o->field, o->quality_field) == 0) {
        fprintf(stderr, "mtclean: --field and --quality-field are both '%s'\n", o->field);
        return 2;
    }
    return 0;
}

static void set_defaults(options *o)
{
    memset(o, 0, sizeof *o);
    o->mode = MTC_MODE_REPAIR;
    o->field = "text";
    o->id_field = "id";
    o->quality_field = "mtclean";
    o->threads = available_cores();
    o->progress = PROGRESS_AUTO;
    o->max_buffer = DEFAULT_MAX_BUFFER;
    o->html_max_docs = DEFAULT_HTML_MAX_DOCS;
}

/* What the options seen so far imply for the checks after them. */
typedef struct parse_state {
    bool jsonl_only_given, html_max_given;
    size_t n_rules;
} parse_state;

/* The index of s in the NULL-ended names, -1 if it is none of them. */
static int keyword(const char *s, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

/* The options that take no value or any string. Returns false if c is
   none of them. */
static bool plain_option(options *o, int c, char *arg, parse_state *ps)
{
    switch (c) {
    case 'r': o->report_path = arg; break;
    case 'o': o->output_path = arg; break;
    case 'z': o->gzip_output = true; break;
    case 'd': o->doc_sep = arg; break;
    case 'c': o->check = true; break;
    case 'q': o->quiet = true; break;
    case 'l': o->list_damaged = true; break;
    case OPT_COUNT: o->count = true; break;
    case OPT_REJECTED: o->rejected_path = arg; break;
    case OPT_ZSTD: o->zstd_output = true; break;
    case 'R':
        o->extra_rules = xrealloc(o->extra_rules, (ps->n_rules + 1) * sizeof *o->extra_rules);
        o->extra_rules[ps->n_rules++] = arg;
        break;
    case OPT_EXPLAIN: o->explain_path = arg; break;
    case OPT_HTML: o->html_path = arg; break;
    case OPT_LEARN_REPEATS: o->learn_repeats_path = arg; break;
    case OPT_REPEATS: o->repeats_path = arg; break;
    case OPT_MARKER_OPEN: o->marker_open = arg; break;
    case OPT_KEEP_ENGLISH: o->keep_english = true; break;
    case OPT_MARKER_CLOSE: o->marker_close = arg; break;
    case OPT_RULES_DIR: o->paths.rules_dir = arg; break;
    case OPT_WORDS_DIR: o->paths.words_dir = arg; break;
    case OPT_DICT_DIR: o->paths.dict_dir = arg; break;
    case OPT_JSONL: o->jsonl = true; break;
    case OPT_FIELD: o->field = arg; ps->jsonl_only_given = true; break;
    case OPT_ID_FIELD: o->id_field = arg; ps->jsonl_only_given = true; break;
    case OPT_QUALITY_FIELD: o->quality_field = arg; ps->jsonl_only_given = true; break;
    case OPT_NO_QUALITY_FIELD: o->quality_field = NULL; ps->jsonl_only_given = true; break;
    case OPT_SUMMARY:
        o->summary = true;
        o->summary_path = arg;
        break;
    case OPT_PROGRESS: o->progress = PROGRESS_ON; break;
    case OPT_NO_PROGRESS: o->progress = PROGRESS_OFF; break;
    case OPT_SUMMARIZE: o->summarize = true; break;
    case OPT_TRANSLATE_ENGLISH: o->translate_english = true; break;
    default: return false;
    }
    return true;
}

static int set_max_buffer(options *o, const char *arg)
{
    bool too_large = false;
    if (!parse_size(arg, &o->max_buffer, &too_large) && too_large) {
        fprintf(stderr, "mtclean: --max-buffer: '%s' is too large (at most %zuG)\n", arg,
                (size_t)MAX_MAX_BUFFER >> 30);
        return 2;
    }
    if (!parse_size(arg, &o->max_buffer, &too_large))
        return bad_value("--max-buffer", arg, "a size of at least 4K (e.g. 65536, 512K, 64M, 1G)");
    return 0;
}

/* The options whose value is checked, and --help, --version and getopt's
   errors. Returns 0 to go on, else the status options_parse returns. */
static int checked_option(options *o, int c, const char *arg, parse_state *ps)
{
    int k;
    switch (c) {
    case 'm':
        if ((k = keyword(arg, (const char *const[]){"repair", "flag", "drop", NULL})) < 0) {
            fprintf(stderr, "mtclean: unknown mode '%s' (use repair, flag or drop)\n", arg);
            return 2;
        }
        o->mode = (const mtc_mode[]){MTC_MODE_REPAIR, MTC_MODE_FLAG, MTC_MODE_DROP}[k];
        return 0;
    case 'j':
        return parse_threads(arg, &o->threads) ? 0 : bad_value("--threads", arg, "a number of threads from 1 to 256");
    case OPT_MIN_QUALITY:
        o->min_quality_set = true;
        return parse_quality(arg, &o->min_quality) ? 0 : bad_value("--min-quality", arg, "a quality from 0 to 1");
    case OPT_MAX_BUFFER: return set_max_buffer(o, arg);
    case OPT_DOC_OFFSET:
        return parse_count(arg, &o->doc_offset) ? 0
                                                : bad_value("--doc-offset", arg, "a number of documents (0 or more)");
    case OPT_INPUT:
        if ((k = keyword(arg, (const char *const[]){"auto", "html", "text", NULL})) < 0)
            return bad_value("--input", arg, "html, text or auto");
        o->input = (const input_kind[]){INPUT_AUTO, INPUT_HTML, INPUT_TEXT}[k];
        return 0;
    case OPT_HTML_MAX_DOCS:
        ps->html_max_given = true;
        return parse_count(arg, &o->html_max_docs)
                   ? 0
                   : bad_value("--html-max-docs", arg, "a number of documents (0 or more)");
    case OPT_RESIDUAL:
        if ((k = keyword(arg, (const char *const[]){"keep", "flag", "drop", NULL})) < 0)
            return bad_value("--residual", arg, "keep, flag or drop");
        o->residual = (const mtc_residual[]){MTC_RESIDUAL_KEEP, MTC_RESIDUAL_FLAG, MTC_RESIDUAL_DROP}[k];
        return 0;
    case OPT_TRANSLATE:
        o->translate = true;
        return strcmp(arg, "apertium") == 0 ? 0 : bad_value("--translate", arg, "an MT engine (apertium)");
    case 'h': usage(stdout); return stdout_served();
    case 'V': printf("mtclean %s\n", mtc_version()); return stdout_served();
    default: fputs("Try 'mtclean --help' for more information.\n", stderr); return 2;
    }
}

/* The checks that need every option seen. */
static int check_options(const options *o, const parse_state *ps)
{
    if ((o->marker_open && !*o->marker_open) || (o->marker_close && !*o->marker_close)) {
        fputs("mtclean: markers must not be empty\n", stderr);
        return 2;
    }
    if (ps->html_max_given && !o->html_path) {
        fputs("mtclean: --html-max-docs needs --html\n", stderr);
        return 2;
    }
    return check_combinations(o, ps->jsonl_only_given);
}

int options_parse(options *o, int argc, char **argv)
{
    set_defaults(o);
    parse_state ps = {0};
    int c;
    while ((c = getopt_long(argc, argv, "m:r:o:zd:cqlR:j:hV", long_options, NULL)) != -1) {
        if (plain_option(o, c, optarg, &ps))
            continue;
        int rc = checked_option(o, c, optarg, &ps);
        if (rc)
            return rc;
    }
    int bad = check_options(o, &ps);
    if (bad)
        return bad;
    o->paths.extra_rules = o->extra_rules;
    o->paths.n_extra_rules = ps.n_rules;
    o->inputs = argv + optind;
    o->n_inputs = argc - optind;
    return 0;
}

void options_free(options *o)
{
    free(o->extra_rules);
    o->extra_rules = NULL;
}
