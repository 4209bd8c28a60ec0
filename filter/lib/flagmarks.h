/* Flag mode and marker strings found in the text (README "Robustness"): each
   is written twice, so that a doubled marker is text and a single one a
   marker, and stripping the markers gives the input back byte for byte. */
#ifndef MTC_FLAGMARKS_H
#define MTC_FLAGMARKS_H
#include "buf.h"

/* A marker put into a line's output: before byte at of the line, the len
   bytes of the output from from. */
typedef struct flag_mark {
    size_t at, from, len;
} flag_mark;

typedef struct flag_marks {
    flag_mark *items;
    size_t count, cap;
} flag_marks;

void flag_marks_add(flag_marks *m, size_t at, size_t from, size_t len);
void flag_marks_free(flag_marks *m);
/* *out is line[0..n) with the marks inserted. If the line holds open or
   close, rebuilds *out with them doubled (scratch is swapped in). A mark
   that falls inside such a string moves after it: the sentence segmenter
   may cut between "{{" and "MTC:", the bytes of the text must stay whole. */
void flag_double_markers(buf *out, buf *scratch, const flag_marks *m, const char *line, size_t n, const char *open,
                         const char *close);
#endif
