/* Unit tests: NFC (text.c), sentences (segment.c) and words (words.c), on
   sentences of the fixtures. */
#include "engine.h"
#include "segment.h"
#include "text.h"
#include "words.h"
#include "tap.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

static char err[1024];

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

int main(void)
{
    test_nfc();
    test_segmenter();
    test_words();
    return done_testing();
}
