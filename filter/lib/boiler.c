#include "boiler.h"
#include "text.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* Counts gathered in one pass over a line. */
typedef struct line_scan {
    unsigned cps, nonspace, digits, symbols, separators;
    unsigned you, imperative;
    unsigned words, glued_words, alpha_words, stop_fr, stop_en, ui, caps, allcaps, time, verb;
    unsigned vocab_hits; /* words in boiler.vocab, and their log-odds (x VOCAB_SCALE) */
    int vocab_sum, vocab_max, vocab_min, vocab_first; /* vocab_first: the first word's */
    unsigned lex_hits;  /* words in boiler.lexicon, and the sum of their weights (x VOCAB_SCALE) */
    int lex_sum;
    unsigned colon_at;  /* words before the first ':' (0: none) */
    bool clock, key_any;
    uint64_t key;       /* boiler_line_key, computed on the way */
    bool ui_first, first_caps, glued, number_ui, link, end_sentence, end_colon, emoji, hyphen;
    bool prev_number;   /* the word before was a number */
    unsigned doubled_words; /* "FAQFAQ", "MembresMembres": a link's text and its title glued */
    unsigned caps_now, caps_run; /* capitalised words in a row (no function word between), the longest run */
    bool copyright, date_shape, lower_start; /* "©"; "03/12/2013" or a year; the first word in lower case */
    unsigned n_content; /* content words (no list's, 4 bytes or more), their bits in the page's bags */
    uint16_t content_bits[BOILER_LINE_WORDS];
    int prev_class;     /* classes of the word before */
} line_scan;

static bool is_separator(UChar32 c)
{
    switch (c) {
    case '|': case '/': case '>': case '~': case 0xB7: case 0xBB: case 0xAB: case 0x2022: case 0x203A:
    case 0x2039: case 0x25B8: case 0x25BA: case 0x2192: case 0x2013: case 0x2014: case 0x2605: case 0xD7:
        return true;
    }
    return false;
}

static bool is_space(UChar32 c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2009; }

#define KEY_SEED 1469598103934665603ULL
#define LOW_MAX 64 /* a word's lower-cased bytes; longer: in no list */

/* One word into the line's key: the words lower-cased, in order, numbers
   and punctuation left out ("Mis à jour le 3 mai" repeats whatever the
   date). Eight bytes at a time, read as little-endian so that the key is
   the same on every machine (the --learn-repeats table is a file). */
static uint64_t key_word(uint64_t h, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i += 8) {
        uint64_t v = 0;
        if (n - i >= 8)
            memcpy(&v, w + i, 8);
        else
            for (size_t k = 0; k < n - i; k++)
                v |= (uint64_t)(unsigned char)w[i + k] << (8 * k);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        if (n - i >= 8)
            v = __builtin_bswap64(v);
#endif
        h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
        h ^= h >> 29;
    }
    return (h ^ n) * 0xFF51AFD7ED558CCDULL;
}

/* A word's evidence from the vocabulary (log-odds) and the lexicon (weights). */
static void vocab_word(const boiler_model *m, line_scan *ls, const char *low, size_t lown)
{
    int lo;
    if (!strmap_get(&m->vocab, low, lown, &lo))
        return;
    ls->vocab_max = ls->vocab_hits && ls->vocab_max > lo ? ls->vocab_max : lo;
    ls->vocab_min = ls->vocab_hits && ls->vocab_min < lo ? ls->vocab_min : lo;
    ls->vocab_sum += lo;
    if (ls->words == 0)
        ls->vocab_first = lo;
    ls->vocab_hits++;
    if (strmap_get(&m->lexicon, low, lown, &lo)) { /* its words are the vocabulary's (checked at load) */
        ls->lex_sum += lo;
        ls->lex_hits++;
    }
}

/* One word (letters and digits, lower-cased into low): classes and shape. */
static void scan_word(const boiler_model *m, line_scan *ls, const char *low, size_t lown, unsigned letters,
                      unsigned uppers, bool first_upper, bool glued, bool number)
{
    int cls = 0;
    if (!number) { /* lown == LOW_MAX: too long for the buffer and any list */
        ls->key = key_word(ls->key, low, lown < 64 ? lown : 0);
        ls->key_any = true;
    }
    if (lown < 64)
        cls = boiler_word_classes(m, low, lown);
    if (lown < 64 && !number)
        vocab_word(m, ls, low, lown);
    /* a content word (in no list, 4 bytes or more): its bit for the page's bags */
    if (!number && lown >= 4 && lown < LOW_MAX && !(cls & (WC_STOP_FR | WC_STOP_EN | WC_UI | WC_TIME)) &&
        ls->n_content < BOILER_LINE_WORDS)
        ls->content_bits[ls->n_content++] = (uint16_t)(key_word(KEY_SEED, low, lown) >> 52) % BOILER_BAG_BITS;
    bool first = ls->words == 0;
    ls->words++;
    if (!number && letters >= 4 && lown % 2 == 0 && lown < LOW_MAX && memcmp(low, low + lown / 2, lown / 2) == 0)
        ls->doubled_words++;
    /* a year (1900-2099): dates, archives, copyright lines */
    if (number && lown == 4 && ((low[0] == '1' && low[1] == '9') || (low[0] == '2' && low[1] == '0')))
        ls->date_shape = true;
    bool stop = (cls & (WC_STOP_FR | WC_STOP_EN)) != 0;
    ls->caps_now = letters && first_upper && !stop ? ls->caps_now + 1 : 0;
    if (ls->caps_now > ls->caps_run)
        ls->caps_run = ls->caps_now;
    if (letters) {
        ls->alpha_words++;
        ls->caps += first_upper;
        ls->allcaps += letters >= 2 && uppers == letters;
        if (first) {
            ls->first_caps = first_upper;
            ls->lower_start = !first_upper;
        }
    }
    ls->stop_fr += (cls & WC_STOP_FR) != 0;
    ls->stop_en += (cls & WC_STOP_EN) != 0;
    ls->ui += (cls & WC_UI) != 0;
    ls->time += (cls & WC_TIME) != 0;
    ls->verb += (cls & WC_VERB) != 0;
    ls->you += (cls & WC_YOU) != 0;
    /* "cliquez", "découvrez", "connectez": the reader addressed (not "chez", "assez") */
    ls->imperative += lown >= 5 && memcmp(low + lown - 2, "ez", 2) == 0 && !(cls & WC_NOT_IMPERATIVE);
    if (first)
        ls->ui_first = (cls & WC_UI) != 0;
    ls->glued |= glued;
    ls->glued_words += glued;
    /* "12 commentaires", "il y a 3 heures", "5 min" */
    if ((ls->prev_number && (cls & (WC_UI | WC_TIME))) || (number && (ls->prev_class & WC_UI)))
        ls->number_ui = true;
    ls->prev_number = number;
    ls->prev_class = cls;
}

/* Walks the line code point by code point, cutting words at every character
   that is not a letter or a digit (elisions and hyphens included). */
/* What the scan needs of a code point; ASCII without ICU calls (the hot path). */
typedef struct cp_info {
    bool alpha, digit, upper, lower;
    UChar32 folded;
} cp_info;

static cp_info cp_classify(UChar32 c)
{
    cp_info ci;
    if (c >= 0 && c < 0x80) {
        ci.upper = c >= 'A' && c <= 'Z';
        ci.lower = c >= 'a' && c <= 'z';
        ci.alpha = ci.upper || ci.lower;
        ci.digit = c >= '0' && c <= '9';
        ci.folded = ci.upper ? c + 32 : c;
        return ci;
    }
    ci.alpha = c > 0 && u_isalpha(c);
    ci.digit = c > 0 && !ci.alpha && u_isdigit(c);
    ci.upper = ci.alpha && u_isupper(c);
    ci.lower = ci.alpha && u_islower(c);
    ci.folded = ci.upper ? u_tolower(c) : c;
    return ci;
}

/* After a letter or digit: the run of ASCII lower-case letters that follows,
   the common case, on a short path. */
static void lower_run(const char *s, size_t n, size_t *i, char *low, size_t *lown, unsigned *letters, unsigned *wlen,
                      bool *number, bool *prev_lower, line_scan *ls, UChar32 *last)
{
    size_t j = *i;
    while (j < n && s[j] >= 'a' && s[j] <= 'z')
        j++;
    size_t run = j - *i;
    if (!run)
        return;
    if (*lown + run < LOW_MAX) {
        memcpy(low + *lown, s + *i, run);
        *lown += run;
    } else
        *lown = LOW_MAX;
    *letters += (unsigned)run;
    *wlen += (unsigned)run;
    *number = false;
    *prev_lower = true;
    ls->cps += (unsigned)run;
    ls->nonspace += (unsigned)run;
    *last = (unsigned char)s[j - 1];
    *i = j;
}

/* A character that is no letter, digit or space, at s[i - 1]: separators,
   links, clock times, the line's last punctuation. */
static void scan_symbol(const char *s, size_t n, size_t i, UChar32 c, UChar32 last, line_scan *ls)
{
    ls->nonspace++;
    ls->emoji |= c >= 0x1F000 || (c >= 0x2600 && c <= 0x27BF);
    ls->hyphen |= c == '-' || c == '_';
    ls->symbols++;
    ls->separators += is_separator(c);
    ls->link |= c == '@' || (c == ':' && i + 2 <= n && s[i] == '/' && s[i + 1] == '/') ||
                (c == '.' && ((i >= 4 && memcmp(s + i - 4, "www", 3) == 0) ||
                              (i + 3 <= n && memcmp(s + i, "com", 3) == 0) ||
                              (i + 3 <= n && memcmp(s + i, "fr/", 3) == 0)));
    ls->copyright |= c == 0xA9;
    /* 03/12/2013 (not a dot between digits: a decimal too) */
    ls->date_shape |= c == '/' && last >= '0' && last <= '9' && i < n && s[i] >= '0' && s[i] <= '9';
    ls->clock |= c == ':' && last >= '0' && last <= '9' && i < n && s[i] >= '0' && s[i] <= '9'; /* 18:48 */
    if (c != 0xBB && c != 0x201D && c != '"' && c != ')' && c != 0x2019) { /* closing marks: look before */
        ls->end_sentence = c == '.' || c == '!' || c == '?' || c == 0x2026;
        ls->end_colon = c == ':';
        if (c == ':' && !ls->colon_at)
            ls->colon_at = ls->words + 1;
    }
}

/* Appends a lower-cased character to the word; LOW_MAX marks a word too long for any list. */
static void append_folded(char *low, size_t *lown, UChar32 folded)
{
    if (folded < 0x80 && *lown + 1 < LOW_MAX) {
        low[(*lown)++] = (char)folded;
        return;
    }
    uint8_t enc[4];
    int32_t k = 0;
    U8_APPEND_UNSAFE(enc, k, folded);
    if (*lown + (size_t)k < LOW_MAX) {
        memcpy(low + *lown, enc, (size_t)k);
        *lown += (size_t)k;
    } else
        *lown = LOW_MAX;
}

static void scan_line(const boiler_model *m, const char *s, size_t n, line_scan *ls)
{
    char low[LOW_MAX];
    size_t lown = 0, i = 0;
    unsigned letters = 0, uppers = 0, wlen = 0;
    bool first_upper = false, glued = false, prev_lower = false, number = true;
    UChar32 last = 0;
    ls->key = KEY_SEED;
    for (;;) {
        bool at_end = i >= n; /* a space after the last character ends the last word */
        UChar32 c = at_end ? ' ' : (unsigned char)s[i] < 0x80 ? s[i++] : utf8_next(s, n, &i);
        cp_info ci = cp_classify(c);
        bool alnum = ci.alpha || ci.digit;
        if (alnum) {
            if (wlen == 0)
                first_upper = ci.upper;
            glued |= ci.upper && prev_lower;
            prev_lower = ci.lower;
            letters += ci.alpha;
            uppers += ci.upper;
            number &= ci.digit;
            wlen++;
            append_folded(low, &lown, ci.folded);
            ls->digits += ci.digit;
        } else if (wlen) {
            scan_word(m, ls, low, lown, letters, uppers, first_upper, glued, number);
            lown = wlen = letters = uppers = 0;
            glued = prev_lower = false;
            number = true;
        }
        if (at_end)
            break;
        ls->cps++;
        if (alnum) {
            ls->nonspace++;
            ls->end_sentence = ls->end_colon = false;
            last = c;
            lower_run(s, n, &i, low, &lown, &letters, &wlen, &number, &prev_lower, ls, &last);
            continue;
        }
        if (is_space(c))
            continue;
        scan_symbol(s, n, i, c, last, ls);
        last = c;
    }
}


uint64_t boiler_line_key(const boiler_model *m, const char *s, size_t n)
{
    line_scan ls = {0};
    scan_line(m, s, n, &ls);
    return ls.key_any ? ls.key | 1 : 0; /* never 0: that marks an empty slot */
}

/* "France 24France 24": a logo's text and its alt text, scraped together. */
static bool doubled(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    size_t h = n / 2;
    if (n < 4)
        return false;
    if (n % 2 == 0 && memcmp(s, s + h, h) == 0)
        return true;
    return n % 2 == 1 && s[h] == ' ' && memcmp(s, s + h + 1, h) == 0;
}

static double share(unsigned a, unsigned b) { return b ? (double)a / b : 0.0; }

/* The features that look at the line's layout: indentation, bullets, slugs. */
static void layout_features(const char *s, size_t n, const line_scan *ls, double *f)
{
    size_t lead = 0, trail = 0;
    while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
        lead++;
    while (trail < n - lead && (s[n - 1 - trail] == ' ' || s[n - 1 - trail] == '\t'))
        trail++;
    f[BF_doubled] = doubled(s, n);
    /* "olivier-faure", "expand_more": one token of words joined by - or _ */
    f[BF_slug] = ls->hyphen && ls->cps - ls->nonspace == lead + trail && ls->words >= 2;
    /* nested menus keep their indentation (an indented paragraph is no menu) */
    f[BF_indent] = ls->words <= 8 ? (lead > 8 ? 8 : lead) / 8.0 : 0;
    f[BF_bullet] = lead < n && (s[lead] == '-' || s[lead] == '*' ||
                                (n - lead >= 3 && memcmp(s + lead, "\xE2\x80\xA2", 3) == 0)); /* • */
}

/* The features made of the scan's counts; scale extrapolates a cut line's lengths. */
static void count_features(const line_scan *ls, double scale, double *f)
{
    f[BF_bias] = 1;
    f[BF_log_chars] = log2(1.0 + ls->nonspace * scale) / 10;
    f[BF_log_words] = log2(1.0 + ls->words * scale) / 8;
    f[BF_words_le2] = ls->words <= 2;
    f[BF_words_le5] = ls->words <= 5;
    f[BF_stop_fr] = share(ls->stop_fr, ls->words);
    f[BF_stop_en] = share(ls->stop_en, ls->words);
    f[BF_end_sentence] = ls->end_sentence;
    f[BF_end_colon] = ls->end_colon;
    f[BF_caps_share] = share(ls->caps, ls->alpha_words);
    f[BF_ui_share] = share(ls->ui, ls->words);
    f[BF_ui_any] = ls->ui > 0;
    f[BF_ui_first] = ls->ui_first;
    f[BF_separators] = (ls->separators > 4 ? 4 : ls->separators) / 4.0;
    f[BF_digit_share] = share(ls->digits, ls->nonspace);
    f[BF_time_words] = ls->time > 0 || ls->clock;
    f[BF_link] = ls->link;
    f[BF_glued] = ls->glued;
    f[BF_allcaps_share] = share(ls->allcaps, ls->alpha_words);
    f[BF_verb_any] = ls->verb > 0;
    f[BF_symbol_share] = share(ls->symbols, ls->nonspace);
    f[BF_number_ui] = ls->number_ui;
    f[BF_first_caps] = ls->first_caps;
    f[BF_emoji] = ls->emoji;
    f[BF_you_share] = share(ls->you, ls->words);
    f[BF_imperative] = ls->imperative > 0;
    f[BF_ui_count] = (ls->ui > 4 ? 4 : ls->ui) / 4.0;
    bool short5 = ls->words <= 5, short8 = ls->words <= 8;
    f[BF_short_noverb] = short5 && !ls->verb;
    f[BF_short_nopunct] = short8 && !ls->end_sentence;
    f[BF_ui_short] = short8 && ls->ui;
    f[BF_en_ui] = ls->ui && ls->stop_en > ls->stop_fr;
    /* "Localisation: Ardennes", "Source : AFP": a field name and a short value */
    f[BF_field_colon] = ls->colon_at >= 2 && ls->colon_at <= 4 && ls->words <= 10;
    f[BF_glued_share] = share(ls->glued_words, ls->words); /* "FAQCrédit d’impôtTutoriel vidéoPublicité" */
    /* the words' evidence: chrome reuses the same words on every site */
    double scale_lo = 1.0 / (VOCAB_SCALE * VOCAB_CLIP);
    f[BF_vocab_mean] = ls->vocab_hits ? ls->vocab_sum * scale_lo / ls->vocab_hits : 0;
    f[BF_vocab_max] = ls->vocab_max * scale_lo;
    f[BF_vocab_min] = ls->vocab_min * scale_lo;
    f[BF_vocab_share] = share(ls->vocab_hits, ls->words);
    f[BF_vocab_first] = ls->vocab_first * scale_lo; /* "Lire aussi", "Publié le", "Partager" */
    f[BF_vocab_sum] = tanh(ls->vocab_sum * scale_lo / 2); /* the naive-Bayes sum, squashed */
    /* a logistic regression on the words alone, its sum scaled by the
       square root of the words it knows (a long line is not surer for being long) */
    f[BF_lexicon] = ls->lex_hits ? tanh(ls->lex_sum / (double)VOCAB_SCALE / sqrt(ls->lex_hits) / 2) : 0;
    f[BF_glued_count] = (ls->glued_words > 3 ? 3 : ls->glued_words) / 3.0;
    f[BF_word_doubled] = ls->doubled_words > 0;
    f[BF_copyright] = ls->copyright;
    f[BF_date_shape] = ls->date_shape;
    f[BF_caps_run] = (ls->caps_run > 5 ? 5 : ls->caps_run) / 5.0;
    f[BF_lower_start] = ls->lower_start;
    f[BF_caps_nostop] = ls->stop_fr + ls->stop_en == 0 && ls->words >= 2 ? f[BF_caps_share] : 0;
}

/* A coarse shape of the line: its length class, whether it ends a sentence,
   whether it opens with a capital (a run of lines of one shape is a list:
   headlines, menu items, teasers). */
static unsigned line_shape(const line_scan *ls, double scale)
{
    double w = ls->words * scale;
    unsigned len = w <= 2 ? 1 : w <= 5 ? 2 : w <= 10 ? 3 : w <= 20 ? 4 : 5;
    return len * 4 + ls->end_sentence * 2 + ls->first_caps;
}

/* The features of the lines before this one (the page so far), then the
   line itself into that history. Prose (a long line ending a sentence)
   marks the article's body: chrome comes before it, around it in short
   runs, and after it. */
static bool bag_has(const unsigned char *bag, unsigned bit) { return bag[bit / 8] >> (bit % 8) & 1; }

static void sequence_features(boiler_doc *d, const line_scan *ls, double scale, double *f)
{
    unsigned in_prose = 0, before = 0;
    for (unsigned k = 0; k < ls->n_content; k++) {
        in_prose += bag_has(d->prose_bag, ls->content_bits[k]);
        before += bag_has(d->all_bag, ls->content_bits[k]);
    }
    f[BF_seen_in_prose] = share(in_prose, ls->n_content);
    f[BF_seen_before] = share(before, ls->n_content);
    f[BF_no_content] = ls->n_content == 0;
    f[BF_no_prose_yet] = d->prose_lines == 0;
    f[BF_prose_before] = fmin(1.0, log2(1.0 + d->prose_lines) / 4);
    f[BF_since_prose] = d->prose_lines ? fmin(1.0, log2(1.0 + d->since_prose) / 4) : 0;
    unsigned shape = line_shape(ls, scale);
    f[BF_shape_run] = shape == d->last_shape ? (d->shape_run > 6 ? 6 : d->shape_run) / 6.0 : 0;
    if (!ls->nonspace) /* blank lines are not part of the sequence */
        return;
    bool prose = ls->words * scale >= 12 && ls->end_sentence;
    d->prose_lines += prose;
    d->since_prose = prose ? 0 : d->since_prose + 1;
    for (unsigned k = 0; k < ls->n_content; k++) {
        unsigned b = ls->content_bits[k];
        d->all_bag[b / 8] |= (unsigned char)(1u << (b % 8));
        if (prose)
            d->prose_bag[b / 8] |= (unsigned char)(1u << (b % 8));
    }
    d->shape_run = shape == d->last_shape ? d->shape_run + 1 : 1;
    d->last_shape = shape;
}

void boiler_features(const boiler_model *m, boiler_doc *d, const char *s, size_t n, double *f)
{
    line_scan ls = {0};
    /* A long line is prose or a glued run, never a short menu item: its
       first scan_bytes tell its shape, and the lengths are extrapolated. */
    size_t scanned = n;
    if (n > d->scan_bytes) {
        scanned = d->scan_bytes;
        while (scanned > 0 && ((unsigned char)s[scanned] & 0xC0) == 0x80) /* a character boundary */
            scanned--;
    }
    scan_line(m, s, scanned, &ls);
    count_features(&ls, scanned ? (double)n / (double)scanned : 1.0, f);
    layout_features(s, n, &ls, f);
    sequence_features(d, &ls, scanned ? (double)n / (double)scanned : 1.0, f);
    d->key = ls.key_any ? ls.key | 1 : 0;
    if (scanned < n) /* not the whole line's key (see the pipeline's use of it) */
        d->key = d->key ? (d->key ^ (uint64_t)n * 0x9E3779B97F4A7C15ULL) | 1 : 0;
    f[BF_repeated] = d->key && boiler_doc_seen(d, d->key);
    f[BF_position] = fmin(1.0, log2(1.0 + d->line_index) / 8);
    d->line_index++;
}

static double logistic(double z) { return 1.0 / (1.0 + exp(-z)); }

double boiler_stage1(const boiler_model *m, const double *f)
{
    double z = 0;
    for (size_t i = 0; i < BOILER_N1; i++)
        z += m->w1[i] * f[i];
    return logistic(z);
}

double boiler_stage2(const boiler_model *m, const double *f, const boiler_context *c, double *ctx)
{
    ctx[0] = c->prev_p[0] < 0 ? 0 : c->prev_p[0];
    ctx[1] = c->prev_p[1] < 0 ? 0 : c->prev_p[1];
    ctx[2] = c->next_f ? c->next_p : 0;
    ctx[3] = c->prev_p[0] < 0;
    ctx[4] = !c->next_f;
    /* a run of short lines is a menu; a short line before a paragraph, a heading */
    ctx[5] = c->prev_f ? c->prev_f[BF_log_words] : 0;
    ctx[6] = c->next_f ? c->next_f[BF_log_words] : 0;
    ctx[7] = c->prev_f ? c->prev_f[BF_words_le5] : 0;
    ctx[8] = c->next_f ? c->next_f[BF_words_le5] : 0;
    double z = 0;
    for (size_t i = 0; i < BOILER_N1; i++)
        z += m->w2[i] * f[i];
    for (size_t i = 0; i < BOILER_NCTX; i++)
        z += m->w2[BOILER_N1 + i] * ctx[i];
    return logistic(z);
}

void boiler_reason(const boiler_model *m, const double *f, const double *ctx, double p, buf *out)
{
    buf_clear(out);
    buf_printf(out, "boiler:%.2f", p);
    bool used[BOILER_N2] = {0};
    for (int k = 0; k < 3; k++) { /* the three features that pushed hardest towards boilerplate */
        size_t best = 0;
        double top = 0;
        for (size_t i = 1; i < BOILER_N2; i++) {
            double c = m->w2[i] * (i < BOILER_N1 ? f[i] : ctx[i - BOILER_N1]);
            if (!used[i] && c > top)
                top = c, best = i;
        }
        if (!best)
            break;
        used[best] = true;
        buf_append_str(out, k ? "," : " ");
        buf_append_str(out, boiler_feature_name(best));
    }
}
