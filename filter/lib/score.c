#include "score.h"
#include <stdlib.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

const char *label_name(seg_label l)
{
    static const char *names[] = {"clean", "mixed", "boilerplate", "english"};
    return names[l];
}

unsigned seg_scored_words(const seg_score *sc) { return sc->fr + sc->en + sc->both + sc->unknown + sc->junk; }

static void count(seg_score *sc, verdict v, int *last_lang)
{
    if (v == V_EN_FUNCTION) {
        sc->en_function++;
        v = V_EN;
    } else if (v == V_FR_CAPITALISED) {
        sc->fr_capitalised++;
        v = V_FR;
    }
    switch (v) {
    case V_SKIP: sc->skipped++; return;
    case V_BOTH: sc->both++; return;
    case V_UNKNOWN: sc->unknown++; return;
    case V_JUNK: sc->junk++; return;
    default:
        break;
    }
    if (v == V_FR)
        sc->fr++;
    else
        sc->en++;
    if (*last_lang && *last_lang != (int)v)
        sc->switches++;
    *last_lang = (int)v;
}

void verdict_vec_free(verdict_vec *v)
{
    free(v->items);
    v->items = NULL;
    v->count = v->cap = 0;
}

static void record(verdict_vec *v, const word_tok *t, verdict vd, mtc_word_lang lang)
{
    if (!v)
        return;
    if (v->count == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 64;
        v->items = xrealloc(v->items, v->cap * sizeof *v->items);
    }
    v->items[v->count++] = (mtc_word_info){t->start, t->len, vd, lang};
}

/* Quotation spans: « », “ ” and "..." pairs; an unmatched mark opens nothing. */
static bool quote_mark(const char *s, size_t i, size_t n, bool *opening, size_t *len)
{
    unsigned char lead = (unsigned char)s[i];
    if (lead != '"' && lead != '(' && lead != ')' && lead != 0xC2 && lead != 0xE2) /* the marks' first bytes */
        return false;
    static const struct {
        const char *bytes;
        int kind; /* 1 opens, 2 closes, 3 both */
    } marks[] = {{"\xC2\xAB", 1}, {"\xC2\xBB", 2}, {"\xE2\x80\x9C", 1}, {"\xE2\x80\x9D", 2}, {"\"", 3},
                   {"(", 1}, {")", 2}}; /* an English gloss in brackets: "(IP spoofing)" */
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        size_t l = strlen(marks[m].bytes);
        if (i + l <= n && memcmp(s + i, marks[m].bytes, l) == 0) {
            *opening = marks[m].kind == 1;
            *len = l;
            return marks[m].kind != 3 || (*opening = true, true);
        }
    }
    return false;
}

/* Marks the units inside a quotation; units[k].initial is already set. */
static void mark_quotations(const char *s, size_t n, const word_vec *words, const size_t *tok, label_unit *u,
                            size_t n_units)
{
    size_t open_at = (size_t)-1;
    unsigned quote = 0;
    for (size_t i = 0; i < n;) {
        bool opening;
        size_t len;
        if (!quote_mark(s, i, n, &opening, &len)) {
            i++;
            continue;
        }
        bool straight = s[i] == '"';
        if (open_at == (size_t)-1 && opening) {
            open_at = i + len;
        } else if (open_at != (size_t)-1 && (!opening || straight)) {
            quote++;
            for (size_t k = 0; k < n_units; k++) {
                size_t a = words->items[tok[k]].start;
                if (a >= open_at && a < i)
                    u[k].quote = quote;
            }
            open_at = (size_t)-1;
        }
        i += len;
    }
}

/* A word glued to a path, a file name, an option or a call ("/etc/shadow",
   "system(", "--all", "user_name") is code, whatever its language. */
static bool in_code(const char *s, size_t n, const word_tok *t)
{
    static const char glue[] = "/\\_=@<>{}[]$~|";
    char before = t->start > 0 ? s[t->start - 1] : ' ', after = t->start + t->len < n ? s[t->start + t->len] : ' ';
    if (strchr(glue, before) || strchr(glue, after) || after == '(')
        return before != ' ' || after != ' ';
    /* a command-line option: "netstat -tupan", "ls -alR" */
    if (before == '-' && (t->start < 2 || s[t->start - 2] == ' ' || s[t->start - 2] == '-'))
        return true;
    /* "gabryk.altervista.org", "tar.gz": a dot between letters */
    bool dot_after = after == '.' && t->start + t->len + 1 < n &&
                     ((unsigned char)s[t->start + t->len + 1] | 0x20) >= 'a' &&
                     ((unsigned char)s[t->start + t->len + 1] | 0x20) <= 'z';
    return dot_after || (before == '.' && t->start > 1 && s[t->start - 2] != ' ');
}

/* A hyphenated compound in lower case that French does not know
   ("nfs-kernel-server", "cups-daemon") is a package or command name. */
static bool unknown_lower_compound(const char *s, const word_tok *t, const word_evidence *ev)
{
    return t->kind == TOK_COMPOUND && ev->v != V_FR && ev->v != V_BOTH && !(ev->flags & EV_CAP) &&
           !((unsigned char)s[t->start] >= 'A' && (unsigned char)s[t->start] <= 'Z');
}

/* An article or "que" elided before a consonant ("l'stage", "d'preparation",
   "qu'which"): French elides only before a vowel or h, MT glues its
   article to the English word it left. */
static bool elided_before_consonant(const char *s, const word_tok *t)
{
    size_t a = t->start, apos = a >= 3 && memcmp(s + a - 3, "\xE2\x80\x99", 3) == 0 ? 3 : a >= 1 && s[a - 1] == '\'' ? 1 : 0;
    if (!apos || !strchr("bcdfgjklmnpqrstvwxz", s[a]) || !s[a])
        return false;
    size_t e = a - apos; /* the elided word ends here */
    bool one = e >= 1 && strchr("lLdD", s[e - 1]) && (e == 1 || !isalpha((unsigned char)s[e - 2]));
    bool qu = e >= 2 && (s[e - 2] | 0x20) == 'q' && s[e - 1] == 'u' && (e == 2 || !isalpha((unsigned char)s[e - 3]));
    return one || qu;
}

/* A word French does not know, in lower case, right after a noun that
   names code ("la commande mount", "la directive using", "l'option
   insecure"): the name of the command or option, not English; an English
   function word there is MT's ("le programme following"). */
static bool code_name(const word_evidence *ev)
{
    return !(ev->flags & (EV_FR | EV_CAP | EV_EN_FUNC | EV_EN_ONLY | EV_TOKEN | EV_JUNK));
}

/* A lower-case word no dictionary knows ("systemctl", "debsums"): a
   command's name, mostly; the English word after it is its argument
   ("systemctl status"), not English prose. */
static bool command_name(const word_evidence *ev)
{
    return ev->v == V_UNKNOWN && !(ev->flags & (EV_CAP | EV_TOKEN | EV_JUNK));
}

/* An acronym ("GNU", "ID", "MD5") b, a space only from word a: English words
   right beside one name a program or a standard ("GNU privacy guard", "set
   group ID"); across a comma they do not ("le programme APT, tool"). */
static bool acronym_beside(const char *s, const word_tok *a, const word_tok *t)
{
    const word_tok *first = a->start < t->start ? a : t, *second = first == a ? t : a;
    if (t->len < 2 || t->len > 8 || second->start != first->start + first->len + 1 ||
        s[first->start + first->len] != ' ')
        return false;
    size_t caps = 0; /* digits may follow the capitals: "MD5", "SHA256" */
    for (size_t k = 0; k < t->len; k++) {
        char c = s[t->start + k];
        if (c >= 'A' && c <= 'Z' && caps == k)
            caps++;
        else if (!(c >= '0' && c <= '9') || caps < 2)
            return false;
    }
    return true;
}

/* A capitalised word in the English genitive ("Ralph's", "Domino’s"): the
   word after it belongs to the name ("Ralph's world", a game). */
static bool name_genitive(const char *s, const word_tok *t)
{
    const char *e = s + t->start + t->len;
    bool apos = (t->len > 2 && e[-2] == '\'') || (t->len > 4 && memcmp(e - 4, "\xE2\x80\x99", 3) == 0);
    return apos && e[-1] == 's' && s[t->start] >= 'A' && s[t->start] <= 'Z';
}

/* Word i (evidence ev) names code by its neighbours: after a code noun,
   a command or a genitive, or beside an acronym. A word glued from French
   ones stays junk even after a code noun: "la commande semanage" is one,
   but MT glues there too. */
static bool named_by_context(lexicon *lx, text_ctx *tc, const char *s, const word_vec *words, size_t i,
                             const word_evidence *ev, bool after_command)
{
    const word_tok *t = &words->items[i], *p = i > 0 ? t - 1 : NULL, *q = i + 1 < words->count ? t + 1 : NULL;
    if (!code_name(ev))
        return false;
    return (p && (after_command || name_genitive(s, p) || acronym_beside(s, t, p) ||
                  lexicon_is_code_noun(lx, tc, s + p->start, p->len))) ||
           (q && acronym_beside(s, t, q));
}

/* The word's first letter and, for an acronym of 2 to 7 ASCII capitals,
   its letters: an English span that spells an acronym of its sentence is
   the acronym's expansion ("les PV ou physical volumes"). */
static void set_letters(label_unit *u, const char *w, size_t n)
{
    u->head = w[0] >= 'A' && w[0] <= 'Z' ? (char)(w[0] - 'A' + 'a') : w[0] >= 'a' && w[0] <= 'z' ? w[0] : 0;
    if (n < 2 || n >= sizeof u->acronym)
        return;
    for (size_t i = 0; i < n; i++)
        if (w[i] < 'A' || w[i] > 'Z')
            return;
    for (size_t i = 0; i < n; i++)
        u->acronym[i] = (char)(w[i] - 'A' + 'a');
    u->acronym[n] = 0;
}

/* The tokens that count: a known compound once (its parts skipped), else its parts. */
static size_t choose_units(lexicon *lx, text_ctx *tc, const char *s, size_t n, const word_vec *words, size_t *tok,
                           label_unit *u)
{
    size_t m = 0;
    bool after_command = false; /* the word before is a command's name */
    /* Each word's cache slot is asked for PREFETCH_AHEAD words before its
       turn, so that the memory reads overlap (lexicon_prefetch), and the
       hash of its key kept for the lookup: ahead[i % RING], RING larger
       than the window so that no hash is overwritten before its turn. A
       compound's parts skipped, the window catches up. */
    enum { PREFETCH_AHEAD = 16, RING = 32 };
    uint64_t ahead[RING];
    size_t next = 0; /* the first word not yet prefetched */
    for (size_t i = 0; i < words->count; i++) {
        for (; next < words->count && next <= i + PREFETCH_AHEAD; next++) {
            const word_tok *p = &words->items[next];
            ahead[next % RING] = lexicon_prefetch(lx, s + p->start, p->len, p->initial);
        }
        const word_tok *t = &words->items[i];
        word_evidence ev;
        lexicon_evidence(lx, tc, s + t->start, t->len, t->initial, ahead[i % RING], &ev);
        bool named = named_by_context(lx, tc, s, words, i, &ev, after_command);
        bool command = unknown_lower_compound(s, t, &ev);
        after_command = command || command_name(&ev);
        if (in_code(s, n, t) || command || named)
            ev.flags |= EV_TOKEN;
        else if (elided_before_consonant(s, t))
            ev.flags |= EV_JUNK;
        if (t->kind == TOK_COMPOUND) {
            if (!(ev.flags & EV_TOKEN) && (ev.v == V_SKIP || ev.v == V_UNKNOWN || ev.v == V_JUNK))
                continue;
            i += t->n_parts;
        }
        tok[m] = i - (t->kind == TOK_COMPOUND ? t->n_parts : 0);
        u[m] = (label_unit){.ev = ev, .initial = t->initial};
        set_letters(&u[m++], s + t->start, t->len);
    }
    return m;
}

/* Words of a command line before its arguments: a lower-case word no
   French knows right before a lower-case path or option, or before such a
   word, a space apart, is code too ("aptitude install paquet/experimental"),
   back to the command's name. Numbers and capitalised code ("la function
   MODE.SIMPLE") start no command line. */
static void code_before_code(const char *s, size_t n, const word_vec *words, const size_t *tok, label_unit *u,
                             size_t m)
{
    bool chained = false; /* unit k was made code here */
    for (size_t k = m; k-- > 1;) {
        const word_tok *a = &words->items[tok[k - 1]], *b = &words->items[tok[k]];
        bool args = chained || (in_code(s, n, b) && !(s[b->start] >= 'A' && s[b->start] <= 'Z'));
        bool spaced = b->start == a->start + a->len + 1 && s[a->start + a->len] == ' ';
        chained = args && spaced && code_name(&u[k - 1].ev);
        if (chained)
            u[k - 1].ev.flags |= EV_TOKEN;
    }
}

/* A segment the labeller left clean, all French words, in an order French
   text does not use (fluency.h): MT that left no English. Writes the reason
   "fluency:PAIRS@WORD" (the first suspect pair from word WORD). */
static seg_verdict fluency_verdict(lexicon *lx, const mtc_config *c, const char *s, size_t n, const word_vec *words,
                                   char *reason, size_t reason_len)
{
    if (c->fluency_min_pairs < 1)
        return SEG_CLEAN;
    fluency_params p = {c->fluency_min_expected, c->fluency_max_log_ratio};
    fluency_result r;
    fluency_score(&lexicon_lists(lx)->fl, &p, s, n, &r);
    if (r.suspects < c->fluency_min_pairs)
        return SEG_CLEAN;
    size_t at = 0; /* words before the pair, a compound counted once */
    for (size_t i = 0; i < words->count && words->items[i].start + words->items[i].len <= r.start; i++)
        at += words->items[i].kind != TOK_PART;
    snprintf(reason, reason_len, "fluency:%u@%zu", r.suspects, at);
    return SEG_MIXED;
}

/* A segment the labeller left clean, holding an English function word
   whose French counterpart fits its neighbours better by at least
   e^confusion.min_log_ratio (confusion.h). Writes "confusion:EN>FR". */
static seg_verdict confusion_verdict(lexicon *lx, const mtc_config *c, const char *s, size_t n, const label_unit *u,
                                     size_t m, char *reason, size_t reason_len)
{
    if (c->confusion_min_log_ratio <= 0)
        return SEG_CLEAN;
    /* every word of dicts/confusion-en.txt is on function-en.txt: a segment
       without one needs no reading (most segments) */
    size_t k = 0;
    while (k < m && !(u[k].ev.flags & EV_EN_FUNC))
        k++;
    if (k == m)
        return SEG_CLEAN;
    const wordlists *wl = lexicon_lists(lx);
    confusion_params p = {c->confusion_min_log_ratio, c->confusion_french_margin, c->confusion_smoothing,
                          &wl->fr_function};
    confusion_result r;
    confusion_score(&wl->cf, &wl->fl, &p, s, n, &r);
    if (!r.french || r.excess < 0)
        return SEG_CLEAN;
    snprintf(reason, reason_len, "confusion:%.*s>%s", (int)(r.len < 16 ? r.len : 16), s + r.start, r.french);
    return SEG_MIXED;
}

void lone_use(lexicon *lx, text_ctx *tc, const char *w, size_t n, double use[3])
{
    buf folded = {0};
    text_fold(tc, w, n, &folded);
    wordlists_use(lexicon_lists(lx), folded.data, folded.len, use);
    buf_free(&folded);
}

/* A segment the labeller left clean, holding one word (not in a span) that
   the lone-word model (lone.h) finds English left by MT, at least
   mixed.lone_min_prob likely, among enough French words; not the last
   word of a text that stops without punctuation. Writes the reason
   "en-span:1@WORD". */
static seg_verdict lone_verdict(lexicon *lx, text_ctx *tc, const mtc_config *c, const char *s, size_t n,
                                const word_vec *words, const size_t *tok, const label_unit *u, size_t m, char *reason,
                                size_t reason_len)
{
    if (c->mixed_lone_min_prob >= 1)
        return SEG_CLEAN;
    unsigned fr = 0, en = 0;
    for (size_t k = 0; k < m; k++) {
        fr += u[k].lang == MTC_LANG_FR;
        en += u[k].lang == MTC_LANG_EN && !(u[k].ev.flags & EV_LOAN);
    }
    if (fr < c->mixed_min_fr || fr + en < c->min_words)
        return SEG_CLEAN;
    double best = 0, x[LONE_N_FEATURES], use[3];
    size_t at = 0;
    for (size_t k = 0; k < m; k++) {
        if (!lone_candidate(u, m, k))
            continue;
        const word_tok *t = &words->items[tok[k]];
        size_t end = t->start + t->len;
        while (end < n && (s[end] == ' ' || s[end] == '\t'))
            end++;
        if (end == n) /* the text ends inside a sentence: a cut word ("d'autres pay") */
            continue;
        lone_use(lx, tc, s + t->start, t->len, use);
        lone_features(u, m, k, use, x);
        double p = lone_prob(&lexicon_lists(lx)->lone, x);
        if (p > best) {
            best = p;
            at = k;
        }
    }
    if (best < c->mixed_lone_min_prob)
        return SEG_CLEAN;
    snprintf(reason, reason_len, "en-span:1@%zu", at);
    return SEG_MIXED;
}

void score_segment(lexicon *lx, text_ctx *tc, const mtc_config *cfg, const char *s, size_t n,
                   const word_vec *words, seg_score *out, verdict_vec *verdicts)
{
    *out = (seg_score){0};
    if (verdicts)
        verdicts->count = 0;
    label_unit stack_units[256];
    size_t stack_tok[256];
    bool big = words->count > 256;
    label_unit *u = big ? xmalloc(words->count * sizeof *u) : stack_units;
    size_t *tok = big ? xmalloc(words->count * sizeof *tok) : stack_tok;
    size_t m = choose_units(lx, tc, s, n, words, tok, u);
    code_before_code(s, n, words, tok, u, m);
    bool foreign = false; /* quotations matter only where some word is not French */
    for (size_t k = 0; k < m && !foreign; k++)
        foreign = !(u[k].ev.flags & (EV_FR | EV_TOKEN));
    if (foreign)
        mark_quotations(s, n, words, tok, u, m);
    seg_verdict sv = label_units(cfg, u, m, out->reason, sizeof out->reason);
    if (sv == SEG_CLEAN)
        sv = lone_verdict(lx, tc, cfg, s, n, words, tok, u, m, out->reason, sizeof out->reason);
    if (sv == SEG_CLEAN)
        sv = confusion_verdict(lx, cfg, s, n, u, m, out->reason, sizeof out->reason);
    if (sv == SEG_CLEAN)
        sv = fluency_verdict(lx, cfg, s, n, words, out->reason, sizeof out->reason);
    out->label = sv == SEG_MIXED ? LABEL_MIXED : sv == SEG_ENGLISH ? LABEL_ENGLISH : LABEL_CLEAN;
    int last_lang = 0;
    for (size_t k = 0; k < m; k++) {
        count(out, u[k].ev.v, &last_lang);
        record(verdicts, &words->items[tok[k]], u[k].ev.v, u[k].lang);
    }
    if (big) {
        free(u);
        free(tok);
    }
}
