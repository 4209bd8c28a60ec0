#include "labeller.h"
#include "buf.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* States: French, English, and a name inside French or inside English (a
   name does not change the language around it). */
enum { ST_FR, ST_EN, ST_NAME_FR, ST_NAME_EN, N_STATES };
#define IMPOSSIBLE (-1e9)

static double clamp(double x, double lim) { return x > lim ? lim : x < -lim ? -lim : x; }

/* Log-likelihood (up to a constant) of the word in each state. */
static void emissions(const mtc_config *c, const label_unit *u, double e[N_STATES])
{
    unsigned f = u->ev.flags;
    double lm = clamp(c->m_lm_weight * u->ev.lm_odds / 100.0, c->m_lm_max), fq = 0;
    /* How often each language uses the word; not for French function words,
       whose frequency the technical training text understates ("a", "on"). */
    if (!(f & EV_FR_FUNC))
        fq = clamp(c->m_freq_weight * u->ev.freq_odds / 100.0, c->m_freq_max);
    /* Short words: their spelling says nothing (the function lists and the
       frequencies speak for "a", "on", "in", "see"); off those lists and
       the common English words they are mostly abbreviations ("sp", "csc",
       "km"), and what the dictionaries say is noise too. */
    if (u->ev.chars <= c->m_short_letters + 1) {
        lm = 0;
        if (!(f & (EV_FR_FUNC | EV_EN_FUNC | EV_EN_ONLY)) && ((f & EV_FR) || !(f & EV_EN_COMMON)))
            f |= EV_FR | EV_EN;
    }
    lm += fq;
    /* A lower-case common English word that French's dictionary lacks
       ("fear", "give", "rule"): what MT leaves, where French borrows rare
       technical words instead; unless French text uses it too ("shell",
       "unstable": frequency odds below en_common_min_odds) */
    bool unused_in_french = !u->ev.freq_odds || u->ev.freq_odds >= 100 * c->m_en_common_min_odds;
    double common_en =
        (f & (EV_EN_COMMON | EV_FR | EV_CAP)) == EV_EN_COMMON && unused_in_french ? c->m_en_common_unknown : 0;
    e[ST_FR] = (f & EV_FR ? 0 : -c->m_dict_missing) + (f & EV_FR_FUNC ? c->m_function : 0) +
               (f & EV_LOAN ? c->m_loan : 0) - lm / 2;
    e[ST_EN] = (f & EV_EN ? 0 : -c->m_dict_missing) + (f & EV_EN_FUNC ? c->m_function : 0) +
               (f & EV_EN_ONLY ? c->m_en_only : 0) + (f & (EV_EN_COMMON | EV_EN_FUNC) ? 0 : -c->m_en_rare) +
               common_en + lm / 2;
    double name = IMPOSSIBLE;
    /* "China", "Spionage": listed, not names; nor an English function word
       opening a sentence ("He faut", "We allons") */
    bool opening_function = u->initial && (f & (EV_EN_FUNC | EV_FR)) == EV_EN_FUNC;
    if ((f & EV_CAP) && !(f & (EV_EN_ONLY | EV_JUNK)) && !opening_function) {
        name = c->m_name_base + (f & EV_COMMON ? 0 : c->m_name_unknown) + (f & EV_NAME ? c->m_name_listed : 0) -
               (u->initial ? c->m_name_initial : 0) -
               ((f & (EV_FR | EV_NAME)) == EV_FR ? c->m_name_french : 0); /* "Dizaines": French capitalised */
    }
    e[ST_NAME_FR] = e[ST_NAME_EN] = name;
}

static double transition(const mtc_config *c, int from, int to)
{
    static const int lang[N_STATES] = {ST_FR, ST_EN, ST_FR, ST_EN};
    bool to_name = to >= ST_NAME_FR;
    if (to_name && from >= ST_NAME_FR)
        return lang[from] == lang[to] ? 0 : IMPOSSIBLE; /* a run of names keeps its language */
    double cost = lang[from] == lang[to] ? 0 : -c->m_switch;
    return cost + (to_name ? -c->m_name_enter : 0);
}

/* Viterbi over the units; back-pointers in bp (n * N_STATES). */
static void viterbi(const mtc_config *c, label_unit *u, size_t n, unsigned char *bp)
{
    double score[N_STATES] = {0}, next[N_STATES], e[N_STATES], trans[N_STATES][N_STATES];
    for (int from = 0; from < N_STATES; from++)
        for (int to = 0; to < N_STATES; to++)
            trans[from][to] = transition(c, from, to);
    for (size_t i = 0; i < n; i++) {
        emissions(c, &u[i], e);
        u[i].margin = (float)(e[ST_EN] - e[ST_FR]);
        for (int to = 0; to < N_STATES; to++) {
            if (i == 0) {
                bool en = to == ST_EN || to == ST_NAME_EN;
                next[to] = e[to] - (en ? c->m_start_en : 0);
                continue;
            }
            int best = 0;
            double best_score = IMPOSSIBLE * 2;
            for (int from = 0; from < N_STATES; from++) {
                double s = score[from] + trans[from][to];
                if (s > best_score) {
                    best_score = s;
                    best = from;
                }
            }
            next[to] = best_score + e[to];
            bp[i * N_STATES + to] = (unsigned char)best;
        }
        for (int k = 0; k < N_STATES; k++)
            score[k] = next[k];
    }
    int state = 0;
    for (int k = 1; k < N_STATES; k++)
        if (score[k] > score[state])
            state = k;
    static const mtc_word_lang as_lang[N_STATES] = {MTC_LANG_FR, MTC_LANG_EN, MTC_LANG_NAME, MTC_LANG_NAME};
    for (size_t i = n; i-- > 0;) {
        u[i].lang = as_lang[state];
#ifdef LABELLER_DEBUG
        fprintf(stderr, "[%zu %s m=%.2f f=%x lm=%d]%s", i, (const char *[]){"fr", "en", "name", "code"}[u[i].lang],
                u[i].margin, u[i].ev.flags, u[i].ev.lm_odds, i ? " " : "\n");
#endif
        if (i > 0)
            state = bp[i * N_STATES + state];
    }
}

typedef struct span_found {
    size_t start, len;
    double evidence;
    bool quoted;
    bool function;  /* holds an English function word that is not French */
    bool titled;    /* every word capitalised but function words: "World of Tanks" */
    unsigned caps;  /* capitalised words */
    bool expanded;  /* spells an acronym of the sentence */
} span_found;

/* A word of a title: capitalised, or a function word between ("of", "the"). */
static bool title_word(const label_unit *u) { return (u->ev.flags & (EV_CAP | EV_EN_FUNC)) != 0; }

/* A quotation is English when its French words, besides the span, are
   few (at most twice the span's English words, plus one): « Yes we can »
   or (ou « free tour ») are cited, « Je suis très heureux que the Premier
   ministre » is damage inside a French quotation. */
static bool english_quotation(const label_unit *u, size_t n, const span_found *sp)
{
    size_t fr = 0, en = 0;
    unsigned q = u[sp->start].quote;
    for (size_t i = sp->start; i > 0 && u[i - 1].quote == q; i--)
        fr += u[i - 1].lang == MTC_LANG_FR;
    for (size_t i = sp->start + sp->len; i < n && u[i].quote == q; i++)
        fr += u[i].lang == MTC_LANG_FR;
    for (size_t i = sp->start; i < sp->start + sp->len; i++)
        en += u[i].lang == MTC_LANG_EN;
    return fr <= 2 * en + 1;
}

/* Whether units a..b-1 spell the acronym, a letter a word; a function
   word may be left out ("Department of Defense": DoD, "Bureau of
   Investigation": BI). */
static bool spells(const label_unit *u, size_t a, size_t b, const char *acro)
{
    size_t k = 0;
    for (size_t i = a; i < b; i++) {
        if (acro[k] && u[i].head == acro[k])
            k++;
        else if (!(u[i].ev.flags & (EV_EN_FUNC | EV_FR_FUNC)))
            return false;
    }
    return !acro[k];
}

/* An English span that spells an acronym of its sentence, with up to two
   English words or names either side, is the acronym's expansion, cited
   ("les PV ou physical volumes", "un VPN (virtual private network)"). */
static bool expands_acronym(const label_unit *u, size_t n, const span_found *sp)
{
    size_t lo = sp->start, hi = sp->start + sp->len;
    while (lo > 0 && sp->start - lo < 2 && (u[lo - 1].lang == MTC_LANG_EN || u[lo - 1].lang == MTC_LANG_NAME))
        lo--;
    while (hi < n && hi - sp->start - sp->len < 2 && (u[hi].lang == MTC_LANG_EN || u[hi].lang == MTC_LANG_NAME))
        hi++;
    for (size_t i = 0; i < n; i++) {
        if (!u[i].acronym[0] || (i >= lo && i < hi))
            continue;
        for (size_t a = lo; a <= sp->start; a++)
            for (size_t b = sp->start + sp->len; b <= hi; b++)
                if (spells(u, a, b, u[i].acronym))
                    return true;
    }
    return false;
}

/* The evidence a span needs: French borrows content words, hardly ever
   function words, so a span with one needs less. */
static double span_need(const mtc_config *c, const span_found *sp)
{
    return sp->function ? c->mixed_min_function_span : c->mixed_min_span;
}

/* The strongest English span (a run of English words, names allowed
   inside) that is damage, reaching the evidence it needs; else the
   strongest of all (a citation, or too weak). A cited span does not hide
   damage elsewhere in the sentence. */
static span_found strongest_span(const mtc_config *c, const label_unit *u, size_t n)
{
    span_found best = {0}, damage = {0}, cur = {0};
    size_t words = 0; /* in cur */
    for (size_t i = 0; i <= n; i++) {
        bool en = i < n && u[i].lang == MTC_LANG_EN && !(u[i].ev.flags & EV_LOAN);
        bool inside = i < n && (en || u[i].lang == MTC_LANG_NAME || u[i].lang == MTC_LANG_CODE);
        if (en) {
            if (!words) {
                cur = (span_found){.start = i, .quoted = true, .titled = true};
            }
            words++;
            cur.len = i - cur.start + 1;
            cur.evidence += u[i].margin;
            cur.quoted &= u[i].quote == u[cur.start].quote && u[i].quote;
            cur.function |= (u[i].ev.flags & (EV_EN_FUNC | EV_FR_FUNC)) == EV_EN_FUNC;
            cur.titled &= title_word(&u[i]);
            cur.caps += (u[i].ev.flags & EV_CAP) != 0;
        }
        if (words && (!inside || i == n)) {
            /* a capitalised word right after belongs to the title ("This is
               the Police"); a title opens with a capital that is not the
               sentence's ("un film, After d'Anthony Lapia"); "in", "of"
               alone are no title */
            cur.caps += i < n && (u[i].ev.flags & EV_CAP) && !u[i].initial;
            bool opens = (u[cur.start].ev.flags & EV_CAP) && !u[cur.start].initial;
            cur.titled &= cur.caps >= 2 || opens;
            cur.quoted = cur.quoted && english_quotation(u, n, &cur);
            cur.expanded = expands_acronym(u, n, &cur);
            if (cur.evidence > best.evidence)
                best = cur;
            bool cited = cur.quoted || cur.titled || cur.expanded;
            if (!cited && cur.evidence >= span_need(c, &cur) && cur.evidence > damage.evidence)
                damage = cur;
            words = 0;
        }
    }
    return damage.len ? damage : best;
}

/* The MT junk words (the first at *first): a short junk word beside a
   name is part of the name ("von der Leyen"); a Spanish word beside a
   capitalised word inside the sentence is part of a name or a place
   ("Parque Nacional", "páramo Sumapaz"), not left by MT (quotation marks
   do not tell: MT translates quoted speech); code is no junk ("netstat
   -tupan"). */
static unsigned count_junk(const label_unit *u, size_t n, size_t *first)
{
    unsigned junk = 0;
    for (size_t i = 0; i < n; i++) {
        bool spanish = (u[i].ev.flags & EV_SPANISH) != 0;
        bool beside = (i > 0 && (u[i - 1].ev.flags & EV_CAP) && !u[i - 1].initial) ||
                      (i + 1 < n && (u[i + 1].ev.flags & EV_CAP) && !u[i + 1].initial);
        bool by_name = (u[i].ev.chars <= 5 || spanish) &&
                       ((i > 0 && u[i - 1].lang == MTC_LANG_NAME) || (i + 1 < n && u[i + 1].lang == MTC_LANG_NAME));
        by_name |= spanish && beside;
        if (!(u[i].ev.flags & EV_TOKEN) && (u[i].ev.flags & EV_JUNK) && u[i].lang != MTC_LANG_NAME && !by_name &&
            !junk++)
            *first = i;
    }
    return junk;
}

/* A short line every word of which is capitalised or an English function
   word, one at least a name: the name of a work, a game, a product, listed
   on a French page ("Door Kickers: Action Squad"); an untranslated heading
   is made of common words ("Cleaning Up after an Upgrade") or holds
   acronyms and numbers ("Using GRUB with EFI", "6.7.3. Cleaning Up"). */
static bool title_line(const mtc_config *c, const label_unit *u, size_t n)
{
    size_t words = 0, names = 0;
    for (size_t i = 0; i < n; i++) {
        if ((u[i].ev.flags & EV_TOKEN) || !title_word(&u[i]) || ++words > c->english_title_max)
            return false;
        names += u[i].lang == MTC_LANG_NAME;
    }
    return names > 0;
}

/* The share of English in the sentence: of its frame (the French and
   English words outside quotations and brackets) when the frame holds at
   least english.min_words of them, for a French gloss ("I don't get it (je
   ne comprends pas)") does not make an English sentence French, nor an
   English one ("le SEO (search engine optimization) est essentiel") a French
   sentence English, when the frame is clearly one language (its share of
   English at least english.min_share, or at most 1 minus it); else of all
   its words. 0 when too few are English. */
static double english_share(const mtc_config *c, const label_unit *u, size_t n)
{
    unsigned fr[2] = {0}, en[2] = {0}; /* [0] all, [1] the frame */
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 1 + !u[i].quote; k++) {
            fr[k] += u[i].lang == MTC_LANG_FR;
            en[k] += u[i].lang == MTC_LANG_EN && !(u[i].ev.flags & EV_LOAN);
        }
    double share[2];
    for (int k = 0; k < 2; k++)
        share[k] = fr[k] + en[k] ? (double)en[k] / (fr[k] + en[k]) : 0;
    bool clear = share[1] >= c->english_min_share || share[1] <= 1 - c->english_min_share;
    int k = clear && fr[1] + en[1] >= c->english_min_words && fr[1] + en[1] < fr[0] + en[0];
    return en[k] >= c->english_min_words ? share[k] : 0;
}

/* A neighbour that makes a word part of a span (English) or of a name (a
   name that is not merely the sentence's first word, "Les"). */
static bool joins(const label_unit *v)
{
    return v->lang == MTC_LANG_EN || (v->lang == MTC_LANG_NAME && !v->initial);
}

bool lone_candidate(const label_unit *u, size_t n, size_t i)
{
    unsigned f = u[i].ev.flags;
    if (u[i].quote || (f & (EV_TOKEN | EV_LOAN | EV_FR_FUNC | EV_EN_FUNC | EV_JUNK)) || ((f & EV_CAP) && !u[i].initial))
        return false;
    if ((i > 0 && joins(&u[i - 1])) || (i + 1 < n && joins(&u[i + 1])))
        return false;
    return u[i].lang == MTC_LANG_EN || (u[i].lang == MTC_LANG_FR && (f & EV_EN));
}

/* wordlists_use() of a word no list holds: ln 0.5 */
#define USE_UNSEEN (-0.69)

void lone_features(const label_unit *u, size_t n, size_t i, const double use[3], double x[LONE_N_FEATURES])
{
    const label_unit *w = &u[i];
    unsigned f = w->ev.flags;
    /* the odds in nats, bounded: a few words have extreme counts */
    double lm = clamp(w->ev.lm_odds / 100.0, 8), fq = clamp(w->ev.freq_odds / 100.0, 8);
    bool fr = (f & EV_FR) != 0, common = (f & EV_EN_COMMON) != 0;
    double v[LONE_N_FEATURES] = {
        1, fr, common, w->initial, (f & EV_CAP) != 0, lm, fabs(lm), fq, use[0], use[1], use[2], fr ? fq : 0,
        fr ? 0 : lm, !fr && common, i > 0 && u[i - 1].lang == MTC_LANG_FR, i + 1 < n && u[i + 1].lang == MTC_LANG_FR,
        (w->ev.chars > 12 ? 12 : w->ev.chars) / 4.0, use[2] > USE_UNSEEN,
    };
    for (int k = 0; k < LONE_N_FEATURES; k++)
        x[k] = v[k];
}

seg_verdict label_units(const mtc_config *c, label_unit *u, size_t n, char *reason, size_t reason_len)
{
    /* numbers and codes sit outside the chain: they belong to no language */
    unsigned char stack_bp[256 * N_STATES];
    label_unit stack_w[256], *w = n <= 256 ? stack_w : xmalloc(n * sizeof *w);
    unsigned char *bp = n <= 256 ? stack_bp : xmalloc(n * N_STATES);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!(u[i].ev.flags & EV_TOKEN))
            w[m++] = u[i];
    viterbi(c, w, m, bp);
    unsigned fr = 0, en = 0;
    for (size_t i = 0, k = 0; i < n; i++) {
        if (u[i].ev.flags & EV_TOKEN) {
            u[i].lang = MTC_LANG_CODE;
            continue;
        }
        u[i] = w[k++];
        fr += u[i].lang == MTC_LANG_FR;
        en += u[i].lang == MTC_LANG_EN && !(u[i].ev.flags & EV_LOAN);
    }
    size_t junk_at = 0;
    unsigned junk = count_junk(u, n, &junk_at);
    if (w != stack_w)
        free(w);
    if (bp != stack_bp)
        free(bp);
    double share = english_share(c, u, n);
    if (share >= c->english_min_share) {
        /* a whole sentence: English even in title case (an untranslated
           heading); only inside French is a title a citation */
        bool title = title_line(c, u, n);
        snprintf(reason, reason_len, "%s:%.2f", title ? "title" : "english", share);
        return title ? SEG_CLEAN : SEG_ENGLISH;
    }
    if (junk >= c->mixed_min_junk) {
        snprintf(reason, reason_len, "junk@%zu", junk_at);
        return SEG_MIXED;
    }
    span_found sp = strongest_span(c, u, n);
    if (en && fr >= c->mixed_min_fr && fr + en >= c->min_words && sp.evidence >= span_need(c, &sp)) {
        bool cited = sp.quoted || sp.titled || sp.expanded; /* a quotation, a title, an acronym's expansion */
        snprintf(reason, reason_len, "%s:%zu@%zu",
                 sp.quoted ? "quote" : sp.titled ? "title" : sp.expanded ? "acronym" : "en-span", sp.len, sp.start);
        return cited ? SEG_CLEAN : SEG_MIXED;
    }
    snprintf(reason, reason_len, "clean");
    return SEG_CLEAN;
}
