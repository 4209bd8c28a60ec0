#include "progress.h"
#include "sink.h"
#include <stdlib.h>
#include <unistd.h>
#include <inttypes.h>
#include <stdio.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double interval(const progress *p) { return p->terminal ? 0.5 : 10.0; }

void progress_init(progress *p, bool enabled, bool terminal)
{
    *p = (progress){.enabled = enabled, .terminal = terminal};
    if (!enabled)
        return;
    p->start = now();
    p->next = p->start + interval(p);
}

static void print_line(const char *prefix, double elapsed, uint64_t documents, uint64_t bytes, const char *end)
{
    double secs = elapsed > 1e-6 ? elapsed : 1e-6;
    fprintf(stderr, "%smtclean: %" PRIu64 " documents, %.1f MB in %.1f s: %.0f docs/s, %.2f MB/s%s", prefix,
            documents, (double)bytes / 1e6, elapsed, (double)documents / secs, (double)bytes / 1e6 / secs, end);
}

void progress_update(progress *p, uint64_t documents, uint64_t bytes)
{
    if (!p->enabled)
        return;
    double t = now();
    if (t < p->next)
        return;
    p->next = t + interval(p);
    /* In place: back to the start of the line, and clear what a longer line left. */
    print_line(p->terminal ? "\r" : "", t - p->start, documents, bytes, p->terminal ? "\033[K" : "\n");
    p->shown = p->terminal;
}

void progress_finish(progress *p, uint64_t documents, uint64_t bytes)
{
    if (!p->enabled)
        return;
    print_line(p->shown ? "\r\033[K" : "", now() - p->start, documents, bytes, " (done)\n");
    p->shown = false;
}

/* The progress sink: documents and bytes done, a streamed one's bytes
   counted as they come. */
typedef struct progress_out {
    progress p;
    uint64_t documents, bytes;
} progress_out;

static int progress_open(const sink_env *env, void **state)
{
    bool terminal = isatty(STDERR_FILENO);
    int mode = env->opt->progress;
    if (mode == PROGRESS_OFF || (mode == PROGRESS_AUTO && !terminal))
        return 0;
    progress_out *o = xcalloc(1, sizeof *o);
    progress_init(&o->p, true, terminal);
    *state = o;
    return 0;
}

static int progress_document(const sink_env *env, void *state, document *d)
{
    (void)env;
    progress_out *o = state;
    if (!d->complete) {
        progress_update(&o->p, o->documents, o->bytes + d->input_bytes);
        return 0;
    }
    o->documents++;
    o->bytes += d->input_bytes;
    progress_update(&o->p, o->documents, o->bytes);
    return 0;
}

static int progress_close(const sink_env *env, void *state, int rc)
{
    (void)env;
    progress_out *o = state;
    if (rc == 0)
        progress_finish(&o->p, o->documents, o->bytes);
    return rc;
}

const sink_ops progress_sink = {"progress", progress_open, NULL, progress_document, progress_close, free};
