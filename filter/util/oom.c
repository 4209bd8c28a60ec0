#include "oom.h"
#include "mtclean.h"
#include <stdio.h>
#include <stdlib.h>

/* Set once by the program, before any worker runs; read by every thread. */
static mtc_oom_handler handler;
static void *handler_ctx;
/* Each thread's innermost guard. */
static _Thread_local oom_guard *innermost;

void mtc_set_oom_handler(mtc_oom_handler fn, void *ctx)
{
    handler = fn;
    handler_ctx = ctx;
}

void oom_push(oom_guard *g)
{
    g->outer = innermost;
    innermost = g;
}

void oom_pop(oom_guard *g) { innermost = g->outer; }

_Noreturn void oom_fail(size_t bytes)
{
    if (handler)
        handler(handler_ctx, bytes);
    oom_guard *g = innermost;
    if (!g)
        abort();
    innermost = g->outer;
    longjmp(g->jump, 1);
}

void *oom_guarded_new(void *(*make)(const void *arg, char *err, size_t errlen), const void *arg, char *err,
                      size_t errlen)
{
    oom_guard g;
    if (!OOM_GUARD(&g)) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    void *made = make(arg, err, errlen);
    oom_pop(&g);
    return made;
}
