/* Inputs into documents: a text file is one document, or several separated
   by --doc-sep lines; a JSON Lines file is one document per record. */
#ifndef MTC_SOURCES_H
#define MTC_SOURCES_H
#include "corpus.h"

/* Reads one input (NULL or "-": standard input) into the corpus. Returns 0,
   or -1 with c->err filled ("FILE:LINE: what" for a bad record). */
int source_read(corpus *c, const char *path);
#endif
