#include "workqueue.h"
#include "buf.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct slot {
    void *job;
    size_t bytes;
    bool done;
} slot;

typedef struct worker_thread {
    workqueue *q;
    pthread_t tid;
    void *state;
    bool ready; /* state_new has returned */
} worker_thread;

struct workqueue {
    workqueue_ops ops;
    void *ctx;
    void *inline_state; /* one thread: jobs run on the caller's */
    worker_thread *threads;
    unsigned max_threads, started, waiting;
    /* A ring of jobs in submission order: [head, next) are being processed
       or done, [next, tail) wait for a thread. Only the caller moves head. */
    slot *ring;
    size_t cap, head, next, tail;
    size_t wake_batch;      /* done jobs worth waking the caller for */
    bool caller_waiting;
    size_t bytes, max_bytes;
    pthread_mutex_t mu;
    pthread_cond_t work_cv; /* threads wait for jobs */
    pthread_cond_t done_cv; /* the caller waits for results */
    bool stopping, failed, emit_failed;
    char err[512];
};

/* Waking the caller for every finished job costs system calls and lock
   contention per job, which small documents feel. It is woken when it can
   emit a batch, or when the threads are about to run out of work. */
static bool caller_should_wake(const workqueue *q)
{
    if (!q->caller_waiting || !q->ring[q->head % q->cap].done)
        return false; /* it waits for the oldest job */
    size_t run = 1;
    while (q->head + run < q->tail && q->ring[(q->head + run) % q->cap].done)
        run++;
    return run >= q->wake_batch || q->tail - q->next < 2 * q->started; /* threads about to run dry */
}

/* With the lock held: the caller waits for results. */
static void wait_for_results(workqueue *q)
{
    q->caller_waiting = true;
    pthread_cond_wait(&q->done_cv, &q->mu);
    q->caller_waiting = false;
}

static void *thread_main(void *arg)
{
    worker_thread *t = arg;
    workqueue *q = t->q;
    char err[512] = "";
    void *state = q->ops.state_new(q->ctx, err, sizeof err);
    pthread_mutex_lock(&q->mu);
    t->state = state;
    t->ready = true;
    if (!state && !q->failed) {
        q->failed = true;
        snprintf(q->err, sizeof q->err, "%s", err);
    }
    pthread_cond_broadcast(&q->done_cv);
    bool wake_caller = false;
    while (state) {
        while (!q->stopping && q->next == q->tail) {
            if (wake_caller)
                pthread_cond_signal(&q->done_cv);
            wake_caller = false;
            q->waiting++;
            pthread_cond_wait(&q->work_cv, &q->mu);
            q->waiting--;
        }
        if (q->stopping)
            break;
        slot *s = &q->ring[q->next++ % q->cap]; /* stays put until the caller emits it */
        pthread_mutex_unlock(&q->mu);
        if (wake_caller) /* after unlocking: the caller does not wake into a held lock */
            pthread_cond_signal(&q->done_cv);
        q->ops.process(state, s->job);
        pthread_mutex_lock(&q->mu);
        s->done = true;
        wake_caller = caller_should_wake(q);
    }
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

/* Called with the lock held. Returns the pthread_create error, 0 on success. */
static int start_thread(workqueue *q)
{
    worker_thread *t = &q->threads[q->started];
    t->q = q;
    int rc = pthread_create(&t->tid, NULL, thread_main, t);
    if (rc == 0)
        q->started++;
    return rc;
}

/* With the lock held: emits the finished jobs at the head, unlocking
   meanwhile. Their slots are freed after, so the bounds hold during emission;
   no thread touches a finished job's slot. */
static void pop_and_emit(workqueue *q)
{
    size_t run = 0, bytes = 0;
    while (q->head + run < q->tail && q->ring[(q->head + run) % q->cap].done)
        run++;
    bool failed = q->emit_failed;
    pthread_mutex_unlock(&q->mu);
    for (size_t i = 0; i < run; i++) {
        slot *s = &q->ring[(q->head + i) % q->cap];
        bytes += s->bytes;
        if (failed)
            q->ops.discard(q->ctx, s->job);
        else if (q->ops.emit(q->ctx, s->job) < 0)
            failed = true;
    }
    pthread_mutex_lock(&q->mu);
    q->head += run;
    q->bytes -= bytes;
    q->emit_failed = failed;
}

static int failure(workqueue *q, char *err, size_t errlen)
{
    if (q->failed)
        snprintf(err, errlen, "%s", q->err);
    return -1;
}

workqueue *workqueue_new(unsigned threads, size_t max_jobs, size_t max_bytes, const workqueue_ops *ops, void *ctx,
                         char *err, size_t errlen)
{
    workqueue *q = xcalloc(1, sizeof *q);
    q->ops = *ops;
    q->ctx = ctx;
    q->cap = max_jobs ? max_jobs : 1;
    q->wake_batch = q->cap / 2 ? q->cap / 2 : 1;
    q->max_bytes = max_bytes;
    if (threads <= 1) {
        q->inline_state = ops->state_new(ctx, err, errlen);
        if (!q->inline_state) {
            free(q);
            return NULL;
        }
        return q;
    }
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->work_cv, NULL);
    pthread_cond_init(&q->done_cv, NULL);
    q->ring = xcalloc(q->cap, sizeof *q->ring);
    q->threads = xcalloc(threads, sizeof *q->threads);
    q->max_threads = threads;
    pthread_mutex_lock(&q->mu);
    int rc = start_thread(q);
    if (rc != 0) {
        q->failed = true;
        snprintf(q->err, sizeof q->err, "cannot start a thread: %s", strerror(rc));
    }
    while (!q->failed && !q->threads[0].ready)
        pthread_cond_wait(&q->done_cv, &q->mu);
    pthread_mutex_unlock(&q->mu);
    if (q->failed) {
        snprintf(err, errlen, "%s", q->err);
        workqueue_free(q);
        return NULL;
    }
    return q;
}

int workqueue_submit(workqueue *q, void *job, size_t bytes, char *err, size_t errlen)
{
    if (q->inline_state) {
        if (q->emit_failed) {
            q->ops.discard(q->ctx, job);
            return -1;
        }
        q->ops.process(q->inline_state, job);
        if (q->ops.emit(q->ctx, job) < 0)
            q->emit_failed = true;
        return q->emit_failed ? -1 : 0;
    }
    pthread_mutex_lock(&q->mu);
    for (;;) {
        if (q->failed || q->emit_failed)
            break;
        size_t in_flight = q->tail - q->head;
        if (in_flight < q->cap && (in_flight == 0 || q->bytes + bytes <= q->max_bytes))
            break;
        if (q->ring[q->head % q->cap].done)
            pop_and_emit(q);
        else
            wait_for_results(q);
    }
    if (q->failed || q->emit_failed) {
        pthread_mutex_unlock(&q->mu);
        q->ops.discard(q->ctx, job);
        return failure(q, err, errlen);
    }
    q->ring[q->tail % q->cap] = (slot){job, bytes, false};
    q->tail++;
    q->bytes += bytes;
    /* More waiting jobs than idle threads: one more thread, if allowed. A
       thread that cannot be created only means less parallelism. */
    if (q->tail - q->next > q->waiting && q->started < q->max_threads && start_thread(q) != 0)
        q->max_threads = q->started;
    if (q->waiting) { /* signalled unlocked, so that the thread does not wake into a held lock */
        pthread_mutex_unlock(&q->mu);
        pthread_cond_signal(&q->work_cv);
        pthread_mutex_lock(&q->mu);
    }
    while (q->head < q->tail && q->ring[q->head % q->cap].done && !q->emit_failed)
        pop_and_emit(q); /* keep the output flowing */
    int rc = q->failed || q->emit_failed ? failure(q, err, errlen) : 0;
    pthread_mutex_unlock(&q->mu);
    return rc;
}

int workqueue_drain(workqueue *q, char *err, size_t errlen)
{
    if (q->inline_state)
        return q->emit_failed ? -1 : 0;
    pthread_mutex_lock(&q->mu);
    while (q->head < q->tail && !q->failed && !q->emit_failed) {
        if (q->ring[q->head % q->cap].done)
            pop_and_emit(q);
        else
            wait_for_results(q);
    }
    int rc = q->failed || q->emit_failed ? failure(q, err, errlen) : 0;
    pthread_mutex_unlock(&q->mu);
    return rc;
}

void *workqueue_borrow(workqueue *q, char *err, size_t errlen)
{
    if (workqueue_drain(q, err, errlen) < 0)
        return NULL;
    /* Every job is emitted, so the first thread waits for work and does not
       touch its state; the lock taken by drain orders its last use before ours. */
    return q->inline_state ? q->inline_state : q->threads[0].state;
}

void workqueue_free(workqueue *q)
{
    if (!q)
        return;
    if (q->inline_state) {
        q->ops.state_free(q->inline_state);
        free(q);
        return;
    }
    pthread_mutex_lock(&q->mu);
    q->stopping = true;
    pthread_cond_broadcast(&q->work_cv);
    pthread_mutex_unlock(&q->mu);
    for (unsigned i = 0; i < q->started; i++)
        pthread_join(q->threads[i].tid, NULL);
    for (; q->head < q->tail; q->head++)
        q->ops.discard(q->ctx, q->ring[q->head % q->cap].job);
    for (unsigned i = 0; i < q->started; i++)
        if (q->threads[i].state)
            q->ops.state_free(q->threads[i].state);
    pthread_mutex_destroy(&q->mu);
    pthread_cond_destroy(&q->work_cv);
    pthread_cond_destroy(&q->done_cv);
    free(q->ring);
    free(q->threads);
    free(q);
}
