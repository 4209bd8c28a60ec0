#include "repeats.h"
#include "boiler.h"
#include "engine.h"
#include "fsutil.h"
#include "lines.h"
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static mtc_repeats *table_new(size_t max, size_t max_bytes)
{
    mtc_repeats *r = xcalloc(1, sizeof *r);
    r->max = max;
    r->max_bytes = max_bytes;
    r->cap = 16;
    while (r->cap < 2 * max)
        r->cap *= 2;
    r->slots = xcalloc(r->cap, sizeof *r->slots);
    return r;
}

mtc_repeats *mtc_repeats_new(const mtc_engine *e)
{
    mtc_repeats *r = table_new((size_t)e->cfg.boiler_repeat_table_entries, (size_t)e->cfg.boiler_repeat_max_bytes);
    r->model = &e->boiler;
    return r;
}

void mtc_repeats_free(mtc_repeats *r)
{
    if (!r)
        return;
    free(r->slots);
    free(r);
}

static repeat_entry *find(const mtc_repeats *r, uint64_t key)
{
    size_t i = (size_t)key & (r->cap - 1);
    while (r->slots[i].key && r->slots[i].key != key)
        i = (i + 1) & (r->cap - 1);
    return &r->slots[i];
}

/* Full: forget the entries seen in the fewest documents until at most half
   the entries are left. Deterministic: it depends on the input order only. */
static void prune(mtc_repeats *r)
{
    repeat_entry *old = r->slots;
    size_t oldcap = r->cap;
    while (r->count > r->max / 2) {
        r->floor++;
        size_t kept = 0;
        for (size_t i = 0; i < oldcap; i++)
            kept += old[i].key && old[i].docs > r->floor;
        r->count = kept;
    }
    r->slots = xcalloc(r->cap, sizeof *r->slots);
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key && old[i].docs > r->floor)
            *find(r, old[i].key) = old[i];
    free(old);
}

void mtc_repeats_add_line(mtc_repeats *r, const char *s, size_t n)
{
    if (n > r->max_bytes || !r->max)
        return;
    uint64_t key = boiler_line_key(r->model, s, n);
    if (key == 0) /* a blank line */
        return;
    repeat_entry *e = find(r, key);
    if (!e->key) {
        if (r->count >= r->max) {
            prune(r);
            e = find(r, key);
        }
        e->key = key;
        r->count++;
    }
    if (e->last != r->doc + 1) {
        e->last = r->doc + 1;
        e->docs++;
    }
}

void mtc_repeats_end_document(mtc_repeats *r) { r->doc++; }

void mtc_repeats_add_document(mtc_repeats *r, const char *text, size_t len)
{
    size_t pos = 0, n, eoln;
    while (pos < len && line_find(text + pos, len - pos, len, true, &n, &eoln)) {
        mtc_repeats_add_line(r, text + pos, n);
        pos += n + eoln;
    }
    mtc_repeats_end_document(r);
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = ((const repeat_entry *)a)->key, y = ((const repeat_entry *)b)->key;
    return x < y ? -1 : x > y;
}

int mtc_repeats_write(const mtc_repeats *r, const char *path, char *err, size_t errlen)
{
    repeat_entry *list = xcalloc(r->count ? r->count : 1, sizeof *list);
    size_t k = 0;
    for (size_t i = 0; i < r->cap; i++)
        if (r->slots[i].key && r->slots[i].docs >= 2)
            list[k++] = r->slots[i];
    qsort(list, k, sizeof *list, by_key); /* the same bytes whatever the table's layout */
    FILE *f = fopen(path, "w");
    int rc = f ? 0 : -1;
    if (f) {
        fprintf(f, "# mtclean repeats 1: line hash, documents (of %" PRIu32 ")\n", r->doc);
        for (size_t i = 0; i < k; i++)
            fprintf(f, "%016" PRIx64 " %" PRIu32 "\n", list[i].key, list[i].docs);
        rc = ferror(f) | fclose(f) ? -1 : 0;
    }
    if (rc < 0)
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
    free(list);
    return rc;
}

static int parse_entry(const char *p, size_t n, uint64_t *key, uint32_t *docs)
{
    char tmp[64], *end;
    if (n >= sizeof tmp)
        return -1;
    memcpy(tmp, p, n);
    tmp[n] = '\0';
    errno = 0;
    unsigned long long k = strtoull(tmp, &end, 16);
    if (end != tmp + 16 || *end != ' ' || k == 0)
        return -1;
    unsigned long d = strtoul(end + 1, &end, 10);
    if (*end || errno || d < 1 || d > UINT32_MAX || !end[-1])
        return -1;
    *key = k;
    *docs = (uint32_t)d;
    return 0;
}

int mtc_engine_load_repeats(mtc_engine *e, const char *path, char *err, size_t errlen)
{
    static const char magic[] = "# mtclean repeats 1:";
    buf text = {0};
    if (read_whole_file(path, &text, err, errlen) < 0)
        return -1;
    if (text.len < sizeof magic - 1 || memcmp(text.data, magic, sizeof magic - 1) != 0) {
        snprintf(err, errlen, "%s:1: not a table written by --learn-repeats", path);
        buf_free(&text);
        return -1;
    }
    size_t lines = 0;
    for (size_t i = 0; i < text.len; i++)
        lines += text.data[i] == '\n';
    mtc_repeats *r = table_new(lines + 1, 0);
    data_lines d;
    data_lines_open(&d, path, text.data, text.len, 0, err, errlen);
    int rc = data_lines_next(&d); /* the magic line */
    while (rc > 0 && (rc = data_lines_next(&d)) > 0) {
        uint64_t key;
        uint32_t docs;
        if (parse_entry(d.line, d.len, &key, &docs) < 0) {
            rc = data_lines_fail(&d, "expected \"HASH DOCUMENTS\" (16 hex digits, a count)");
            break;
        }
        repeat_entry *slot = find(r, key);
        if (!slot->key)
            r->count++;
        slot->key = key;
        slot->docs = docs;
    }
    data_lines_close(&d);
    buf_free(&text);
    if (rc < 0) {
        mtc_repeats_free(r);
        return -1;
    }
    mtc_repeats_free(e->repeats);
    e->repeats = r;
    return 0;
}

unsigned repeats_lookup(const mtc_repeats *r, uint64_t key) { return key ? find(r, key)->docs : 0; }
