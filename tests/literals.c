/* The required-literal prefilter (filter/literals.c): the literals it finds
   in the project's rules and in tricky syntax, its search, and soundness:
   whenever PCRE2 matches, rule_may_match() lets the subject through, on the
   fixtures, the evaluation data, examples of every rule and random patterns. */
#include "settings.h"
#include "engine.h"
#include "fsutil.h"
#include "rng.h"
#include "segment.h"
#include "tap.h"
#include "text.h"
#include <stdint.h>
#include <stdlib.h>

static char err[1024];

#define PICK(list) (list[below(sizeof list / sizeof list[0])])

/* The literals as text: "" for none, else "^" when the subject must start
   with one, "i:" when caseless, then the strings joined by '|'. */
static void format_literals(const literals *l, buf *out)
{
    buf_clear(out);
    buf_append(out, "", 0);
    if (!l->count)
        return;
    if (l->at_start)
        buf_append_str(out, "^");
    if (l->caseless)
        buf_append_str(out, "i:");
    for (size_t k = 0; k < l->count; k++) {
        if (k)
            buf_append_char(out, '|');
        buf_append(out, l->items[k].s, l->items[k].len);
    }
}

/* The literals of pat with flags ("i", "x", "m"), anchored as PCRE2 says. */
static void expect_literals(const char *pat, const char *flags, const char *want)
{
    bool caseless = strchr(flags, 'i') != NULL, extended = strchr(flags, 'x') != NULL;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | (caseless ? PCRE2_CASELESS : 0) | (extended ? PCRE2_EXTENDED : 0) |
                    (strchr(flags, 'm') ? PCRE2_MULTILINE : 0);
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts, &errcode, &erroff, NULL);
    uint32_t all = 0;
    if (re)
        pcre2_pattern_info(re, PCRE2_INFO_ALLOPTIONS, &all);
    literals l;
    literals_extract(pat, strlen(pat), caseless, extended, (all & PCRE2_ANCHORED) != 0, &l);
    buf got = {0}, name = {0};
    format_literals(&l, &got);
    buf_printf(&name, "/%s/%s: {%s}", pat, flags, want);
    if (re)
        is_str(got.data, want, name.data);
    else
        ok(0, "%s: PCRE2 rejects the pattern", name.data);
    buf_free(&got);
    buf_free(&name);
    literals_free(&l);
    pcre2_code_free(re);
}

static void test_extraction(void)
{
    /* The rules that cost most without literals, then others of the project. */
    expect_literals("\\b\\p{Ll}{3,}(?:iert|isch|keit|heit|ungen)\\b", "", "heit|iert|isch|keit|ungen");
    expect_literals("\\b\\p{Ll}*[\xC3\xA4\xC3\xB6\xC3\x9F]\\p{Ll}*\\b", "", "\xC3\x9F|\xC3\xA4|\xC3\xB6");
    expect_literals("\\b(?:the|and|of) (?:\\p{Ll}*[\xC3\xA9\xC3\xA8\xC3\xAA\xC3\xA0\xC3\xB9\xC3\xA7]\\p{Ll}*)\\b", "",
                    "of |and |the ");
    expect_literals("(?<=\\p{Ll} )(?:des|les|aux|du|de) \\p{Lu}\\p{Ll}+s \\p{Lu}\\p{Ll}+s\\b", "",
                    "de |du |aux |des |les ");
    expect_literals("\\bnum\xC3\xA9ro d['\xE2\x80\x99]abonn\xC3\xA9\\b|\\brenseignez[- ]?votre num\xC3\xA9ro\\b", "i",
                    "i:renseignez|ro d'abonn|ro d\xE2\x80\x99" "abonn");
    expect_literals("(?:mentions l\xC3\xA9gales|politique (?:de )?cookies|plan du site|nous contacter|conditions "
                    "g\xC3\xA9n\xC3\xA9rales)",
                    "i", "i:mentions l|politique |conditions g|plan du site|nous contacter");
    expect_literals("\\d\\s*(?:\xE2\x82\xAC|euros?)\\s*(?:TTC|HT)\\b", "i", "i:\xE2\x82\xAC|euro");
    expect_literals("\\b(?:version num\xC3\xA9rique|magazine papier)\\b", "i", "i:version num|magazine papier");
    expect_literals("\\b(?:accept|accepte[rz]?|refuse[rz]?|param\xC3\xA9trer|g\xC3\xA9rer)\\s+(?:les |the |tous les )?"
                    "cookies\\b",
                    "i", "i:cookies");
    expect_literals("\\b(?:likez|suivez-nous|rejoignez-nous|partagez)\\b.{0,60}\\b(?:facebook|twitter|instagram|"
                    "linkedin|x)\\b",
                    "i", "i:likez|partagez|suivez-nous|rejoignez-nous");
    expect_literals("^(?:rechercher|recherche|menu|accueil|se connecter|connexion|fermer|partager)$", "i",
                    "^i:menu|fermer|accueil|partager|connexion|recherche|se connecter");
    expect_literals("^.{0,80}\\bnewsletter\\b.{0,80}$", "i", "i:newsletter");
    expect_literals("\\b(?:cr\xC3\xA9(?:er|ez)|create) (?:un|a|votre) compte\\b", "i",
                    "i: a compte| un compte| votre compte");
    expect_literals("\\bthe (?=(?:Chine|Grande-Bretagne|France|Russie|Union europ\xC3\xA9" "enne)\\b)", "",
                    "Chine|France|Russie|Grande-Bretagne|Union europ\xC3\xA9" "enne");
    expect_literals("(?<=\\ba soulign\xC3\xA9 |\\ba d\xC3\xA9" "clar\xC3\xA9 )(?:and|et) (?=haut responsable)", "",
                    "haut responsable");
    expect_literals("\\b(?i:t)he European Union\\b", "", "i:the european union");
    expect_literals("\\b(l['\xE2\x80\x99])Spionage\\b", "", "Spionage");
    expect_literals("^([DL]\xE2\x80\x99)(Apr\xC3\xA8s|Avant)\\b", "",
                    "^D\xE2\x80\x99" "Avant|L\xE2\x80\x99" "Avant|D\xE2\x80\x99" "Apr\xC3\xA8s|L\xE2\x80\x99" "Apr\xC3\xA8s");

    /* Sequences, alternatives, optional parts. */
    expect_literals("colou?r", "", "color|colour");
    expect_literals("(?:foo|bar)?baz", "", "baz");
    expect_literals("x(?:a(?:b|c)|d)y", "", "xdy|xaby|xacy");
    expect_literals("(?:abcd|efg.)x", "", "efg|abcd");
    expect_literals("abc|.", "", "");
    expect_literals("abc|", "", "");
    expect_literals("(?:abc)?", "", "");
    expect_literals("(?:aa|ab|ac|ad|ae|af|ag|ah|ai|aj|ak|al|am|an|ao|ap|aq)", "", ""); /* 17: too many */
    expect_literals("abcdefghijklmnopqrstuvwxyz0123456789", "", "abcdefghijklmnopqrstuvwxyz012345"); /* 32 bytes */
    /* Classes. */
    expect_literals("[Vv]ictims", "", "Victims|victims");
    expect_literals("[a-c]xy", "", "axy|bxy|cxy");
    expect_literals("[^a]bc", "", "bc");
    expect_literals("[\\d]xy", "", "xy");
    expect_literals("q[a-z]", "", "q");
    expect_literals("[]a]b", "", "]b|ab");
    expect_literals("[a-c-e]x", "", "x");
    expect_literals("[\\-.]x", "", "-x|.x");
    expect_literals("[[:alpha:]]xy", "", "xy");
    /* Caseless: ASCII letters in lower case; other letters unknown, punctuation kept. */
    expect_literals("\xC3\xA9(?:t|T)\xC3\xA9", "i", "i:t");
    expect_literals("l[\xE2\x80\x99']x", "i", "i:l'x|l\xE2\x80\x99x");
    expect_literals("\xC3\xA0la", "i", "i:la");
    expect_literals("\xC2\xB5m", "i", "i:m"); /* MICRO SIGN: also Greek mu */
    expect_literals("12-34", "i", "12-34");   /* no letter: case does not matter */
    /* Escapes. */
    expect_literals("a\\.b", "", "a.b");
    expect_literals("\\x41bc", "", "bc");
    expect_literals("\\bfoo\\b", "", "foo");
    expect_literals("a\\d+bcd", "", "bcd");
    expect_literals("\\Qab\\E", "", "");
    /* Lookarounds: positive ones look at the subject, negative ones are ignored. */
    expect_literals("(?<=abc)d", "", "abc");
    expect_literals("(?!abc)de", "", "de");
    expect_literals("(?<!x)(?=yz)y", "", "yz");
    expect_literals("(?:(?=abc)x)?y", "", "y");
    /* Quantifiers. */
    expect_literals("(?:ab){2}", "", "abab");
    expect_literals("(?:ab)+", "", "ab");
    expect_literals("(?:ab)*c", "", "c");
    expect_literals("x{2,}yz", "", "yz");
    expect_literals("a{,3}", "", ""); /* PCRE2 10.42 reads "{,3}" literally */
    /* Options and syntax the analysis does not follow. */
    expect_literals("(?i)abc", "", "i:abc");
    expect_literals("a(?i:b)c", "", "i:abc");
    expect_literals("(?i:ab)CD", "", "i:abcd");
    expect_literals("x(?i)y|z", "", "i:z|xy"); /* (?i) reaches the later alternatives */
    expect_literals("(?x)ab", "", "");
    expect_literals("ab", "x", "");
    expect_literals("(*UTF)ab", "", "");
    expect_literals("(abc)\\1", "", "abc");
    expect_literals("(a)(?(1)bc|de)", "", "");
    expect_literals("(?<n>abc)\\k<n>", "", "");
    expect_literals("(?R)?abc", "", "");
    expect_literals("((((((((((((((((((((((((((((((((((abc))))))))))))))))))))))))))))))))))", "", "");
    /* Anchored: what a match starts with, checked at the start only. */
    expect_literals("^(?:et )?d\xC3\xA9" "couvrez", "i", "^i:d|et d");
    expect_literals("^abc|^de", "", "^de|abc");
    expect_literals("^a.*bcd", "", "^a");
    expect_literals("\\Aabc", "", "^abc");
    expect_literals("^abc", "m", "abc"); /* after any newline */
    expect_literals("^(?:x|.)abc", "", "abc");
    /* A comment is nothing, but a quantifier after it belongs to the item
       before it: x(?#c)? is x? (found by fuzz-parsers). */
    expect_literals("x(?#c)cookies", "", "xcookies");
    expect_literals("x(?#c)?cookies", "", "");
}

/* literals_occur() against a plain search, on random subjects around the
   16-byte steps of the vector search. */
static void test_search(void)
{
    static const char alphabet[] = "abAB -";
    int bad = 0, found = 0, runs = 0;
    for (int trial = 0; trial < 20000; trial++) {
        char lit[8], hay[80];
        size_t ln = 1 + below(6), hn = below(sizeof hay);
        bool caseless = below(2);
        for (size_t k = 0; k < ln; k++)
            lit[k] = alphabet[below(sizeof alphabet - 1)];
        for (size_t k = 0; k < hn; k++)
            hay[k] = alphabet[below(sizeof alphabet - 1)];
        if (hn >= ln && below(3) == 0) /* plant it, maybe in the other case */
            for (size_t k = 0, at = below(hn - ln + 1); k < ln; k++)
                hay[at + k] = caseless && below(2) ? (char)(lit[k] ^ (lit[k] >= 'A' ? 0x20 : 0)) : lit[k];
        literals l;
        literals_extract(lit, ln, caseless, false, false, &l);
        if (l.count != 1 || l.items[0].len != ln) {
            bad++;
            literals_free(&l);
            continue;
        }
        bool want = false;
        for (size_t at = 0; at + ln <= hn && !want; at++) {
            size_t k = 0;
            while (k < ln && (caseless ? (hay[at + k] | 0x20) == (lit[k] | 0x20) : hay[at + k] == lit[k]))
                k++;
            want = k == ln;
        }
        rule_subject subj;
        rule_subject_init(&subj, hay, hn);
        bool got = literals_occur(&l, hay, hn, l.caseless ? &subj.folded : &subj.raw);
        bad += got != want;
        found += want;
        runs++;
        literals_free(&l);
    }
    ok(bad == 0 && found > 2000, "literal search agrees with a plain search (%d of %d differ, %d found)", bad, runs,
       found);
}

/* Caseless literals keep the characters of literal_caseless_inert(): check
   against this PCRE2 that each matches itself only. */
static void test_caseless_inert(void)
{
    buf cls = {0}, inert = {0};
    buf_append_str(&cls, "^[");
    for (uint32_t c = 0x80; c < 0x3000; c++)
        if (literal_caseless_inert(c)) {
            buf_printf(&cls, "\\x{%X}", (unsigned)c);
            buf_printf(&inert, "%u ", (unsigned)c);
        }
    buf_append_str(&cls, "]$");
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)cls.data, cls.len, PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP, &errcode,
                                   &erroff, NULL);
    /* No character outside the set matches the set caselessly... */
    uint32_t other = 0;
    for (uint32_t c = 0; c <= 0x10FFFF && !other; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        unsigned char u[4];
        size_t k = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (k == 1)
            u[0] = (unsigned char)c;
        else {
            for (size_t j = k - 1, v = c; j > 0; j--, v >>= 6)
                u[j] = (unsigned char)(0x80 | (v & 0x3F));
            u[0] = (unsigned char)((k == 2 ? 0xC0 : k == 3 ? 0xE0 : 0xF0) | (c >> (6 * (k - 1))));
        }
        if (re && !literal_caseless_inert(c) && pcre2_match(re, u, k, 0, 0, md, NULL) >= 0)
            other = c;
    }
    ok(re && other == 0, "no other character matches a caseless-inert one caselessly (U+%04X)", (unsigned)other);
    /* ...nor two members each other. */
    int pairs = 0;
    for (uint32_t c = 0x80; c < 0x3000; c++) {
        if (!literal_caseless_inert(c))
            continue;
        char pat[32];
        snprintf(pat, sizeof pat, "\\x{%X}", (unsigned)c);
        pcre2_code *one =
            pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP, &errcode,
                          &erroff, NULL);
        for (uint32_t d = 0x80; d < 0x3000 && one; d++) {
            if (d == c || !literal_caseless_inert(d))
                continue;
            char u[4];
            size_t k = d < 0x800 ? 2 : 3;
            if (k == 2) {
                u[0] = (char)(0xC0 | (d >> 6));
                u[1] = (char)(0x80 | (d & 0x3F));
            } else {
                u[0] = (char)(0xE0 | (d >> 12));
                u[1] = (char)(0x80 | ((d >> 6) & 0x3F));
                u[2] = (char)(0x80 | (d & 0x3F));
            }
            pairs += pcre2_match(one, (PCRE2_SPTR)u, k, 0, 0, md, NULL) >= 0;
        }
        pcre2_code_free(one);
    }
    ok(pairs == 0, "caseless-inert characters do not match one another (%d pairs)", pairs);
    pcre2_code_free(re);
    pcre2_match_data_free(md);
    buf_free(&cls);
    buf_free(&inert);
}

/* Decisions of rule_may_match() with literals, including the non-ASCII K
   and S that caseless matching takes for k and s. */
static void test_may_match(void)
{
    ruleset rs;
    ruleset_init(&rs, 100000, 1000);
    const char *text = "flag /\\b\\p{Ll}{3,}(?:iert|isch|keit|heit|ungen)\\b/\n"
                       "drop /\\bcookies\\b/i\n"
                       "dropline /^(?:menu|accueil)$/i\n"
                       "flag /\\b\\p{Ll}*[\xC3\xA4\xC3\xB6\xC3\x9F]\\p{Ll}*\\b/\n";
    ok(ruleset_load_text(&rs, "l.rules", text, strlen(text), err, sizeof err) == 0, "rules with literals load");
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    struct {
        const char *s;
        size_t rule;
        int matches, may;
    } cases[] = {
        {"Es ist organisiert.", 0, 1, 1},
        {"la gestion des risques", 0, 0, 0},
        {"une heite", 0, 0, 1},
        {"Accepter les COOKIES.", 1, 1, 1},
        {"les coo\xE2\x84\xAAies", 1, 1, 1}, /* KELVIN SIGN */
        {"cookie\xC5\xBF.", 1, 1, 1},        /* LONG S */
        {"les cookie et le cake", 1, 0, 0},
        {"Menu", 2, 1, 1},
        {"ACCUEIL", 2, 1, 1},
        {" Menu", 2, 0, 0},
        {"menus", 2, 0, 1},
        {"", 2, 0, 0},
        {"sch\xC3\xB6n", 3, 1, 1},
        {"\xC3\xA0 \xC3\xA9t\xC3\xA9", 3, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rule_subject subj;
        const rule *r = &rs.rules[cases[i].rule];
        size_t n = strlen(cases[i].s);
        rule_subject_init(&subj, cases[i].s, n);
        int m = rule_matches(&rs, r, md, cases[i].s, n, err, sizeof err);
        ok(m == cases[i].matches && rule_may_match(r, &subj) == cases[i].may, "'%s': %s %s, %s", cases[i].s,
           r->name, cases[i].matches ? "matches" : "does not match", cases[i].may ? "not ruled out" : "ruled out");
    }
    pcre2_match_data_free(md);
    ruleset_free(&rs);
}

/* Soundness on one subject: every rule PCRE2 matches passes the prefilter.
   Also tried: the match alone, the subject in upper and in lower case
   (ASCII and Latin-1 letters). */
typedef struct checker {
    const ruleset *rs;
    pcre2_match_data *md;
    unsigned *hits; /* matches per rule */
    unsigned subjects, unsound;
    buf first; /* the first unsound case */
} checker;

static void check_one(checker *c, const char *s, size_t n, int depth)
{
    rule_subject subj;
    rule_subject_init(&subj, s, n);
    c->subjects++;
    for (size_t i = 0; i < c->rs->count; i++) {
        const rule *r = &c->rs->rules[i];
        if (r->kind == RULE_BUILTIN || rule_matches(c->rs, r, c->md, s, n, err, sizeof err) != 1)
            continue;
        c->hits[i]++;
        if (!rule_may_match(r, &subj) && c->unsound++ == 0)
            buf_printf(&c->first, "%s on '%.*s'", r->name, (int)n, s);
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
        if (depth == 0 && ov[1] > ov[0] && ov[1] - ov[0] < n)
            check_one(c, s + ov[0], ov[1] - ov[0], 1);
    }
    if (depth > 0)
        return;
    /* ASCII and Latin-1 letters (à..þ, À..Þ: 0xC3 then bit 0x20) changed. */
    buf up = {0}, low = {0};
    for (size_t k = 0; k < n; k++) {
        unsigned char ch = (unsigned char)s[k], prev = k ? (unsigned char)s[k - 1] : 0;
        bool latin1 = prev == 0xC3 && ch != 0x97 && ch != 0xB7 && ch != 0x9F && ch != 0xBF;
        buf_append_char(&up, (char)((ch >= 'a' && ch <= 'z') || (latin1 && ch >= 0xA0) ? ch - 32 : ch));
        buf_append_char(&low, (char)((ch >= 'A' && ch <= 'Z') || (latin1 && ch < 0xA0) ? ch + 32 : ch));
    }
    if (n) {
        check_one(c, up.data, n, 1);
        check_one(c, low.data, n, 1);
    }
    buf_free(&up);
    buf_free(&low);
}

/* A line and each of its sentences, in NFC as the pipeline has them. */
static void check_line(checker *c, text_ctx *tc, segmenter *sg, const char *line, size_t n)
{
    buf nfc = {0};
    text_append_nfc(tc, line, n, &nfc);
    if (!nfc.data)
        buf_append(&nfc, "", 0);
    check_one(c, nfc.data, nfc.len, 0);
    span_vec spans = {0};
    segment_sentences(sg, nfc.data, nfc.len, &spans);
    for (size_t i = 0; i < spans.count; i++)
        check_one(c, nfc.data + spans.items[i].start, spans.items[i].core_end - spans.items[i].start, 0);
    span_vec_free(&spans);
    buf_free(&nfc);
}

/* The lines of a file under the source tree; a TSV's second column. */
static void check_file(checker *c, text_ctx *tc, segmenter *sg, const char *rel, bool tsv)
{
    buf path = {0}, text = {0};
    buf_printf(&path, "%s/%s", MTC_SRCDIR, rel);
    char why[512] = "";
    ok(read_whole_file(path.data, &text, why, sizeof why) == 0 && text.len > 0, "read %s%s%s", rel, *why ? ": " : "", why);
    const char *p = text.data, *end = text.data + text.len;
    while (p && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p)), *eol = nl ? nl : end;
        const char *tab = tsv ? memchr(p, '\t', (size_t)(eol - p)) : NULL;
        const char *start = tab ? tab + 1 : p;
        check_line(c, tc, sg, start, (size_t)(eol - start));
        p = nl ? nl + 1 : end;
    }
    buf_free(&path);
    buf_free(&text);
}

/* Sentences each rule of rules/ matches, so that every rule is exercised. */
static const char *const examples[] = {
    "une campagne against les pirates informatiques",
    "logo_blanc", "Rechercher", "Ref: https://example.org/a", "https://www.lepoint.fr/x",
    "Article traduit de Forbes", "<<< À lire également : la suite", "| Crédits : AFP", "Mentions légales",
    "Et découvrez chaque semaine nos offres", "19,90 € TTC", "19 EUROS HT",
    "La rédaction du Point est à votre service", "Ses enquêteurs parcourent le monde", "Notre métier ?",
    "L’abonnement et la publicité financent", "Consultez les articles de la rubrique Monde",
    "Suivez les informations en temps réel", "Recevez notre NEWSLETTER gratuite", "Abonnez-vous dès maintenant",
    "Vous pouvez accepter les cookies ici", "Vous pouvez accepter les coo\xE2\x84\xAAies ici",
    "Likez notre page sur Facebook", "Vous avez aimé cet article ?", "Recevez chaque matin nos titres",
    "Chaque lundi, vous recevez la lettre", "Créez votre compte", "Renseignez votre numéro",
    "Votre numéro d’abonné", "Offre version numérique", "Il cite the président and économie.",
    "Il a vu des Pirates Informatiques Criminels hier.", "Es ist schön.", "Es ist organisiert.",
    "un skin responsable", "Il faut respekter les règles", "l’Spionage du pays", "la Spionage du pays",
    "des liens internationalaux", "Ils veulent exploiters cela", "Le journalistisme du pays",
    "Les inquêteurs du pays", "a déclaré and haut responsable", "The Etats-Unis ont dit",
    "the États-Unis ont dit", "contre the Chine", "avec the Canada", "contre the OTAN",
    "la France and la Chine", "la France and Paris", "Paris or les Etats-Unis", "pour the European Union",
    "pour the United States", "The United States ont dit", "pour The United Kingdom", "à the White House",
    "selon the Chinese government", "The President a dit", "selon the President", "actifs in cyberspace",
    "le cyberspace", "à London", "pour international cooperation", "cette threat grave", "ces threats graves",
    "les Victims", "les données personal", "D’Après lui", "against les pirates", "les attacks",
    "Vous aimerez aussi : nos recettes", "Votre adresse e-mail ne sera pas publiée.",
    "Les champs obligatoires sont indiqués avec *", "Laisser un commentaire", "© 2024 Le Site - Tous droits réservés",
    "Cet article est réservé aux abonnés.", "Déjà abonné ? Connectez-vous", "Inscrivez-vous à notre newsletter",
    "Chaque semaine, recevez nos articles", "Follow us on Twitter",
    "En poursuivant votre navigation, vous acceptez les cookies", "Ce site utilise des cookies",
    "Vous utilisez un bloqueur de publicités",
};

static void test_rules_soundness(void)
{
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    ok(e != NULL, "engine loads the project's rules (%s)", e ? "ok" : err);
    if (!e)
        return;
    text_ctx *tc = text_ctx_new();
    segmenter *sg = segmenter_new(err, sizeof err);
    checker c = {.rs = &e->rules, .md = pcre2_match_data_create(1, NULL)};
    c.hits = calloc(e->rules.count, sizeof *c.hits);
    static const char *const files[] = {"fixtures/clean-fr-1.txt", "fixtures/clean-fr-3.txt",
                                        "fixtures/clean-fr-4.txt", "fixtures/clean-fr-forbes-boilerplate.txt",
                                        "fixtures/corrupted-lepoint.txt", "fixtures/hostile-html.txt",
                                        "tests/eval/lepoint-reference.txt"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        check_file(&c, tc, sg, files[i], false);
    static const char *const tsvs[] = {"gold-clean-fr-1", "gold-clean-fr-3", "gold-clean-fr-4",
                                       "gold-clean-fr-forbes-boilerplate", "gold-corrupted-lepoint",
                                       "synthetic-clean-en", "synthetic-clean-fr", "synthetic-mixed"};
    for (size_t i = 0; i < sizeof tsvs / sizeof tsvs[0]; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "tests/eval/%s.tsv", tsvs[i]);
        check_file(&c, tc, sg, rel, true);
    }
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++)
        check_line(&c, tc, sg, examples[i], strlen(examples[i]));
    buf unmatched = {0};
    size_t with_literals = 0;
    for (size_t i = 0; i < e->rules.count; i++) {
        const rule *r = &e->rules.rules[i];
        with_literals += r->lits.count > 0;
        if (r->kind != RULE_BUILTIN && c.hits[i] == 0)
            buf_printf(&unmatched, " %s", r->name);
    }
    ok(c.unsound == 0, "every rule PCRE2 matches passes the prefilter (%u subjects, %u unsound%s%s)", c.subjects,
       c.unsound, c.unsound ? ": first " : "", c.first.data ? c.first.data : "");
    ok(unmatched.len == 0, "every rule matched at least once (add an example for:%s)",
       unmatched.data ? unmatched.data : " none");
    ok(with_literals * 10 >= e->rules.count * 8, "most rules have literals (%zu of %zu)", with_literals,
       e->rules.count);
    buf_free(&unmatched);
    buf_free(&c.first);
    free(c.hits);
    pcre2_match_data_free(c.md);
    segmenter_free(sg);
    text_ctx_free(tc);
    mtc_engine_free(e);
}

/* Random patterns from pieces the analysis treats in different ways, on
   random subjects of the same characters: a match always passes. */
static const char *const atoms[] = {
    "a", "b", "k", "s", "A", "K", "\xC3\xA9", "\xC3\x89", "\xE2\x80\x99", "'", "-", " ", ".", "\\w", "\\d",
    "[ab]", "[a\xC3\xA9]", "[^a]", "[a-c]", "[kK]", "[\xE2\x80\x99']", "\\.", "\\-", "\\b", "\\B", "^", "$",
    "ab", "ks", "\\x{e9}", "\\x61", "\\K", "\\1",
};
static const char *const openers[] = {"(", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?i:", "(?-i:", "(?>", "(?|"};
static const char *const quantifiers[] = {"", "", "", "", "?", "*", "+", "{2}", "{1,2}", "{0,2}", "??", "+?", "{2,}"};
static const char *const pieces[] = {
    "a", "b", "k", "s", "A", "K", "S", "\xC3\xA9", "\xC3\x89", "\xE2\x80\x99", "'", "-", " ", ".", "ab", "ks",
    "x", "1", "\xE2\x84\xAA", "\xC5\xBF", "bab",
};

/* An alternation; fixed: of one length, as PCRE2 wants in lookbehinds. */
static void gen_pattern(buf *b, int depth, bool fixed)
{
    size_t branches = fixed ? 1 : 1 + below(depth < 3 ? 3 : 1);
    for (size_t br = 0; br < branches; br++) {
        if (br)
            buf_append_char(b, '|');
        for (size_t items = below(5); items > 0; items--) {
            const char *atom = below(10) < 7 || depth >= 3 ? PICK(atoms) : NULL;
            if (atom)
                buf_append_str(b, atom);
            else {
                const char *open = PICK(openers);
                buf_append_str(b, open);
                gen_pattern(b, depth + 1, fixed || strncmp(open, "(?<", 3) == 0);
                buf_append_char(b, ')');
            }
            bool assertion = atom && (strcmp(atom, "^") == 0 || strcmp(atom, "$") == 0 || strcmp(atom, "\\b") == 0 ||
                                      strcmp(atom, "\\B") == 0 || strcmp(atom, "\\K") == 0);
            if (!assertion) /* PCRE2 repeats no assertion */
                buf_append_str(b, fixed ? (below(4) ? "" : "{2}") : PICK(quantifiers));
            if (below(30) == 0)
                buf_append_str(b, below(2) ? "(?i)" : "(?-i)");
        }
    }
}

static void test_random_patterns(void)
{
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    unsigned patterns = 0, filtered = 0, matches = 0, filtered_matches = 0, unsound = 0;
    buf text = {0}, first = {0}, subject = {0};
    for (int trial = 0; trial < 3000; trial++) {
        buf_clear(&text);
        buf_append_str(&text, "flag /");
        gen_pattern(&text, 0, false);
        buf_append_str(&text, below(2) ? "/i\n" : "/\n");
        ruleset rs;
        ruleset_init(&rs, 100000, 1000);
        if (ruleset_load_text(&rs, "r.rules", text.data, text.len, err, sizeof err) == 0) {
            const rule *r = &rs.rules[0];
            patterns++;
            filtered += r->lits.count > 0;
            for (int k = 0; k < 60; k++) {
                buf_clear(&subject);
                buf_append(&subject, "", 0);
                for (size_t t = below(12); t > 0; t--)
                    buf_append_str(&subject, PICK(pieces));
                rule_subject subj;
                rule_subject_init(&subj, subject.data, subject.len);
                if (rule_matches(&rs, r, md, subject.data, subject.len, err, sizeof err) != 1)
                    continue;
                matches++;
                filtered_matches += r->lits.count > 0;
                if (!rule_may_match(r, &subj) && unsound++ == 0)
                    buf_printf(&first, "%.*s on '%s'", (int)text.len - 1, text.data, subject.data);
            }
        }
        ruleset_free(&rs);
    }
    ok(unsound == 0, "random patterns: a match always passes the prefilter (%u unsound%s%s)", unsound,
       unsound ? ": first " : "", first.data ? first.data : "");
    ok(patterns > 1500 && filtered > 500 && filtered_matches > 5000,
       "  %u patterns compiled, %u with literals; %u matches, %u of rules with literals", patterns, filtered, matches,
       filtered_matches);
    buf_free(&text);
    buf_free(&first);
    buf_free(&subject);
    pcre2_match_data_free(md);
}

int main(void)
{
    test_extraction();
    test_search();
    test_caseless_inert();
    test_may_match();
    test_rules_soundness();
    test_random_patterns();
    return done_testing();
}
