/* The public document API: begin, feed raw bytes in chunks of any size,
   end. Lines are cut exactly as line_find cuts the whole text, whatever the
   chunks (a line is only cleaned once it is complete), so the output and
   counters are those of mtc_clean_buffer, which is written on top. */
#include "engine.h"
#include "lines.h"
#include "oom.h"
#include "pipeline.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Output is handed to the caller's write in pieces of about this size. */
#define OUT_PIECE_BYTES ((size_t)64 << 10)

const char *mtc_status_string(mtc_status s)
{
    switch (s) {
    case MTC_OK: return "success";
    case MTC_ERR_NOMEM: return "out of memory";
    case MTC_ERR_MATCH: return "a rule failed while matching";
    case MTC_ERR_OUTPUT: return "the output callback failed";
    case MTC_ERR_USAGE: return "call out of order";
    }
    return "unknown status";
}

const char *mtc_worker_error(const mtc_worker *w) { return w->err; }

static mtc_status fail(mtc_worker *w, mtc_status s, const char *msg)
{
    if (msg)
        snprintf(w->err, sizeof w->err, "%s", msg);
    w->doc.status = s;
    return s;
}

/* After out of memory any buffer's size may be off: the worker is done. */
static mtc_status out_of_memory(mtc_worker *w)
{
    w->doc.broken = true;
    w->doc.active = false;
    return fail(w, MTC_ERR_NOMEM, "out of memory");
}

static mtc_status flush_out(mtc_worker *w)
{
    doc_stream *d = &w->doc;
    if (!d->out.len)
        return MTC_OK;
    int rc = d->write(d->write_ctx, d->out.data, d->out.len);
    buf_clear(&d->out);
    return rc == 0 ? MTC_OK : fail(w, MTC_ERR_OUTPUT, mtc_status_string(MTC_ERR_OUTPUT));
}

/* Cleans the complete lines at the start of p[0..n) (all of them at the
   end of the document); *used is set to the bytes they took. */
static mtc_status clean_lines(mtc_worker *w, const char *p, size_t n, bool at_end, size_t *used)
{
    doc_stream *d = &w->doc;
    size_t max_line = (size_t)w->engine->cfg.max_line_bytes, pos = 0, len, eoln;
    *used = 0;
    while (pos < n && line_find(p + pos, n - pos, max_line, at_end, &len, &eoln)) {
        if (pipeline_doc_line(w, p + pos, len, p + pos + len, eoln, &d->out, d->stats) < 0)
            return fail(w, MTC_ERR_MATCH, NULL); /* the message is in w->err */
        pos += len + eoln;
        *used = pos;
        if (d->out.len >= OUT_PIECE_BYTES && flush_out(w) != MTC_OK)
            return d->status;
    }
    return MTC_OK;
}

static void drop_front(buf *b, size_t n)
{
    memmove(b->data, b->data + n, b->len - n);
    b->len -= n;
    b->data[b->len] = '\0';
}

/* The held start of a line is completed from p first: with bytes up to
   the next '\n', or enough to make a line of the longest length, so that
   little is copied and the rest is cleaned where it lies. */
static mtc_status feed(mtc_worker *w, const char *p, size_t n)
{
    doc_stream *d = &w->doc;
    size_t used, enough = (size_t)w->engine->cfg.max_line_bytes + 2;
    while (n > 0 && d->pending.len > 0) {
        size_t look = n < enough ? n : enough;
        const char *nl = memchr(p, '\n', look);
        size_t take = nl ? (size_t)(nl - p) + 1 : look;
        /* Without a line end and short of the longest line, the held line
           is still incomplete: not searched again (small chunks of a long
           line would make that quadratic). */
        bool may_end = nl || d->pending.data[d->pending.len - 1] == '\r' || memchr(p, '\r', take) ||
                       d->pending.len + take > enough - 2;
        buf_append(&d->pending, p, take);
        p += take;
        n -= take;
        if (!may_end)
            continue;
        if (clean_lines(w, d->pending.data, d->pending.len, false, &used) != MTC_OK)
            return d->status;
        drop_front(&d->pending, used);
    }
    if (n > 0) {
        if (clean_lines(w, p, n, false, &used) != MTC_OK)
            return d->status;
        buf_append(&d->pending, p + used, n - used);
    }
    return flush_out(w);
}

static mtc_status finish(mtc_worker *w)
{
    doc_stream *d = &w->doc;
    size_t used;
    if (clean_lines(w, d->pending.data, d->pending.len, true, &used) != MTC_OK)
        return d->status;
    buf_clear(&d->pending);
    if (pipeline_doc_end(w, &d->out, d->stats) < 0) /* the held last line hit a rule limit */
        return fail(w, MTC_ERR_MATCH, NULL);
    return flush_out(w);
}

/* The state a feed or an end needs: a document begun and not failed. */
static mtc_status usable(mtc_worker *w)
{
    doc_stream *d = &w->doc;
    if (d->broken)
        return MTC_ERR_NOMEM;
    if (d->status != MTC_OK)
        return d->status;
    if (!d->active)
        return fail(w, MTC_ERR_USAGE, "no document begun (mtc_doc_begin)");
    return MTC_OK;
}

mtc_status mtc_doc_begin(mtc_worker *w, mtc_write_fn write, void *ctx, mtc_stats *stats)
{
    doc_stream *d = &w->doc;
    if (d->broken)
        return MTC_ERR_NOMEM;
    d->status = MTC_OK;
    if (!write || !stats || !stats->rule_hits)
        return fail(w, MTC_ERR_USAGE, "mtc_doc_begin needs a write function and initialised counters");
    d->write = write;
    d->write_ctx = ctx;
    d->stats = stats;
    d->active = true;
    buf_clear(&d->pending);
    buf_clear(&d->out);
    pipeline_doc_begin(w);
    return MTC_OK;
}

mtc_status mtc_doc_feed(mtc_worker *w, const char *data, size_t len)
{
    mtc_status s = usable(w);
    if (s != MTC_OK || len == 0)
        return s;
    oom_guard g;
    if (!OOM_GUARD(&g))
        return out_of_memory(w);
    s = feed(w, data, len);
    oom_pop(&g);
    return s;
}

mtc_status mtc_doc_end(mtc_worker *w)
{
    mtc_status s = usable(w);
    if (s != MTC_OK)
        return s;
    oom_guard g;
    if (!OOM_GUARD(&g))
        return out_of_memory(w);
    s = finish(w);
    oom_pop(&g);
    w->doc.active = false;
    return s;
}

static int append_to_buf(void *ctx, const char *data, size_t len)
{
    buf_append(ctx, data, len);
    return 0;
}

mtc_status mtc_clean_buffer(mtc_worker *w, const char *text, size_t len, char **out, size_t *out_len,
                            mtc_stats *st, char *err, size_t errlen)
{
    buf result = {0};
    mtc_status s = mtc_doc_begin(w, append_to_buf, &result, st);
    if (s == MTC_OK)
        s = mtc_doc_feed(w, text, len);
    if (s == MTC_OK)
        s = mtc_doc_end(w);
    if (s == MTC_OK && !result.data && !(result.data = calloc(1, 1)))
        s = out_of_memory(w);
    if (s != MTC_OK) {
        snprintf(err, errlen, "%s", w->err);
        buf_free(&result);
        return s;
    }
    *out = result.data;
    *out_len = result.len;
    return MTC_OK;
}
