/* Internal view of the engine and worker shared by the library's modules. */
#ifndef MTC_ENGINE_H
#define MTC_ENGINE_H
#include "settings.h"
#include "flagmarks.h"
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
};

/* Blank lines held back in repair/drop mode, so dropping a paragraph does
   not leave a hole of blank lines behind it. */
typedef struct blank_state {
    buf pending, saved;
    bool dropped_since_content;
} blank_state;

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
    flag_marks marks;     /* flag mode: the markers put into line_out */
    bool mid_line;        /* the last piece had no terminator: a long line was cut */
    char err[512];
};

/* Default data directories: installed location, else the source tree. */
const char *mtc_default_data_dir(void);
#endif
