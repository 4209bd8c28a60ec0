/* Line splitting shared by the stream reader and the in-memory API. */
#ifndef MTC_LINES_H
#define MTC_LINES_H
#include <stdbool.h>
#include <stddef.h>

/* Finds the next line in p[0..avail): its length *n and terminator length
   *eoln (\n, \r\n or a lone \r; 0 when none). A line longer than max_line is
   cut after its last space within the limit, else at a UTF-8 boundary, with
   *eoln = 0. Returns false when more input is needed to decide. */
bool line_find(const char *p, size_t avail, size_t max_line, bool at_eof, size_t *n, size_t *eoln);
#endif
