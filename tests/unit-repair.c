/* Unit tests: the repairs (repair.c). */
#include "repair.h"
#include "translate_text.h"
#include "tap.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

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

/* Words of s with the verdicts and languages given (one letter each:
   f French, e English, b both, n name, F/E function words: French, English). */
static void make_words(const char *s, const char *kinds, verdict_vec *v)
{
    v->count = 0;
    size_t i = 0, n = strlen(s);
    for (const char *k = kinds; *k; k++) {
        /* blanks, punctuation and « » (0xC2 0xAB, 0xC2 0xBB) between words */
        while (i < n && (strchr(" ,:.", s[i]) || (unsigned char)s[i] == 0xC2 || (unsigned char)s[i] == 0xAB ||
                         (unsigned char)s[i] == 0xBB))
            i++;
        size_t start = i;
        while (i < n && !strchr(" ,:.", s[i]))
            i++;
        mtc_word_verdict vd = *k == 'f' ? MTC_WORD_FR : *k == 'e' ? MTC_WORD_EN : *k == 'E' ? MTC_WORD_EN_FUNCTION
                              : *k == 'n' ? MTC_WORD_SKIP : MTC_WORD_BOTH;
        mtc_word_lang lang = *k == 'f' || *k == 'F' ? MTC_LANG_FR : *k == 'n' ? MTC_LANG_NAME : MTC_LANG_EN;
        v->items = realloc(v->items, (v->count + 1) * sizeof *v->items);
        v->items[v->count++] = (mtc_word_info){start, i - start, vd, lang};
    }
}

static size_t spans_of(const char *s, const char *kinds, tr_span *out)
{
    verdict_vec v = {0};
    make_words(s, kinds, &v);
    span_limits lim = {.min_english = 2, .min_content_only = 3, .max_bytes = 2000, .capitals_min_english = 3,
                       .capitals_min_share = 0.34, .english_min_french = 2, .clause_min_english = 6,
                       .clause_min_function = 3};
    size_t count = translate_find_spans(s, strlen(s), &v, &lim, false, out, 8);
    free(v.items);
    return count;
}

static void test_translate_spans(void)
{
    tr_span sp[8];
    const char *s = "Ils pourront alors servir de base the configuration of the system.";
    ok(spans_of(s, "fffffFEeEEe", sp) == 1 && sp[0].start == 34 && sp[0].end == 65,
       "an English clause in French is one span (\"the configuration of the system\")");
    ok(spans_of("Il joue à Call of Duty depuis des mois.", "ffFeEnfff", sp) == 0,
       "a title (capitalised words around 'of') is left alone");
    ok(spans_of("Au menu burger fries shakes pour tous.", "ffeeeff", sp) == 1,
       "three English nouns in a row are a span");
    ok(spans_of("Au menu : burger, fries, shakes pour tous.", "ffeeeff", sp) == 0,
       "a list of English nouns is not");
    ok(spans_of("Les incontournables coffee shops du quartier.", "ffeeFf", sp) == 0,
       "two English nouns are a loan, not damage");
    ok(spans_of("Le terminal affiche root at serveur:~$ reboot", "fffeEnn", sp) == 0,
       "English beside a command prompt is part of it");
    ok(spans_of("Elle a lu « the end of the story » hier.", "fFfEeEEeF", sp) == 0, "never inside quotation marks");
    verdict_vec v = {0};
    const char *t = "Total War Battles: Kingdom";
    make_words(t, "eeen", &v);
    ok(translate_title_like(NULL, t, strlen(t), &v), "a game title is title-like");
    const char *u = "Excuse me, where is the beach?";
    make_words(u, "eEEEEe", &v);
    ok(!translate_title_like(NULL, u, strlen(u), &v), "a sentence is not");
    free(v.items);
    unsigned words;
    const char *src = "the communiqués in cyberspace";
    const char *fr = "Les *communiqués en *ciberespacio";
    ok(translate_leaks(src, 0, strlen(src), fr, strlen(fr), &words) == 1 && words == 4,
       "a word the last pair does not know and the span does not hold is the pivot language left in");
}

int main(void)
{
    test_repeated_phrase();
    test_translate_spans();
    return done_testing();
}
