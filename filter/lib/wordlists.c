/* The project's word lists and models (dicts/), loaded once per engine. */
#include "lexicon.h"
#include "fsutil.h"
#include "lines.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Reads DIR/FILE (its name left in path) and opens d over it, '#'
   comments and blank lines skipped. Returns 0, or -1 with err. */
static int open_list(data_lines *d, buf *path, const char *dir, const char *file, char *err, size_t errlen)
{
    buf_printf(path, "%s/%s", dir, file);
    int rc = data_file_open(d, path->data, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    d->what = "word list";
    return rc;
}

typedef void add_pair_fn(wordlists *wl, const char *a, const char *b, int lineno);

/* DIR/FILE: lines of two words (shape names them for the message), each
   pair given to add. Returns 0, or -1 with err; *path_out (if not NULL)
   takes the file's name. */
static int load_pairs(wordlists *wl, const char *dir, const char *file, const char *shape, add_pair_fn *add,
                      char **path_out, char *err, size_t errlen)
{
    buf path = {0};
    data_lines d;
    int rc = open_list(&d, &path, dir, file, err, errlen);
    while (rc == 0 && (rc = data_lines_next(&d)) > 0) {
        char a[64], b[64], extra[2];
        if (sscanf(d.line, "%63s %63s %1s", a, b, extra) != 2) {
            rc = data_lines_fail(&d, "expected '%s'", shape);
            break;
        }
        add(wl, a, b, d.lineno);
        rc = 0;
    }
    data_lines_close(&d);
    if (path_out)
        *path_out = path.data;
    else
        buf_free(&path);
    return rc;
}

/* dicts/en-fr.txt: "english french" pairs. */
static void add_translation(wordlists *wl, const char *en, const char *fr, int lineno)
{
    (void)lineno;
    wl->french = xrealloc(wl->french, (wl->n_french + 1) * sizeof *wl->french);
    wl->french[wl->n_french] = xstrdup(fr);
    strmap_put(&wl->translations, en, strlen(en), (int)wl->n_french++);
}

/* dicts/dict-check.txt: "LANG word" lines. */
static void add_must_know(wordlists *wl, const char *lang, const char *word, int lineno)
{
    wl->must_know = xrealloc(wl->must_know, (wl->n_must_know + 1) * sizeof *wl->must_know);
    wl->must_know[wl->n_must_know++] = (known_word){xstrdup(lang), xstrdup(word), lineno};
}

/* One word a line (# comments) into map, case-folded NFC, with value. */
static int load_word_list(text_ctx *tc, const char *path, strmap *map, int value, char *err, size_t errlen)
{
    buf folded = {0}, nfc = {0};
    data_lines d;
    int rc = data_file_open(&d, path, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    d.what = "word list";
    while (rc == 0 && (rc = data_lines_next(&d)) > 0) {
        const char *s = d.line + strspn(d.line, " \t"), *e = s + strcspn(s, " \t");
        if (e[strspn(e, " \t\n\v\f\r")]) /* what sscanf's %1s would find: C isspace() */
            rc = data_lines_fail(&d, "one word per line expected");
        else if (utf8_count_invalid(s, (size_t)(e - s)))
            rc = data_lines_fail(&d, "invalid UTF-8");
        else {
            buf_clear(&nfc);
            text_append_nfc(tc, s, (size_t)(e - s), &nfc);
            text_fold(tc, nfc.data, nfc.len, &folded);
            strmap_put(map, folded.data, folded.len, value);
            rc = 0;
        }
    }
    data_lines_close(&d);
    buf_free(&folded);
    buf_free(&nfc);
    return rc;
}

/* ln(per million + 0.5) in centi-nats, from 0 (ln 0.5 = -69 is the least). */
#define USE_OFFSET 70
static unsigned use_cn(double per_million)
{
    long v = lround(100 * log(per_million + 0.5)) + USE_OFFSET;
    return v < 0 ? 0 : v > 0xFFFF ? 0xFFFF : (unsigned)v;
}

/* dicts/wordfreq.txt: "word<TAB>per-million-fr<TAB>per-million-en"; a
word's value in map is ln((en + 0.5) / (fr + 0.5)) in centi-nats, in use
both use_cn() (French low, English high). */
static int load_wordfreq(strmap *map, strmap *use, const char *path, char *err, size_t errlen)
{
    data_lines d; /* a '#' after a line's start is a word's ("c#") */
    int rc = data_file_open(&d, path, DATA_HASH_LINES, err, errlen);
    while (rc == 0 && (rc = data_lines_next(&d)) > 0) {
        char *line = d.line, *tab1, *tab2, *stop;
        rc = 0;
        if (!*line)
            continue;
        tab1 = strchr(line, '\t');
        tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        double fr = tab2 ? strtod(tab1 + 1, &stop) : -1, en = tab2 ? strtod(tab2 + 1, &stop) : -1;
        if (!tab2 || *stop || fr < 0 || en < 0)
            rc = data_lines_fail(&d, "expected 'word<TAB>fr<TAB>en' (frequencies)");
        else if (strncmp(line, "total\t", 6) != 0) {
            strmap_put(map, line, (size_t)(tab1 - line), (int)lround(100 * log((en + 0.5) / (fr + 0.5))));
            strmap_put(use, line, (size_t)(tab1 - line), (int)(use_cn(fr) | use_cn(en) << 16));
        }
    }
    data_lines_close(&d);
    return rc;
}

/* dicts/fr-usage.txt: "word<TAB>per-million" (the French man pages' use of
   English words); a word's value is use_cn(). */
static int load_usage(strmap *map, const char *path, char *err, size_t errlen)
{
    data_lines d;
    int rc = data_file_open(&d, path, DATA_HASH_LINES, err, errlen);
    while (rc == 0 && (rc = data_lines_next(&d)) > 0) {
        char *line = d.line, *tab = strchr(line, '\t'), *stop = NULL;
        double pm = tab ? strtod(tab + 1, &stop) : -1;
        rc = 0;
        if (!*line)
            continue;
        if (!tab || tab == line || *stop || pm < 0)
            rc = data_lines_fail(&d, "expected 'word<TAB>per-million'");
        else if (strncmp(line, "total\t", 6) != 0)
            strmap_put(map, line, (size_t)(tab - line), (int)use_cn(pm));
    }
    data_lines_close(&d);
    return rc;
}

/* The models wordlists_load reads after the word lists, by their index in
   its model_files: the character n-grams, word frequencies, French usage
   and the lone-word weights. */
static int load_model(wordlists *wl, size_t which, const char *path, char *err, size_t errlen)
{
    switch (which) {
    case 0:
        return charlm_load(&wl->lm, path, err, errlen);
    case 1:
        return load_wordfreq(&wl->freq_odds, &wl->freq_use, path, err, errlen);
    case 2:
        return load_usage(&wl->fr_usage, path, err, errlen);
    default:
        return lone_load(&wl->lone, path, err, errlen);
    }
}

int wordlists_load(wordlists *wl, text_ctx *tc, const char *dir, char *err, size_t errlen)
{
    buf path = {0};
    int rc = 0;
    for (size_t f = 0; f < sizeof list_files / sizeof list_files[0] && rc == 0; f++) {
        buf_clear(&path);
        buf_printf(&path, "%s/%s", dir, list_files[f].file);
        rc = load_word_list(tc, path.data, &wl->words, list_files[f].v, err, errlen);
    }
    static const char *const function_files[] = {"function-fr.txt", "function-en.txt", "en-common.txt",
                                                 "fr-code-nouns.txt"};
    strmap *function_maps[] = {&wl->fr_function, &wl->en_function, &wl->en_common, &wl->code_nouns};
    for (size_t f = 0; f < 4 && rc == 0; f++) {
        buf_clear(&path);
        buf_printf(&path, "%s/%s", dir, function_files[f]);
        rc = load_word_list(tc, path.data, function_maps[f], 1, err, errlen);
    }
    static const char *const model_files[] = {"charlm.txt", "wordfreq.txt", "fr-usage.txt", "lone-en.txt"};
    for (size_t f = 0; f < 4 && rc == 0; f++) {
        buf_clear(&path);
        buf_printf(&path, "%s/%s", dir, model_files[f]);
        rc = load_model(wl, f, path.data, err, errlen);
    }
    buf_free(&path);
    if (rc == 0)
        rc = load_pairs(wl, dir, "en-fr.txt", "english french", add_translation, NULL, err, errlen);
    if (rc == 0)
        rc = load_pairs(wl, dir, "dict-check.txt", "LANG word", add_must_know, &wl->must_know_path, err, errlen);
    return rc;
}

void wordlists_use(const wordlists *wl, const char *f, size_t n, double use[3])
{
    int v;
    unsigned u = strmap_get(&wl->freq_use, f, n, &v) ? (unsigned)v : use_cn(0) * 0x10001u;
    use[0] = ((double)(u & 0xFFFF) - USE_OFFSET) / 100;
    use[1] = ((double)(u >> 16) - USE_OFFSET) / 100;
    u = strmap_get(&wl->fr_usage, f, n, &v) ? (unsigned)v : use_cn(0);
    use[2] = ((double)u - USE_OFFSET) / 100;
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
    strmap_free(&wl->fr_function);
    strmap_free(&wl->en_function);
    strmap_free(&wl->en_common);
    strmap_free(&wl->code_nouns);
    charlm_free(&wl->lm);
    fluency_free(&wl->fl);
    confusion_free(&wl->cf);
    strmap_free(&wl->freq_odds);
    strmap_free(&wl->freq_use);
    strmap_free(&wl->fr_usage);
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

