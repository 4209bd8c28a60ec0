/* Text tests on a block of extracted text (extract.c): words, sentence
   ends, chrome labels, datelines, title repeats. */
#include "extract.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Letters and digits, and every byte of a non-ASCII character. */
static bool isalnum_byte(unsigned char ch)
{
    return ch >= 0x80 || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

/* Case-insensitive (ASCII) search of needle[0..k) in hay[0..n). */
static const char *strcasestr_n(const char *hay, size_t n, const char *needle, size_t k)
{
    for (size_t i = 0; k && i + k <= n; i++)
        if (strncasecmp(hay + i, needle, k) == 0)
            return hay + i;
    return NULL;
}

/* Words: runs of non-spaces (the walk made every white space run one space). */
size_t extract_words(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return words;
}

/* Words with a letter in them: "Image 1 of / 23" has two, as "12
   réactions" has one; numbers and signs do not make a label longer. */
static size_t letter_words(const char *s, size_t n)
{
    size_t words = 0;
    bool letter = false;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == ' ') {
            words += letter;
            letter = false;
        } else
            letter = letter || (unsigned char)s[i] >= 0x80 || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z');
    }
    return words;
}

/* A sentence, as a reader sees one: at least min_words words, ending in
   . ! ? or an ellipsis, a closing quote or bracket allowed after it. Link
   headlines ("SEAN SPICER ELIMINATED...") and labels have none. */
bool extract_full_stop(const char *s, size_t n, double min_words)
{
    size_t words = extract_words(s, n);
    if (min_words <= 0 || (double)words < min_words)
        return false;
    while (n > 0) {
        unsigned char ch = (unsigned char)s[n - 1];
        if (ch == '"' || ch == '\'' || ch == ')' || ch == ']' || ch == ' ')
            n--;
        else if (n >= 3 && (memcmp(s + n - 3, "\xe2\x80\x9d", 3) == 0 || memcmp(s + n - 3, "\xe2\x80\x99", 3) == 0))
            n -= 3; /* ” ’ */
        else if (n >= 2 && memcmp(s + n - 2, "\xc2\xbb", 2) == 0)
            n -= 2; /* » */
        else
            break;
    }
    if (n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0) /* … */
        return true;
    return n > 0 && strchr(".!?", s[n - 1]) != NULL;
}

/* Latin-1 letters (U+00C0..U+00FF, as UTF-8) without their accents, so
   that "Réactions", "Publicité" meet the ASCII hint words. */
static size_t fold_accents(const char *s, size_t n, char *out, size_t cap)
{
    static const char base[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo-ouuuuyty";
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char ch = (unsigned char)s[i], next = i + 1 < n ? (unsigned char)s[i + 1] : 0;
        if (ch == 0xC3 && next >= 0x80 && next <= 0xBF) {
            out[k++] = base[next - 0x80];
            i++;
        } else
            out[k++] = (char)ch;
    }
    out[k] = '\0';
    return k;
}

/* A label made of chrome words ("Partager sur Facebook", "Lire aussi",
   "12 réactions"): a few words whose class/id hint weights, read as text,
   add up to hint.drop_at or less, and no other word of 4+ letters ("Share
   prices fell", "Credit card fees" are not). Wherever it is, it is chrome. */
bool extract_chrome_label(const extract_conf *c, const char *s, size_t n)
{
    if (c->chrome_max_words <= 0 || n > 255)
        return false;
    char text[256];
    fold_accents(s, n, text, sizeof text);
    size_t unknown;
    double score = extract_label_score(c, text, &unknown);
    if (score <= c->hint_drop && unknown == 0 && (double)letter_words(s, n) <= c->chrome_max_words)
        return true;
    /* "Follow Newsbeat on Instagram, Facebook and YouTube", "Suivez-nous
       sur Facebook et Twitter": networks and a chrome word, whatever else. */
    return (double)letter_words(s, n) <= c->social_max_words && score < 0 && extract_social_words(c, text) >= 2;
}

/* Opened by a chrome label and a colon ("Lire aussi : ...", "Also: ...",
   "Crédit photo : AFP"): the words before a colon in the first 40 bytes
   weigh less than 0 as hints, and none is unknown. */
bool extract_chrome_opened(const extract_conf *c, const char *s, size_t len)
{
    const char *colon = memchr(s, ':', len < 40 ? len : 40);
    if (!colon || colon == s)
        return false;
    char label[128];
    size_t unknown;
    fold_accents(s, (size_t)(colon - s), label, sizeof label);
    return extract_label_score(c, label, &unknown) < 0 && unknown == 0;
}

/* A photo credit or a copyright line: opened by a chrome label and a
   colon, or holding a copyright sign ("© AFP", "Photo © Maxppp", "©
   2024 Le Journal"), which an article's prose does not. */
bool extract_credit_line(const extract_conf *c, const char *s, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++)
        if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9) /* © */
            return true;
    return extract_chrome_opened(c, s, len);
}

/* Share of the heading's words that the title has too. */
static double title_overlap(const char *h, size_t n, const char *title)
{
    size_t words = 0, found = 0, tlen = strlen(title);
    for (size_t i = 0; i < n;) {
        while (i < n && !(isalnum_byte((unsigned char)h[i])))
            i++;
        size_t start = i;
        while (i < n && isalnum_byte((unsigned char)h[i]))
            i++;
        if (i == start)
            break;
        words++;
        found += strcasestr_n(title, tlen, h + start, i - start) != NULL;
    }
    return words ? (double)found / (double)words : 0;
}

/* A heading repeating the page title: most of its words are in the title
   or (output.title_both_ways) most of the title's words are in it, as
   when the title is shorter: "Recette du clafoutis" and "Recette du
   clafoutis aux cerises". The title's site name ("- Le Journal", after
   " - ", " | ") is not counted then. */
bool extract_title_like(const extract_conf *c, const char *h, size_t len, const char *title)
{
    if (title_overlap(h, len, title) >= c->title_min_similarity)
        return true;
    if (!c->title_both_ways)
        return false;
    size_t n = strlen(title);
    for (const char *sep = title; (sep = strpbrk(sep, "-|")) != NULL; sep++)
        if (sep > title && sep[-1] == ' ' && sep[1] == ' ')
            n = (size_t)(sep - 1 - title); /* the last one: "A - B - Site" keeps "A - B" */
    char *hs = xstrndup(h, len);
    bool like = title_overlap(title, n, hs) >= c->title_min_similarity;
    free(hs);
    return like;
}

/* A byline or dateline: short, with a year (19xx, 20xx) or a time of day
   (18:12, 18h12) in it. */
bool extract_dateline(const char *s, size_t len)
{
    for (size_t i = 0; i + 4 <= len; i++) {
        bool digit_before = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';
        bool year = !digit_before && (strncmp(s + i, "19", 2) == 0 || strncmp(s + i, "20", 2) == 0) &&
                    s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
                    !(i + 4 < len && s[i + 4] >= '0' && s[i + 4] <= '9');
        bool clock = digit_before && (s[i] == ':' || s[i] == 'h') && s[i + 1] >= '0' && s[i + 1] <= '5' &&
                     s[i + 2] >= '0' && s[i + 2] <= '9';
        if (year || clock)
            return true;
    }
    return false;
}
