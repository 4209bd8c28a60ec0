/* libFuzzer harness: hostile rule files and settings together with hostile
   text. The input is SETTINGS NUL RULES NUL TEXT (missing parts: none, and a
   sample sentence). SETTINGS lines replace those of the shipped
   default.conf (limits clamped so a run stays short); RULES replace the
   shipped rules. What loads cleans TEXT in the three modes. Aborts (a
   finding) if a load error lacks its file name, if cleaning fails (a rule
   failing on a segment must only be counted), if flag mode loses a byte, or
   if a counter does not add up. Built by "make fuzz"; see README "Fuzzing". */
#define FUZZ_NAME "fuzz-rules-text"
#include "fuzz.h" /* CHECK */
#include "engine.h"
#include "fsutil.h"
#include "../markers.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char sample[] = "Nous appelons the Etats-Unis à respekter leurs engagements, a déclaré M. Zhao à "
                             "Pékin. Abonnez-vous ! l’Spionage du skin responsable… ⟦mixed|x⟧ 2024\n\nFin.";
static mtc_engine *engine;
static mtc_worker *worker;
static buf default_conf;
static mtc_stats stats;

static void setup(void)
{
    char err[1024];
    engine = mtc_engine_load(NULL, err, sizeof err);
    buf path = {0};
    buf_printf(&path, "%s/rules/default.conf", mtc_default_data_dir());
    if (!engine || read_whole_file(path.data, &default_conf, err, sizeof err) < 0 ||
        !(worker = mtc_worker_new(engine, err, sizeof err))) {
        fprintf(stderr, "fuzz-rules-text: %s\n", err);
        abort();
    }
    buf_free(&path);
}

/* The key of a "key = value" line, trimmed, or an empty string. */
static size_t line_key(const char *p, size_t n, const char **key)
{
    while (n && (*p == ' ' || *p == '\t'))
        p++, n--;
    const char *eq = memchr(p, '=', n);
    size_t k = eq ? (size_t)(eq - p) : 0;
    while (k && (p[k - 1] == ' ' || p[k - 1] == '\t'))
        k--;
    *key = p;
    return k;
}

/* default.conf without the lines whose key the fuzzed settings give, then those. */
static void merge_settings(const char *s, size_t n, buf *out)
{
    const char *p = default_conf.data, *end = p + default_conf.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p)), *eol = nl ? nl : end, *key;
        size_t k = line_key(p, (size_t)(eol - p), &key);
        bool replaced = false;
        for (const char *q = s; k && q && q < s + n;) {
            const char *qk, *qnl = memchr(q, '\n', (size_t)(s + n - q));
            size_t qn = line_key(q, (size_t)((qnl ? qnl : s + n) - q), &qk);
            replaced |= qn == k && memcmp(qk, key, k) == 0;
            q = qnl ? qnl + 1 : NULL;
        }
        if (!replaced)
            buf_append(out, p, (size_t)(eol - p) + (nl != NULL));
        p = nl ? nl + 1 : end;
    }
    buf_append(out, s, n);
}

/* Loads the fuzzed settings and rules into the engine; false if they fail to load. */
static bool load(const char *s, size_t sn, const char *r, size_t rn)
{
    buf conf = {0};
    merge_settings(s, sn, &conf);
    mtc_config cfg;
    char err[1024] = "";
    int rc = config_load_text(&cfg, "fuzz.conf", conf.data ? conf.data : "", conf.len, err, sizeof err);
    buf_free(&conf);
    if (rc < 0) {
        CHECK(strncmp(err, "fuzz.conf", 9) == 0);
        return false;
    }
    /* A run must stay short: limits no higher than the shipped ones. */
    cfg.match_limit = cfg.match_limit > 1e6 ? 1e6 : cfg.match_limit;
    cfg.depth_limit = cfg.depth_limit > 1e4 ? 1e4 : cfg.depth_limit;
    cfg.rewrite_max_growth = cfg.rewrite_max_growth > 8 ? 8 : cfg.rewrite_max_growth;
    cfg.rewrite_min_room = cfg.rewrite_min_room > 4096 ? 4096 : cfg.rewrite_min_room;
    ruleset rs;
    ruleset_init(&rs, (uint32_t)cfg.match_limit, (uint32_t)cfg.depth_limit);
    for (int k = 0; k < REPAIR_KINDS; k++)
        engine->builtin_rule[k] = ruleset_add_builtin(&rs, repair_names[k]);
    /* The classifier's and the repeats' rules, as engine.c adds them: the
       pipeline counts their hits in rule_hits. */
    engine->boiler_rule = ruleset_add_builtin(&rs, "boiler");
    engine->repeat_rule = ruleset_add_builtin(&rs, "repeat");
    if (ruleset_load_text(&rs, "fuzz.rules", r, rn, err, sizeof err) < 0) {
        CHECK(strncmp(err, "fuzz.rules:", 11) == 0);
        ruleset_free(&rs);
        return false;
    }
    ruleset_free(&engine->rules);
    engine->rules = rs;
    ruleset_set_jit_stack(&engine->rules, (size_t)cfg.jit_stack_bytes); /* its data points at the ruleset */
    engine->cfg = cfg;
    pcre2_match_data_free(worker->md); /* sized for the rules' groups */
    worker->md = pcre2_match_data_create(ruleset_max_captures(&engine->rules) + 1, NULL);
    return true;
}

static void clean(const char *text, size_t n)
{
    char err[1024];
    buf stripped = {0};
    for (int m = 0; m < 3; m++) {
        mtc_stats_free(&stats);
        mtc_stats_init(&stats, engine);
        mtc_worker_set_mode(worker, (mtc_mode)m);
        char *out;
        size_t out_len;
        CHECK(mtc_clean_buffer(worker, text, n, &out, &out_len, &stats, err, sizeof err) == 0);
        CHECK(stats.bytes_in == n && stats.bytes_out == out_len);
        CHECK(stats.segments >= stats.mixed_segments + stats.boilerplate_segments + stats.english_segments);
        if (m == MTC_MODE_FLAG) {
            uint64_t opens;
            buf_clear(&stripped);
            buf_reserve(&stripped, out_len);
            stripped.len = strip_markers(out, out_len, "\xE2\x9F\xA6", "\xE2\x9F\xA7", stripped.data, &opens);
            CHECK(stripped.len == n && memcmp(stripped.data, text, n) == 0 && opens == stats.flagged);
        }
        free(out);
    }
    buf_free(&stripped);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!engine)
        setup();
    const char *p = size ? (const char *)data : "", *end = p + size;
    const char *z1 = memchr(p, '\0', size), *z2 = z1 ? memchr(z1 + 1, '\0', (size_t)(end - z1 - 1)) : NULL;
    const char *s = z1 ? p : "", *r = z1 ? z1 + 1 : p;
    size_t sn = z1 ? (size_t)(z1 - p) : 0, rn = (size_t)((z2 ? z2 : end) - r);
    if (!load(s, sn, r, rn))
        return 0;
    if (z2)
        clean(z2 + 1, (size_t)(end - z2 - 1));
    else
        clean(sample, sizeof sample - 1);
    return 0;
}
