#include "fsutil.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int read_whole_file(const char *path, buf *out, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(out, chunk, got);
    int bad = ferror(f);
    int saved = errno;
    fclose(f);
    if (bad) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(saved));
        return -1;
    }
    return 0;
}

int data_file_open(data_lines *d, const char *path, unsigned flags, char *err, size_t errlen)
{
    buf text = {0};
    int rc = read_whole_file(path, &text, err, errlen);
    data_lines_open(d, path, text.data, rc == 0 ? text.len : 0, flags, err, errlen);
    d->text = text;
    return rc;
}

int data_dir_each_line(const char *dir, const char *name, int (*fn)(void *ctx, data_lines *d), void *ctx,
                       char *err, size_t errlen)
{
    buf path = {0};
    buf_printf(&path, "%s/%s", dir, name);
    data_lines d;
    int rc = data_file_open(&d, path.data, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    while (rc == 0 && (rc = data_lines_next(&d)) > 0)
        rc = fn(ctx, &d);
    data_lines_close(&d);
    buf_free(&path);
    return rc;
}

bool file_readable(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    /* fopen accepts a directory; the first read fails with EISDIR. */
    int c = getc(f), saved = errno;
    bool readable = !(c == EOF && ferror(f));
    fclose(f);
    errno = saved;
    return readable;
}

bool dir_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int list_files_with_suffix(const char *dir, const char *suffix, char ***paths, size_t *count, char *err,
                           size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s: cannot open directory: %s", dir, strerror(errno));
        return -1;
    }
    size_t n = 0, cap = 0, slen = strlen(suffix);
    char **list = NULL;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len <= slen || strcmp(e->d_name + len - slen, suffix) != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            list = xrealloc(list, cap * sizeof *list);
        }
        buf path = {0};
        buf_printf(&path, "%s/%s", dir, e->d_name);
        list[n++] = path.data;
    }
    closedir(d);
    if (n)
        qsort(list, n, sizeof *list, compare_names); /* load order = name order */
    *paths = list;
    *count = n;
    return 0;
}

void free_file_list(char **paths, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
}
