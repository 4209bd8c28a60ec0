/* HTML documents in the program: telling HTML from text, and turning a
   page into the text the pipeline cleans plus its report fields. */
#ifndef MTC_HTMLIN_H
#define MTC_HTMLIN_H
#include "buf.h"
#include "options.h"
#include <stdbool.h>

/* Forced by --input, else detected from the first bytes (text when unsure). */
bool htmlin_is_html(input_kind kind, const char *p, size_t n);
/* The article text of the page p[0..n) into text (replaced); meta gets the
   report's ,"html":{...} member. Returns 0, or -1 with err filled. */
int htmlin_extract(const mtc_engine *engine, const char *p, size_t n, buf *text, buf *meta, char *err,
                   size_t errlen);
#endif
