#include "summary.h"
#include "sink.h"
#include <stdio.h>
#include <inttypes.h>
#include <stdlib.h>

void summary_init(summary *s, const mtc_engine *engine)
{
    *s = (summary){.engine = engine};
    mtc_stats_init(&s->totals, engine);
}

void summary_free(summary *s)
{
    mtc_stats_free(&s->totals);
    reasons_free(&s->reasons);
}

/* Integer arithmetic, so that e.g. 7/10 falls in [0.7,0.8) exactly. */
static unsigned quality_bin(const mtc_stats *st)
{
    if (st->scored_words == 0)
        return SUMMARY_BINS - 1; /* quality 1 */
    uint64_t bin = st->clean_words * SUMMARY_BINS / st->scored_words;
    return bin >= SUMMARY_BINS ? SUMMARY_BINS - 1 : (unsigned)bin;
}

void summary_add(summary *s, const mtc_stats *st, bool has_text, bool dropped, const reasons *why)
{
    s->documents++;
    if (why)
        reasons_merge(&s->reasons, why);
    if (!has_text) {
        s->without_text++;
        return;
    }
    mtc_stats_add(&s->totals, st, s->engine);
    s->histogram[quality_bin(st)]++;
    if (dropped)
        s->dropped++;
}

static void format_histogram(const summary *s, buf *out)
{
    uint64_t most = 1;
    for (unsigned i = 0; i < SUMMARY_BINS; i++)
        if (s->histogram[i] > most)
            most = s->histogram[i];
    buf_append_str(out, "quality histogram (documents with text):\n");
    for (unsigned i = 0; i < SUMMARY_BINS; i++) {
        if (i + 1 < SUMMARY_BINS)
            buf_printf(out, "  [0.%u,0.%u) %10" PRIu64, i, i + 1, s->histogram[i]);
        else
            buf_printf(out, "  [0.%u,1.0] %10" PRIu64, i, s->histogram[i]);
        uint64_t bar = s->histogram[i] * 40 / most;
        if (s->histogram[i] && !bar)
            bar = 1; /* a non-empty bin is never shown empty */
        if (bar)
            buf_append_char(out, ' ');
        for (uint64_t k = 0; k < bar; k++)
            buf_append_char(out, '#');
        buf_append_char(out, '\n');
    }
}

typedef struct rule_count {
    size_t rule;
    uint64_t hits;
} rule_count;

static int by_hits_then_order(const void *a, const void *b)
{
    const rule_count *x = a, *y = b;
    if (x->hits != y->hits)
        return x->hits < y->hits ? 1 : -1;
    return x->rule < y->rule ? -1 : x->rule > y->rule;
}

static void format_top_rules(const summary *s, buf *out)
{
    size_t n = mtc_engine_rule_count(s->engine), used = 0;
    rule_count *counts = xcalloc(n ? n : 1, sizeof *counts);
    for (size_t i = 0; i < n; i++)
        if (s->totals.rule_hits[i])
            counts[used++] = (rule_count){i, s->totals.rule_hits[i]};
    qsort(counts, used, sizeof *counts, by_hits_then_order);
    buf_printf(out, "top rules (times fired, %zu of %zu rules fired):\n", used, n);
    for (size_t i = 0; i < used && i < SUMMARY_TOP_RULES; i++)
        buf_printf(out, "  %10" PRIu64 " %s\n", counts[i].hits, mtc_engine_rule_name(s->engine, counts[i].rule));
    free(counts);
}

void summary_format(const summary *s, buf *out, const char *text_field, double min_quality)
{
    const mtc_stats *t = &s->totals;
    buf_append_str(out, "mtclean summary\n");
    buf_printf(out, "documents: %" PRIu64 "\n", s->documents);
    if (text_field)
        buf_printf(out, "documents without a \"%s\" string (passed through): %" PRIu64 "\n", text_field,
                   s->without_text);
    if (min_quality >= 0)
        buf_printf(out, "documents dropped (quality below %g): %" PRIu64 "\n", min_quality, s->dropped);
    buf_printf(out, "documents kept: %" PRIu64 "\n", s->documents - s->dropped);
    buf_printf(out, "bytes in: %" PRIu64 "\n", t->bytes_in);
    buf_printf(out, "bytes out: %" PRIu64 "\n", t->bytes_out);
    buf_printf(out,
               "segments: %" PRIu64 " (mixed %" PRIu64 ", boilerplate %" PRIu64 ", english %" PRIu64
               ", rewritten %" PRIu64 ", dropped %" PRIu64 ", flagged %" PRIu64 ")\n",
               t->segments, t->mixed_segments, t->boilerplate_segments, t->english_segments, t->rewritten_segments,
               t->dropped, t->flagged);
    buf_printf(out, "rewrites: %" PRIu64 "\n", t->rewrites);
    buf_printf(out, "repaired mixed segments: %" PRIu64 " (now clean; still mixed: residual %" PRIu64 ")\n",
               t->repaired_clean, t->residual);
    buf_printf(out, "translated spans: %" PRIu64 " (failed: %" PRIu64 ")\n", t->translated_spans,
               t->translate_errors);
    buf_printf(out,
               "words scored: %" PRIu64 " (fr %" PRIu64 ", en %" PRIu64 ", both %" PRIu64 ", unknown %" PRIu64 ")\n",
               t->words, t->fr, t->en, t->both, t->unknown);
    buf_printf(out, "invalid UTF-8 sequences: %" PRIu64 "\n", t->invalid_utf8);
    buf_printf(out, "rule errors (a PCRE2 limit or the rewrite bound; the rule skipped there): %" PRIu64 "\n",
               t->rule_errors);
    buf_printf(out, "quality: %.4f (clean words / scored words, all documents with text)\n", mtc_stats_quality(t));
    format_histogram(s, out);
    format_top_rules(s, out);
    buf_printf(out, "top reasons (segments and documents, %zu reasons):\n", s->reasons.count);
    reasons_append_top(&s->reasons, out, SUMMARY_TOP_REASONS);
    if (text_field && s->documents && s->without_text == s->documents)
        buf_printf(out, "warning: no record has a \"%s\" string (see --field)\n", text_field);
}

/* The --summary sink: totals of the complete documents, written at the end
   to standard error or the file named. */
static int summary_open(const sink_env *env, void **state)
{
    if (!env->opt->summary)
        return 0;
    summary *s = xcalloc(1, sizeof *s);
    summary_init(s, env->engine);
    *state = s;
    return 0;
}

static int summary_document(const sink_env *env, void *state, document *d)
{
    (void)env;
    if (d->complete)
        summary_add(state, &d->stats, document_has_text(d), d->dropped, &d->reasons);
    return 0;
}

static int summary_close(const sink_env *env, void *state, int rc)
{
    if (rc < 0)
        return rc;
    const options *opt = env->opt;
    buf text = {0};
    summary_format(state, &text, opt->jsonl ? opt->field : NULL, opt->min_quality_set ? opt->min_quality : -1.0);
    if (!opt->summary_path) {
        fputs(text.data, stderr);
    } else {
        writer w;
        rc = writer_open(&w, opt->summary_path, false, env->err, env->errlen);
        if (rc == 0) {
            rc = writer_write(&w, text.data, text.len, env->err, env->errlen);
            rc = sink_close_writer(env, &w, rc);
        }
    }
    buf_free(&text);
    return rc;
}

static void summary_sink_free(void *state)
{
    summary_free(state);
    free(state);
}

const sink_ops summary_sink = {"summary", summary_open, NULL, summary_document, summary_close, summary_sink_free};
