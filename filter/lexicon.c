#include "lexicon.h"
#include "fsutil.h"
#include <errno.h>
#include <hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

/* Later lists win where a word is in several. */
static const struct {
    const char *file;
    verdict v;
} list_files[] = {
    {"fr-extra.txt", V_FR},
    {"fr-loanwords.txt", V_FR},
    {"en-extra.txt", V_EN},
    {"en-function.txt", V_EN},
    {"mt-junk.txt", V_JUNK},
    {"names.txt", V_SKIP},
};

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
            strmap_put(&wl->words, folded.data, folded.len, (int)list_files[f].v);
        }
    }
    buf_free(&text);
    buf_free(&folded);
    buf_free(&path);
    return rc;
}

void wordlists_free(wordlists *wl) { strmap_free(&wl->words); }

struct lexicon {
    Hunhandle *fr, *en;
    const wordlists *lists;
    strmap cache; /* word (+ initial-capital bit) -> verdict */
    size_t cache_max;
    buf key, scratch, folded;
};

static Hunhandle *open_hunspell(const char *dir, const char *lang, char *err, size_t errlen)
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
    buf_free(&aff);
    buf_free(&dic);
    return h;
}

lexicon *lexicon_new(const char *dict_dir, const wordlists *wl, size_t cache_max, char *err, size_t errlen)
{
    lexicon *lx = xcalloc(1, sizeof *lx);
    lx->lists = wl;
    lx->cache_max = cache_max;
    lx->fr = open_hunspell(dict_dir, "fr", err, errlen);
    if (lx->fr)
        lx->en = open_hunspell(dict_dir, "en_US", err, errlen);
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
    static const char *names[] = {"skip", "fr", "en", "both", "unknown", "junk"};
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

static verdict decide(lexicon *lx, text_ctx *tc, const char *w, size_t n, bool sentence_initial)
{
    word_shape s = shape_of(w, n);
    if (s.has_digit || s.letters == 0 || s.all_upper)
        return V_SKIP; /* numbers, acronyms (OTAN, APT40, MSS) */
    text_fold(tc, w, n, &lx->folded);
    int listed;
    if (strmap_get(&lx->lists->words, lx->folded.data, lx->folded.len, &listed))
        return (verdict)listed;
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
    if (fr && en)
        return V_BOTH;
    if (fr)
        return V_FR;
    if (en)
        return V_EN;
    return s.capitalised ? V_SKIP : V_UNKNOWN;
}

verdict lexicon_verdict(lexicon *lx, text_ctx *tc, const char *w, size_t n, bool sentence_initial)
{
    buf_clear(&lx->key);
    buf_append(&lx->key, w, n);
    buf_append_char(&lx->key, sentence_initial ? '\1' : '\0');
    int cached;
    if (strmap_get(&lx->cache, lx->key.data, lx->key.len, &cached))
        return (verdict)cached;
    verdict v = decide(lx, tc, w, n, sentence_initial);
    if (lx->cache.count >= lx->cache_max) /* bounded: start afresh */
        strmap_clear(&lx->cache);
    strmap_put(&lx->cache, lx->key.data, lx->key.len, (int)v);
    return v;
}
