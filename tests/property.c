/* Property tests over deterministic random inputs, through mtc_clean_buffer:
   flag mode loses no byte and the counters add up, in every mode. And the
   tokenizer's fast scanner finds the words ICU's iterator finds.

     property                      the TAP test (MTC_PROPERTY_SEEDS inputs per kind)
     property --generate KIND SEED one input on stdout, for tests/nothing-lost.test
     property --clean FILE PREFIX  the library's output for FILE as one document in
                                   PREFIX.repair, .flag and .drop, with the test
                                   markers (to compare with mtclean's)

   A failing input is saved as property-fail-KIND-SEED.bin in the current
   directory; "property --generate KIND SEED" gives it back too. */
#include "engine.h"
#include "fsutil.h"
#include "markers.h"
#include "rng.h"
#include "tap.h"
#include "text.h"
#include "words.h"
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>

/* Unusual markers; the generators put them in the text too: flag mode must
   double them there (tests/markers.h), so stripping stays exact. */
#define OPEN "{{MTC:"
#define CLOSE ":MTC}}"

static char err[1024];

static const char *pick(const char *const *list, size_t n) { return list[below(n)]; }
#define PICK(list) pick(list, sizeof list / sizeof list[0])

static const char *const fr_words[] = {
    "la", "Chine", "a", "rejeté", "mardi", "une", "accusation", "de", "Washington", "et", "ses", "alliés",
    "l’espionnage", "qu’il", "d'un", "Etats-Unis", "États-Unis", "gouvernement", "sécurité", "cœur", "français",
    "déclaré", "être", "où", "très", "ça", "Pékin", "M.", "«", "»", "—", "n’acceptera", "jamais", "cela",
    "cyberattaques", "haut", "responsable", "les", "des", "Pirates", "Informatiques", "Criminels", "aujourd’hui",
};
static const char *const en_words[] = {
    "the", "and", "of", "European", "Union", "appeal", "to", "government", "security", "hackers",
    "crediting", "with", "which", "was", "The", "said", "on", "Tuesday",
};
static const char *const junk_words[] = {
    "respekter", "Spionage", "l’Spionage", "skin responsable", "internationalaux", "exploiters", "journalistisme",
};
static const char *const boiler[] = {
    "Abonnez-vous", "newsletter", "accepter les cookies", "Ref: https://example.org/x", "https://www.lepoint.fr/a",
    "magazine papier", "suivez-nous sur Facebook", "À lire aussi", "Mentions légales", "créer un compte",
    "Logo", "Menu", "19,90 € TTC",
};
static const char *const odd_words[] = {
    "OTAN", "APT40", "2024", "e\xCC\x81t\xC3\xA9", /* e + combining acute: NFC changes it */
    "A\xCC\x8A", "\xEF\xAC\x81n", "\xC4\xB0stanbul", "stra\xC3\x9F\x65", "\xCE\x90\xCE\x90", "\xEF\xAC\x83",
    "\xF0\x9F\x98\x80", "\xE4\xB8\xAD\xE6\x96\x87", "\xEF\xBB\xBF", "\xE2\x9F\xA6mixed|", "\xE2\x9F\xA7",
    "a@b.fr", "www.x.fr", "http://a.b/c?d=e", "(voir", "p.", "\"", "'", "-", "’",
    OPEN, CLOSE, OPEN "mixed|", OPEN OPEN, CLOSE CLOSE CLOSE, OPEN "boilerplate|x" CLOSE,
};
static const char *const separators[] = {
    " ", " ", " ", " ", ", ", ". ", "! ", "? ", " : ", "\n", "\n\n", "\r\n", "\r", "\t",
    "\xC2\xA0", "\xE2\x80\xAF", "  ", " \n", "\f\n", "\v", ".\n", "… ",
};
static const char *const blank_lines[] = {
    "\n", "\r\n", "\r", " \n", "\t\n", "\xC2\xA0\n", "\f\n", "  \t \r\n",
};
static const char *const bad_bytes[] = {
    "\0", "\x80", "\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xED\xA0\x80", "\xC0\xAF", "\xFF", "\xFE\xFF", "\r", "\n",
};

/* Long lines leave boilerplate out: one dropline match anywhere would make
   the whole line boilerplate and hide the rest of the pipeline. */
static void add_word(buf *b, bool boilerplate_ok)
{
    switch (below(boilerplate_ok ? 10 : 9)) {
    case 0: case 1: case 2: case 3: buf_append_str(b, PICK(fr_words)); break;
    case 4: case 5: buf_append_str(b, PICK(en_words)); break;
    case 6: buf_append_str(b, PICK(junk_words)); break;
    case 7: case 8: buf_append_str(b, PICK(odd_words)); break;
    default: buf_append_str(b, PICK(boiler)); break;
    }
}

static void gen_words(buf *b, size_t tokens, bool damage)
{
    for (size_t i = 0; i < tokens; i++) {
        add_word(b, true);
        buf_append_str(b, below(4) ? " " : PICK(separators));
        if (damage && below(8) == 0) {
            const char *p = PICK(bad_bytes);
            buf_append(b, p, p[0] ? strlen(p) : 1); /* "\0" is one NUL byte */
        }
        if (damage && below(40) == 0) /* a bad byte glued to the next word */
            buf_append_str(b, below(2) ? "\xC3" : "\x80");
    }
}

/* One line of n bytes or more with no line break: spaces, or none at all. */
static void gen_long_line(buf *b, size_t n, bool spaces)
{
    static const char *const joins[] = {",", "", "-", "’", "\xC3\xA9", "\xF0\x9F\x98\x80", "."};
    size_t start = b->len;
    while (b->len - start < n) {
        add_word(b, false);
        buf_append_str(b, spaces ? (below(6) ? " " : ". ") : PICK(joins));
    }
    for (size_t i = start; i < b->len; i++) /* no line break may slip in from a word */
        if (b->data[i] == '\n' || b->data[i] == '\r')
            b->data[i] = spaces ? ' ' : ',';
}

static buf fixture_text;

static void load_fixtures(void)
{
    static const char *const names[] = {"clean-fr-1", "clean-fr-3", "clean-fr-4", "clean-fr-forbes-boilerplate",
                                        "corrupted-lepoint"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        buf path = {0};
        buf_printf(&path, "%s/fixtures/%s.txt", MTC_SRCDIR, names[i]);
        char why[512];
        buf text = {0};
        if (read_whole_file(path.data, &text, why, sizeof why) == 0)
            buf_append(&fixture_text, text.data, text.len);
        buf_free(&text);
        buf_free(&path);
    }
    if (!fixture_text.len)
        buf_append_str(&fixture_text, "La Chine a rejeté mardi une accusation.\n");
}

typedef enum { K_BYTES, K_TEXTBYTES, K_WORDS, K_DAMAGED, K_LONGLINE, K_NOSPACE, K_BLANKS, K_FIXTURES, K_HUGE, K_N } kind;
static const char *const kind_names[K_N] = {"bytes", "textbytes", "words", "damaged", "longline",
                                            "nospace", "blanks", "fixtures", "huge"};
static const char *const kind_about[K_N] = {
    "random bytes", "random bytes from text-like pieces (NUL, CR, broken UTF-8)", "valid UTF-8 French/English words",
    "words with NUL, ill-formed bytes and CR/LF mixes", "lines beyond input.max_line_bytes (4096)",
    "long lines without spaces, cut inside words", "blank-line runs around dropped paragraphs",
    "mutated fixture text", "a line beyond the default 1 MiB input.max_line_bytes",
};

static void generate(kind k, uint64_t seed, buf *b)
{
    rng_state = seed * 1000003u + (uint64_t)k;
    buf_clear(b);
    switch (k) {
    case K_BYTES:
        for (size_t i = 0, n = below(4096); i < n; i++)
            buf_append_char(b, (char)below(256));
        break;
    case K_TEXTBYTES: {
        static const char *const pieces[] = {"a", "e", "\xC3\xA9", " ", " ", "\n", "\r", ".", "\0", "\x80",
                                             "\xC3", "\xE2", "\xF0", "'", "-", "\xE2\x80\x99", "T", "\t",
                                             OPEN, CLOSE, "mixed|"};
        for (size_t i = 0, n = below(8192); i < n; i++) {
            const char *p = PICK(pieces);
            buf_append(b, p, p[0] ? strlen(p) : 1);
        }
        break;
    }
    case K_WORDS: gen_words(b, below(400), false); break;
    case K_DAMAGED: gen_words(b, below(400), true); break;
    case K_LONGLINE:
        for (size_t lines = 1 + below(3); lines > 0; lines--) {
            gen_long_line(b, 4000 + below(20000), true);
            buf_append_str(b, below(2) ? "\n" : "\r\n");
        }
        break;
    case K_NOSPACE: gen_long_line(b, 5000 + below(15000), false); break;
    case K_BLANKS:
        for (size_t i = 0, n = below(60); i < n; i++) {
            if (below(3) == 0) {
                gen_words(b, 1 + below(12), false);
                buf_append_str(b, "\n");
            } else if (below(3) == 0) {
                buf_append_str(b, PICK(boiler));
                buf_append_str(b, "\n");
            }
            for (size_t j = below(4); j > 0; j--)
                buf_append_str(b, PICK(blank_lines));
        }
        break;
    case K_FIXTURES: {
        size_t from = below(fixture_text.len), len = below(fixture_text.len - from + 1);
        buf_append(b, fixture_text.data + from, len);
        for (size_t m = below(12); m > 0 && b->len; m--) {
            size_t at = below(b->len);
            if (below(2)) {
                b->data[at] = (char)below(256);
            } else { /* insert a piece: ensure room, shift, copy */
                const char *p = below(2) ? PICK(bad_bytes) : PICK(separators);
                size_t pn = p[0] ? strlen(p) : 1;
                buf_reserve(b, pn);
                memmove(b->data + at + pn, b->data + at, b->len - at);
                memcpy(b->data + at, p, pn);
                b->len += pn;
                b->data[b->len] = '\0';
            }
        }
        break;
    }
    case K_HUGE: gen_long_line(b, (1u << 20) + below(600000), true); break;
    case K_N: break;
    }
}

/* What the segment hook saw. */
typedef struct seen {
    uint64_t calls, clean, mixed, boilerplate, english, dropped, marker_bytes;
} seen;

static void hook(void *ctx, const mtc_segment_info *info)
{
    seen *s = ctx;
    s->calls++;
    if (!strcmp(info->label, "clean"))
        s->clean++;
    else if (!strcmp(info->label, "mixed"))
        s->mixed++;
    else if (!strcmp(info->label, "boilerplate"))
        s->boilerplate++;
    else if (!strcmp(info->label, "english"))
        s->english++;
    if (!info->output)
        s->dropped++;
    if (strcmp(info->label, "clean") != 0) /* mixed, boilerplate and english are flagged */
        s->marker_bytes += strlen(OPEN) + strlen(info->label) + 1 + strlen(CLOSE);
}

static const char *const mode_names[] = {"repair", "flag", "drop"};

/* Bytes flag mode adds by doubling the marker strings of the text. */
static size_t doubled_bytes(const buf *in)
{
    size_t ol = strlen(OPEN), cl = strlen(CLOSE), extra = 0;
    for (size_t i = 0; i < in->len;) {
        if (in->len - i >= ol && !memcmp(in->data + i, OPEN, ol))
            extra += ol, i += ol;
        else if (in->len - i >= cl && !memcmp(in->data + i, CLOSE, cl))
            extra += cl, i += cl;
        else
            i++;
    }
    return extra;
}

/* The result of one mode on one input. */
typedef struct outcome {
    mtc_stats st;
    seen hook;
    char *out;
    size_t out_len;
} outcome;

static int run_mode(mtc_worker *w, const mtc_engine *e, mtc_mode mode, const buf *in, outcome *o)
{
    memset(&o->hook, 0, sizeof o->hook);
    mtc_stats_reset(&o->st, e);
    mtc_worker_set_mode(w, mode);
    mtc_worker_set_segment_hook(w, hook, &o->hook);
    free(o->out);
    o->out = NULL;
    return mtc_clean_buffer(w, in->data ? in->data : "", in->len, &o->out, &o->out_len, &o->st, err, sizeof err);
}

/* Checks every property of one input; returns a description of the first
   that fails, or NULL. */
static const char *check_input(mtc_worker *w, const mtc_engine *e, const buf *in, outcome o[3], buf *scratch)
{
    static char why[2048];
    for (int m = 0; m < 3; m++) {
        if (run_mode(w, e, (mtc_mode)m, in, &o[m]) < 0) {
            snprintf(why, sizeof why, "--mode=%s failed: %s", mode_names[m], err);
            return why;
        }
        const mtc_stats *st = &o[m].st;
        const seen *h = &o[m].hook;
#define REQUIRE(cond)                                                                  \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            snprintf(why, sizeof why, "--mode=%s: %s", mode_names[m], #cond);          \
            return why;                                                                \
        }                                                                              \
    } while (0)
        REQUIRE(st->bytes_in == in->len);
        REQUIRE(st->bytes_out == o[m].out_len);
        REQUIRE(h->calls == st->segments);
        REQUIRE(st->segments == h->clean + st->mixed_segments + st->boilerplate_segments + st->english_segments);
        REQUIRE(h->mixed == st->mixed_segments && h->boilerplate == st->boilerplate_segments &&
                h->english == st->english_segments);
        REQUIRE(st->words == st->fr + st->en + st->both + st->unknown);
        REQUIRE(st->clean_words <= st->scored_words && st->scored_words <= st->words);
        REQUIRE(st->invalid_utf8 == utf8_count_invalid(in->data, in->len));
        REQUIRE(h->dropped == st->dropped);
        /* Labels and word counts do not depend on the mode. */
        REQUIRE(st->segments == o[0].st.segments && st->mixed_segments == o[0].st.mixed_segments &&
                st->boilerplate_segments == o[0].st.boilerplate_segments &&
                st->english_segments == o[0].st.english_segments && st->words == o[0].st.words &&
                st->clean_words == o[0].st.clean_words && st->scored_words == o[0].st.scored_words);
        uint64_t opens;
        switch ((mtc_mode)m) {
        case MTC_MODE_FLAG:
            buf_clear(scratch);
            buf_reserve(scratch, o[m].out_len);
            scratch->len = strip_markers(o[m].out, o[m].out_len, OPEN, CLOSE, scratch->data, &opens);
            REQUIRE(scratch->len == in->len && !memcmp(scratch->data, in->data, in->len)); /* nothing lost */
            REQUIRE(st->flagged == st->mixed_segments + st->boilerplate_segments + st->english_segments);
            REQUIRE(opens == st->flagged);
            REQUIRE(o[m].out_len == in->len + h->marker_bytes + doubled_bytes(in));
            REQUIRE(st->dropped == 0 && st->rewrites == 0);
            break;
        case MTC_MODE_REPAIR:
            REQUIRE(st->dropped == st->boilerplate_segments && st->flagged == 0);
            REQUIRE(st->rewritten_segments <= st->rewrites && st->rewritten_segments <= st->segments - st->dropped);
            REQUIRE(utf8_count_invalid(o[m].out, o[m].out_len) <= st->invalid_utf8);
            break;
        case MTC_MODE_DROP:
            REQUIRE(st->dropped == st->mixed_segments + st->boilerplate_segments + st->english_segments);
            REQUIRE(st->flagged == 0 && st->rewrites == 0);
            REQUIRE(utf8_count_invalid(o[m].out, o[m].out_len) <= st->invalid_utf8);
            break;
        }
#undef REQUIRE
    }
    return NULL;
}

/* Whether the tokenizer gives the same words with its fast scanner as with
   ICU alone; on a difference, why says where. */
static bool same_words(tokenizer *fast, tokenizer *icu, const char *s, size_t n, word_vec *a, word_vec *b,
                       char *why, size_t whylen)
{
    tokenize(fast, s, n, a);
    tokenize(icu, s, n, b);
    for (size_t i = 0; i < a->count || i < b->count; i++) {
        const word_tok *x = i < a->count ? &a->items[i] : NULL, *y = i < b->count ? &b->items[i] : NULL;
        if (x && y && x->start == y->start && x->len == y->len && x->kind == y->kind && x->n_parts == y->n_parts &&
            x->initial == y->initial)
            continue;
        snprintf(why, whylen, "word %zu: fast '%.*s' at %zu, ICU '%.*s' at %zu", i, x ? (int)x->len : 0,
                 x ? s + x->start : "", x ? x->start : 0, y ? (int)y->len : 0, y ? s + y->start : "",
                 y ? y->start : 0);
        return false;
    }
    return true;
}

/* Text made of the characters word breaking treats differently: letters,
   digits, the marks that join them (. , ; : ' ’ ·), hyphens, spaces, and
   ones the fast scanner leaves to ICU (_ @, a combining accent, a soft
   hyphen, Greek, CJK, an emoji). */
static void gen_word_breaks(buf *b)
{
    static const char *const pieces[] = {
        "a", "Z", "\xC3\xA9", "\xC5\x93", "1", "9", ".", ",", ";", ":", "'", "\xE2\x80\x99", "\xC2\xB7", "-",
        "\xE2\x80\x93", " ", " ", "\xC2\xA0", "\t", "\n", "_", "@", "\xCC\x81", "\xC2\xAD", "\xCE\xB1",
        "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xC2\xAB", "\"", "(", "/", "\xE2\x80\xA4", "\xE2\x80\x98", "%",
        "\xE2\x82\xAC", "l'", "qu\xE2\x80\x99", "www.", "://", "\xEF\xBC\x8E", "\x80", "\xC3",
    };
    buf_clear(b);
    for (size_t i = 0, n = 1 + below(40); i < n; i++)
        buf_append_str(b, PICK(pieces));
}

/* Every input of every kind, each of its lines, and random text of the
   characters that matter to word breaking: the same words either way. */
static void test_tokenizer(uint64_t seeds)
{
    tokenizer *fast = tokenizer_new(err, sizeof err), *icu = tokenizer_new(err, sizeof err);
    if (!ok(fast && icu, "tokenizers start (%s)", fast && icu ? "ok" : err))
        return;
    tokenizer_set_icu_only(icu, true);
    word_vec a = {0}, b = {0};
    buf in = {0};
    char why[512] = "";
    uint64_t texts = 0, words = 0;
    bool same = true;
    for (kind k = 0; k < K_N && same; k++) {
        if (k == K_HUGE)
            continue;
        for (uint64_t seed = 0; seed < seeds && same; seed++) {
            generate(k, seed, &in);
            const char *p = in.data ? in.data : "", *end = p + in.len;
            same = same_words(fast, icu, p, in.len, &a, &b, why, sizeof why);
            for (const char *line = p; same && line < end; texts++) {
                const char *nl = memchr(line, '\n', (size_t)(end - line));
                size_t len = (size_t)((nl ? nl : end) - line);
                same = same_words(fast, icu, line, len, &a, &b, why, sizeof why);
                words += a.count;
                line += len + 1;
            }
        }
    }
    for (uint64_t seed = 0; seed < seeds * 500 && same; seed++, texts++) {
        rng_state = seed * 7919u + 17u;
        gen_word_breaks(&in);
        same = same_words(fast, icu, in.data, in.len, &a, &b, why, sizeof why);
        words += a.count;
    }
    ok(same, "tokenizer: the fast scanner and ICU find the same %" PRIu64 " words in %" PRIu64 " texts%s%s", words,
       texts, same ? "" : ": ", why);
    if (!same)
        printf("# text: '%.*s'\n", (int)in.len, in.data);
    buf_free(&in);
    word_vec_free(&a);
    word_vec_free(&b);
    tokenizer_free(fast);
    tokenizer_free(icu);
}

static void save_failure(kind k, uint64_t seed, const buf *in)
{
    char name[128];
    snprintf(name, sizeof name, "property-fail-%s-%" PRIu64 ".bin", kind_names[k], seed);
    FILE *f = fopen(name, "wb");
    if (f) {
        fwrite(in->data ? in->data : "", 1, in->len, f);
        fclose(f);
    }
    printf("# input saved as %s\n", name);
}

static int run_tests(void)
{
    mtc_engine *e = mtc_engine_load(NULL, err, sizeof err);
    mtc_engine *small = e ? mtc_engine_load(NULL, err, sizeof err) : NULL;
    if (!ok(small != NULL, "engines load (%s)", small ? "ok" : err))
        return done_testing();
    /* The smallest line limit the settings allow, so that cutting long lines
       is exercised on inputs of a few KB. */
    small->cfg.max_line_bytes = 4096;
    mtc_worker *w = mtc_worker_new(e, err, sizeof err), *ws = mtc_worker_new(small, err, sizeof err);
    if (!ok(w && ws, "workers start (%s)", w && ws ? "ok" : err))
        return done_testing();
    mtc_worker_set_markers(w, OPEN, CLOSE);
    mtc_worker_set_markers(ws, OPEN, CLOSE);
    const char *env = getenv("MTC_PROPERTY_SEEDS");
    uint64_t seeds = env && *env ? strtoull(env, NULL, 10) : 60;
    outcome o[3] = {0};
    for (int m = 0; m < 3; m++)
        mtc_stats_init(&o[m].st, e);
    buf in = {0}, scratch = {0};
    load_fixtures();
    for (kind k = 0; k < K_N; k++) {
        bool uses_small = k == K_LONGLINE || k == K_NOSPACE;
        uint64_t n = k == K_HUGE ? (seeds + 29) / 30 : seeds; /* about 1.5 MB each */
        const char *why = NULL;
        uint64_t seed, bytes = 0, segs = 0, mixed = 0, boilerplate = 0, english = 0, rewrites = 0, invalid = 0;
        for (seed = 0; seed < n && !why; seed++) {
            generate(k, seed, &in);
            bytes += in.len;
            why = check_input(uses_small ? ws : w, uses_small ? small : e, &in, o, &scratch);
            segs += o[0].st.segments;
            mixed += o[0].st.mixed_segments;
            boilerplate += o[0].st.boilerplate_segments;
            english += o[0].st.english_segments;
            rewrites += o[0].st.rewrites;
            invalid += o[0].st.invalid_utf8;
        }
        /* So one can see the inputs reach every label and path. */
        printf("# %s: %" PRIu64 " segments: %" PRIu64 " mixed, %" PRIu64 " boilerplate, %" PRIu64 " english; %" PRIu64
               " rewrites, %" PRIu64 " ill-formed sequences\n",
               kind_names[k], segs, mixed, boilerplate, english, rewrites, invalid);
        ok(!why, "%s: %" PRIu64 " inputs (%" PRIu64 " bytes): nothing lost in flag mode, counters add up in every mode",
           kind_about[k], n, bytes);
        if (why) {
            printf("# kind %s, seed %" PRIu64 ": %s\n", kind_names[k], seed - 1, why);
            save_failure(k, seed - 1, &in);
        }
    }
    test_tokenizer(seeds);
    for (int m = 0; m < 3; m++) {
        mtc_stats_free(&o[m].st);
        free(o[m].out);
    }
    buf_free(&in);
    buf_free(&scratch);
    buf_free(&fixture_text);
    mtc_worker_free(w);
    mtc_worker_free(ws);
    mtc_engine_free(e);
    mtc_engine_free(small);
    return done_testing();
}

static int usage(void)
{
    fputs("usage: property [--generate KIND SEED | --clean FILE PREFIX]\n", stderr);
    return 2;
}

static int generate_one(const char *name, const char *seed)
{
    for (kind k = 0; k < K_N; k++)
        if (!strcmp(name, kind_names[k])) {
            buf b = {0};
            load_fixtures();
            generate(k, strtoull(seed, NULL, 10), &b);
            fwrite(b.data ? b.data : "", 1, b.len, stdout);
            buf_free(&b);
            buf_free(&fixture_text);
            return 0;
        }
    return usage();
}

/* Writes PREFIX.repair, PREFIX.flag and PREFIX.drop: FILE cleaned in each mode. */
static int clean_file(const char *path, const char *prefix)
{
    buf in = {0};
    FILE *f = fopen(path, "rb");
    char chunk[65536];
    size_t got;
    while (f && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&in, chunk, got);
    if (f)
        fclose(f);
    else
        snprintf(err, sizeof err, "%s: cannot open", path);
    mtc_engine *e = f ? mtc_engine_load(NULL, err, sizeof err) : NULL;
    mtc_worker *w = e ? mtc_worker_new(e, err, sizeof err) : NULL;
    int rc = w ? 0 : 2;
    mtc_stats st;
    if (w) {
        mtc_stats_init(&st, e);
        mtc_worker_set_markers(w, OPEN, CLOSE);
    }
    for (int m = 0; m < 3 && rc == 0; m++) {
        char *out = NULL;
        size_t len = 0;
        mtc_worker_set_mode(w, (mtc_mode)m);
        mtc_stats_reset(&st, e);
        rc = 2;
        if (mtc_clean_buffer(w, in.data ? in.data : "", in.len, &out, &len, &st, err, sizeof err) == 0) {
            buf name = {0};
            buf_printf(&name, "%s.%s", prefix, mode_names[m]);
            FILE *o = fopen(name.data, "wb");
            if (o && fwrite(out, 1, len, o) == len && fclose(o) == 0)
                rc = 0;
            else
                snprintf(err, sizeof err, "%s: cannot write", name.data);
            buf_free(&name);
        }
        free(out);
    }
    if (w)
        mtc_stats_free(&st);
    if (rc)
        fprintf(stderr, "property: %s\n", err);
    buf_free(&in);
    mtc_worker_free(w);
    mtc_engine_free(e);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 1)
        return run_tests();
    if (argc == 4 && !strcmp(argv[1], "--generate"))
        return generate_one(argv[2], argv[3]);
    if (argc == 4 && !strcmp(argv[1], "--clean"))
        return clean_file(argv[2], argv[3]);
    return usage();
}
