#include "seglog.h"
#include <stdlib.h>
#include <string.h>

void seglog_record(void *ctx, const mtc_segment_info *info)
{
    seglog *log = ctx;
    if (log->count == log->cap) {
        log->cap = log->cap ? log->cap * 2 : 64;
        log->entries = xrealloc(log->entries, log->cap * sizeof *log->entries);
    }
    if (log->n_words + info->n_words > log->words_cap) {
        while (log->n_words + info->n_words > log->words_cap)
            log->words_cap = log->words_cap ? log->words_cap * 2 : 256;
        log->words = xrealloc(log->words, log->words_cap * sizeof *log->words);
    }
    seglog_entry *e = &log->entries[log->count++];
    e->info = *info;
    e->text_at = log->bytes.len;
    buf_append(&log->bytes, info->text, info->len);
    e->has_output = info->output != NULL;
    e->output_at = log->bytes.len;
    if (e->has_output)
        buf_append(&log->bytes, info->output, info->output_len);
    e->has_reason = info->reason != NULL;
    e->reason_at = log->bytes.len;
    if (e->has_reason)
        buf_append(&log->bytes, info->reason, strlen(info->reason) + 1);
    e->words_at = log->n_words;
    if (info->n_words)
        memcpy(log->words + log->n_words, info->words, info->n_words * sizeof *info->words);
    log->n_words += info->n_words;
}

void seglog_replay(const seglog *log, mtc_segment_hook hook, void *ctx)
{
    for (size_t i = 0; i < log->count; i++) {
        const seglog_entry *e = &log->entries[i];
        mtc_segment_info info = e->info;
        info.text = log->bytes.data + e->text_at; /* allocated by the first record */
        info.output = e->has_output ? log->bytes.data + e->output_at : NULL;
        info.words = log->words ? log->words + e->words_at : NULL;
        info.reason = e->has_reason ? log->bytes.data + e->reason_at : NULL;
        hook(ctx, &info);
    }
}

void seglog_clear(seglog *log)
{
    log->count = 0;
    log->n_words = 0;
    buf_clear(&log->bytes);
}

void seglog_free(seglog *log)
{
    free(log->entries);
    free(log->words);
    buf_free(&log->bytes);
    memset(log, 0, sizeof *log);
}
