/* Progress on standard error: documents and megabytes (10^6 bytes) read,
   and their rates. On a terminal one line rewritten in place every 0.5 s;
   elsewhere (a log) a line every 10 s. Always a final line when enabled. */
#ifndef MTC_PROGRESS_H
#define MTC_PROGRESS_H
#include <stdbool.h>
#include <stdint.h>

typedef struct progress {
    bool enabled, terminal;
    double start, next; /* seconds on the monotonic clock */
    bool shown;         /* a line in place needs clearing before the final one */
} progress;

void progress_init(progress *p, bool enabled, bool terminal);
/* Cheap when nothing is due: a clock read. */
void progress_update(progress *p, uint64_t documents, uint64_t bytes);
void progress_finish(progress *p, uint64_t documents, uint64_t bytes);
#endif
