#include "html_store.h"
#include "output.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The file is rewritten once it is this much larger than twice its live
   markup: compaction then costs at most about one copy per byte written. */
#define COMPACT_SLACK ((uint64_t)1 << 20)

static int file_error(char *err, size_t errlen)
{
    snprintf(err, errlen, "temporary file: %s", errno ? strerror(errno) : "read error");
    return -1;
}

int html_store_open(html_store *s, size_t cap, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    s->cap = cap;
    s->file = temp_file("mtclean-html", err, errlen);
    return s->file ? 0 : -1;
}

int html_entry_cmp(const html_entry *a, const html_entry *b)
{
    if (a->has_text != b->has_text)
        return a->has_text ? -1 : 1;
    if (a->quality != b->quality)
        return a->quality < b->quality ? -1 : 1;
    return a->doc < b->doc ? -1 : a->doc > b->doc;
}

bool html_store_wants(const html_store *s, const html_entry *key)
{
    return s->count < s->cap || (s->count && html_entry_cmp(key, &s->heap[0]) < 0);
}

static void swap(html_entry *a, html_entry *b)
{
    html_entry t = *a;
    *a = *b;
    *b = t;
}

static void sift_up(html_store *s, size_t i)
{
    while (i && html_entry_cmp(&s->heap[(i - 1) / 2], &s->heap[i]) < 0) {
        swap(&s->heap[(i - 1) / 2], &s->heap[i]);
        i = (i - 1) / 2;
    }
}

static void sift_down(html_store *s, size_t i)
{
    for (;;) {
        size_t big = i, l = 2 * i + 1, r = l + 1;
        if (l < s->count && html_entry_cmp(&s->heap[big], &s->heap[l]) < 0)
            big = l;
        if (r < s->count && html_entry_cmp(&s->heap[big], &s->heap[r]) < 0)
            big = r;
        if (big == i)
            return;
        swap(&s->heap[big], &s->heap[i]);
        i = big;
    }
}

static int copy_range(FILE *from, uint64_t offset, uint64_t len, FILE *to, writer *out, char *err, size_t errlen)
{
    char chunk[64 * 1024];
    errno = 0;
    if (fseeko(from, (off_t)offset, SEEK_SET) != 0)
        return file_error(err, errlen);
    while (len) {
        size_t want = len < sizeof chunk ? (size_t)len : sizeof chunk;
        if (fread(chunk, 1, want, from) != want)
            return file_error(err, errlen);
        if (to && fwrite(chunk, 1, want, to) != want)
            return file_error(err, errlen);
        if (out && writer_write(out, chunk, want, err, errlen) < 0)
            return -1;
        len -= want;
    }
    return 0;
}

/* Copies the live markup into a new file. */
static int compact(html_store *s, char *err, size_t errlen)
{
    FILE *to = temp_file("mtclean-html", err, errlen);
    if (!to)
        return -1;
    uint64_t at = 0;
    for (size_t i = 0; i < s->count; i++) {
        html_entry *e = &s->heap[i];
        uint64_t len = (uint64_t)e->row_len + e->section_len;
        if (copy_range(s->file, e->offset, len, to, NULL, err, errlen) < 0) {
            fclose(to);
            return -1;
        }
        e->offset = at;
        at += len;
    }
    fclose(s->file);
    s->file = to;
    s->file_len = at;
    return 0;
}

static int append(html_store *s, html_entry *key, const buf *row, const buf *section, char *err, size_t errlen)
{
    errno = 0;
    if (fseeko(s->file, (off_t)s->file_len, SEEK_SET) != 0 ||
        (row->len && fwrite(row->data, 1, row->len, s->file) != row->len) ||
        (section->len && fwrite(section->data, 1, section->len, s->file) != section->len))
        return file_error(err, errlen);
    key->offset = s->file_len;
    key->row_len = row->len;
    key->section_len = section->len;
    s->file_len += row->len + section->len;
    s->live += row->len + section->len;
    return 0;
}

int html_store_add(html_store *s, html_entry key, const buf *row, const buf *section, html_entry *evicted,
                   char *err, size_t errlen)
{
    if (append(s, &key, row, section, err, errlen) < 0)
        return -1;
    int pushed_out = 0;
    if (s->count < s->cap) {
        if (s->count == s->alloc) {
            s->alloc = s->alloc ? 2 * s->alloc : 16;
            s->heap = xrealloc(s->heap, s->alloc * sizeof *s->heap);
        }
        s->heap[s->count++] = key;
        sift_up(s, s->count - 1);
    } else {
        *evicted = s->heap[0];
        s->live -= evicted->row_len + evicted->section_len;
        s->heap[0] = key;
        sift_down(s, 0);
        pushed_out = 1;
    }
    if (s->file_len > 2 * s->live + COMPACT_SLACK && compact(s, err, errlen) < 0)
        return -1;
    return pushed_out;
}

static int qsort_cmp(const void *a, const void *b) { return html_entry_cmp(a, b); }

void html_store_sort(html_store *s)
{
    if (s->count)
        qsort(s->heap, s->count, sizeof *s->heap, qsort_cmp);
}

int html_store_copy(html_store *s, const html_entry *e, bool section, writer *out, char *err, size_t errlen)
{
    if (fflush(s->file) != 0)
        return file_error(err, errlen);
    uint64_t at = section ? e->offset + e->row_len : e->offset;
    return copy_range(s->file, at, section ? e->section_len : e->row_len, NULL, out, err, errlen);
}

void html_store_free(html_store *s)
{
    if (s->file)
        fclose(s->file);
    free(s->heap);
    memset(s, 0, sizeof *s);
}
