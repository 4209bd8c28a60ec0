/* Unit tests of libmtclean's modules on real sentences from the fixtures. */
#include "settings.h"
#include "engine.h"
#include "lexicon.h"
#include "lines.h"
#include "repair.h"
#include "report.h"
#include "rules.h"
#include "segment.h"
#include "strmap.h"
#include "tap.h"
#include "words.h"
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

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

static void test_strmap(void)
{
    strmap m = {0};
    char key[64];
    bool all = true;
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 1000; i++) { /* keys of 1 to 40 bytes: inline and on the heap */
            int n = snprintf(key, sizeof key, "%.*s%d", i % 32, "abcdefghijklmnopqrstuvwxyz012345", i);
            strmap_put(&m, key, (size_t)n, i);
        }
        for (int i = 0; i < 1000 && all; i++) {
            int n = snprintf(key, sizeof key, "%.*s%d", i % 32, "abcdefghijklmnopqrstuvwxyz012345", i);
            int v = -1;
            key[n] = '#'; /* no key holds a '#' */
            all = strmap_get(&m, key, (size_t)n, &v) && v == i && !strmap_get(&m, key, (size_t)n + 1, NULL);
        }
        all = all && m.count == 1000;
        strmap_clear(&m);
        all = all && m.count == 0 && !strmap_get(&m, "abc7", 4, NULL);
    }
    ok(all, "strmap keeps 1000 short and long keys, through growth and clear");
    strmap_free(&m);
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
    buf digits = {0};
    const uint64_t numbers[] = {0, 7, 10, 99, 1234567890, UINT64_MAX};
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        buf_append_u64(&digits, numbers[i]);
        buf_append_char(&digits, ' ');
    }
    is_str(digits.data, "0 7 10 99 1234567890 18446744073709551615 ", "buf_append_u64 writes decimal digits");
    buf_free(&digits);
    /* The room asked for and 64 bytes past it are zeroed: PCRE2's JIT reads
       past a subject's end, and valgrind must not see that as a use of
       uninitialised memory. The rest of the capacity is left untouched, so
       that it takes no memory (issue 14, item 9). */
    buf b = {0};
    buf_append(&b, "abc", 3);
    buf_reserve(&b, 5000);
    size_t zero = 0, want = 5000 + 1 + 64;
    for (size_t i = b.len; i < b.len + want && i < b.cap; i++)
        zero += b.data[i] == 0;
    ok(zero == want && b.zeroed < b.cap, "buffer room asked for is zeroed (%zu of %zu bytes), not all of it (%zu of %zu)",
       zero, want, b.zeroed, b.cap);
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

static void test_nfc(void)
{
    /* text.c's fast path takes code points below U+0300 as NFC as they stand. */
    UChar32 bad = -1;
    for (UChar32 c = 0; c < 0x300 && bad < 0; c++)
        if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES || u_getCombiningClass(c) != 0)
            bad = c;
    char first[16] = "none";
    if (bad >= 0)
        snprintf(first, sizeof first, "U+%04X", (unsigned)bad);
    ok(bad < 0, "every code point below U+0300 is NFC_QC=Yes with combining class 0 (exception: %s)", first);
    text_ctx *tc = text_ctx_new();
    struct {
        const char *in, *want, *name;
    } cases[] = {
        {"caf\x65\xCC\x81 cr\xC3\xA8me", "caf\xC3\xA9 cr\xC3\xA8me", "NFC composes e + U+0301"},           /* e + U+0301 composes */
        {"l\xE2\x80\x99\xC3\x89tat \xC2\xAB\xE2\x80\xAFoui\xE2\x80\xAF\xC2\xBB \xE2\x82\xAC",
         "l\xE2\x80\x99\xC3\x89tat \xC2\xAB\xE2\x80\xAFoui\xE2\x80\xAF\xC2\xBB \xE2\x82\xAC", "NFC keeps French punctuation"},
        {"\xE2\x84\xA6 \xEF\xAC\x81", "\xCE\xA9 \xEF\xAC\x81", "NFC maps the Ohm sign, keeps the fi ligature"},
        {"\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80", "NFC composes Hangul jamo"},
        {"a\xFF" "b\xCC", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD", "ill-formed bytes become U+FFFD"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        buf out = {0};
        text_append_nfc(tc, cases[i].in, strlen(cases[i].in), &out);
        is_str(out.data, cases[i].want, cases[i].name);
        buf_free(&out);
    }
    text_ctx_free(tc);
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

    /* A quotation in English is a citation: not scored, so not mixed. */
    mtc_stats_reset(&st, e);
    const char *quoted = "Le sigle APT signifie « advanced persistent threat », soit menace persistante avancée.\n";
    mtc_clean_buffer(w, quoted, strlen(quoted), &out, &len, &st, err, sizeof err);
    ok(st.mixed_segments == 0 && st.en == 0, "English inside « » is not scored (en=%llu)", (unsigned long long)st.en);
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

/* The repeated-phrase repair as first written (every length, position and
   gap): the faster search must drop the same words. */
static int reference_repeated_phrase(buf *text, size_t min_words, size_t max_gap)
{
    enum { MAX_WORDS = 400, MAX_PHRASE = 40 };
    size_t ws[MAX_WORDS], we[MAX_WORDS], count = 0;
    for (size_t i = 0; i < text->len && count < MAX_WORDS;) {
        while (i < text->len && text->data[i] == ' ')
            i++;
        if (i >= text->len)
            break;
        ws[count] = i;
        while (i < text->len && text->data[i] != ' ')
            i++;
        we[count++] = i;
    }
    if (min_words == 0)
        return 0;
    for (size_t len = MAX_PHRASE; len >= min_words; len--)
        for (size_t a = 0; a + 2 * len <= count; a++)
            for (size_t gap = 0; gap <= max_gap && a + 2 * len + gap <= count; gap++) {
                size_t b = a + len + gap, k = 0;
                while (k < len && we[a + k] - ws[a + k] == we[b + k] - ws[b + k] &&
                       !memcmp(text->data + ws[a + k], text->data + ws[b + k], we[a + k] - ws[a + k]))
                    k++;
                if (k < len)
                    continue;
                memmove(text->data + ws[a], text->data + ws[a + len], text->len - ws[a + len] + 1);
                text->len -= ws[a + len] - ws[a];
                return 1;
            }
    return 0;
}

static void test_repeated_phrase(void)
{
    buf text = {0};
    buf_append_str(&text, "Les services de renseignement ont dit Les services de renseignement ont dit que la Chine");
    ok(repair_repeated_phrase(&text, 6, 3) == 1, "a six-word phrase written twice is repaired");
    is_str(text.data, "Les services de renseignement ont dit que la Chine", "  the first copy goes");
    static const char *const vocab[] = {"a", "b", "de", "la", "Chine", "a", "b"};
    uint64_t state = 42;
    size_t runs = 20000, same = 0, repaired = 0;
    buf ref = {0};
    for (size_t r = 0; r < runs; r++) {
        buf_clear(&text);
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        size_t words = (state >> 33) % 120, min_words = (state >> 20) % 9 + (r % 50 == 0 ? 40 : 0);
        size_t max_gap = (state >> 12) % 5;
        for (size_t i = 0; i < words; i++) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            buf_append_str(&text, vocab[(state >> 33) % (sizeof vocab / sizeof vocab[0])]);
            buf_append_str(&text, (state >> 20) % 7 ? " " : "  ");
        }
        buf_clear(&ref);
        buf_append(&ref, text.data ? text.data : "", text.len);
        int got = repair_repeated_phrase(&text, min_words, max_gap);
        int want = reference_repeated_phrase(&ref, min_words, max_gap);
        same += got == want && text.len == ref.len && !memcmp(text.data, ref.data, text.len);
        repaired += want;
    }
    ok(same == runs, "repeated phrases: the search drops what the exhaustive one drops (%zu of %zu texts, %zu repaired)",
       same, runs, repaired);
    buf_free(&text);
    buf_free(&ref);
}

int main(void)
{
    test_rule_parser();
    test_strmap();
    test_needed_bytes();
    test_config();
    test_buf();
    test_lines();
    test_nfc();
    test_segmenter();
    test_words();
    test_repeated_phrase();
    test_lexicon();
    test_clean_buffer();
    test_segment_hook();
    return done_testing();
}
