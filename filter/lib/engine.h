/* Internal view of the engine and worker shared by the library's modules. */
#ifndef MTC_ENGINE_H
#define MTC_ENGINE_H
#include "boiler.h"
#include "settings.h"
#include "extract.h"
#include "flagmarks.h"
#include "lexicon.h"
#include "mtclean.h"
#include "repair.h"
#include "rules.h"
#include "score.h"
#include "segment.h"
#include "text.h"
#include "translate.h"
#include "translate_text.h"
#include "words.h"

struct mtc_engine {
    mtc_config cfg;
    ruleset rules;
    size_t builtin_rule[REPAIR_KINDS]; /* report index of each built-in repair */
    wordlists lists;
    repair_data repair;
    junctions junctions;
    char *dict_dir;
    extract_conf *html; /* rules/html.conf */
    boiler_model boiler;   /* the line classifier (rules/boiler.*) */
    size_t boiler_rule;    /* report index of its built-in rule "boiler" */
    size_t repeat_rule;    /* ... and of "repeat" (a line of the --repeats table) */
    mtc_repeats *repeats;  /* NULL without --repeats */
};

/* The line held back until the next non-blank line is seen, so that the
   boilerplate classifier knows both neighbours; the blank lines after it wait
   with it (at most input.max_line_bytes of them). */
typedef struct held_line {
    bool active;
    buf text;     /* the line and its end-of-line bytes */
    size_t n;     /* the line's length without them */
    double f[BOILER_N1];
    uint64_t key; /* its boiler_line_key, for --repeats */
    buf blanks;   /* the blank lines after it, with their line ends */
} held_line;

/* Blank lines held back in repair/drop mode, so dropping a paragraph does
   not leave a hole of blank lines behind it. */
typedef struct blank_state {
    buf pending, saved;
    bool dropped_since_content;
} blank_state;

/* The document being cleaned through the streaming API (stream.c). */
typedef struct doc_stream {
    mtc_write_fn write;
    void *write_ctx;
    mtc_stats *stats;
    buf pending;       /* the start of a line not yet complete */
    buf out;           /* output not yet given to write */
    mtc_status status; /* the document's error, sticky until the next begin */
    bool active;       /* between begin and end */
    bool broken;       /* out of memory: the worker can only be freed */
} doc_stream;

struct mtc_worker {
    const mtc_engine *engine;
    mtc_mode mode;
    char *marker_open, *marker_close;
    lexicon *lex;
    text_ctx *tc;
    segmenter *seg;
    tokenizer *tok;
    pcre2_match_data *md;
    span_vec spans;
    word_vec words;
    buf nfc, rewritten, line_out;
    blank_state blanks;
    mtc_segment_hook hook;
    void *hook_ctx;
    bool line_start;      /* the next segment is the first of its line */
    bool after_clean;     /* the segment before was clean (French or kept English) */
    verdict_vec verdicts; /* filled only when a hook wants them */
    doc_stream doc;
    held_line held;
    boiler_doc bdoc;
    double prev_p[2];     /* final scores of the two lines before the held one; <0: none */
    double prev_f[BOILER_N1]; /* the features of the line before it */
    long line_builtin;    /* the boiler or repeat rule made the line being processed boilerplate; -1: no */
    buf reason;           /* ... and why ("boiler:0.93 short,ui") */
    bool keep_english;    /* English sentences pass as clean text */
    bool from_html;       /* the text was extracted from HTML: boiler.html_threshold */
    word_vec words2;      /* the repaired segment, re-scored */
    verdict_vec verdicts2;
    mtc_residual residual;
    bool translate, translate_english;
    translator *tr;       /* started at the first span */
    buf translated, warnings;
    unsigned seg_translated;
    flag_marks marks;     /* flag mode: the markers put into line_out */
    bool mid_line;        /* the last piece had no terminator: a long line was cut */
    char err[512];
};

/* Default data directories: installed location, else the source tree. */
const char *mtc_default_data_dir(void);
#endif
