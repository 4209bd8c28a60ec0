/* Jobs processed in parallel, results delivered in submission order, with
   bounded memory: at most max_jobs jobs and max_bytes bytes in flight (a
   single bigger job is still admitted, alone). Each thread has its own state
   (an mtc_worker: Hunspell handles are not thread-safe). With one thread no
   thread is started: jobs run on the caller's thread. */
#ifndef MTC_WORKQUEUE_H
#define MTC_WORKQUEUE_H
#include <stdbool.h>
#include <stddef.h>

typedef struct workqueue_ops {
    /* Creates one thread's state, on that thread; NULL with err filled on failure. */
    void *(*state_new)(void *ctx, char *err, size_t errlen);
    void (*state_free)(void *state);
    /* Runs on a worker thread; must not touch anything but the job and the state. */
    void (*process)(void *state, void *job);
    /* Runs on the submitting thread, in submission order; takes the job over
       (frees it). Returns -1 to stop: later submits and drains fail. */
    int (*emit)(void *ctx, void *job);
    /* Frees a job that will never be emitted (after a failure). */
    void (*discard)(void *ctx, void *job);
} workqueue_ops;

typedef struct workqueue workqueue;

/* Creates the first thread's state before returning, so that a dictionary
   that cannot be loaded is reported before any input is read. Other threads
   start when there is work for them. NULL with err filled on failure. */
workqueue *workqueue_new(unsigned threads, size_t max_jobs, size_t max_bytes, const workqueue_ops *ops, void *ctx,
                         char *err, size_t errlen);
/* Queues a job of about `bytes` bytes, first emitting finished jobs and
   waiting while the queue is full. -1 if an emit failed or a thread could
   not start (err filled for the latter; the job is discarded). */
int workqueue_submit(workqueue *q, void *job, size_t bytes, char *err, size_t errlen);
/* Waits for every job and emits them. */
int workqueue_drain(workqueue *q, char *err, size_t errlen);
/* Drains, then lends the first thread's state to the caller, e.g. to stream
   a document too big to queue. Valid until the next submit. NULL on failure. */
void *workqueue_borrow(workqueue *q, char *err, size_t errlen);
/* Stops the threads, discards what was not emitted, frees the states. */
void workqueue_free(workqueue *q);
#endif
