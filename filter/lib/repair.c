#include "repair.h"
#include "repair_evidence.h"
#include "strmap.h"
#include "text.h"
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

const char *const repair_names[REPAIR_KINDS] = {"builtin:capitalised-noun", "builtin:article",
                                                "builtin:function-word", "builtin:split-word",
                                                "builtin:repeated-phrase"};

/* One change: bytes [from, to) of the segment become the replacement (or
   the same word with a lower-case initial); skip more words are consumed. */
typedef struct edit {
    repair_kind kind;
    size_t from, to, skip;
    const char *replacement;
    bool lower_initial, capital;
} edit;

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

/* A capital is lowered only where it is an MT artefact: a French common
   word (no proper-noun reading, not listed as capitalisable) right after a
   lower-case English or junk word ("the Autorités", "an Ainsi"). Never in
   a heading, in quotes, before another capitalised word or a name link
   ("Banque de France"): those capitals are the author's. */
static bool capital_edit(const repair_scan *sc, size_t i, edit *e)
{
    const repair_input *in = sc->in;
    const mtc_word_info *w = word_at(sc, i), *prev = i ? word_at(sc, i - 1) : NULL;
    if (!prev || sc->heading || sc->quoted[i] || !verdict_french(w->verdict) || !word_starts_upper(sc, w))
        return false;
    if (!words_adjacent(sc, prev, w) || !word_starts_lower(sc, prev) ||
        !(verdict_english(prev->verdict) || prev->verdict == MTC_WORD_JUNK))
        return false;
    if (followed_by_name(sc, i) || !lexicon_is_common_french(in->lx, in->tc, in->s + w->start, w->len))
        return false;
    *e = (edit){.kind = REPAIR_CAPITALISED, .from = w->start, .to = w->start + w->len, .lower_initial = true};
    return true;
}

/* The noun after "the": French, and if capitalised not the head of a name. */
static bool noun_ok(const repair_scan *sc, size_t k, const mtc_word_info *before)
{
    const mtc_word_info *noun = word_at(sc, k), *after = word_at(sc, k + 1);
    if (!noun || sc->quoted[k])
        return false;
    if (word_starts_upper(sc, noun))
        return verdict_french(noun->verdict) && !followed_by_name(sc, k);
    if (verdict_french(noun->verdict))
        return true;
    /* A word both languages have ("information") needs French beside it. */
    return noun->verdict == MTC_WORD_BOTH && ((before && verdict_french(before->verdict)) ||
                                              (after && verdict_french(after->verdict)));
}

/* French-known, lower-case, both sides: "of X" -> "de X". */
static bool french_known(mtc_word_verdict v) { return verdict_french(v) || v == MTC_WORD_BOTH; }

/* "of X": "de X" between two lower-case words French knows, one of them
   French only ("tests of bien", "tenter of convaincre"). */
static bool of_edit(const repair_scan *sc, size_t i, edit *e)
{
    const mtc_word_info *w = word_at(sc, i), *prev = i ? word_at(sc, i - 1) : NULL, *next = word_at(sc, i + 1);
    if (!prev || !words_adjacent(sc, prev, w) || !word_starts_lower(sc, prev) || !word_starts_lower(sc, next) ||
        !french_known(prev->verdict) || !french_known(next->verdict) ||
        !(verdict_french(prev->verdict) || verdict_french(next->verdict)))
        return false;
    bool vowel = starts_with_vowel(sc->in->s + next->start, next->len);
    *e = (edit){.kind = REPAIR_ARTICLE, .from = w->start, .to = w->start + w->len, .replacement = vowel ? "d’" : "de"};
    return true;
}

/* The entry of dicts/repair-determiners.txt that words i (and i + 1) are. */
static const det_entry *find_det(const repair_scan *sc, size_t i)
{
    const repair_data *rd = sc->in->rd;
    const mtc_word_info *w = word_at(sc, i), *next = word_at(sc, i + 1);
    const det_entry *single = NULL;
    for (size_t d = 0; d < rd->n_dets; d++) {
        const det_entry *x = &rd->dets[d];
        if (!word_is(sc, w, x->en[0]))
            continue;
        if (!x->en[1])
            single = x;
        else if (next && word_is(sc, next, x->en[1]) && words_adjacent(sc, w, next))
            return x; /* "of the" before "of" */
    }
    return single;
}

/* "a", "an" are French words too ("il a", "un an"): English only after a
   preposition, a form of "être" or an infinitive ("justifier a publication"). */
static bool english_article_context(const repair_scan *sc, size_t i)
{
    const mtc_word_info *prev = i ? word_at(sc, i - 1) : NULL;
    return prev && words_adjacent(sc, prev, word_at(sc, i)) && word_starts_lower(sc, prev) &&
           (word_in(sc, prev, &sc->in->rd->verb_contexts) ||
            lexicon_is_infinitive(sc->in->lx, sc->in->s + prev->start, prev->len));
}

static const char *det_form(const det_entry *d, agreement g, bool vowel)
{
    switch (g) {
    case AGREE_PLURAL: return d->fr[DET_PLURAL];
    case AGREE_FEM_SG: return d->fr[vowel ? DET_FEM_VOWEL : DET_FEM];
    case AGREE_MASC_SG: return d->fr[vowel ? DET_MASC_VOWEL : DET_MASC];
    case AGREE_UNKNOWN:
    case AGREE_NOT_NOUN: break;
    }
    return NULL;
}

/* "the X", "of the X", "this X", "a X": the French determiner X's gender
   and number call for, when Hunspell gives one reading only. Before an
   infinitive "the" is the pronoun "le" ("de the réparer"). */
static bool det_edit(const repair_scan *sc, size_t i, edit *e)
{
    const repair_input *in = sc->in;
    const mtc_word_info *w = word_at(sc, i), *prev = i ? word_at(sc, i - 1) : NULL;
    const det_entry *d = sc->quoted[i] ? NULL : find_det(sc, i);
    size_t k = d && d->en[1] ? i + 2 : i + 1;
    const mtc_word_info *last = word_at(sc, k - 1), *noun = word_at(sc, k);
    if (!d || !words_adjacent(sc, last, noun))
        return false;
    if (prev && word_starts_upper(sc, prev) && !verdict_french(prev->verdict))
        return false; /* inside an English name: "Bank of the West" */
    if (lexicon_is_french(in->lx, d->en[0], strlen(d->en[0])) && (!english_article_context(sc, i) || !word_starts_lower(sc, w)))
        return false;
    if (!noun_ok(sc, k, prev))
        return false;
    agreement g = lexicon_noun_agreement(in->lx, in->s + noun->start, noun->len);
    bool vowel = starts_with_vowel(in->s + noun->start, noun->len);
    *e = (edit){.kind = REPAIR_ARTICLE, .from = w->start, .to = last->start + last->len, .skip = k - i - 1,
                .capital = i == 0 && word_starts_upper(sc, w)};
    e->replacement = det_form(d, g, vowel);
    if (g == AGREE_NOT_NOUN && !d->en[1] && word_is(sc, w, "the") && verdict_french(noun->verdict) &&
        word_starts_lower(sc, noun)) {
        bool infinitive = lexicon_is_infinitive(in->lx, in->s + noun->start, noun->len);
        e->replacement = infinitive ? (vowel ? "l’" : "le") : ""; /* "or the encore": no article */
        if (!infinitive)
            e->to = noun->start;
    }
    return e->replacement != NULL;
}

/* "of X" or a determiner. */
static bool article_edit(const repair_scan *sc, size_t i, edit *e)
{
    const mtc_word_info *w = word_at(sc, i), *next = word_at(sc, i + 1);
    if (det_edit(sc, i, e))
        return true;
    return word_is(sc, w, "of") && next && !word_is(sc, next, "the") && !sc->quoted[i] &&
           words_adjacent(sc, w, next) && of_edit(sc, i, e);
}

/* The word before w, if only a space or ", " separates them. */
static const mtc_word_info *clause_prev(const repair_scan *sc, size_t i, bool *comma)
{
    const mtc_word_info *w = word_at(sc, i), *prev = i ? word_at(sc, i - 1) : NULL;
    *comma = false;
    if (!prev || words_adjacent(sc, prev, w))
        return prev;
    size_t end = prev->start + prev->len;
    *comma = w->start == end + 2 && sc->in->s[end] == ',' && sc->in->s[end + 1] == ' ';
    return *comma ? prev : NULL;
}

/* An English function word between two French words (dicts/en-fr.txt).
   One French also has ("but", "or", "for") is translated only between two
   lower-case French-only words, and never after a word that makes it a
   noun ("son but", "de but en blanc", "en or", dicts/repair-noun-markers.txt). */
static bool function_word_edit(const repair_scan *sc, size_t i, edit *e)
{
    const repair_input *in = sc->in;
    const mtc_word_info *w = word_at(sc, i), *next = word_at(sc, i + 1);
    char key[16];
    const char *fr = word_key(sc, w, key, sizeof key) ? wordlists_translate(in->wl, key, w->len) : NULL;
    if (!fr || sc->quoted[i] || !words_adjacent(sc, w, next))
        return false;
    bool comma;
    const mtc_word_info *prev = clause_prev(sc, i, &comma);
    if (i > 0 && !prev)
        return false;
    bool next_fr = verdict_french(next->verdict), next_the = word_is(sc, next, "the");
    if (lexicon_is_french(in->lx, key, w->len)) {
        if (!prev || comma || !verdict_french(prev->verdict) || !word_starts_lower(sc, w) ||
            !word_starts_lower(sc, prev) || word_in(sc, prev, &in->rd->noun_markers) || !next_fr ||
            !word_starts_lower(sc, next))
            return false;
    } else {
        mtc_word_verdict pv = prev ? prev->verdict : MTC_WORD_SKIP;
        /* Not after a determiner either: "un to sévère" is a damaged noun ("ton"), not "à". */
        bool prev_ok = !prev || ((verdict_french(pv) || pv == MTC_WORD_BOTH || pv == MTC_WORD_SKIP) &&
                                 !word_in(sc, prev, &in->rd->noun_markers));
        bool next_ok = next_fr || next_the || next->verdict == MTC_WORD_BOTH;
        /* French on one side at least; after a name, French after it ("Pékin and ses alliés"). */
        bool strict = (prev && verdict_french(pv)) || next_fr || next_the;
        if (!prev_ok || !next_ok || !strict || ((!prev || pv == MTC_WORD_SKIP) && !next_fr && !next_the))
            return false;
    }
    *e = (edit){.kind = REPAIR_FUNCTION_WORD, .from = w->start, .to = w->start + w->len, .replacement = fr,
                .capital = i == 0 && word_starts_upper(sc, w)};
    return true;
}

/* A word MT split in two ("à a gir"): an unknown lower-case piece joined to
   the short word before it makes a French word. */
static bool split_edit(const repair_scan *sc, size_t i, size_t pos, edit *e)
{
    const repair_input *in = sc->in;
    const mtc_word_info *w = word_at(sc, i), *p = i ? word_at(sc, i - 1) : NULL;
    if (!p || w->verdict != MTC_WORD_UNKNOWN || sc->quoted[i] || !words_adjacent(sc, p, w) || p->start < pos ||
        !word_starts_lower(sc, w) || !word_starts_lower(sc, p) || (p->len > 3 && p->verdict != MTC_WORD_UNKNOWN))
        return false;
    buf joined = {0};
    buf_append(&joined, in->s + p->start, p->len);
    buf_append(&joined, in->s + w->start, w->len);
    bool known = lexicon_is_french(in->lx, joined.data, joined.len);
    buf_free(&joined);
    if (!known)
        return false;
    *e = (edit){.kind = REPAIR_SPLIT_WORD, .from = p->start + p->len, .to = w->start, .replacement = ""};
    return true;
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

/* Writes the edit after the text before it; returns the new read position. */
static size_t apply_edit(const repair_input *in, const edit *e, size_t pos, buf *out)
{
    buf_append(out, in->s + pos, e->from - pos);
    if (e->lower_initial) {
        append_lowercased_initial(out, in->s + e->from, e->to - e->from);
        return e->to;
    }
    size_t at = out->len, rlen = strlen(e->replacement);
    buf_append_str(out, e->replacement);
    if (e->capital && rlen && out->data[at] >= 'a' && out->data[at] <= 'z')
        out->data[at] = (char)(out->data[at] - 32);
    pos = e->to;
    if (rlen >= 3 && memcmp(e->replacement + rlen - 3, "’", 3) == 0 && pos < in->n && in->s[pos] == ' ')
        pos++; /* "l’Union": no space after an elided article */
    return pos;
}

void repair_words(const repair_input *in, buf *out, repair_counts *counts)
{
    repair_scan sc;
    repair_scan_begin(&sc, in);
    buf_clear(out);
    size_t pos = 0;
    for (size_t i = 0; i < in->words->count; i++) {
        edit e;
        if (!capital_edit(&sc, i, &e) && !article_edit(&sc, i, &e) && !function_word_edit(&sc, i, &e) &&
            !split_edit(&sc, i, pos, &e))
            continue;
        if (e.from < pos)
            continue; /* overlaps the edit before */
        if (in->phrases && translate_in_phrase(in->phrases, in->s, in->n, e.from, e.to))
            continue; /* "devenu the place to be": the author's English */
        pos = apply_edit(in, &e, pos, out);
        counts->n[e.kind]++;
        i += e.skip;
    }
    buf_append(out, in->s + pos, in->n - pos);
    repair_scan_end(&sc);
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
