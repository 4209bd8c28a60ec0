/* Unit tests: the pipeline through the API (pipeline.c): a buffer cleaned,
   the segment hook, on sentences of the fixtures. */
#include "engine.h"
#include "report.h"
#include "tap.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static char err[1024];

static void test_clean_buffer(void)
{
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    mtc_worker *w = mtc_worker_new(e, err, sizeof err);
    mtc_stats st;
    mtc_stats_init(&st, e);
    const char *in = "Les Etats-Unis ont adopté un ton sévère.\n\n"
                     "Nous appelons tous les Etats à respekter leurs engagements.\n\n"
                     "Abonnez-vous au magazine papier\n";
    char *out;
    size_t len;
    ok(mtc_clean_buffer(w, in, strlen(in), &out, &len, &st, err, sizeof err) == 0, "repair a buffer");
    is_str(out, "Les Etats-Unis ont adopté un ton sévère.\n\nNous appelons tous les Etats à respecter leurs engagements.\n",
           "junk word repaired, boilerplate dropped with its blank line");
    ok(st.segments == 3 && st.mixed_segments == 1 && st.boilerplate_segments == 1 && st.dropped == 1 &&
           st.rewrites == 1,
       "counters: 3 segments, 1 mixed, 1 boilerplate, 1 dropped, 1 rewrite");
    free(out);

    /* A quotation in English is a citation: its words are English, but the
       segment is not mixed (reason "quote"). */
    mtc_stats_reset(&st, e);
    const char *quoted = "Le sigle APT signifie « advanced persistent threat », soit menace persistante avancée.\n";
    mtc_clean_buffer(w, quoted, strlen(quoted), &out, &len, &st, err, sizeof err);
    ok(st.mixed_segments == 0 && st.english_segments == 0, "English inside « » is a quotation, not mixed (en=%llu)",
       (unsigned long long)st.en);
    free(out);
    mtc_stats_reset(&st, e);
    const char *spliced = "Il existe des preuves of sanctions contre la Chine.\n";
    mtc_clean_buffer(w, spliced, strlen(spliced), &out, &len, &st, err, sizeof err);
    ok(st.mixed_segments == 1, "one spliced English function word makes a French sentence mixed");
    free(out);
    mtc_stats_reset(&st, e);
    const char *english = "Secretary of State Antony Blinken said the Chinese Ministry of State Security used contract hackers.\n";
    mtc_clean_buffer(w, english, strlen(english), &out, &len, &st, err, sizeof err);
    ok(st.mixed_segments == 0 && st.english_segments == 1, "a plain English sentence is english, not mixed");
    free(out);

    /* the word labeller's evidence and citations, one sentence each */
    static const struct {
        const char *text;
        bool mixed;
    } cases[] = {
        {"Les utilisateurs qui n'ont pas fear de casser leur système sont nombreux.\n", true},
        {"Le ministre a dit : « je suis très heureux que the Premier ministre soit venu ».\n", true},
        {"Il ressemble à This is the Police : il faut surveiller la zone.\n", false},
        {"He faut savoir que la réunion est annulée.\n", true},
        {"Les messages expriment the vue de leurs auteurs (et le slogan « Yes we can »).\n", true},
        {"On lance la commande netstat -tupan pour voir les connexions.\n", false},
        {"Elle codifie de manière précisel'usage de chaque répertoire.\n", true},
        {"Le guide est né dans le Parque Nacional de la ville.\n", false},
        {"Ils seront proposés dans l'stage suivante : le partitionnement.\n", true},
        {"C'est l'heure de l'iPhone et de l'hôtel.\n", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mtc_stats_reset(&st, e);
        mtc_clean_buffer(w, cases[i].text, strlen(cases[i].text), &out, &len, &st, err, sizeof err);
        ok((st.mixed_segments == 1) == cases[i].mixed, "%s: %.*s", cases[i].mixed ? "mixed" : "clean",
           (int)strlen(cases[i].text) - 1, cases[i].text);
        free(out);
    }

    mtc_stats_reset(&st, e);
    mtc_clean_buffer(w, in, strlen(in), &out, &len, &st, err, sizeof err);
    free(out);
    buf json = {0};
    report_append(&json, e, 7, "a\"b", 3, &st);
    ok(strncmp(json.data, "{\"doc\":7,\"id\":\"a\\\"b\",\"bytes_in\":", 31) == 0, "report starts with doc and escaped id");
    ok(strstr(json.data, "\"respekter\":1") && strstr(json.data, "\"subscribe\":1"), "report counts rules by name");
    printf("# %s", json.data);
    buf_free(&json);
    mtc_stats_free(&st);
    mtc_worker_free(w);
    mtc_engine_free(e);
}

/* What the segment hook reports, collected for test_segment_hook. */
typedef struct seen {
    int n, line_starts[8], rewritten[8], verdicts_match;
    char labels[8][16];
} seen;

static void record_segment(void *ctx, const mtc_segment_info *info)
{
    seen *s = ctx;
    if (s->n >= 8)
        return;
    unsigned count[6] = {0};
    for (size_t i = 0; i < info->n_words; i++)
        count[info->words[i].verdict]++;
    s->verdicts_match += count[MTC_WORD_FR] == info->fr && count[MTC_WORD_EN] == info->en &&
                         count[MTC_WORD_BOTH] == info->both && count[MTC_WORD_UNKNOWN] == info->unknown &&
                         count[MTC_WORD_JUNK] == info->junk;
    s->line_starts[s->n] = info->line_start;
    s->rewritten[s->n] = info->rewritten;
    snprintf(s->labels[s->n], sizeof s->labels[0], "%s", info->label);
    s->n++;
}

/* The hook sees every segment in order, with the paragraph starts the HTML report needs. */
static void test_segment_hook(void)
{
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    mtc_worker *w = mtc_worker_new(e, err, sizeof err);
    mtc_stats st;
    mtc_stats_init(&st, e);
    seen s = {0};
    mtc_worker_set_segment_hook(w, record_segment, &s);
    const char *in = "Les Etats-Unis ont adopté un ton sévère. Nous appelons tous les Etats à respekter leurs engagements.\n\n"
                     "Abonnez-vous au magazine papier\n";
    char *out;
    size_t len;
    int rc = mtc_clean_buffer(w, in, strlen(in), &out, &len, &st, err, sizeof err);
    ok(rc == 0 && s.n == 3, "hook called once per segment (got %d)", s.n);
    ok(s.line_starts[0] && !s.line_starts[1] && s.line_starts[2], "line_start marks the first segment of each line");
    ok(!s.rewritten[0] && s.rewritten[1] && !s.rewritten[2], "rewritten set on the repaired segment only");
    ok(strcmp(s.labels[1], "mixed") == 0 && strcmp(s.labels[2], "boilerplate") == 0, "labels: mixed, boilerplate");
    ok(s.verdicts_match == 3, "per-word verdicts add up to the segment counts");
    free(out);
    mtc_stats_free(&st);
    mtc_worker_free(w);
    mtc_engine_free(e);
}

int main(void)
{
    test_clean_buffer();
    test_segment_hook();
    return done_testing();
}
