/* A document's segments as the pipeline described them (mtc_segment_info),
   copied so that they can be replayed later on another thread: the --html
   page is built on the writing thread, in input order, from segments seen
   by the worker threads. */
#ifndef MTC_SEGLOG_H
#define MTC_SEGLOG_H
#include "buf.h"
#include "mtclean.h"
#include <stdbool.h>

typedef struct seglog_entry {
    mtc_segment_info info; /* label and rule are static or the engine's; the rest is in the log */
    size_t text_at, output_at, words_at, reason_at;
    bool has_output, has_reason; /* the reason is the worker's: copied, with its NUL */
} seglog_entry;

typedef struct seglog {
    seglog_entry *entries;
    size_t count, cap;
    buf bytes; /* texts and outputs */
    mtc_word_info *words;
    size_t n_words, words_cap;
} seglog;

/* The mtc_segment_hook: ctx is a seglog*. */
void seglog_record(void *ctx, const mtc_segment_info *info);
/* Calls hook on every segment recorded, in order. */
void seglog_replay(const seglog *log, mtc_segment_hook hook, void *ctx);
void seglog_clear(seglog *log);
void seglog_free(seglog *log);
#endif
