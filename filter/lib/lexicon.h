/* Word verdicts: French, English, both, neither, or not a word to score. */
#ifndef MTC_LEXICON_H
#define MTC_LEXICON_H
#include "charlm.h"
#include "confusion.h"
#include "fluency.h"
#include "lone.h"
#include "mtclean.h"
#include "strmap.h"
#include "text.h"
#include <stdbool.h>

/* A word's verdict is the public mtc_word_verdict (mtclean.h), one enum from
   the lexicon to the API; the short names below are the library's spelling
   of its values. */
typedef mtc_word_verdict verdict;
#define V_SKIP MTC_WORD_SKIP
#define V_FR MTC_WORD_FR
#define V_EN MTC_WORD_EN
#define V_BOTH MTC_WORD_BOTH
#define V_UNKNOWN MTC_WORD_UNKNOWN
#define V_JUNK MTC_WORD_JUNK
#define V_EN_FUNCTION MTC_WORD_EN_FUNCTION
#define V_FR_CAPITALISED MTC_WORD_FR_CAPITALISED

/* Not a verdict: words French capitalises legitimately; Hunspell still judges them. */
#define LISTED_CAPITALISABLE (-1)

/* dicts/dict-check.txt: a word a Hunspell dictionary must know. */
typedef struct known_word {
    char *lang, *word;
    int line;
} known_word;

/* The project's word lists (dicts/), loaded once and shared read-only (wordlists.c). */
typedef struct wordlists {
    known_word *must_know; /* checked when a dictionary is opened */
    size_t n_must_know;
    char *must_know_path;
    strmap words;        /* case-folded word -> verdict */
    strmap translations; /* English function word -> index in french */
    char **french;       /* French replacements (dicts/en-fr.txt) */
    size_t n_french;
    strmap fr_function, en_function; /* dicts/function-fr.txt, function-en.txt */
    strmap en_common;                /* dicts/en-common.txt */
    strmap code_nouns;               /* dicts/fr-code-nouns.txt */
    charlm lm;                       /* dicts/charlm.txt */
    fluency fl;                      /* dicts/fluency.txt (loaded by the engine when fluency is on) */
    confusion cf;                    /* dicts/confusion-en.txt (loaded with the fluency model) */
    strmap freq_odds;                /* dicts/wordfreq.txt: word -> log-odds en/fr, centi-nats */
    strmap freq_use;                 /* dicts/wordfreq.txt: word -> ln per-million fr, en (wordlists_use) */
    strmap fr_usage;                 /* dicts/fr-usage.txt: word -> ln per-million in French man pages */
    lone_model lone;                 /* dicts/lone-en.txt */
} wordlists;

/* What the word labeller knows of one word by itself (filter/lib/labeller.c
   weighs it in context). */
enum {
    EV_TOKEN = 1 << 0,    /* a number, code or acronym: not a word of either language */
    EV_FR = 1 << 1,       /* French knows it (Hunspell fr, dicts/fr-extra.txt) */
    EV_EN = 1 << 2,       /* English knows it (Hunspell en_US, dicts/en-extra.txt) */
    EV_FR_FUNC = 1 << 3,  /* dicts/function-fr.txt */
    EV_EN_FUNC = 1 << 4,  /* dicts/function-en.txt */
    EV_EN_ONLY = 1 << 5,  /* dicts/en-function.txt, en-exonyms.txt: never French */
    EV_LOAN = 1 << 6,     /* dicts/fr-loanwords.txt: English accepted in French */
    EV_NAME = 1 << 7,     /* dicts/names.txt, or a dictionary knows it only capitalised */
    EV_JUNK = 1 << 8,     /* MT junk: listed or two French words run together */
    EV_CAP = 1 << 9,      /* starts with a capital */
    EV_COMMON = 1 << 10,  /* a dictionary knows its lower-case form */
    EV_EN_COMMON = 1 << 11, /* dicts/en-common.txt: a common English word */
    EV_SPANISH = 1 << 12, /* junk because only Spanish knows it (hunspell-es) */
};

typedef struct word_evidence {
    verdict v;     /* the verdict of lexicon_verdict() */
    unsigned flags;
    int lm_odds;   /* character n-gram log-odds English vs French, centi-nats */
    int freq_odds; /* word frequency log-odds English vs French, centi-nats (0: not listed) */
    unsigned chars;
} word_evidence;

/* How often French and English text use the case-folded word f[0..n):
   use[0], use[1] = ln(per million + 0.5) (dicts/wordfreq.txt), use[2] the
   same in French man pages (dicts/fr-usage.txt); unlisted: ln 0.5. */
void wordlists_use(const wordlists *wl, const char *f, size_t n, double use[3]);
/* The French word for a spliced English function word, or NULL. */
const char *wordlists_translate(const wordlists *wl, const char *lower_en, size_t n);

int wordlists_load(wordlists *wl, text_ctx *tc, const char *dir, char *err, size_t errlen);
void wordlists_free(wordlists *wl);

typedef struct lexicon lexicon;

/* The lexicon's word lists and models (the fluency model, the lone-word model). */
const wordlists *lexicon_lists(const lexicon *lx);
/* Opens the Hunspell dictionaries in dict_dir (fr, en_US); one per worker.
   warnings (may be NULL): where a damaged optional dictionary is reported, once. */
lexicon *lexicon_new(const char *dict_dir, const wordlists *wl, size_t cache_max, buf *warnings, char *err,
                     size_t errlen);
void lexicon_free(lexicon *lx);
/* w is one NFC word (no spaces); sentence_initial says whether a capital means anything. */
verdict lexicon_verdict(lexicon *lx, text_ctx *tc, const char *w, size_t n, bool sentence_initial);
const char *verdict_name(verdict v);
/* Starts loading the cache slot lexicon_evidence() will read for w: a
   caller with a sentence's words asks for all of them first, so that the
   memory reads overlap (the cache is megabytes). Changes no answer.
   Returns the hash of w's cache key, for lexicon_evidence. */
uint64_t lexicon_prefetch(lexicon *lx, const char *w, size_t n, bool sentence_initial);
/* The verdict and the evidence of one word, cached as the verdict is;
   hash: what lexicon_prefetch returned for the same word. */
void lexicon_evidence(lexicon *lx, text_ctx *tc, const char *w, size_t n, bool sentence_initial, uint64_t hash,
                      word_evidence *ev);

/* Gender and number of a French noun, for choosing an article. */
typedef enum { AGREE_UNKNOWN, AGREE_MASC_SG, AGREE_FEM_SG, AGREE_PLURAL, AGREE_NOT_NOUN } agreement;
agreement lexicon_noun_agreement(lexicon *lx, const char *w, size_t n);
/* Hunspell's French dictionary knows w (as written); not cached with the
   verdicts, only memoised (for the glued-word search, glue.c). */
bool lexicon_spell_fr(lexicon *lx, const char *w, size_t n);
/* Hunspell's French dictionary knows w (as written). */
bool lexicon_is_french(lexicon *lx, const char *w, size_t n);
/* On dicts/fr-code-nouns.txt ("commande", "option"): a name of code follows. */
bool lexicon_is_code_noun(lexicon *lx, text_ctx *tc, const char *w, size_t n);
/* w is a French common word (no proper-noun reading), whatever its capital. */
bool lexicon_is_common_french(lexicon *lx, text_ctx *tc, const char *w, size_t n);
/* Hunspell reads w as a French infinitive. */
bool lexicon_is_infinitive(lexicon *lx, const char *w, size_t n);
#endif
