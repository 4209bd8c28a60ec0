/* Internal view of the engine and worker shared by the library's modules. */
#ifndef MTC_ENGINE_H
#define MTC_ENGINE_H
#include "settings.h"
#include "extract.h"
#include "lexicon.h"
#include "mtclean.h"
#include "repair.h"
#include "rules.h"
#include "score.h"
#include "segment.h"
#include "text.h"
#include "words.h"

struct mtc_engine {
    mtc_config cfg;
    ruleset rules;
    size_t builtin_rule[REPAIR_KINDS]; /* report index of each built-in repair */
    wordlists lists;
    char *dict_dir;
    extract_conf *html; /* rules/html.conf */
};

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
    verdict_vec verdicts; /* filled only when a hook wants them */
    doc_stream doc;
    char err[512];
};

/* Default data directories: installed location, else the source tree. */
const char *mtc_default_data_dir(void);
#endif
