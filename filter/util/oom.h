/* Out of memory inside the library: no message, no abort. Each public
   entry point that allocates sets a guard (setjmp); an allocation that
   fails calls the program's handler (mtc_set_oom_handler), then returns to
   the innermost guard of its thread, whose call gives up with
   MTC_ERR_NOMEM. */
#ifndef MTC_OOM_H
#define MTC_OOM_H
#include <setjmp.h>
#include <stddef.h>

typedef struct oom_guard {
    jmp_buf jump;
    struct oom_guard *outer;
} oom_guard;

void oom_push(oom_guard *g);
/* Removes g, the innermost guard (after its call ended normally). */
void oom_pop(oom_guard *g);
/* An allocation of bytes failed: the handler, then the jump. With no guard
   set (an internal function called outside the API: the program's own
   build, or a test) there is nowhere to return to, and it aborts. */
_Noreturn void oom_fail(size_t bytes);

/* True on entry; false when an allocation under the guard failed (the
   guard is then already removed). setjmp must be called in the guarded
   function itself, hence a macro. */
#define OOM_GUARD(g) (oom_push(g), setjmp((g)->jump) == 0)
/* make(arg, err, errlen) under a guard: its result, or NULL with "out of
   memory" in err. For the public calls that create something. */
void *oom_guarded_new(void *(*make)(const void *arg, char *err, size_t errlen), const void *arg, char *err,
                      size_t errlen);
#endif
