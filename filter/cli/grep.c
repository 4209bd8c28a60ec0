/* grep habits. -q/--quiet: nothing is written, the exit status says whether
   damage (a mixed or english segment) was found. -l/--files-with-damage:
   the name of each input holding damage (JSON Lines mode: the id of each
   damaged record, or INPUT:LINE without one). --count: a line per input,
   NAME<TAB>DOCUMENTS<TAB>DAMAGED SEGMENTS. The text is not written
   (textout.c); main.c gives the exit status (0 damage found, 1 none). */
#include "sink.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

typedef struct grep_out {
    writer w;
    buf line;
    const char *input; /* the input being counted (its name, as documents point to it) */
    uint64_t documents, damaged;
} grep_out;

static int grep_open(const sink_env *env, void **state)
{
    const options *o = env->opt;
    if (!o->list_damaged && !o->count)
        return 0;
    grep_out *g = xcalloc(1, sizeof *g);
    if (writer_open(&g->w, NULL, false, env->err, env->errlen) < 0) {
        free(g);
        return -1;
    }
    *state = g;
    return 0;
}

static const char *input_name(const char *source) { return source ? source : "(stdin)"; }

/* The line of the input done: -l names it if it held damage, --count always. */
static void end_input(const sink_env *env, grep_out *g)
{
    if (!g->documents)
        return;
    if (env->opt->count)
        buf_printf(&g->line, "%s\t%" PRIu64 "\t%" PRIu64 "\n", input_name(g->input), g->documents, g->damaged);
    else if (g->damaged && !env->opt->jsonl)
        buf_printf(&g->line, "%s\n", input_name(g->input));
    g->documents = g->damaged = 0;
}

/* -l in JSON Lines mode: the record's id (a string's text, another value as
   JSON), or INPUT:LINE. */
static void list_record(grep_out *g, const document *d)
{
    const char *id = d->id_json.data;
    size_t n = d->id_json.len;
    if (!n)
        buf_printf(&g->line, "%s:%" PRIu64 "\n", input_name(d->source), d->line);
    else if (n >= 2 && id[0] == '"') {
        json_decode_string(id, n, &g->line);
        buf_append_char(&g->line, '\n');
    } else {
        buf_append(&g->line, id, n);
        buf_append_char(&g->line, '\n');
    }
}

static int grep_document(const sink_env *env, void *state, document *d)
{
    grep_out *g = state;
    if (!d->complete)
        return 0;
    buf_clear(&g->line);
    if (d->source != g->input) {
        end_input(env, g);
        g->input = d->source;
    }
    uint64_t damaged = d->stats.mixed_segments + d->stats.english_segments;
    g->documents++;
    g->damaged += damaged;
    if (damaged && env->opt->list_damaged && env->opt->jsonl)
        list_record(g, d);
    return sink_write(env, &g->w, &g->line);
}

static int grep_close(const sink_env *env, void *state, int rc)
{
    grep_out *g = state;
    buf_clear(&g->line);
    if (rc == 0) {
        end_input(env, g);
        rc = sink_write(env, &g->w, &g->line);
    }
    return sink_close_writer(env, &g->w, rc);
}

static void grep_free(void *state)
{
    grep_out *g = state;
    buf_free(&g->line);
    free(g);
}

const sink_ops grep_sink = {"grep", grep_open, NULL, grep_document, grep_close, grep_free};
