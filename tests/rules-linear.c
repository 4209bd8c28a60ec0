/* Every shipped rule (the .rules files of rules/) on adversarial 32 KiB subjects: long
   runs of words, letters, spaces and the rule's own literals, after prefixes
   that start its matches. A rule that backtracks super-linearly hits the
   default PCRE2 match limit there (a linear one needs about a step per byte,
   far below it) and the test names it. On a longer segment any rule may
   still reach a limit; the pipeline then skips it for that segment (README
   "Robustness"), which tests/errors.test checks. */
#include "engine.h"
#include "tap.h"
#include <stdio.h>
#include <string.h>

#define SUBJECT_BYTES (32u << 10)

static const char *const prefixes[] = {
    "", "Ses enquêteurs ", "La rédaction du ", "À lire aussi ", "| Source : ", "Abonnez-vous ", "Le skin ",
    "https://", "Ref: ", "19,90 € ",
};
static const char *const repeats[] = {
    "mot ", "a", " ", "a,", "é", "1 ", "de la ", "\t", "A", "the ", "l’", "- ", ". ", "a b ", "www.", "€ ",
};

/* The subject ends with a character that makes most matches fail late. */
static void fill(buf *s, const char *prefix, size_t pn, const char *repeat, size_t rn, bool spoil)
{
    buf_clear(s);
    buf_append(s, prefix, pn);
    while (s->len < SUBJECT_BYTES)
        buf_append(s, repeat, rn);
    if (spoil)
        buf_append_str(s, "!\x01");
}

/* 0, or the first limit error of r on the subjects, described in why. */
static int try_rule(const ruleset *rs, const rule *r, pcre2_match_data *md, buf *s, char *why, size_t whylen)
{
    size_t np = sizeof prefixes / sizeof *prefixes, nr = sizeof repeats / sizeof *repeats;
    for (size_t p = 0; p < np + r->lits.count; p++) {
        for (size_t k = 0; k < nr + r->lits.count; k++) {
            /* A literal is len bytes, not NUL-terminated. */
            const char *prefix = p < np ? prefixes[p] : r->lits.items[p - np].s;
            size_t pn = p < np ? strlen(prefix) : r->lits.items[p - np].len;
            const char *rep = k < nr ? repeats[k] : r->lits.items[k - nr].s;
            size_t rn = k < nr ? strlen(rep) : r->lits.items[k - nr].len;
            for (int spoil = 0; spoil < 2; spoil++) {
                fill(s, prefix, pn, rep, rn, spoil);
                char err[512];
                if (rule_matches(rs, r, md, s->data, s->len, err, sizeof err) < 0) {
                    snprintf(why, whylen, "%s on '%.*s' + '%.*s' x %zu%s", err, (int)pn, prefix, (int)rn, rep,
                             SUBJECT_BYTES / rn, spoil ? " + '!'" : "");
                    return -1;
                }
            }
        }
    }
    return 0;
}

int main(void)
{
    char err[1024];
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    if (!e) {
        printf("Bail out! %s\n", err);
        return 1;
    }
    const ruleset *rs = &e->rules;
    pcre2_match_data *md = pcre2_match_data_create(ruleset_max_captures(rs) + 1, NULL);
    buf s = {0};
    size_t tried = 0;
    for (size_t i = 0; i < rs->count; i++) {
        const rule *r = &rs->rules[i];
        if (r->kind == RULE_BUILTIN)
            continue;
        char why[1024];
        tried++;
        if (try_rule(rs, r, md, &s, why, sizeof why) < 0)
            ok(0, "%s (%s) stays under the match limit on adversarial 32 KiB subjects: %s", r->name, r->where, why);
    }
    ok(tried > 20, "%zu shipped rules tried on adversarial 32 KiB subjects", tried);
    /* The check can fail: a nested quantifier is caught. */
    ruleset evil;
    ruleset_init(&evil, (uint32_t)e->cfg.match_limit, (uint32_t)e->cfg.depth_limit);
    ruleset_set_jit_stack(&evil, (size_t)e->cfg.jit_stack_bytes);
    const char *text = "flag /(\\w+\\s?)+$/\n";
    char why[1024];
    ok(ruleset_load_text(&evil, "evil.rules", text, strlen(text), err, sizeof err) == 0 &&
           try_rule(&evil, &evil.rules[0], md, &s, why, sizeof why) < 0,
       "a super-linear rule (\\w+\\s?)+$ is caught");
    ruleset_free(&evil);
    buf_free(&s);
    pcre2_match_data_free(md);
    mtc_engine_free(e);
    return done_testing();
}
