/* mtclean: the command-line filter around libmtclean. */
#include "corpus.h"
#include "options.h"
#include "outfile.h"
#include "sources.h"
#include "summarize.h"
#include <stdio.h>
#include <stdlib.h>

/* There is no useful recovery from out of memory in a filter: say so and
   stop, in the library's threads as in the program's own code. */
static void out_of_memory(void *ctx, size_t bytes)
{
    (void)ctx;
    (void)bytes;
    fputs("mtclean: out of memory\n", stderr);
    abort();
}

static int run_inputs(corpus *c, const options *opt)
{
    if (opt->n_inputs == 0)
        return source_read(c, NULL);
    for (int i = 0; i < opt->n_inputs; i++)
        if (source_read(c, opt->inputs[i]) < 0)
            return -1;
    return 0;
}

int main(int argc, char **argv)
{
    mtc_set_oom_handler(out_of_memory, NULL);
    options opt;
    int parsed = options_parse(&opt, argc, argv);
    if (parsed != 0) {
        options_free(&opt);
        return parsed == 1 ? MTC_EXIT_OK : MTC_EXIT_ERROR;
    }
    corpus c = {0};
    mtc_engine *engine = mtc_engine_load(&opt.paths, c.err, sizeof c.err);
    int rc = -1;
    if (engine && opt.repeats_path && mtc_engine_load_repeats(engine, opt.repeats_path, c.err, sizeof c.err) < 0) {
        mtc_engine_free(engine);
        engine = NULL;
    }
    if (engine && opt.summarize) {
        rc = summarize_reports(&opt, engine, c.err, sizeof c.err);
    } else if (engine && outfiles_prepare(&opt, c.err, sizeof c.err) == 0) {
        rc = corpus_open(&c, &opt, engine);
        if (rc == 0)
            rc = run_inputs(&c, &opt);
        rc = corpus_close(&c, rc);
        corpus_free(&c);
        if (rc == 0)
            rc = outfiles_commit(c.err, sizeof c.err);
        else
            outfiles_abort(); /* -o keeps its old content */
    }
    int status = MTC_EXIT_ERROR;
    bool grep_like = opt.quiet || opt.list_damaged || opt.count; /* grep: 0 found, 1 not */
    if (rc == 0 && grep_like)
        status = c.damage_total > 0 ? MTC_EXIT_OK : MTC_EXIT_CORRUPT;
    else if (rc == 0)
        status = opt.check && c.mixed_total > 0 ? MTC_EXIT_CORRUPT : MTC_EXIT_OK;
    else
        fprintf(stderr, "mtclean: %s\n", c.err);
    mtc_engine_free(engine);
    options_free(&opt);
    return status;
}
