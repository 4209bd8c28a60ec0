#include "engine.h"
#include "fsutil.h"
#include "oom.h"
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *mtc_version(void) { return PACKAGE_VERSION; }

const char *mtc_default_data_dir(void)
{
    const char *env = getenv("MTCLEAN_DATADIR");
    if (env && *env)
        return env;
    /* Uninstalled builds (tests, the README's first command) use the sources. */
    buf probe = {0};
    buf_printf(&probe, "%s/rules", MTC_PKGDATADIR);
    bool installed = dir_exists(probe.data);
    buf_free(&probe);
    return installed ? MTC_PKGDATADIR : MTC_SRCDIR;
}

static char *join(const char *a, const char *b)
{
    buf p = {0};
    buf_printf(&p, "%s/%s", a, b);
    return p.data;
}

static int load_rules_dir(mtc_engine *e, const char *dir, char *err, size_t errlen)
{
    char **files;
    size_t n;
    if (list_files_with_suffix(dir, ".rules", &files, &n, err, errlen) < 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = ruleset_load_file(&e->rules, files[i], err, errlen);
    free_file_list(files, n);
    return rc;
}

/* HTML extraction's settings; libxml2 is set up here, on the loading
   thread, as it must be before threads parse. */
static int load_html_conf(mtc_engine *e, const char *dir, char *err, size_t errlen)
{
    char *path = join(dir, "html.conf");
    e->html = xcalloc(1, sizeof *e->html);
    int rc = extract_conf_load(e->html, path, err, errlen);
    free(path);
    if (rc == 0)
        extract_init_parser();
    return rc;
}

/* The fluency model (0.9 MB), only when its evidence or the confusion
   test (which reads its bigrams) is on. */
static int load_fluency(mtc_engine *e, const char *dir, char *err, size_t errlen)
{
    bool confusion_on = e->cfg.confusion_min_log_ratio > 0;
    if (e->cfg.fluency_min_pairs < 1 && !confusion_on)
        return 0;
    char *path = join(dir, "fluency.txt");
    int rc = fluency_load(&e->lists.fl, path, err, errlen);
    free(path);
    if (rc == 0 && confusion_on) {
        path = join(dir, "confusion-en.txt");
        rc = confusion_load(&e->lists.cf, path, err, errlen);
        free(path);
    }
    return rc;
}

static void *engine_load(const void *arg, char *err, size_t errlen)
{
    const mtc_paths *paths = arg;
    static const mtc_paths no_paths;
    if (!paths)
        paths = &no_paths;
    const char *data = mtc_default_data_dir();
    char *rules_dir = paths->rules_dir ? xstrdup(paths->rules_dir) : join(data, "rules");
    char *words_dir = paths->words_dir ? xstrdup(paths->words_dir) : join(data, "dicts");
    char *conf = join(rules_dir, "default.conf");
    mtc_engine *e = xcalloc(1, sizeof *e);
    e->dict_dir = xstrdup(paths->dict_dir ? paths->dict_dir : MTC_DICT_DIR);
    int rc = config_load_file(&e->cfg, conf, err, errlen);
    if (rc == 0) {
        ruleset_init(&e->rules, (uint32_t)e->cfg.match_limit, (uint32_t)e->cfg.depth_limit);
        ruleset_set_jit_stack(&e->rules, (size_t)e->cfg.jit_stack_bytes);
        for (int k = 0; k < REPAIR_KINDS; k++)
            e->builtin_rule[k] = ruleset_add_builtin(&e->rules, repair_names[k]);
        e->boiler_rule = ruleset_add_builtin(&e->rules, "boiler");
        e->repeat_rule = ruleset_add_builtin(&e->rules, "repeat");
        rc = load_rules_dir(e, rules_dir, err, errlen);
    }
    if (rc == 0)
        rc = load_html_conf(e, rules_dir, err, errlen);
    if (rc == 0)
        rc = boiler_model_load(&e->boiler, rules_dir, err, errlen);
    for (size_t i = 0; rc == 0 && i < paths->n_extra_rules; i++)
        rc = ruleset_load_file(&e->rules, paths->extra_rules[i], err, errlen);
    if (rc == 0) {
        text_ctx *tc = text_ctx_new();
        rc = tc ? wordlists_load(&e->lists, tc, words_dir, err, errlen) : -1;
        if (rc == 0)
            rc = repair_data_load(&e->repair, tc, words_dir, err, errlen);
        if (rc == 0)
            rc = junctions_load(&e->junctions, words_dir, err, errlen);
        if (rc == 0)
            rc = load_fluency(e, words_dir, err, errlen);
        if (!tc)
            snprintf(err, errlen, "ICU: cannot load the NFC normaliser");
        text_ctx_free(tc);
    }
    free(rules_dir);
    free(words_dir);
    free(conf);
    if (rc < 0) {
        mtc_engine_free(e);
        return NULL;
    }
    return e;
}

mtc_engine *mtc_engine_load(const mtc_paths *paths, char *err, size_t errlen)
{
    return oom_guarded_new(engine_load, paths, err, errlen);
}

void mtc_engine_free(mtc_engine *e)
{
    if (!e)
        return;
    if (e->rules.match_ctx)
        ruleset_free(&e->rules);
    wordlists_free(&e->lists);
    if (e->html)
        extract_conf_free(e->html);
    free(e->html);
    boiler_model_free(&e->boiler);
    mtc_repeats_free(e->repeats);
    repair_data_free(&e->repair);
    junctions_free(&e->junctions);
    free(e->dict_dir);
    free(e);
}

int mtc_translate_check(const mtc_engine *e, char *err, size_t errlen)
{
    (void)e;
    return translate_check(err, errlen);
}

size_t mtc_engine_rule_count(const mtc_engine *e) { return e->rules.count; }

const char *mtc_engine_rule_name(const mtc_engine *e, size_t i) { return e->rules.rules[i].name; }

size_t mtc_engine_max_line_bytes(const mtc_engine *e) { return (size_t)e->cfg.max_line_bytes; }

int mtc_stats_init(mtc_stats *st, const mtc_engine *e)
{
    memset(st, 0, sizeof *st);
    st->rule_hits = calloc(e->rules.count ? e->rules.count : 1, sizeof *st->rule_hits);
    return st->rule_hits ? 0 : MTC_ERR_NOMEM;
}

void mtc_stats_reset(mtc_stats *st, const mtc_engine *e)
{
    uint32_t *hits = st->rule_hits;
    memset(st, 0, sizeof *st);
    memset(hits, 0, (e->rules.count ? e->rules.count : 1) * sizeof *hits);
    st->rule_hits = hits;
}

void mtc_stats_add(mtc_stats *into, const mtc_stats *from, const mtc_engine *e)
{
#define MTC_STATS_ADD(name) into->name += from->name;
    MTC_STATS_FIELDS(MTC_STATS_ADD)
#undef MTC_STATS_ADD
    for (size_t i = 0; i < e->rules.count; i++)
        into->rule_hits[i] += from->rule_hits[i];
}

void mtc_stats_free(mtc_stats *st)
{
    free(st->rule_hits);
    st->rule_hits = NULL;
}

double mtc_stats_quality(const mtc_stats *st)
{
    return st->scored_words ? (double)st->clean_words / (double)st->scored_words : 1.0;
}
