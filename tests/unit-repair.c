/* Unit tests: the repairs (repair.c). */
#include "repair.h"
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

int main(void)
{
    test_repeated_phrase();
    return done_testing();
}
