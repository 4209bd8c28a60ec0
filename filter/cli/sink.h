/* The outputs of a run, all of one shape: the text, --explain, --html,
   --report, --summary and the progress line are sinks. Each opens if the
   options ask for it, may record the segments of a document as the worker
   threads clean it, is given each document in input order on the writing
   thread, and closes at the end of the run. Adding an output: a sink_ops
   in the module that writes it, and a line in the table of sinks.c. */
#ifndef MTC_SINK_H
#define MTC_SINK_H
#include "document.h"
#include "options.h"
#include "output.h"

/* What every sink is given: the run's options and engine, and where an
   error message goes. */
typedef struct sink_env {
    const options *opt;
    const mtc_engine *engine;
    char *err;
    size_t errlen;
} sink_env;

typedef struct sink_ops {
    const char *name;
    /* Sets *state when the run has this output (left NULL: it has not).
       -1 with env->err filled. */
    int (*open)(const sink_env *env, void **state);
    /* On a worker thread: a segment of document d was cleaned (the hook's
       info is only valid during the call). NULL: the sink takes none. */
    void (*segment)(document *d, const mtc_segment_info *info);
    /* On the writing thread, in input order: document d, complete, or what
       a streamed one gave so far (d->complete false). -1 with env->err. */
    int (*document)(const sink_env *env, void *state, document *d);
    /* The end of the run: rc is 0, or -1 after an error (nothing more is
       written but the file is closed). Returns rc, or -1 with env->err. */
    int (*close)(const sink_env *env, void *state, int rc);
    void (*free)(void *state);
} sink_ops;

/* Every sink, in the order documents reach them; closed in reverse. */
extern const sink_ops *const sink_table[];
extern const size_t sink_count;

/* Helpers for the sinks that write a file. */
int sink_write(const sink_env *env, writer *w, const buf *b);
/* Closes w; its error becomes the result only if rc was 0. */
int sink_close_writer(const sink_env *env, writer *w, int rc);
#endif
