/* Unit tests: word verdicts (lexicon.c), on words of the fixtures; the
   fluency model (fluency.c) on real sentences. */
#include "engine.h"
#include "lexicon.h"
#include "tap.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char err[1024];

static void test_lexicon(void)
{
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    ok(e != NULL, "engine loads the project's rules and word lists (%s)", e ? "ok" : err);
    if (!e)
        return;
    lexicon *lx = lexicon_new(e->dict_dir, &e->lists, 1000, NULL, err, sizeof err);
    text_ctx *tc = text_ctx_new();
    struct {
        const char *word;
        bool initial;
        verdict want;
    } cases[] = {
        {"responsable", false, V_FR}, {"the", false, V_EN_FUNCTION}, {"crediting", false, V_EN},
        {"de", false, V_BOTH},        {"Spionage", false, V_JUNK}, {"respekter", false, V_JUNK},
        {"OTAN", false, V_SKIP},      {"APT40", false, V_SKIP},    {"Cilluffo", false, V_SKIP},
        {"Etats-Unis", false, V_FR},  {"Etat", false, V_FR},       {"hackers", false, V_BOTH},
        {"ransomware", false, V_BOTH}, {"Extended", false, V_SKIP}, {"The", true, V_EN_FUNCTION},
        {"Pékin", false, V_FR},       {"xqzwv", false, V_UNKNOWN},
        /* MT capitalisation: a French-only common noun with a capital mid-sentence */
        {"Informatiques", false, V_FR_CAPITALISED}, {"Informatiques", true, V_FR},
        {"Sécurité", false, V_FR},    /* institutions are capitalised in French */
        {"Central", false, V_BOTH},   /* English too: part of a name */
        {"Chine", false, V_BOTH},     /* a proper noun in the dictionary: not MT capitalisation */
        {"leaderdans", false, V_JUNK}, {"despirates", false, V_JUNK}, /* run together */
        {"China", false, V_EN_FUNCTION}, /* English exonym: never in French text */
        {"und", false, V_JUNK},
        /* glued at an apostrophe, a change of case, a lost apostrophe;
           two function words; a function word and a short word */
        {"précisel'usage", false, V_JUNK}, {"iln’y", false, V_JUNK}, {"aujourd'hui", false, V_FR},
        {"deGNU", false, V_JUNK},     {"RPCqui", false, V_JUNK},   {"mairieDécouvrez", false, V_JUNK},
        {"onClick", false, V_UNKNOWN}, {"jQuery", false, V_UNKNOWN}, {"pageTitle", false, V_UNKNOWN},
        {"dobjet", false, V_JUNK},    {"quele", false, V_JUNK},    {"lafin", false, V_JUNK},
        {"atoujours", false, V_JUNK},
        /* the 1990 spelling drops the circumflex on i and u: French, not glue */
        {"entrainement", false, V_FR}, {"coutant", false, V_FR},
        /* a capital inside: an identifier, unless a function word is glued there */
        {"DataSet", true, V_SKIP},    {"DEVices", true, V_SKIP},   {"LeNavigateur", true, V_JUNK},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        verdict v = lexicon_verdict(lx, tc, cases[i].word, strlen(cases[i].word), cases[i].initial);
        ok(v == cases[i].want, "verdict of '%s' is %s (got %s)", cases[i].word, verdict_name(cases[i].want),
           verdict_name(v));
    }
    /* a Spanish word French and English lack: MT junk when hunspell-es is
       installed (optional), else unknown */
    bool has_es = access("/usr/share/hunspell/es_ES.aff", R_OK) == 0 && strcmp(e->dict_dir, "/usr/share/hunspell") == 0;
    verdict es = lexicon_verdict(lx, tc, "presionar", 9, false);
    ok(es == (has_es ? V_JUNK : V_UNKNOWN), "verdict of 'presionar' is %s with%s hunspell-es (got %s)",
       has_es ? "junk" : "unknown", has_es ? "" : "out", verdict_name(es));
    text_ctx_free(tc);
    lexicon_free(lx);

    mtc_paths paths = {.dict_dir = "/nonexistent"};
    mtc_engine *e2 = mtc_engine_load(&paths, err, sizeof err);
    mtc_worker *w = e2 ? mtc_worker_new(e2, err, sizeof err) : NULL;
    ok(w == NULL && strstr(err, "/nonexistent/fr.aff: cannot open Hunspell dictionary") == err,
       "missing dictionary is a clear error");
    mtc_engine_free(e2);
    mtc_engine_free(e);
}

/* The fluency model (fluency.c, dicts/fluency.txt) on sentences of the
   mt and mtnews dev splits: how many pairs of common words French text
   keeps apart, with the thresholds of rules/default.conf. */
static void test_fluency(void)
{
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    if (!e)
        return;
    /* the model is loaded only when fluency.min_pairs is on: load it here */
    const char *src = getenv("srcdir");
    char path[4096];
    snprintf(path, sizeof path, "%s/dicts/fluency.txt", src ? src : ".");
    fluency fl;
    ok(fluency_load(&fl, path, err, sizeof err) == 0, "fluency model loads (%s)", err);
    fluency_params p = {e->cfg.fluency_min_expected, e->cfg.fluency_max_log_ratio};
    struct {
        const char *text;
        unsigned want;
        const char *first; /* the first suspect pair */
    } cases[] = {
        {"Après cette première phase, le paquet passe dans Unstable, au public beaucoup plus vaste.", 0, NULL},
        {"Informations et analyses sur l’activité et les mesures du gouvernement français.", 0, NULL},
        /* roundtrip MT: "si il" unelided, "avec il" for "avec lui" */
        {"Si il a celé il n'a pas été le cas, il ne serait pas là, avec il.", 3, "Si il"},
        {"Il trouve il alors l'invite immédiatement, qu'est-ce que il peut poser des problèmes si il commande il "
         "a donnée pour annoncer.",
         3, "si il"},
        /* an article not elided; punctuation parts a pair, an elision joins one */
        {"Le programme de un utilisateur.", 1, "de un"},
        {"Le programme d'un utilisateur.", 0, NULL},
        {"Le programme de, un utilisateur.", 0, NULL},
        /* capitals mid-sentence are names, outside the vocabulary */
        {"Le programme De Un utilisateur.", 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fluency_result r;
        const char *t = cases[i].text;
        fluency_score(&fl, &p, t, strlen(t), &r);
        bool where = !cases[i].first || (r.len == strlen(cases[i].first) && memcmp(t + r.start, cases[i].first, r.len) == 0);
        ok(r.suspects == cases[i].want && where, "fluency of '%s': %u suspect pairs, first '%s' (got %u, '%.*s')", t,
           cases[i].want, cases[i].first ? cases[i].first : "", r.suspects, (int)r.len, t + r.start);
    }
    fluency_free(&fl);
    mtc_engine_free(e);
}

int main(void)
{
    test_lexicon();
    test_fluency();
    return done_testing();
}
