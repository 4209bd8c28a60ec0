#include "lexicon.h"
#include "fsutil.h"
#include <errno.h>
#include <hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

/* Not a verdict: words French capitalises legitimately; Hunspell still judges them. */
#define LISTED_CAPITALISABLE (-1)

/* Later lists win where a word is in several. */
static const struct {
    const char *file;
    int v; /* a verdict, or LISTED_CAPITALISABLE */
} list_files[] = {
    {"fr-capitalised.txt", LISTED_CAPITALISABLE},
    {"fr-extra.txt", V_FR},
    {"fr-loanwords.txt", V_BOTH},
    {"en-extra.txt", V_EN},
    {"en-exonyms.txt", V_EN},
    {"en-function.txt", V_EN_FUNCTION},
    {"mt-junk.txt", V_JUNK},
    {"names.txt", V_SKIP},
};

/* dicts/en-fr.txt: "english french" pairs, one a line. */
static int load_translations(wordlists *wl, const char *dir, char *err, size_t errlen)
{
    buf path = {0}, text = {0};
    buf_printf(&path, "%s/en-fr.txt", dir);
    int rc = read_whole_file(path.data, &text, err, errlen);
    const char *p = text.data, *end = text.data + text.len;
    for (int lineno = 1; rc == 0 && p && p < end; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (memchr(p, '\0', (size_t)((nl ? nl : end) - p))) {
            snprintf(err, errlen, "%s:%d: NUL byte in word list", path.data, lineno);
            rc = -1;
            break;
        }
        char *line = xstrndup(p, (size_t)((nl ? nl : end) - p));
        p = nl ? nl + 1 : end;
        char *hash = strchr(line, '#'), en[64], fr[64], extra[2];
        if (hash)
            *hash = '\0';
        int got = sscanf(line, "%63s %63s %1s", en, fr, extra);
        if (got == 2) {
            wl->french = xrealloc(wl->french, (wl->n_french + 1) * sizeof *wl->french);
            wl->french[wl->n_french] = xstrdup(fr);
            strmap_put(&wl->translations, en, strlen(en), (int)wl->n_french++);
        } else if (got != EOF) {
            snprintf(err, errlen, "%s:%d: expected 'english french'", path.data, lineno);
            rc = -1;
        }
        free(line);
    }
    buf_free(&path);
    buf_free(&text);
    return rc;
}

/* dicts/dict-check.txt: "LANG word" lines. */
static int load_must_know(wordlists *wl, const char *dir, char *err, size_t errlen)
{
    buf path = {0}, text = {0};
    buf_printf(&path, "%s/dict-check.txt", dir);
    int rc = read_whole_file(path.data, &text, err, errlen);
    const char *p = text.data, *end = text.data + text.len;
    for (int lineno = 1; rc == 0 && p && p < end; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        char *line = xstrndup(p, n), *hash = strchr(line, '#'), lang[16], word[64], extra[2];
        int got = memchr(p, '\0', n) ? -2 : 0;
        p = nl ? nl + 1 : end;
        if (hash)
            *hash = '\0';
        if (got == 0)
            got = sscanf(line, "%15s %63s %1s", lang, word, extra);
        if (got == 2) {
            wl->must_know = xrealloc(wl->must_know, (wl->n_must_know + 1) * sizeof *wl->must_know);
            wl->must_know[wl->n_must_know++] = (known_word){xstrdup(lang), xstrdup(word), lineno};
        } else if (got != EOF) {
            snprintf(err, errlen, "%s:%d: %s", path.data, lineno, got == -2 ? "NUL byte in word list" : "expected 'LANG word'");
            rc = -1;
        }
        free(line);
    }
    wl->must_know_path = path.data;
    buf_free(&text);
    return rc;
}

int wordlists_load(wordlists *wl, text_ctx *tc, const char *dir, char *err, size_t errlen)
{
    buf text = {0}, folded = {0}, path = {0};
    int rc = 0;
    for (size_t f = 0; f < sizeof list_files / sizeof list_files[0] && rc == 0; f++) {
        buf_clear(&text);
        buf_clear(&path);
        buf_printf(&path, "%s/%s", dir, list_files[f].file);
        if (read_whole_file(path.data, &text, err, errlen) < 0) {
            rc = -1;
            break;
        }
        const char *p = text.data, *end = text.data + text.len;
        for (int lineno = 1; p && p < end; lineno++) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *eol = nl ? nl : end, *s = p;
            if (memchr(p, '\0', (size_t)(eol - p))) { /* a C string would end there */
                snprintf(err, errlen, "%s:%d: NUL byte in word list", path.data, lineno);
                rc = -1;
                break;
            }
            p = nl ? nl + 1 : end;
            while (s < eol && (*s == ' ' || *s == '\t'))
                s++;
            const char *e = s;
            while (e < eol && *e != '#' && *e != ' ' && *e != '\t' && *e != '\r')
                e++;
            const char *rest = e;
            while (rest < eol && (*rest == ' ' || *rest == '\t' || *rest == '\r'))
                rest++;
            if (rest < eol && *rest != '#') {
                snprintf(err, errlen, "%s:%d: one word per line expected", path.data, lineno);
                rc = -1;
                break;
            }
            if (e == s)
                continue;
            if (utf8_count_invalid(s, (size_t)(e - s))) {
                snprintf(err, errlen, "%s:%d: invalid UTF-8", path.data, lineno);
                rc = -1;
                break;
            }
            buf nfc = {0};
            text_append_nfc(tc, s, (size_t)(e - s), &nfc);
            text_fold(tc, nfc.data, nfc.len, &folded);
            buf_free(&nfc);
            strmap_put(&wl->words, folded.data, folded.len, list_files[f].v);
        }
    }
    buf_free(&text);
    buf_free(&folded);
    buf_free(&path);
    if (rc == 0)
        rc = load_translations(wl, dir, err, errlen);
    return rc == 0 ? load_must_know(wl, dir, err, errlen) : rc;
}

const char *wordlists_translate(const wordlists *wl, const char *lower_en, size_t n)
{
    int i;
    return strmap_get(&wl->translations, lower_en, n, &i) ? wl->french[i] : NULL;
}

void wordlists_free(wordlists *wl)
{
    strmap_free(&wl->words);
    strmap_free(&wl->translations);
    for (size_t i = 0; i < wl->n_french; i++)
        free(wl->french[i]);
    free(wl->french);
    for (size_t i = 0; i < wl->n_must_know; i++) {
        free(wl->must_know[i].lang);
        free(wl->must_know[i].word);
    }
    free(wl->must_know);
    free(wl->must_know_path);
}

struct lexicon {
    Hunhandle *fr, *en;
    const wordlists *lists;
    strmap cache; /* word (+ initial-capital bit) -> verdict */
    size_t cache_max;
    buf key, scratch, folded;
};

/* A dictionary that lacks a word of dicts/dict-check.txt is damaged, empty
   or of another language: refused, rather than lowering every verdict. */
static bool knows_its_words(Hunhandle *h, const wordlists *wl, const char *lang, const char *dic, char *err,
                            size_t errlen)
{
    for (size_t i = 0; i < wl->n_must_know; i++) {
        const known_word *k = &wl->must_know[i];
        if (strcmp(k->lang, lang) == 0 && !Hunspell_spell(h, k->word)) {
            snprintf(err, errlen, "%s: the Hunspell dictionary does not know '%s' (%s:%d): damaged, empty or not %s",
                     dic, k->word, wl->must_know_path, k->line, lang);
            return false;
        }
    }
    return true;
}

static Hunhandle *open_hunspell(const char *dir, const char *lang, const wordlists *wl, char *err, size_t errlen)
{
    buf aff = {0}, dic = {0};
    buf_printf(&aff, "%s/%s.aff", dir, lang);
    buf_printf(&dic, "%s/%s.dic", dir, lang);
    Hunhandle *h = NULL;
    const char *bad = NULL;
    /* Hunspell_create takes any path, even a directory, and yields an empty dictionary. */
    if (!file_readable(aff.data))
        bad = aff.data;
    else if (!file_readable(dic.data))
        bad = dic.data;
    if (bad)
        snprintf(err, errlen,
                 "%s: cannot open Hunspell dictionary: %s (install hunspell-fr and hunspell-en-us, or use --dict-dir)",
                 bad, strerror(errno));
    else
        h = Hunspell_create(aff.data, dic.data);
    if (h && !knows_its_words(h, wl, lang, dic.data, err, errlen)) {
        Hunspell_destroy(h);
        h = NULL;
    }
    buf_free(&aff);
    buf_free(&dic);
    return h;
}

lexicon *lexicon_new(const char *dict_dir, const wordlists *wl, size_t cache_max, char *err, size_t errlen)
{
    lexicon *lx = xcalloc(1, sizeof *lx);
    lx->lists = wl;
    lx->cache_max = cache_max;
    lx->fr = open_hunspell(dict_dir, "fr", wl, err, errlen);
    if (lx->fr)
        lx->en = open_hunspell(dict_dir, "en_US", wl, err, errlen);
    if (!lx->fr || !lx->en) {
        lexicon_free(lx);
        return NULL;
    }
    return lx;
}

void lexicon_free(lexicon *lx)
{
    if (!lx)
        return;
    if (lx->fr)
        Hunspell_destroy(lx->fr);
    if (lx->en)
        Hunspell_destroy(lx->en);
    strmap_free(&lx->cache);
    buf_free(&lx->key);
    buf_free(&lx->scratch);
    buf_free(&lx->folded);
    free(lx);
}

const char *verdict_name(verdict v)
{
    static const char *names[] = {"skip", "fr", "en", "both", "unknown", "junk", "en-function", "fr-capitalised"};
    return names[v];
}

typedef struct word_shape {
    bool has_digit, capitalised, all_upper;
    int letters;
} word_shape;

static word_shape shape_of(const char *w, size_t n)
{
    word_shape s = {0};
    int upper = 0;
    bool first = true;
    for (size_t i = 0; i < n;) {
        int c = utf8_next(w, n, &i);
        if (c < 0)
            continue;
        if (u_isdigit(c))
            s.has_digit = true;
        if (u_isalpha(c)) {
            s.letters++;
            if (u_isupper(c)) {
                upper++;
                if (first)
                    s.capitalised = true;
            }
            first = false;
        }
    }
    s.all_upper = s.letters >= 2 && upper == s.letters;
    return s;
}

static bool spell(Hunhandle *h, buf *scratch, const char *w, size_t n)
{
    buf_clear(scratch);
    buf_append(scratch, w, n);
    return Hunspell_spell(h, scratch->data) != 0;
}

/* French press often drops accents on capitals ("Etats", "Etat"); try É. */
static bool spell_fr_accented_capital(lexicon *lx, const char *w, size_t n)
{
    if (n < 2 || w[0] != 'E')
        return false;
    buf_clear(&lx->scratch);
    buf_append(&lx->scratch, "\xC3\x89", 2);
    buf_append(&lx->scratch, w + 1, n - 1);
    return Hunspell_spell(lx->fr, lx->scratch.data) != 0;
}

/* True when Hunspell knows the word only as a common noun/adjective/verb:
   proper nouns have a capitalised stem ("st:Chine", "st:Pékin"). */
static bool only_common_in_french(lexicon *lx, const char *w, size_t n)
{
    buf_clear(&lx->scratch);
    buf_append(&lx->scratch, w, n);
    char **analyses = NULL;
    int count = Hunspell_analyze(lx->fr, &analyses, lx->scratch.data);
    bool common = count > 0;
    for (int i = 0; i < count && common; i++) {
        const char *st = strstr(analyses[i], "st:");
        if (!st || (unsigned char)st[3] >= 0x80 || (st[3] >= 'A' && st[3] <= 'Z'))
            common = false; /* a proper-noun stem (or one we cannot read) */
    }
    Hunspell_free_list(lx->fr, &analyses, count);
    return common;
}

/* The short words MT glues to a neighbour ("leaderdans", "despirates"). */
static bool is_glued_function_word(const char *w, size_t n)
{
    static const char *const words[] = {"de", "des", "du", "la", "le", "les", "un", "une", "et", "en",
                                        "dans", "pour", "par", "sur", "avec", "que", "qui", "pas", "au",
                                        "aux", "ses", "son", "sa", "leur", "leurs", "ce", "ces", "il",
                                        "elle", "on", "est", "ont", "ne", "se", "plus", "comme", "mais"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
            return true;
    return false;
}

/* Two French words run together by MT: a function word glued to its
   neighbour. The function word is checked in a list, so Hunspell (slow on
   long unknown strings) runs only for cuts that can succeed. */
static bool splits_into_french_words(lexicon *lx, const char *w, size_t n)
{
    buf part = {0};
    bool found = false;
    for (size_t cut = 2; cut + 2 <= n && !found; cut++) {
        if (((unsigned char)w[cut] & 0xC0) == 0x80)
            continue; /* not a character boundary */
        bool head = cut <= 5 && is_glued_function_word(w, cut);
        bool tail = !head && n - cut <= 5 && is_glued_function_word(w + cut, n - cut);
        if (!head && !tail)
            continue;
        buf_clear(&part);
        if (head)
            buf_append(&part, w + cut, n - cut);
        else
            buf_append(&part, w, cut);
        found = Hunspell_spell(lx->fr, part.data) != 0;
    }
    buf_free(&part);
    return found;
}

static agreement noun_agreement(lexicon *lx, const char *w, size_t n)
{
    buf_clear(&lx->scratch);
    buf_append(&lx->scratch, w, n);
    char **analyses = NULL;
    int count = Hunspell_analyze(lx->fr, &analyses, lx->scratch.data);
    bool capitalised = n > 0 && ((w[0] >= 'A' && w[0] <= 'Z') || (unsigned char)w[0] == 0xC3);
    agreement found = AGREE_UNKNOWN, proper = AGREE_UNKNOWN;
    bool ambiguous = false;
    int nouns = 0;
    for (int i = 0; i < count; i++) {
        const char *a = analyses[i], *st = strstr(a, "st:");
        if (!strstr(a, "po:nom"))
            continue;
        nouns++;
        /* Epicene nouns ("un pirate", "une pirate") take the masculine by default. */
        agreement g = strstr(a, "is:pl")                              ? AGREE_PLURAL
                      : strstr(a, "is:fem")                           ? AGREE_FEM_SG
                                                                      : AGREE_MASC_SG;
        if (capitalised && st && st[3] >= 'A' && st[3] <= 'Z') /* "Canada" the country, not "canada" */
            proper = g;
        if (found != AGREE_UNKNOWN && g != found)
            ambiguous = true;
        if (found == AGREE_UNKNOWN)
            found = g;
    }
    Hunspell_free_list(lx->fr, &analyses, count);
    if (proper != AGREE_UNKNOWN)
        return proper;
    if (!nouns)
        return count > 0 ? AGREE_NOT_NOUN : AGREE_UNKNOWN; /* unknown to Hunspell: no opinion */
    return ambiguous ? AGREE_UNKNOWN : found;
}

static bool is_common_french(lexicon *lx, text_ctx *tc, const char *w, size_t n);

/* Answers cached together, under the word and a tag byte saying which question. */
enum {
    TAG_VERDICT,           /* lexicon_verdict() */
    TAG_VERDICT_INITIAL,   /* lexicon_verdict() of a sentence-initial word */
    TAG_COMMON_FRENCH,     /* lexicon_is_common_french() */
    TAG_AGREEMENT,         /* lexicon_noun_agreement() */
    TAG_FRENCH,            /* lexicon_is_french() */
};

/* The cache key: the word, then the tag. */
static const buf *cache_key(lexicon *lx, const char *w, size_t n, char tag)
{
    lx->key.len = 0;
    buf_reserve(&lx->key, n + 1);
    memcpy(lx->key.data, w, n);
    lx->key.data[n] = tag;
    lx->key.len = n + 1;
    return &lx->key;
}

static bool cached_answer(lexicon *lx, const char *w, size_t n, char tag, int *value)
{
    const buf *key = cache_key(lx, w, n, tag);
    return strmap_get(&lx->cache, key->data, key->len, value);
}

static void cache_answer(lexicon *lx, const char *w, size_t n, char tag, int value)
{
    if (lx->cache.count >= lx->cache_max) /* bounded: start afresh */
        strmap_clear(&lx->cache);
    const buf *key = cache_key(lx, w, n, tag);
    strmap_put(&lx->cache, key->data, key->len, value);
}

/* Repair asks this of every unknown word glued to its neighbour, again at
   each occurrence: cached like the verdicts. */
bool lexicon_is_french(lexicon *lx, const char *w, size_t n)
{
    int cached;
    if (cached_answer(lx, w, n, TAG_FRENCH, &cached))
        return cached != 0;
    bool known = spell(lx->fr, &lx->scratch, w, n);
    cache_answer(lx, w, n, TAG_FRENCH, known);
    return known;
}

agreement lexicon_noun_agreement(lexicon *lx, const char *w, size_t n)
{
    int cached;
    if (cached_answer(lx, w, n, TAG_AGREEMENT, &cached))
        return (agreement)cached;
    agreement g = noun_agreement(lx, w, n);
    cache_answer(lx, w, n, TAG_AGREEMENT, (int)g);
    return g;
}

bool lexicon_is_common_french(lexicon *lx, text_ctx *tc, const char *w, size_t n)
{
    int cached;
    if (cached_answer(lx, w, n, TAG_COMMON_FRENCH, &cached))
        return cached != 0;
    bool common = is_common_french(lx, tc, w, n);
    cache_answer(lx, w, n, TAG_COMMON_FRENCH, common);
    return common;
}

static bool is_common_french(lexicon *lx, text_ctx *tc, const char *w, size_t n)
{
    int listed;
    text_fold(tc, w, n, &lx->folded);
    if (strmap_get(&lx->lists->words, lx->folded.data, lx->folded.len, &listed) && listed == LISTED_CAPITALISABLE)
        return false; /* "la Justice", "l'Union": capitalised in good French */
    return only_common_in_french(lx, w, n);
}

static verdict decide(lexicon *lx, text_ctx *tc, const char *w, size_t n, bool sentence_initial)
{
    word_shape s = shape_of(w, n);
    if (s.has_digit || s.letters == 0 || s.all_upper)
        return V_SKIP; /* numbers, acronyms (OTAN, APT40, MSS) */
    text_fold(tc, w, n, &lx->folded);
    int listed = 0;
    if (strmap_get(&lx->lists->words, lx->folded.data, lx->folded.len, &listed) && listed != LISTED_CAPITALISABLE)
        return (verdict)listed;
    bool capitalisable = listed == LISTED_CAPITALISABLE;
    bool fr = spell(lx->fr, &lx->scratch, w, n) || spell_fr_accented_capital(lx, w, n);
    bool en = spell(lx->en, &lx->scratch, w, n);
    if (!fr && !en && memchr(w, '\xE2', n)) { /* typographic apostrophe: retry with ' */
        buf ascii = {0};
        for (size_t i = 0; i < n; i++) {
            if (i + 2 < n && memcmp(w + i, "\xE2\x80\x99", 3) == 0) {
                buf_append_char(&ascii, '\'');
                i += 2;
            } else
                buf_append_char(&ascii, w[i]);
        }
        fr = spell(lx->fr, &lx->scratch, ascii.data, ascii.len);
        en = spell(lx->en, &lx->scratch, ascii.data, ascii.len);
        buf_free(&ascii);
    }
    /* A capital inside a sentence marks a name unless French knows the word. */
    if (s.capitalised && !sentence_initial && !fr)
        return V_SKIP;
    /* "les Pirates Informatiques": MT capitalisation. English words are left
       out: they are usually part of a name ("Central Intelligence Agency"). */
    if (s.capitalised && !sentence_initial && !en && !capitalisable && only_common_in_french(lx, w, n))
        return V_FR_CAPITALISED;
    if (fr && en)
        return V_BOTH;
    if (fr)
        return V_FR;
    if (en)
        return V_EN;
    if (s.capitalised)
        return V_SKIP;
    return n >= 7 && splits_into_french_words(lx, w, n) ? V_JUNK : V_UNKNOWN;
}

verdict lexicon_verdict(lexicon *lx, text_ctx *tc, const char *w, size_t n, bool sentence_initial)
{
    /* decide() skips every word with a digit; numbers vary endlessly in news
       and would only crowd the words out of the cache. */
    for (size_t i = 0; i < n; i++)
        if (w[i] >= '0' && w[i] <= '9')
            return V_SKIP;
    /* Being sentence-initial matters only to a capitalised word: one that
       starts with a lower-case letter needs a single cache entry. */
    if (n && w[0] >= 'a' && w[0] <= 'z')
        sentence_initial = false;
    char tag = sentence_initial ? TAG_VERDICT_INITIAL : TAG_VERDICT;
    int cached;
    if (cached_answer(lx, w, n, tag, &cached))
        return (verdict)cached;
    verdict v = decide(lx, tc, w, n, sentence_initial);
    cache_answer(lx, w, n, tag, (int)v);
    return v;
}
