/* Small file-system helpers. */
#ifndef MTC_FSUTIL_H
#define MTC_FSUTIL_H
#include "buf.h"
#include <stdbool.h>

int read_whole_file(const char *path, buf *out, char *err, size_t errlen);
/* The file opens and its first byte reads (a directory does not); errno says why not. */
bool file_readable(const char *path);
bool dir_exists(const char *path);
/* Sorted list of DIR/NAME for the names ending in suffix. */
int list_files_with_suffix(const char *dir, const char *suffix, char ***paths, size_t *count, char *err,
                           size_t errlen);
void free_file_list(char **paths, size_t count);
#endif
