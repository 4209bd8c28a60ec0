/* Small file-system helpers. */
#ifndef MTC_FSUTIL_H
#define MTC_FSUTIL_H
#include "buf.h"
#include "lines.h"
#include <stdbool.h>

int read_whole_file(const char *path, buf *out, char *err, size_t errlen);
/* Reads the data file PATH whole and opens d over it (flags as for
   data_lines_open); d keeps the bytes until data_lines_close. Returns 0, or
   -1 with err, d then open over nothing, so that a loop
   `while (rc == 0 && (rc = data_lines_next(&d)) > 0)` and the close work alike. */
int data_file_open(data_lines *d, const char *path, unsigned flags, char *err, size_t errlen);
/* Reads DIR/NAME, a '#' and what follows it a comment, blank lines passed
   over, handing each line to fn, which returns 0 or data_lines_fail()'s -1:
   the loop of the small lists of dicts/. Returns 0, or -1 with err. */
int data_dir_each_line(const char *dir, const char *name, int (*fn)(void *ctx, data_lines *d), void *ctx,
                       char *err, size_t errlen);
/* The file opens and its first byte reads (a directory does not); errno says why not. */
bool file_readable(const char *path);
bool dir_exists(const char *path);
/* Sorted list of DIR/NAME for the names ending in suffix. */
int list_files_with_suffix(const char *dir, const char *suffix, char ***paths, size_t *count, char *err,
                           size_t errlen);
void free_file_list(char **paths, size_t count);
#endif
