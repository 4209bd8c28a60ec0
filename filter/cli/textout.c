/* The text sink: the cleaned documents, in input order, to standard output
   or --output (gzip with --gzip). A document dropped by --min-quality is
   left out, but the --doc-sep line before it is kept. A streamed document
   is written as it comes, or, with --min-quality, kept in a temporary
   file until its quality is known. */
#include "sink.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A temporary file is copied out in pieces of this size. */
#define COPY_BYTES ((size_t)1 << 20)

typedef struct text_out {
    writer out;
    FILE *spill;    /* the streamed document's text, while --min-quality has not decided */
    bool streaming; /* a streamed document has begun */
} text_out;

/* Copies a streamed document's text from the spill file to the output. */
static int copy_spill(const sink_env *env, text_out *t)
{
    if (fflush(t->spill) != 0 || fseek(t->spill, 0, SEEK_SET) != 0) {
        snprintf(env->err, env->errlen, "temporary file: %s", strerror(errno));
        return -1;
    }
    buf chunk = {0};
    buf_reserve(&chunk, COPY_BYTES);
    int rc = 0;
    size_t got;
    while (rc == 0 && (got = fread(chunk.data, 1, COPY_BYTES, t->spill)) > 0) {
        chunk.len = got;
        rc = sink_write(env, &t->out, &chunk);
    }
    if (rc == 0 && ferror(t->spill)) {
        snprintf(env->err, env->errlen, "temporary file: read error");
        rc = -1;
    }
    buf_free(&chunk);
    return rc;
}

/* What a streamed document gave so far: to the output, or to the spill file. */
static int stream_piece(const sink_env *env, text_out *t, document *d)
{
    if (!t->streaming) {
        t->streaming = true;
        if (sink_write(env, &t->out, &d->prefix) < 0)
            return -1;
        if (env->opt->min_quality_set && !(t->spill = temp_file("mtclean-spill", env->err, env->errlen)))
            return -1;
    }
    if (t->spill) {
        if (d->output.len && fwrite(d->output.data, 1, d->output.len, t->spill) != d->output.len) {
            snprintf(env->err, env->errlen, "temporary file: %s", strerror(errno));
            return -1;
        }
    } else if (sink_write(env, &t->out, &d->output) < 0) {
        return -1;
    }
    buf_clear(&d->output);
    return 0;
}

static int text_document(const sink_env *env, void *state, document *d)
{
    text_out *t = state;
    if (!d->streamed)
        return sink_write(env, &t->out, &d->prefix) < 0 || (!d->dropped && sink_write(env, &t->out, &d->output) < 0)
                   ? -1
                   : 0;
    if (stream_piece(env, t, d) < 0)
        return -1;
    if (!d->complete)
        return 0;
    int rc = t->spill && !d->dropped ? copy_spill(env, t) : 0;
    if (t->spill)
        fclose(t->spill);
    t->spill = NULL;
    t->streaming = false;
    return rc;
}

static int text_open(const sink_env *env, void **state)
{
    if (env->opt->quiet || env->opt->list_damaged || env->opt->count)
        return 0; /* grep habits: no text (grep.c) */
    text_out *t = xcalloc(1, sizeof *t);
    if (writer_open(&t->out, env->opt->output_path, env->opt->gzip_output, env->err, env->errlen) < 0) {
        free(t);
        return -1;
    }
    if (env->opt->zstd_output && writer_start_zstd(&t->out, env->err, env->errlen) < 0) {
        writer_close(&t->out, env->err, 0);
        free(t);
        return -1;
    }
    *state = t;
    return 0;
}

static int text_close(const sink_env *env, void *state, int rc)
{
    text_out *t = state;
    return sink_close_writer(env, &t->out, rc);
}

static void text_free(void *state)
{
    text_out *t = state;
    if (t->spill)
        fclose(t->spill);
    free(t);
}

const sink_ops text_sink = {"text", text_open, NULL, text_document, text_close, text_free};
