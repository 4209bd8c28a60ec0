#include "repair.h"
#include "strmap.h"
#include "text.h"
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

const char *const repair_names[REPAIR_KINDS] = {"builtin:capitalised-noun", "builtin:article",
                                                "builtin:function-word", "builtin:split-word",
                                                "builtin:repeated-phrase"};

static bool is_french(mtc_word_verdict v) { return v == MTC_WORD_FR || v == MTC_WORD_FR_CAPITALISED; }

static bool french_context(mtc_word_verdict v)
{
    return is_french(v) || v == MTC_WORD_BOTH || v == MTC_WORD_SKIP;
}

/* A word French knows: French-only, or valid in both languages. */
static bool french_or_both(mtc_word_verdict v) { return is_french(v) || v == MTC_WORD_BOTH; }

static bool is_capitalised(const char *w) { return (w[0] >= 'A' && w[0] <= 'Z'); }

/* The word at pos follows a lower-case letter or a comma: not the start of
   a sentence, a quotation or a title. */
static bool mid_sentence(const char *s, size_t pos)
{
    int32_t i = (int32_t)pos;
    while (i > 0 && s[i - 1] == ' ')
        i--;
    if (i == 0)
        return false;
    UChar32 c;
    U8_PREV((const uint8_t *)s, 0, i, c);
    return c == ',' || (c > 0 && u_islower(c));
}

static bool same_word(const char *a, size_t n, const char *lit)
{
    if (strlen(lit) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((a[i] | 0x20) != lit[i])
            return false;
    return true;
}

/* French elides before a vowel (and we leave 'h' alone: aspirated or not). */
static bool starts_with_vowel(const char *w, size_t n)
{
    size_t i = 0;
    int c = n ? utf8_next(w, n, &i) : -1;
    if (c < 0)
        return false;
    c = u_tolower(c);
    return strchr("aeiouy", c < 0x80 ? c : 0) != NULL || c == 0xE9 || c == 0xE8 || c == 0xEA || c == 0xE0 ||
           c == 0xE2 || c == 0xEE || c == 0xF4;
}

/* Appends the replacement, capitalised like the word it replaces. */
static void append_like(buf *out, const char *replacement, bool capital)
{
    size_t at = out->len;
    buf_append_str(out, replacement);
    if (capital && out->data[at] >= 'a' && out->data[at] <= 'z')
        out->data[at] = (char)(out->data[at] - 32);
}

static void append_lowercased_initial(buf *out, const char *w, size_t n)
{
    int32_t i = 0;
    UChar32 c;
    U8_NEXT((const uint8_t *)w, i, (int32_t)n, c);
    if (c < 0) {
        buf_append(out, w, n);
        return;
    }
    uint8_t enc[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(enc, len, u_tolower(c)); /* a lower-case code point fits in 4 bytes */
    buf_append(out, enc, (size_t)len);
    buf_append(out, w + i, n - (size_t)i);
}

/* "the"/"of the"/"of" before a French noun: the French article that agrees. */
static const char *article_for(agreement g, bool vowel, bool with_de)
{
    switch (g) {
    case AGREE_PLURAL: return with_de ? "des" : "les";
    case AGREE_FEM_SG: return vowel ? (with_de ? "de l’" : "l’") : (with_de ? "de la" : "la");
    case AGREE_MASC_SG: return vowel ? (with_de ? "de l’" : "l’") : (with_de ? "du" : "le");
    case AGREE_UNKNOWN:
    case AGREE_NOT_NOUN: break;
    }
    return NULL;
}

void repair_words(lexicon *lx, text_ctx *tc, const wordlists *wl, const char *s, size_t n,
                  const verdict_vec *words, buf *out, repair_counts *counts)
{
    buf_clear(out);
    size_t pos = 0;
    for (size_t i = 0; i < words->count; i++) {
        const mtc_word_info *w = &words->items[i];
        const char *text = s + w->start;
        mtc_word_verdict prev = i > 0 ? words->items[i - 1].verdict : MTC_WORD_SKIP;
        const mtc_word_info *next = i + 1 < words->count ? &words->items[i + 1] : NULL;
        const mtc_word_info *after_next = i + 2 < words->count ? &words->items[i + 2] : NULL;
        /* Only words separated by plain spaces are rewritten: never across punctuation. */
        bool next_adjacent = next && next->start == w->start + w->len + 1 && s[w->start + w->len] == ' ';
        const char *replacement = NULL;
        size_t consumed_to = w->start + w->len;
        repair_kind kind = REPAIR_FUNCTION_WORD;

        /* In a damaged sentence, a French common word capitalised after a
           lower-case French word is MT capitalisation ("des Pirates
           informatiques", "leurs Obligations"), unless an English capitalised
           word follows (a name: "la Central Intelligence Agency"). */
        bool mt_capitalised = i > 0 && is_capitalised(text) && mid_sentence(s, w->start) &&
                              french_or_both(prev) &&
                              !(next && next_adjacent && is_capitalised(s + next->start) &&
                                !french_or_both(next->verdict)) &&
                              lexicon_is_common_french(lx, tc, text, w->len);
        if (w->verdict == MTC_WORD_FR_CAPITALISED || mt_capitalised) {
            buf_append(out, s + pos, w->start - pos);
            append_lowercased_initial(out, text, w->len);
            counts->n[REPAIR_CAPITALISED]++;
            pos = w->start + w->len;
            continue;
        }
        bool is_the = same_word(text, w->len, "the"), is_of = same_word(text, w->len, "of");
        if ((is_the || is_of) && next_adjacent) {
            const mtc_word_info *noun = next;
            bool with_de = is_of;
            if (is_of && same_word(s + next->start, next->len, "the") && after_next &&
                after_next->start == next->start + next->len + 1) {
                noun = after_next; /* "of the X" */
            } else if (is_of) {
                noun = NULL; /* "of X": only "de" when X is French */
                if (is_french(next->verdict)) {
                    replacement = starts_with_vowel(s + next->start, next->len) ? "d’" : "de";
                    kind = REPAIR_ARTICLE;
                }
            }
            if (noun && french_or_both(noun->verdict)) {
                agreement g = lexicon_noun_agreement(lx, s + noun->start, noun->len);
                if (g == AGREE_NOT_NOUN && is_the && noun == next) {
                    replacement = ""; /* "or the encore": no article before a non-noun */
                    consumed_to = next->start;
                } else {
                    replacement = article_for(g, starts_with_vowel(s + noun->start, noun->len), with_de);
                    if (replacement && noun != next)
                        consumed_to = next->start + next->len;
                }
                kind = REPAIR_ARTICLE;
            }
        } else if (next_adjacent && (french_or_both(next->verdict) || same_word(s + next->start, next->len, "the")) &&
                   (i == 0 || french_context(prev))) {
            char key[16];
            if (w->len < sizeof key) {
                for (size_t k = 0; k < w->len; k++)
                    key[k] = (char)(text[k] >= 'A' && text[k] <= 'Z' ? text[k] + 32 : text[k]);
                replacement = wordlists_translate(wl, key, w->len);
            }
        }
        if (!replacement && w->verdict == MTC_WORD_UNKNOWN && i > 0) {
            /* A word MT split in two ("à a gir"): join it to the previous word. */
            const mtc_word_info *p = &words->items[i - 1];
            if (p->start + p->len + 1 == w->start && s[p->start + p->len] == ' ' && p->start >= pos) {
                buf joined = {0};
                buf_append(&joined, s + p->start, p->len);
                buf_append(&joined, text, w->len);
                bool known = lexicon_is_french(lx, joined.data, joined.len);
                buf_free(&joined);
                if (known) {
                    buf_append(out, s + pos, p->start + p->len - pos);
                    pos = w->start; /* the space between the halves goes */
                    counts->n[REPAIR_SPLIT_WORD]++;
                    continue;
                }
            }
        }
        if (!replacement)
            continue;
        buf_append(out, s + pos, w->start - pos);
        append_like(out, replacement, is_capitalised(text));
        pos = consumed_to;
        size_t rlen = strlen(replacement);
        if (rlen >= 3 && memcmp(replacement + rlen - 3, "’", 3) == 0 && pos < n && s[pos] == ' ')
            pos++; /* "l’Union": no space after an elided article */
        counts->n[kind]++;
        if (consumed_to > w->start + w->len)
            i++;
    }
    buf_append(out, s + pos, n - pos);
}

typedef struct word_span {
    size_t start, end;
    uint64_t hash; /* of the word's bytes: most pairs differ here */
} word_span;

static bool same_span(const char *s, const word_span *x, const word_span *y)
{
    return x->hash == y->hash && x->end - x->start == y->end - y->start &&
           memcmp(s + x->start, s + y->start, x->end - x->start) == 0;
}

int repair_repeated_phrase(buf *text, size_t min_words, size_t max_gap)
{
    enum { MAX_WORDS = 400, MAX_PHRASE = 40 };
    if (min_words == 0 || min_words > MAX_PHRASE)
        return 0;
    word_span w[MAX_WORDS];
    size_t count = 0;
    for (size_t i = 0; i < text->len && count < MAX_WORDS;) {
        while (i < text->len && text->data[i] == ' ')
            i++;
        if (i >= text->len)
            break;
        size_t start = i;
        while (i < text->len && text->data[i] != ' ')
            i++;
        w[count++] = (word_span){start, i, strmap_hash(text->data + start, i - start)};
    }
    /* The longest phrase wins, then the first, then the nearest repeat: for
       each pair of equal words a < b, the longest phrase starting at both
       (no longer than b - a, nor than MAX_PHRASE, with at most max_gap
       words between the copies). */
    size_t best_len = 0, best_a = 0;
    for (size_t a = 0; a < count; a++) {
        for (size_t b = a + min_words; b < count && b - a <= MAX_PHRASE + max_gap; b++) {
            if (!same_span(text->data, &w[a], &w[b]))
                continue;
            size_t shortest = b - a > max_gap + min_words ? b - a - max_gap : min_words;
            size_t longest = b - a < MAX_PHRASE ? b - a : MAX_PHRASE;
            if (longest > count - b)
                longest = count - b;
            if (longest <= best_len || longest < shortest)
                continue;
            size_t len = 1;
            while (len < longest && same_span(text->data, &w[a + len], &w[b + len]))
                len++;
            if (len >= shortest && len > best_len) {
                best_len = len;
                best_a = a;
            }
        }
    }
    if (!best_len)
        return 0;
    /* Drop the first copy and the spaces after it. */
    size_t from = w[best_a].start, to = w[best_a + best_len].start;
    memmove(text->data + from, text->data + to, text->len - to + 1);
    text->len -= to - from;
    return 1;
}
