/* Unit tests of libmtclean's modules on real sentences from the fixtures. */
#include "config.h"
#include "engine.h"
#include "lexicon.h"
#include "lines.h"
#include "report.h"
#include "rules.h"
#include "segment.h"
#include "tap.h"
#include "words.h"
#include <stdlib.h>

static char err[1024];

static void expect_rule_error_n(const char *text, size_t len, const char *want)
{
    ruleset rs;
    ruleset_init(&rs, 100000, 1000);
    int rc = ruleset_load_text(&rs, "t.rules", text, len, err, sizeof err);
    ok(rc < 0, "malformed rule file rejected");
    is_str(err, want, "  with file:line message");
    ruleset_free(&rs);
}

static void expect_rule_error(const char *text, const char *want) { expect_rule_error_n(text, strlen(text), want); }

static void test_rule_parser(void)
{
    expect_rule_error("# c\n\nfrobnicate /x/\n", "t.rules:3: unknown directive 'frobnicate' (expected drop, dropline, rewrite or flag)");
    expect_rule_error("drop x\n", "t.rules:1: expected /regex/ after the directive");
    expect_rule_error("drop /abc\n", "t.rules:1: unterminated regex: missing closing '/'");
    expect_rule_error("drop /a(b/\n", "t.rules:1: bad regex at offset 3: missing closing parenthesis");
    expect_rule_error("rewrite /a/\n", "t.rules:1: rewrite rule needs '=> \"replacement\"'");
    expect_rule_error("rewrite /a/ => \"b\n", "t.rules:1: unterminated string: missing closing '\"'");
    expect_rule_error("drop /a/ => \"b\"\n", "t.rules:1: only rewrite rules take '=> \"replacement\"'");
    expect_rule_error("drop /a/q\n", "t.rules:1: unknown regex flag 'q' (use i, x, s or m)");
    expect_rule_error("drop /a/ when sometimes\n", "t.rules:1: unknown condition: use 'when mixed', 'when clean' or 'when any': 'when'");
    expect_rule_error("drop /a/ because\n", "t.rules:1: unexpected text (expected 'when ...' or 'name ...'): 'because'");
    expect_rule_error_n("drop /a/\nflag /b\0c/\n", 17, "t.rules:2: NUL byte in rule file");
    expect_rule_error("# caf\xE9\n", "t.rules:1: invalid UTF-8 at byte 6");
    expect_rule_error("drop /a/\nflag /b/ name caf\xC3\n", "t.rules:2: invalid UTF-8 at byte 18");
    expect_rule_error("rewrite /(a)/ => \"$9\"\n", "t.rules:1: bad replacement at offset 2: unknown substring");
    expect_rule_error("rewrite /(?<x>a)/ => \"${x}${y}\"\n", "t.rules:1: bad replacement at offset 8: unknown substring");
    expect_rule_error("rewrite /(a)/ => \"${1\"\n",
                      "t.rules:1: bad replacement at offset 3: expected closing curly bracket in replacement string");
    expect_rule_error("rewrite /a/ => \"5$\"\n", "t.rules:1: bad replacement at offset 2: invalid replacement string");
    expect_rule_error("flag /a\\Cb/\n", "t.rules:1: bad regex at offset 3: using \\C is disabled by the application");

    ruleset rs;
    ruleset_init(&rs, 100000, 1000);
    const char *good = "rewrite /\\brespekter\\b/ => \"respecter\" name r1 # comment\n"
                       "drop /^a\\/b$/i when any\n";
    ok(ruleset_load_text(&rs, "g.rules", good, strlen(good), err, sizeof err) == 0, "valid rules load");
    ok(rs.count == 2, "two rules");
    is_str(rs.rules[0].name, "r1", "explicit rule name");
    is_str(rs.rules[1].name, "g.rules:2", "default rule name is file:line");
    buf out = {0};
    const char *s = "à respekter leurs Obligations";
    ok(rule_rewrite(&rs, &rs.rules[0], s, strlen(s), &out, err, sizeof err) == 1, "rewrite fires once");
    is_str(out.data, "à respecter leurs Obligations", "rewrite result");
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    ok(rule_matches(&rs, &rs.rules[1], md, "A/B", 3, err, sizeof err) == 1, "escaped slash and i flag");
    ruleset_free(&rs);

    /* Group references checked at load time are fine at match time too, and
       a group the match left unset is empty rather than an error. */
    ruleset_init(&rs, 100000, 1000);
    const char *groups = "rewrite /(?<w>Chine)|(Japon)/ => \"[${w}|$2|$$]\"\n";
    ok(ruleset_load_text(&rs, "g.rules", groups, strlen(groups), err, sizeof err) == 0, "named and numbered groups load");
    s = "la Chine et le Japon";
    ok(rule_rewrite(&rs, &rs.rules[0], s, strlen(s), &out, err, sizeof err) == 2, "unset groups do not stop a rewrite");
    is_str(out.data, "la [Chine||$] et le [|Japon|$]", "unset groups are empty");
    ruleset_free(&rs);

    /* A catastrophic pattern must stop at the match limit, not hang. */
    ruleset_init(&rs, 10000, 1000);
    const char *evil = "flag /^(a+)+$/\n";
    ruleset_load_text(&rs, "evil.rules", evil, strlen(evil), err, sizeof err);
    char subject[64];
    memset(subject, 'a', 40);
    strcpy(subject + 40, "b");
    ok(rule_matches(&rs, &rs.rules[0], md, subject, strlen(subject), err, sizeof err) == -1,
       "catastrophic backtracking is stopped");
    ok(strstr(err, "evil.rules:1: rule 'evil.rules:1' failed while matching: match limit exceeded") == err,
       "and reported with file:line");
    pcre2_match_data_free(md);
    ruleset_free(&rs);
    buf_free(&out);
}

static void test_config(void)
{
    mtc_config cfg;
    const char *bad = "segment.min_words = 3\nmixed.bogus = 1\n";
    ok(config_load_text(&cfg, "c.conf", bad, strlen(bad), err, sizeof err) < 0, "unknown setting rejected");
    is_str(err, "c.conf:2: unknown setting: 'mixed.bogus'", "config error names file:line");
    const char *nan = "segment.min_words = many\n";
    config_load_text(&cfg, "c.conf", nan, strlen(nan), err, sizeof err);
    is_str(err, "c.conf:1: value is not a number: 'segment.min_words'", "non-number rejected");
    const char *partial = "segment.min_words = 3\n";
    config_load_text(&cfg, "c.conf", partial, strlen(partial), err, sizeof err);
    is_str(err, "c.conf: missing setting 'mixed.min_en_words'", "every setting required");
    const char nul[] = "segment.min_words = 3\0 junk\n";
    ok(config_load_text(&cfg, "c.conf", nul, sizeof nul - 1, err, sizeof err) < 0, "NUL byte in settings rejected");
    is_str(err, "c.conf:1: NUL byte in settings file", "  with file:line");
}

static void test_buf(void)
{
    /* Spare room is zeroed: PCRE2's JIT reads past a subject's end, and
       valgrind must not see that as a use of uninitialised memory. */
    buf b = {0};
    buf_append(&b, "abc", 3);
    buf_reserve(&b, 5000);
    size_t zero = 0;
    for (size_t i = b.len; i < b.cap; i++)
        zero += b.data[i] == 0;
    ok(zero == b.cap - b.len, "buffer spare room is zeroed (%zu of %zu bytes)", zero, b.cap - b.len);
    buf_free(&b);
}

static void test_lines(void)
{
    size_t n, eoln;
    ok(line_find("ab\r\ncd", 6, 100, false, &n, &eoln) && n == 2 && eoln == 2, "CRLF line");
    ok(line_find("ab\rcd", 5, 100, false, &n, &eoln) && n == 2 && eoln == 1, "lone CR line");
    ok(!line_find("ab\r", 3, 100, false, &n, &eoln), "CR at buffer end waits for more input");
    ok(line_find("ab\r", 3, 100, true, &n, &eoln) && n == 2 && eoln == 1, "CR at end of input");
    ok(!line_find("abc", 3, 100, false, &n, &eoln), "unterminated line waits");
    ok(line_find("abc", 3, 100, true, &n, &eoln) && n == 3 && eoln == 0, "last line without newline");
    const char *longline = "un deux trois quatre cinq six sept huit neuf dix";
    ok(line_find(longline, strlen(longline), 16, false, &n, &eoln) && n == 14 && eoln == 0,
       "long line cut after a space");
    const char *accents = "ééééééééééééééé"; /* 2-byte characters, no space */
    ok(line_find(accents, strlen(accents), 9, false, &n, &eoln) && n == 8, "cut on a character boundary");
}

static void test_segmenter(void)
{
    segmenter *sg = segmenter_new(err, sizeof err);
    span_vec v = {0};
    const char *s = "«La Chine n’acceptera jamais cela», a ajouté M. Zhao. Ces attaques ont «gravement compromis» la sécurité.  ";
    segment_sentences(sg, s, strlen(s), &v);
    ok(v.count == 2, "two sentences, no break after 'M.' (got %zu)", v.count);
    if (v.count == 2) {
        ok(s[v.items[0].core_end - 1] == '.' && v.items[1].start == v.items[0].end, "spans are contiguous");
        ok(v.items[1].end == strlen(s) && s[v.items[1].core_end - 1] == '.', "trailing space outside the sentence");
    }
    span_vec_free(&v);
    segmenter_free(sg);
}

static void test_words(void)
{
    tokenizer *t = tokenizer_new(err, sizeof err);
    word_vec v = {0};
    const char *s = "D’après l’OTAN, les Etats-Unis (voir https://www.lepoint.fr/x ou a@b.fr) qu’il";
    tokenize(t, s, strlen(s), &v);
    buf got = {0};
    for (size_t i = 0; i < v.count; i++) {
        const char *kind = v.items[i].kind == TOK_COMPOUND ? "+" : v.items[i].kind == TOK_PART ? "." : "";
        buf_printf(&got, "%s%s%.*s", i ? " " : "", kind, (int)v.items[i].len, s + v.items[i].start);
    }
    is_str(got.data, "après OTAN les +Etats-Unis .Etats .Unis voir ou il",
           "elisions split, compound with parts, URL and e-mail skipped");
    ok(v.count > 0 && v.items[0].initial, "first word is sentence-initial");
    buf_free(&got);
    word_vec_free(&v);
    tokenizer_free(t);
}

static void test_lexicon(void)
{
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    ok(e != NULL, "engine loads the project's rules and word lists (%s)", e ? "ok" : err);
    if (!e)
        return;
    lexicon *lx = lexicon_new(e->dict_dir, &e->lists, 1000, err, sizeof err);
    text_ctx *tc = text_ctx_new();
    struct {
        const char *word;
        bool initial;
        verdict want;
    } cases[] = {
        {"responsable", false, V_FR}, {"the", false, V_EN},        {"crediting", false, V_EN},
        {"de", false, V_BOTH},        {"Spionage", false, V_JUNK}, {"respekter", false, V_JUNK},
        {"OTAN", false, V_SKIP},      {"APT40", false, V_SKIP},    {"Cilluffo", false, V_SKIP},
        {"Etats-Unis", false, V_FR},  {"Etat", false, V_FR},       {"hackers", false, V_FR},
        {"ransomware", false, V_FR},  {"Extended", false, V_SKIP}, {"The", true, V_EN},
        {"Pékin", false, V_FR},       {"xqzwv", false, V_UNKNOWN},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        verdict v = lexicon_verdict(lx, tc, cases[i].word, strlen(cases[i].word), cases[i].initial);
        ok(v == cases[i].want, "verdict of '%s' is %s (got %s)", cases[i].word, verdict_name(cases[i].want),
           verdict_name(v));
    }
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

int main(void)
{
    test_rule_parser();
    test_config();
    test_buf();
    test_lines();
    test_segmenter();
    test_words();
    test_lexicon();
    test_clean_buffer();
    return done_testing();
}
