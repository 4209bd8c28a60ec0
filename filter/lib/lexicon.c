#include "lexicon.h"
#include "glue.h"
#include "fsutil.h"
#include <errno.h>
#include <math.h>
#include <hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

struct lexicon {
    Hunhandle *fr, *en;
    Hunhandle *es; /* optional: the language Apertium pivots through (NULL: not installed or not yet opened) */
    char *es_dir;  /* where es_ES is, until the first word that needs it opens it (spanish()) */
    buf *warnings; /* the worker's: says once that a damaged es_ES is left out */
    const wordlists *lists;
    strmap cache; /* word (+ initial-capital bit) -> verdict */
    size_t cache_max;
    strmap spelled; /* dictionary letter + string -> Hunspell's answer (spell_memo) */
    buf key, scratch, folded, spell_key;
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

lexicon *lexicon_new(const char *dict_dir, const wordlists *wl, size_t cache_max, buf *warnings, char *err,
                     size_t errlen)
{
    lexicon *lx = xcalloc(1, sizeof *lx);
    lx->lists = wl;
    lx->cache_max = cache_max;
    lx->warnings = warnings;
    lx->fr = open_hunspell(dict_dir, "fr", wl, err, errlen);
    if (lx->fr)
        lx->en = open_hunspell(dict_dir, "en_US", wl, err, errlen);
    if (!lx->fr || !lx->en) {
        lexicon_free(lx);
        return NULL;
    }
    /* Spanish is optional (hunspell-es): without it, no word is known as a
       Spanish word left by MT. Opened by the first word that needs it
       (spanish()): short inputs seldom do, and it takes 0.05 s to load. */
    buf aff = {0};
    buf_printf(&aff, "%s/es_ES.aff", dict_dir);
    lx->es_dir = file_readable(aff.data) ? xstrdup(dict_dir) : NULL;
    buf_free(&aff);
    return lx;
}

/* The Spanish dictionary, opened on first use; one that fails its check
   (knows_its_words) is left out with a warning, as if not installed. */
static Hunhandle *spanish(lexicon *lx)
{
    if (!lx->es_dir)
        return lx->es;
    char err[512];
    lx->es = open_hunspell(lx->es_dir, "es_ES", lx->lists, err, sizeof err);
    if (!lx->es && lx->warnings)
        buf_printf(lx->warnings, "%s; Spanish words are not looked up\n", err);
    free(lx->es_dir);
    lx->es_dir = NULL;
    return lx->es;
}

void lexicon_free(lexicon *lx)
{
    if (!lx)
        return;
    if (lx->fr)
        Hunspell_destroy(lx->fr);
    if (lx->en)
        Hunspell_destroy(lx->en);
    if (lx->es)
        Hunspell_destroy(lx->es);
    free(lx->es_dir);
    strmap_free(&lx->cache);
    strmap_free(&lx->spelled);
    buf_free(&lx->spell_key);
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
    bool inner_upper; /* a capital after the first letter: "DataSet", "DEVices" */
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
    s.inner_upper = upper > (s.capitalised ? 1 : 0);
    return s;
}

/* Hunspell's answer for w in one dictionary ('f', 'e', 's'), memoised: a
   French spell check costs tens of thousands of instructions, and the same
   strings come back (a word's own form in decide() and gather_evidence(),
   the same pieces inside many unknown words). The answer depends on the
   string alone, so the memo changes no output; bounded like the verdicts. */
static bool spell_memo(lexicon *lx, char lang, const char *w, size_t n)
{
    buf *k = &lx->spell_key;
    buf_clear(k);
    buf_append_char(k, lang);
    buf_append(k, w, n); /* NUL-terminated: k->data + 1 is the word for Hunspell */
    int known;
    if (strmap_get(&lx->spelled, k->data, k->len, &known))
        return known != 0;
    Hunhandle *h = lang == 'f' ? lx->fr : lang == 'e' ? lx->en : lx->es;
    known = Hunspell_spell(h, k->data + 1) != 0;
    if (lx->spelled.count >= lx->cache_max)
        strmap_clear(&lx->spelled);
    strmap_put(&lx->spelled, k->data, k->len, known);
    return known != 0;
}

bool lexicon_spell_fr(lexicon *lx, const char *w, size_t n) { return spell_memo(lx, 'f', w, n); }

static bool spell_es(lexicon *lx, const char *w, size_t n) { return spanish(lx) && spell_memo(lx, 's', w, n); }

/* French press often drops accents on capitals ("Etats", "Etat"); try É. */
static bool spell_fr_accented_capital(lexicon *lx, const char *w, size_t n)
{
    if (n < 2 || w[0] != 'E')
        return false;
    buf_clear(&lx->scratch);
    buf_append(&lx->scratch, "\xC3\x89", 2);
    buf_append(&lx->scratch, w + 1, n - 1);
    return spell_memo(lx, 'f', lx->scratch.data, lx->scratch.len);
}

/* The 1990 spelling reform drops the circumflex on i and u ("entrainement",
   "coutant", "connaitre"), and real French text uses both spellings; the
   classical dictionary knows only "entraînement": try each i and u with
   its circumflex. Not for short words ("sur", "du": other words). */
static bool spell_fr_rectified(lexicon *lx, const char *w, size_t n)
{
    if (n < 5 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (w[i] != 'i' && w[i] != 'u')
            continue;
        buf_clear(&lx->scratch);
        buf_append(&lx->scratch, w, i);
        buf_append(&lx->scratch, w[i] == 'i' ? "\xC3\xAE" : "\xC3\xBB", 2);
        buf_append(&lx->scratch, w + i + 1, n - i - 1);
        if (spell_memo(lx, 'f', lx->scratch.data, lx->scratch.len))
            return true;
    }
    return false;
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
    buf_clear(&lx->key);
    buf_append(&lx->key, w, n);
    buf_append_char(&lx->key, tag);
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
    bool known = spell_memo(lx, 'f', w, n);
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

/* Whether French and English know w as written (a typographic apostrophe
   retried as '). */
static void known_in(lexicon *lx, const char *w, size_t n, bool *fr, bool *en)
{
    *fr = spell_memo(lx, 'f', w, n) || spell_fr_accented_capital(lx, w, n);
    *en = spell_memo(lx, 'e', w, n);
    if (!*fr && !*en)
        *fr = spell_fr_rectified(lx, w, n);
    if (*fr || *en || !memchr(w, '\xE2', n))
        return;
    buf ascii = {0};
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n && memcmp(w + i, "\xE2\x80\x99", 3) == 0) {
            buf_append_char(&ascii, '\'');
            i += 2;
        } else
            buf_append_char(&ascii, w[i]);
    }
    *fr = spell_memo(lx, 'f', ascii.data, ascii.len);
    *en = spell_memo(lx, 'e', ascii.data, ascii.len);
    buf_free(&ascii);
}

/* A French function word glued to a French word at a capital inside the
   word: "LeNavigateur", MT's; "PrécédentChapitre", "OpenVPN" are a page's
   links run together and names. */
static bool french_at_capital(lexicon *lx, text_ctx *tc, const char *w, size_t n)
{
    size_t k = 1;
    int dummy;
    while (k < n && !(w[k] >= 'A' && w[k] <= 'Z'))
        k++;
    if (k == n || !spell_memo(lx, 'f', w + k, n - k))
        return false;
    text_fold(tc, w, k, &lx->folded);
    return strmap_get(&lx->lists->fr_function, lx->folded.data, lx->folded.len, &dummy);
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
    bool fr, en;
    known_in(lx, w, n, &fr, &en);
    /* A capital inside a sentence marks a name unless French knows the word. */
    glue_lex gl = {lx->lists, &lx->scratch, lx};
    if (s.capitalised && !fr && !en && glued_capital(&gl, w, n))
        return V_JUNK; /* "RPCqui", "XMLdemande" */
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
    /* A capitalised word unknown to both is a name, unless it starts the
       sentence and splits ("Laversion", "Ilne"): mid-sentence, names split
       too often ("Dupont", "Lebrun"); a capital inside marks a name or an
       identifier ("DataSet", "DEVices") unless French words meet there
       ("LeNavigateur"). */
    if (s.capitalised)
        return sentence_initial && (s.inner_upper ? french_at_capital(lx, tc, w, n)
                                                  : glued(&gl, lx->folded.data, lx->folded.len))
                   ? V_JUNK
                   : V_SKIP;
    /* A Spanish word neither French nor English knows ("presionar",
       "comprobación"): Apertium translates French and English through
       Spanish and leaves such words behind. Words under five letters are
       too often abbreviations, commands or typos ("cron"). */
    bool spanish = s.letters >= 5 && spell_es(lx, w, n);
    return spanish || glued(&gl, w, n) ? V_JUNK : V_UNKNOWN;
}

static int clamp_int(long x, int lim) { return (int)(x > lim ? lim : x < -lim ? -lim : x); }

/* What the word lists say of the folded word. */
static unsigned listed_flags(const wordlists *wl, const char *f, size_t n)
{
    int listed, dummy;
    unsigned flags = 0;
    if (strmap_get(&wl->words, f, n, &listed)) {
        switch (listed) {
        case V_FR: flags = EV_FR | EV_COMMON; break;
        case V_BOTH: flags = EV_LOAN | EV_FR | EV_EN | EV_COMMON; break;
        case V_EN: flags = EV_EN | EV_EN_ONLY | EV_COMMON; break;
        case V_EN_FUNCTION: flags = EV_EN | EV_EN_ONLY | EV_EN_FUNC | EV_COMMON; break;
        case V_JUNK: flags = EV_JUNK; break;
        case V_SKIP: flags = EV_NAME; break;
        default: break;
        }
    }
    if (strmap_get(&wl->fr_function, f, n, &dummy))
        flags |= EV_FR_FUNC | EV_FR | EV_COMMON;
    if (strmap_get(&wl->en_function, f, n, &dummy))
        flags |= EV_EN_FUNC | EV_EN | EV_COMMON;
    if (strmap_get(&wl->en_common, f, n, &dummy))
        flags |= EV_EN_COMMON;
    return flags;
}

/* The evidence of a word not yet in the cache; v is its verdict. */
static void gather_evidence(lexicon *lx, text_ctx *tc, const char *w, size_t n, verdict v, word_evidence *ev)
{
    word_shape s = shape_of(w, n);
    *ev = (word_evidence){.v = v};
    if (s.has_digit || s.letters == 0 || s.all_upper) {
        ev->flags = EV_TOKEN;
        return;
    }
    text_fold(tc, w, n, &lx->folded);
    unsigned flags = listed_flags(lx->lists, lx->folded.data, lx->folded.len);
    if (v == V_JUNK)
        flags |= EV_JUNK | (spell_es(lx, w, n) ? EV_SPANISH : 0);
    bool fr, en, fr_lower = false, en_lower = false;
    known_in(lx, w, n, &fr, &en);
    if (s.capitalised) {
        buf lower = {0};
        buf_append(&lower, lx->folded.data, lx->folded.len);
        known_in(lx, lower.data, lower.len, &fr_lower, &en_lower);
        buf_free(&lower);
        flags |= EV_CAP;
        /* "Paris", "Donald": a dictionary has them only with their capital */
        if ((fr && !fr_lower) || (en && !en_lower))
            flags |= EV_NAME;
    } else {
        fr_lower = fr;
        en_lower = en;
    }
    flags |= (fr_lower ? EV_FR : 0) | (en_lower ? EV_EN : 0) | (fr_lower || en_lower ? EV_COMMON : 0);
    long odds = charlm_odds(&lx->lists->lm, lx->folded.data, lx->folded.len);
    ev->lm_odds = clamp_int(odds / 10, 32767); /* milli- to centi-nats */
    int fq;
    if (strmap_get(&lx->lists->freq_odds, lx->folded.data, lx->folded.len, &fq))
        ev->freq_odds = fq;
    ev->flags = flags;
}

/* Cached as one int: verdict (4 bits), flags (13), spelling odds (9 bits,
   signed, deci-nats: more than the labeller's charlm_max ever uses),
   frequency odds (6 bits, signed, half-nats). */
static int pack_evidence(const word_evidence *ev)
{
    unsigned lm = (unsigned)clamp_int(ev->lm_odds / 10, 255) & 0x1FF;
    unsigned fq = (unsigned)clamp_int(ev->freq_odds / 50, 31) & 0x3F;
    return (int)((unsigned)ev->v | (ev->flags << 4) | (lm << 17) | (fq << 26));
}

static int sign_extend(unsigned v, int bits) { return (int)(v ^ (1u << (bits - 1))) - (1 << (bits - 1)); }

static void unpack_evidence(int packed, word_evidence *ev)
{
    unsigned u = (unsigned)packed;
    ev->v = (verdict)(u & 0xF);
    ev->flags = (u >> 4) & 0x1FFF;
    ev->lm_odds = sign_extend((u >> 17) & 0x1FF, 9) * 10;
    ev->freq_odds = sign_extend((u >> 26) & 0x3F, 6) * 50;
}

static unsigned count_chars(const char *w, size_t n)
{
    unsigned c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)w[i] & 0xC0) != 0x80;
    return c + 1; /* the end of the word is scored too */
}

static bool has_digit(const char *w, size_t n)
{
    size_t i = 0;
    while (i < n && !(w[i] >= '0' && w[i] <= '9'))
        i++;
    return i < n;
}

/* The cache tag of lexicon_evidence(): being sentence-initial matters only to
   a capitalised word (a lower-case one needs a single cache entry). */
static char evidence_tag(const char *w, size_t n, bool sentence_initial)
{
    return sentence_initial && !(n && w[0] >= 'a' && w[0] <= 'z') ? TAG_VERDICT_INITIAL : TAG_VERDICT;
}

uint64_t lexicon_prefetch(lexicon *lx, const char *w, size_t n, bool sentence_initial)
{
    const buf *key = cache_key(lx, w, n, evidence_tag(w, n, sentence_initial));
    uint64_t hash = strmap_hash(key->data, key->len);
    strmap_prefetch_hashed(&lx->cache, hash);
    return hash;
}

void lexicon_evidence(lexicon *lx, text_ctx *tc, const char *w, size_t n, bool initial, uint64_t hash, word_evidence *ev)
{
    /* decide() skips every word with a digit; numbers vary endlessly in news
       and would only crowd the words out of the cache. */
    if (has_digit(w, n)) {
        *ev = (word_evidence){.v = V_SKIP, .flags = EV_TOKEN};
        return;
    }
    char tag = evidence_tag(w, n, initial);
    int cached;
    const buf *key = cache_key(lx, w, n, tag); /* the bytes again: other lookups share the buffer */
    if (strmap_get_hashed(&lx->cache, key->data, key->len, hash, &cached)) {
        unpack_evidence(cached, ev);
    } else {
        gather_evidence(lx, tc, w, n, decide(lx, tc, w, n, initial), ev);
        int packed = pack_evidence(ev);
        cache_answer(lx, w, n, tag, packed);
        unpack_evidence(packed, ev); /* as rounded as a cached answer: labels must not depend on the cache */
    }
    ev->chars = count_chars(w, n);
}

verdict lexicon_verdict(lexicon *lx, text_ctx *tc, const char *w, size_t n, bool sentence_initial)
{
    word_evidence ev;
    lexicon_evidence(lx, tc, w, n, sentence_initial, lexicon_prefetch(lx, w, n, sentence_initial), &ev);
    return ev.v;
}

/* Repair asks whether a word can be an infinitive ("de the réparer": the
   pronoun le). Not cached: asked only in damaged segments, next to English. */
bool lexicon_is_infinitive(lexicon *lx, const char *w, size_t n)
{
    buf_clear(&lx->scratch);
    buf_append(&lx->scratch, w, n);
    char **analyses = NULL;
    int count = Hunspell_analyze(lx->fr, &analyses, lx->scratch.data);
    bool infinitive = false;
    for (int i = 0; i < count && !infinitive; i++)
        infinitive = strstr(analyses[i], "po:infi") != NULL;
    Hunspell_free_list(lx->fr, &analyses, count);
    return infinitive;
}

bool lexicon_is_code_noun(lexicon *lx, text_ctx *tc, const char *w, size_t n)
{
    int dummy;
    text_fold(tc, w, n, &lx->folded);
    return strmap_get(&lx->lists->code_nouns, lx->folded.data, lx->folded.len, &dummy);
}

const wordlists *lexicon_lists(const lexicon *lx) { return lx->lists; }
