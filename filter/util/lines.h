/* Line splitting shared by the stream reader and the in-memory API, and the
   one reader of the data files (rules/ *.conf and *.rules, dicts/ lists and
   models). */
#ifndef MTC_LINES_H
#define MTC_LINES_H
#include "buf.h"
#include <stdbool.h>
#include <stddef.h>

/* Finds the next line in p[0..avail): its length *n and terminator length
   *eoln (\n, \r\n or a lone \r; 0 when none). A line longer than max_line is
   cut after its last space within the limit, else at a UTF-8 boundary, with
   *eoln = 0. Returns false when more input is needed to decide. */
bool line_find(const char *p, size_t avail, size_t max_line, bool at_eof, size_t *n, size_t *eoln);

/* A data file read one line at a time, so that every loader numbers its
   lines, treats comments and CR LF, and says what is wrong alike:
   "FILE:LINE: what". */
enum {
    DATA_HASH_TAIL = 1 << 0,  /* '#' and what follows it on a line is a comment */
    DATA_HASH_LINES = 1 << 1, /* a line that opens with '#' is a comment (a later '#' is data) */
    DATA_SKIP_BLANK = 1 << 2, /* lines empty, or of spaces and tabs, once comments went, are skipped */
};
typedef struct data_lines {
    const char *name; /* the file, for messages */
    const char *what; /* what the file is, for "NUL byte in WHAT" (NULL: "NUL byte") */
    char *line;       /* the current line without its terminator (\n, \r\n), NUL-terminated, writable */
    size_t len;
    int lineno; /* of the current line, from 1 */
    const char *p, *end;
    unsigned flags;
    buf copy;
    buf text; /* the file's bytes when data_file_open (fsutil.h) read them; freed by close */
    char *err;
    size_t errlen;
} data_lines;

void data_lines_open(data_lines *d, const char *name, const char *text, size_t len, unsigned flags, char *err,
                     size_t errlen);
/* The next line into d->line: 1, or 0 at the end, or -1 (err set) on a NUL
   byte, which a C string would silently end at. */
int data_lines_next(data_lines *d);
/* Writes "NAME:LINE: message" to the error buffer; returns -1. */
int data_lines_fail(data_lines *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void data_lines_close(data_lines *d);
#endif
