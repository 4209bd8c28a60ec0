/* Apertium as a long-lived co-process: English -> Spanish -> French (Debian
   has no direct English-French pair), one pipeline per worker thread.

   Each request is the text followed by a NUL; every stage runs with -z
   (null-flush) and unbuffered output (stdbuf -o0: lt-proc 3.7 in -b/-g/-n
   modes does not flush on the NUL by itself), so one process serves every
   request of the run. A request that takes longer than the deadline, or a
   pipeline that dies, is an error for that request only: the process group
   is killed and reaped, and the next request starts a new pipeline. */
#ifndef MTC_TRANSLATE_H
#define MTC_TRANSLATE_H
#include "buf.h"
#include <stdbool.h>

typedef struct translator translator;

/* The modes directory: $MTCLEAN_APERTIUM_MODES, else Apertium's own. */
const char *translate_modes_dir(void);
/* Checks that the pipeline can be built: the mode files and the programs
   they run are there. -1 with err naming the missing Debian packages. */
int translate_check(char *err, size_t errlen);

translator *translator_new(int timeout_ms, int max_failures);
/* Translates s[0..n) (no NUL) into out. -1 with err on a timeout or a crash
   (the text is not lost: the caller keeps it), or once max_failures
   requests failed (-2: translation is then off for this worker). */
int translator_run(translator *t, const char *s, size_t n, buf *out, char *err, size_t errlen);
/* Ends the co-process (if any) and reaps it. */
void translator_free(translator *t);
#endif
