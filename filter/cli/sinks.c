#include "sink.h"
#include <stdio.h>

extern const sink_ops reasons_sink, summary_sink, text_sink, explain_sink, html_sink, report_sink, rejected_sink,
    grep_sink, progress_sink;

/* The summary counts a document before anything of it is written; the
   progress line counts it once everything is. */
const sink_ops *const sink_table[] = {&reasons_sink, &summary_sink,  &text_sink, &explain_sink, &html_sink,
                                      &report_sink,  &rejected_sink, &grep_sink, &progress_sink};
const size_t sink_count = sizeof sink_table / sizeof *sink_table;

int sink_write(const sink_env *env, writer *w, const buf *b)
{
    return b->len ? writer_write(w, b->data, b->len, env->err, env->errlen) : 0;
}

int sink_close_writer(const sink_env *env, writer *w, int rc)
{
    char err[512];
    if (writer_close(w, err, sizeof err) < 0 && rc == 0) {
        snprintf(env->err, env->errlen, "%s", err);
        return -1;
    }
    return rc;
}
