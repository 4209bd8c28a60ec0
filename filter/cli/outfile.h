/* Output files opened safely, before anything is read or written (issue 14):
   - every output is opened first, none truncated until all are open, so a
     failing --report leaves an older -o file whole;
   - an output that is the same regular file (device and inode, through
     symlinks too) as an input or as another output is refused;
   - -o to a regular file (or a new one) is written to a temporary file in
     the same directory and renamed onto it at the end: a failed run leaves
     the old file as it was. Other files (/dev/stdout, pipes, /dev/null)
     are written in place. */
#ifndef MTC_OUTFILE_H
#define MTC_OUTFILE_H
#include "options.h"
#include <stddef.h>

/* Opens and checks every output of o. -1 with err filled ("FILE: what"). */
int outfiles_prepare(const options *o, char *err, size_t errlen);
/* The descriptor prepared for path (handed over: the caller closes it), or
   -1 if path was not prepared. */
int outfile_take(const char *path);
/* End of a successful run: renames the temporary -o file into place. */
int outfiles_commit(char *err, size_t errlen);
/* End of a failed run: removes the temporary file and the outputs this run
   created, closes what was not taken. */
void outfiles_abort(void);
#endif
