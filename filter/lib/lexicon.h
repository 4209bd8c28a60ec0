/* Word verdicts: French, English, both, neither, or not a word to score. */
#ifndef MTC_LEXICON_H
#define MTC_LEXICON_H
#include "strmap.h"
#include "text.h"
#include <stdbool.h>

/* Same order as the public mtc_word_verdict. */
typedef enum { V_SKIP, V_FR, V_EN, V_BOTH, V_UNKNOWN, V_JUNK, V_EN_FUNCTION, V_FR_CAPITALISED } verdict;

/* The project's word lists (dicts/), loaded once and shared read-only. */
/* dicts/dict-check.txt: a word a Hunspell dictionary must know. */
typedef struct known_word {
    char *lang, *word;
    int line;
} known_word;

typedef struct wordlists {
    known_word *must_know; /* checked when a dictionary is opened */
    size_t n_must_know;
    char *must_know_path;
    strmap words;        /* case-folded word -> verdict */
    strmap translations; /* English function word -> index in french */
    char **french;       /* French replacements (dicts/en-fr.txt) */
    size_t n_french;
} wordlists;

/* The French word for a spliced English function word, or NULL. */
const char *wordlists_translate(const wordlists *wl, const char *lower_en, size_t n);

int wordlists_load(wordlists *wl, text_ctx *tc, const char *dir, char *err, size_t errlen);
void wordlists_free(wordlists *wl);

typedef struct lexicon lexicon;

/* Opens the Hunspell dictionaries in dict_dir (fr, en_US); one per worker. */
lexicon *lexicon_new(const char *dict_dir, const wordlists *wl, size_t cache_max, char *err, size_t errlen);
void lexicon_free(lexicon *lx);
/* w is one NFC word (no spaces); sentence_initial says whether a capital means anything. */
verdict lexicon_verdict(lexicon *lx, text_ctx *tc, const char *w, size_t n, bool sentence_initial);
const char *verdict_name(verdict v);

/* Gender and number of a French noun, for choosing an article. */
typedef enum { AGREE_UNKNOWN, AGREE_MASC_SG, AGREE_FEM_SG, AGREE_PLURAL, AGREE_NOT_NOUN } agreement;
agreement lexicon_noun_agreement(lexicon *lx, const char *w, size_t n);
/* Hunspell's French dictionary knows w (as written). */
bool lexicon_is_french(lexicon *lx, const char *w, size_t n);
/* w is a French common word (no proper-noun reading), whatever its capital. */
bool lexicon_is_common_french(lexicon *lx, text_ctx *tc, const char *w, size_t n);
#endif
