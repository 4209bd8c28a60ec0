/* libFuzzer harness: the rule-file parser (ruleset_load_text) and the
   settings parser (config_load_text) on arbitrary text. Rules that load are
   then run on a sample sentence (match and rewrite), so the group references
   checked at load time are exercised at match time too. Aborts (a finding)
   on an error message without the file name, a rule without a name, a
   setting out of its range, or a rule that matches a subject its prefilter
   (needed bytes, literals) ruled out: the sample, the rule text itself and
   its first lines are tried. Built by "make fuzz"; see README "Fuzzing". */
#define FUZZ_NAME "fuzz-parsers"
#include "fuzz.h" /* CHECK */
#include "engine.h" /* settings.h and rules.h */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char sample[] = "Nous appelons the Etats-Unis à respekter leurs engagements, a déclaré M. Zhao "
                             "à Pékin. Abonnez-vous ! l’Spionage du skin responsable… \xF0\x9F\x98\x80 2024";

static void check_config(const char *text, size_t size)
{
    mtc_config cfg;
    char err[1024] = "";
    if (config_load_text(&cfg, "fuzz.conf", text, size, err, sizeof err) < 0) {
        CHECK(strncmp(err, "fuzz.conf", 9) == 0);
        return;
    }
    /* Every setting present and in range (ranges from filter/lib/settings.c). */
    CHECK(cfg.english_min_share >= 0 && cfg.english_min_share <= 1);
    CHECK(cfg.cache_max_entries >= 16 && cfg.max_line_bytes >= 4096);
    CHECK(cfg.match_limit >= 1000 && cfg.depth_limit >= 100);
}

/* A rule that matches s must pass its prefilter. */
static void check_prefilter(const ruleset *rs, const rule *r, pcre2_match_data *md, const char *s, size_t n)
{
    char err[1024];
    rule_subject subj;
    rule_subject_init(&subj, s, n);
    if (rule_matches(rs, r, md, s, n, err, sizeof err) == 1 && !rule_may_match(r, &subj)) {
        fprintf(stderr, "fuzz-parsers: %s matches '%.*s' but its prefilter ruled it out\n", r->where, (int)n, s);
        abort();
    }
}

static void check_rules(const char *text, size_t size)
{
    ruleset rs;
    char err[1024] = "";
    ruleset_init(&rs, 10000, 1000); /* small limits: sample matches stay fast */
    if (ruleset_load_text(&rs, "fuzz.rules", text, size, err, sizeof err) < 0) {
        CHECK(strncmp(err, "fuzz.rules:", 11) == 0);
        ruleset_free(&rs);
        return;
    }
    pcre2_match_data *md = pcre2_match_data_create(ruleset_max_captures(&rs) + 1, NULL);
    buf out = {0};
    for (size_t i = 0; i < rs.count; i++) {
        const rule *r = &rs.rules[i];
        CHECK(r->name && *r->name && utf8_count_invalid(r->name, strlen(r->name)) == 0);
        CHECK(strncmp(r->where, "fuzz.rules:", 11) == 0);
        CHECK((r->kind == RULE_REWRITE) == (r->replacement != NULL));
        int m = rule_matches(&rs, r, md, sample, sizeof sample - 1, err, sizeof err);
        CHECK(m >= 0 || strstr(err, "failed while matching"));
        /* The text loaded, so it is valid UTF-8, as subjects must be. */
        check_prefilter(&rs, r, md, sample, sizeof sample - 1);
        check_prefilter(&rs, r, md, text, size);
        const char *p = text, *end = text + size;
        for (int lines = 0; lines < 8 && p < end; lines++) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *eol = nl ? nl : end;
            check_prefilter(&rs, r, md, p, (size_t)(eol - p));
            p = nl ? nl + 1 : end;
        }
        if (r->kind != RULE_REWRITE)
            continue;
        int k = rule_rewrite(&rs, r, md, sample, sizeof sample - 1, &out, err, sizeof err);
        /* Group references were checked at load time: only limits may fail. */
        if (k < 0 && !strstr(err, "limit")) {
            fprintf(stderr, "fuzz-parsers: rewrite failed: %s\n", err);
            abort();
        }
        if (k > 0)
            CHECK(utf8_count_invalid(out.data, out.len) == 0);
    }
    buf_free(&out);
    pcre2_match_data_free(md);
    ruleset_free(&rs);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const char *text = size ? (const char *)data : "";
    check_config(text, size);
    check_rules(text, size);
    return 0;
}
