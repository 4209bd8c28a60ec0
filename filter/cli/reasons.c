#include "reasons.h"
#include "json.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The evidence for a label. When the library gives a reason of its own
   (model evidence from the detector or the boilerplate classifier), it is
   used here and only here. */
static const char *evidence(const mtc_segment_info *info) { return info->rule; }

/* The kind of the model's evidence: its reason up to the first ':', '@' or
   space ("en-span:3@5" -> "en-span", "junk@4" -> "junk"), so that reasons
   stay a small set of names to count; the details are --explain's. */
static size_t evidence_kind(const char *reason)
{
    return reason ? strcspn(reason, ":@ ") : 0;
}

bool reason_of_segment(const mtc_segment_info *info, char *out, size_t outlen)
{
    const char *why = evidence(info);
    size_t kind = why ? 0 : evidence_kind(info->reason);
    if (!why && strcmp(info->label, "clean") == 0)
        return false;
    if (why)
        snprintf(out, outlen, "%s:%s", info->label, why);
    else if (kind && strncmp(info->reason, "clean", kind) != 0)
        snprintf(out, outlen, "%s:%.*s", info->label, (int)kind, info->reason);
    else
        snprintf(out, outlen, "%s:model", info->label);
    return true;
}

void reasons_add(reasons *r, const char *name, size_t len, uint64_t n)
{
    for (size_t i = 0; i < r->count; i++)
        if (strlen(r->items[i].name) == len && memcmp(r->items[i].name, name, len) == 0) {
            r->items[i].count += n;
            return;
        }
    if (r->count == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 8;
        r->items = xrealloc(r->items, r->cap * sizeof *r->items);
    }
    char *copy = xmalloc(len + 1);
    memcpy(copy, name, len);
    copy[len] = '\0';
    r->items[r->count++] = (reason_count){copy, n};
}

void reasons_merge(reasons *into, const reasons *from)
{
    for (size_t i = 0; i < from->count; i++)
        reasons_add(into, from->items[i].name, strlen(from->items[i].name), from->items[i].count);
}

void reasons_append_json(const reasons *r, buf *out)
{
    buf_append_char(out, '{');
    for (size_t i = 0; i < r->count; i++) {
        if (i)
            buf_append_char(out, ',');
        json_append_string(out, r->items[i].name, strlen(r->items[i].name));
        buf_printf(out, ":%" PRIu64, r->items[i].count);
    }
    buf_append_char(out, '}');
}

static int by_count_then_name(const void *a, const void *b)
{
    const reason_count *x = *(reason_count *const *)a, *y = *(reason_count *const *)b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->name, y->name);
}

void reasons_append_top(const reasons *r, buf *out, size_t max)
{
    const reason_count **order = xcalloc(r->count ? r->count : 1, sizeof *order);
    for (size_t i = 0; i < r->count; i++)
        order[i] = &r->items[i];
    qsort(order, r->count, sizeof *order, by_count_then_name);
    for (size_t i = 0; i < r->count && i < max; i++)
        buf_printf(out, "  %10" PRIu64 " %s\n", order[i]->count, order[i]->name);
    free(order);
}

void reasons_clear(reasons *r)
{
    for (size_t i = 0; i < r->count; i++)
        free(r->items[i].name);
    r->count = 0;
}

void reasons_free(reasons *r)
{
    reasons_clear(r);
    free(r->items);
    memset(r, 0, sizeof *r);
}
