/* Unit tests: rule files (rules.c) and the literals that let a rule be
   skipped (literals.c). */
#include "rules.h"
#include "literals.h"
#include "tap.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

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
    ok(rule_rewrite(&rs, &rs.rules[0], NULL, s, strlen(s), &out, err, sizeof err) == 1, "rewrite fires once");
    is_str(out.data, "à respecter leurs Obligations", "rewrite result");
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    ok(rule_matches(&rs, &rs.rules[1], md, "A/B", 3, err, sizeof err) == 1, "escaped slash and i flag");
    ok(rule_rewrite(&rs, &rs.rules[0], md, s, strlen(s), &out, err, sizeof err) == 1, "pre-matched rewrite fires");
    is_str(out.data, "à respecter leurs Obligations", "pre-matched rewrite result");
    ok(rule_rewrite(&rs, &rs.rules[0], md, "rien", 4, &out, err, sizeof err) == 0 &&
           strcmp(out.data, "à respecter leurs Obligations") == 0,
       "a rewrite that does not match leaves the output alone");
    ruleset_free(&rs);

    /* Group references checked at load time are fine at match time too, and
       a group the match left unset is empty rather than an error. */
    ruleset_init(&rs, 100000, 1000);
    const char *groups = "rewrite /(?<w>Chine)|(Japon)/ => \"[${w}|$2|$$]\"\n";
    ok(ruleset_load_text(&rs, "g.rules", groups, strlen(groups), err, sizeof err) == 0, "named and numbered groups load");
    ok(ruleset_max_captures(&rs) == 2, "two capture groups");
    pcre2_match_data_free(md);
    md = pcre2_match_data_create(ruleset_max_captures(&rs) + 1, NULL);
    s = "la Chine et le Japon";
    ok(rule_rewrite(&rs, &rs.rules[0], md, s, strlen(s), &out, err, sizeof err) == 2, "unset groups do not stop a rewrite");
    is_str(out.data, "la [Chine||$] et le [|Japon|$]", "unset groups are empty");
    ruleset_free(&rs);

    /* Output longer than the room first reserved: substitution runs again
       from the start, not from the match the first run overwrote. */
    ruleset_init(&rs, 100000, 1000);
    const char *grow = "rewrite /(o)/ => \"<$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1>\"\n";
    ok(ruleset_load_text(&rs, "g.rules", grow, strlen(grow), err, sizeof err) == 0, "growing rewrite loads");
    s = "un mot o trop, o o o o o o o o";
    buf_free(&out); /* the first room is 256 bytes: the output needs more */
    ok(rule_rewrite(&rs, &rs.rules[0], md, s, strlen(s), &out, err, sizeof err) == 11, "growing rewrite fires 11 times");
    buf want = {0};
    for (const char *p = s; *p; p++)
        if (*p == 'o')
            buf_append_str(&want, "<oooooooooooooooooooooooooooooo>");
        else
            buf_append_char(&want, *p);
    is_str(out.data, want.data, "every match rewritten once, output grown");
    buf_free(&want);
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

/* The needed bytes of a pattern, as a string in byte order. */
static void expect_needs(const char *pat, bool caseless, const char *want)
{
    byteset b = rule_needed_bytes(pat, strlen(pat), caseless, false);
    char got[257];
    size_t n = 0;
    for (int c = 1; c < 256; c++)
        if ((b.w[c >> 6] >> (c & 63)) & 1)
            got[n++] = (char)c;
    got[n] = '\0';
    is_str(got, want, pat);
}

static void test_needed_bytes(void)
{
    expect_needs("^.{0,80}\\bNewsLetter\\b.{0,80}$", true, "elnrstw");
    expect_needs("colou?r", false, "clor");
    expect_needs("ab{0,2}c+d{1,3}", false, "acd");
    expect_needs("(?:likez|suivez-nous|partagez)x?", true, "ez");
    expect_needs("\\bThe (?=(?:Etats|\xC3\x89tats)-Unis\\b)", false, " -TUaehinst");
    expect_needs("(?<!xy)(?!zw)ab", false, "ab");
    expect_needs("[]qz]ab\\/\\.[[:alpha:]]", false, "./ab");
    expect_needs("inqu\xC3\xAAte", false, "einqtu\xAA\xC3");
    expect_needs("inqu\xC3\xAAte", true, "einqtu"); /* caseless: \xC3\xAA also matches \xC3\x8A */
    expect_needs("(?<name>abc)(?P<n2>abd)", false, "abcd");
    expect_needs("ab|cd", false, "");
    expect_needs("a(?i)b", false, "");
    expect_needs("\\Qab\\E", false, "");
    expect_needs("(*UTF)ab", false, "");
    expect_needs("a{,3}", false, ""); /* PCRE2 10.42 reads "{,3}" literally */
    expect_needs("ab)", false, "");

    /* Caseless, only K/k and S/s have non-ASCII partners (U+212A, U+017F),
       which rule_subject_init() allows for: check that against this PCRE2. */
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR) "^[a-z]$", PCRE2_ZERO_TERMINATED,
                                   PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP, &errcode, &erroff, NULL);
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    buf others = {0};
    for (uint32_t c = 0x80; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        unsigned char u[4];
        size_t k = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        for (size_t j = k - 1, v = c; j > 0; j--, v >>= 6)
            u[j] = (unsigned char)(0x80 | (v & 0x3F));
        u[0] = (unsigned char)((k == 2 ? 0xC0 : k == 3 ? 0xE0 : 0xF0) | (c >> (6 * (k - 1))));
        if (pcre2_match(re, u, k, 0, 0, md, NULL) >= 0)
            buf_printf(&others, "%sU+%04X", others.len ? " " : "", (unsigned)c);
    }
    is_str(others.data ? others.data : "", "U+017F U+212A", "only U+017F and U+212A match [a-z] caselessly");
    buf_free(&others);
    pcre2_match_data_free(md);
    pcre2_code_free(re);

    /* A rule is ruled out only when it cannot match (its literals: tests/literals.c). */
    ruleset rs;
    ruleset_init(&rs, 100000, 1000);
    const char *text = "drop /\\bcookies\\b/i\nrewrite /\\bSpionage\\b/ => \"espionnage\"\n";
    ruleset_load_text(&rs, "n.rules", text, strlen(text), err, sizeof err);
    md = pcre2_match_data_create(1, NULL);
    struct {
        const char *s;
        size_t rule;
        int matches, may;
    } cases[] = {
        {"Accepter les COOKIES.", 0, 1, 1}, {"les coo\xE2\x84\xAAies", 0, 1, 1}, /* KELVIN SIGN */
        {"cookie\xC5\xBF.", 0, 1, 1},       /* LONG S */
        {"les gateaux", 0, 0, 0},           {"l'Spionage", 1, 1, 1},
        {"spionage", 1, 0, 0},              {"Spion age", 1, 0, 0}, /* every byte, not the literal */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rule_subject subj;
        const rule *r = &rs.rules[cases[i].rule];
        rule_subject_init(&subj, cases[i].s, strlen(cases[i].s));
        int m = rule_matches(&rs, r, md, cases[i].s, strlen(cases[i].s), err, sizeof err);
        ok(m == cases[i].matches && rule_may_match(r, &subj) == cases[i].may,
           "'%s': %s %s, %s by the prefilter", cases[i].s, r->name, cases[i].matches ? "matches" : "does not match",
           cases[i].may ? "not ruled out" : "ruled out");
    }
    pcre2_match_data_free(md);
    ruleset_free(&rs);
}

int main(void)
{
    test_rule_parser();
    test_needed_bytes();
    return done_testing();
}
