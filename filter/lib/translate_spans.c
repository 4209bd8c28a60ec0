/* Which words of a damaged segment go to the MT engine (translate_text.h):
   the runs the word labeller takes for English in their sentence, less
   those that are not MT damage. Do no harm: English in French text is
   often the author's (a title, a name, a quotation, a command line, a
   phrase French borrows); a translation there corrupts good text, so each
   test below leaves a span alone on evidence of that kind. */
#include "translate_text.h"
#include "text.h"
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>

static bool lang_en(const mtc_word_info *w) { return w->lang == MTC_LANG_EN; }
/* The word, lower-cased (ASCII: the function word lists are), in key. */
static bool word_key(const char *s, const mtc_word_info *w, char *key, size_t cap)
{
    if (w->len >= cap)
        return false;
    for (size_t k = 0; k < w->len; k++)
        key[k] = s[w->start + k] >= 'A' && s[w->start + k] <= 'Z' ? (char)(s[w->start + k] + 32) : s[w->start + k];
    key[w->len] = '\0';
    return true;
}

/* An English function word (dicts/function-en.txt, not French ones):
   "the", "against", "in"; MT damage is full of them, borrowings are not. */
static bool en_function(const wordlists *wl, const char *s, const mtc_word_info *w)
{
    if (w->verdict == MTC_WORD_EN_FUNCTION)
        return true;
    char key[32];
    return wl && w->lang == MTC_LANG_EN && word_key(s, w, key, sizeof key) &&
           strmap_get(&wl->en_function, key, w->len, NULL) && !strmap_get(&wl->fr_function, key, w->len, NULL);
}
static bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80; }

/* Between two words of a span: spaces, commas, hyphens, apostrophes only. */
static bool gap_continues(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (!strchr(" ,-'", s[i]))
            return false;
    return true;
}

static bool spaces_only(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] != ' ')
            return false;
    return from < to;
}

/* Bytes the Apertium stream format reserves: such a span is left alone. */
static bool translatable(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (strchr("\\^$/<>{}[]@*#", s[i]) || s[i] == '\0')
            return false;
    return true;
}

/* A capital in s[a, b), acronyms ("SNI", "GRUB": all capitals) aside. */
static bool has_upper(const char *s, size_t a, size_t b)
{
    bool upper = false;
    for (size_t i = a; i < b;) {
        size_t word = i;
        bool lower = false, cap = false;
        for (; i < b && s[i] != ' ' && s[i] != ',';) {
            int c = utf8_next(s, b, &i);
            lower |= c > 0 && u_islower(c);
            cap |= c > 0 && u_isupper(c);
        }
        upper |= cap && (lower || i - word < 2);
        while (i < b && (s[i] == ' ' || s[i] == ','))
            i++;
    }
    return upper;
}

/* A capital initial, acronyms included ("GNU"). */
static bool starts_upper(const char *s, const mtc_word_info *w)
{
    size_t i = w->start;
    int c = utf8_next(s, w->start + w->len, &i);
    return c > 0 && u_isupper(c);
}

/* Quotation marks open before byte at: « “ open, » ” close, " toggles.
   Marks of a kind do not nest: inside “...“ the second one closes (MT
   and careless typing turn closing marks into opening ones). */
static bool inside_quotes(const char *s, size_t at)
{
    bool straight = false, guillemet = false, curly = false;
    for (size_t i = 0; i < at; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"')
            straight = !straight;
        else if (c == 0xC2 && i + 1 < at && ((unsigned char)s[i + 1] == 0xAB || (unsigned char)s[i + 1] == 0xBB))
            guillemet = (unsigned char)s[i + 1] == 0xAB && !guillemet;
        else if (c == 0xE2 && i + 2 < at && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
            curly = (unsigned char)s[i + 2] == 0x9C && !curly;
    }
    return straight || guillemet || curly;
}

/* The span's first and last words are whole, not pieces of a path, an
   address or a prompt ("math-laptop:~$", "user@host"): in their run of
   non-blank bytes only opening marks come before, closing marks after. */
static bool whole_words(const char *s, size_t n, size_t a, size_t b)
{
    for (size_t i = a; i > 0 && s[i - 1] != ' '; i--)
        if ((unsigned char)s[i - 1] < 0x80 && !strchr("(\"", s[i - 1]))
            return false;
    for (size_t i = b; i < n && s[i] != ' '; i++)
        if ((unsigned char)s[i] < 0x80 && !strchr(",;:.!?)\"", s[i]))
            return false;
    return true;
}

/* The run of non-blank bytes at s[from] is code: a prompt, a path, an
   address, an option ("math-laptop:~$", "/etc/fstab", "a=b"). */
static bool code_chunk(const char *s, size_t n, size_t from)
{
    size_t e = from;
    while (e < n && s[e] != ' ')
        e++;
    for (size_t i = from; i < e; i++)
        if (strchr("~$@/\\=<>{}|_", s[i]) || (s[i] == ':' && i + 1 < e))
            return true;
    return false;
}

/* The chunks right before and after s[a, b) are not code: English words
   beside a command line are part of it ("math at math-laptop:~$"). */
static bool beside_code(const char *s, size_t n, size_t a, size_t b)
{
    size_t p = a;
    while (p > 0 && s[p - 1] == ' ')
        p--;
    while (p > 0 && s[p - 1] != ' ')
        p--;
    size_t q = b;
    while (q < n && s[q] != ' ')
        q++;
    while (q < n && s[q] == ' ')
        q++;
    return (p < a && code_chunk(s, n, p)) || (q < n && code_chunk(s, n, q));
}

/* Words first..last are a title: every one but function words (and
   abbreviations: "etc") capitalised, two at least. */
static bool titled(const wordlists *wl, const char *s, const verdict_vec *v, size_t first, size_t last)
{
    unsigned caps = 0;
    /* a capitalised word right beside the run belongs to the title too
       ("Princesses at War") */
    if (first > 0 && starts_upper(s, &v->items[first - 1]) &&
        spaces_only(s, v->items[first - 1].start + v->items[first - 1].len, v->items[first].start))
        caps++;
    if (last + 1 < v->count && starts_upper(s, &v->items[last + 1]) &&
        spaces_only(s, v->items[last].start + v->items[last].len, v->items[last + 1].start))
        caps++;
    for (size_t k = first; k <= last; k++) {
        const mtc_word_info *w = &v->items[k];
        if (w->lang == MTC_LANG_CODE)
            continue;
        if (starts_upper(s, w))
            caps++;
        else if (!en_function(wl, s, w) && w->len > 3)
            return false;
    }
    return caps >= 2;
}

bool translate_title_like(const wordlists *wl, const char *s, size_t n, const verdict_vec *v)
{
    (void)n;
    return v->count > 0 && titled(wl, s, v, 0, v->count - 1);
}

/* A sentence starts before byte at: a capital there is no evidence (after
   ':' it is: French goes on in lower case there). */
static bool real_sentence_start(const char *s, size_t at)
{
    size_t i = at;
    while (i > 0 && s[i - 1] == ' ')
        i--;
    return tr_sentence_start(s, at) && !(i > 0 && s[i - 1] == ':');
}

/* A word French has too, right after a word that makes it a noun ("un
   but", "le for intérieur": dicts/repair-noun-markers.txt), is French. */
static bool after_noun_marker(const char *s, const verdict_vec *v, size_t i, const strmap *markers)
{
    const mtc_word_info *p = i > 0 ? &v->items[i - 1] : NULL, *w = &v->items[i];
    if (!markers || !p || w->verdict != MTC_WORD_BOTH || p->lang != MTC_LANG_FR ||
        !spaces_only(s, p->start + p->len, w->start))
        return false;
    char key[32];
    return word_key(s, p, key, sizeof key) && strmap_get(markers, key, p->len, NULL);
}

/* Short words French has too ("a", "on") that end a span before a French
   word are French ("un but and a offert"). */
static size_t trim_french_end(const char *s, const verdict_vec *v, size_t first, size_t last)
{
    while (last > first && v->items[last].verdict == MTC_WORD_BOTH && v->items[last].len <= 2 &&
           last + 1 < v->count && v->items[last + 1].lang == MTC_LANG_FR &&
           spaces_only(s, v->items[last].start + v->items[last].len, v->items[last + 1].start))
        last--;
    return last;
}

/* A phrase of dicts/fr-english-phrases.txt overlaps s[a, b) (a plural
   's' allowed at its end). */
bool translate_in_phrase(const junctions *j, const char *s, size_t n, size_t a, size_t b)
{
    for (size_t p = 0; j && p < j->n_phrases; p++) {
        size_t m = strlen(j->phrases[p]);
        for (size_t i = a >= m ? a - m + 1 : 0; i < b && i + m <= n; i++) {
            if ((i > 0 && letter(s[i - 1])) || strncasecmp(s + i, j->phrases[p], m) != 0)
                continue;
            size_t e = i + m + (i + m < n && s[i + m] == 's');
            if (e >= n || !letter(s[e]))
                return true;
        }
    }
    return false;
}

/* Capitals are the author's unless the segment is damaged through: none
   on the span's English words (but a sentence's first), and no capitalised
   word that is not French right beside it, where a name or a title would
   go on ("GNU privacy guard", "Ralph's world", "the Exchange group"); a
   span opening on a function word may follow a name ("Linux to obtain"). */
static bool capitals_ok(const wordlists *wl, const char *s, const verdict_vec *v, size_t first, size_t last)
{
    const mtc_word_info *a = &v->items[first], *b = &v->items[last];
    /* A capital on the first word only, lower-case English content words
       after it, is no title ("Addresses to the company privées") */
    bool lower_content = false;
    for (size_t k = first + 1; k <= last; k++)
        lower_content |= lang_en(&v->items[k]) && !en_function(wl, s, &v->items[k]) && !starts_upper(s, &v->items[k]);
    for (size_t k = first; k <= last; k++) {
        const mtc_word_info *w = &v->items[k];
        bool initial = k == first && (real_sentence_start(s, w->start) || (lower_content && lang_en(w)));
        if (lang_en(w) && !initial && has_upper(s, w->start, w->start + w->len))
            return false;
    }
    const mtc_word_info *p = first > 0 ? &v->items[first - 1] : NULL;
    const mtc_word_info *q = last + 1 < v->count ? &v->items[last + 1] : NULL;
    if (p && p->lang != MTC_LANG_FR && starts_upper(s, p) && spaces_only(s, p->start + p->len, a->start) &&
        !en_function(wl, s, a))
        return false;
    return !(q && q->lang != MTC_LANG_FR && starts_upper(s, q) && spaces_only(s, b->start + b->len, q->start));
}

/* Words first..last (run_end: the run's last word, names included) as a
   span to translate? */
static bool damage_span(const char *s, size_t n, const verdict_vec *v, size_t first, size_t last, size_t run_end,
                        const span_limits *lim, bool damaged)
{
    size_t start = v->items[first].start, end = v->items[last].start + v->items[last].len;
    const wordlists *wl = lim->lists;
    unsigned en = 0, function = 0;
    for (size_t k = first; k <= last; k++) {
        en += lang_en(&v->items[k]);
        function += lang_en(&v->items[k]) && en_function(wl, s, &v->items[k]);
    }
    /* French borrows English nouns ("coffee shops", "fan error"), rarely
       its function words */
    if (en < lim->min_english || (!function && (en < lim->min_content_only || memchr(s + start, ',', end - start))))
        return false; /* ... nor a list of English nouns ("un shell, update, getty") */
    if (end - start > lim->max_bytes || !translatable(s, start, end) || !whole_words(s, n, start, end) ||
        beside_code(s, n, start, end))
        return false;
    if (inside_quotes(s, start) || titled(lim->lists, s, v, first, run_end) || translate_in_phrase(lim->phrases, s, n, start, end))
        return false;
    /* A long run with English function words is a clause MT left in
       English, names and all ("the fight against the services of the
       Exchange group from Microsoft"): no title reads like that. */
    bool clause = en >= lim->clause_min_english && function >= lim->clause_min_function;
    return damaged || clause || capitals_ok(lim->lists, s, v, first, last);
}

/* Damaged through: enough lower-case English content words, and a share of
   the English and French words (MT damage, not a name in French text). */
static bool damaged_through(const char *s, const verdict_vec *v, const span_limits *lim, unsigned *fr_lower)
{
    unsigned lower_english = 0, fr = 0, function = 0;
    *fr_lower = 0;
    for (size_t i = 0; i < v->count; i++) {
        const mtc_word_info *w = &v->items[i];
        bool lower = !has_upper(s, w->start, w->start + 1);
        lower_english += w->verdict == MTC_WORD_EN && lower;
        function += w->verdict == MTC_WORD_EN_FUNCTION && lower;
        fr += w->verdict == MTC_WORD_FR || w->verdict == MTC_WORD_FR_CAPITALISED;
        /* a sentence's first word has its capital from its place, not
           from a name ("La Chine is an ...": MT left the article) */
        lower |= w->verdict == MTC_WORD_FR && real_sentence_start(s, w->start);
        /* French by itself (in English its context says English), in
           lower case or a common noun MT capitalised ("the Autorités"),
           and not a French title the English text quotes (« Mise à jour ») */
        *fr_lower += ((w->verdict == MTC_WORD_FR && lower) || w->verdict == MTC_WORD_FR_CAPITALISED) &&
                     !inside_quotes(s, w->start);
    }
    /* English nouns alone are a list of names ("Egg rolls, Spring rolls"):
       MT damage holds English function words */
    return function > 0 && lower_english >= lim->capitals_min_english &&
           lower_english >= lim->capitals_min_share * (double)(lower_english + fr);
}

size_t translate_find_spans(const char *s, size_t n, const verdict_vec *v, const span_limits *lim, bool english,
                            tr_span *out, size_t cap)
{
    unsigned fr_lower;
    bool damaged = damaged_through(s, v, lim, &fr_lower);
    if (english && fr_lower < lim->english_min_french)
        return 0; /* an English sentence, not French damaged by MT */
    damaged |= english;
    size_t count = 0;
    for (size_t i = 0; i < v->count && count < cap; i++) {
        if (!lang_en(&v->items[i]))
            continue;
        size_t last = i, k = i + 1;
        for (; k < v->count; k++) {
            const mtc_word_info *a = &v->items[k - 1], *b = &v->items[k];
            if (b->lang == MTC_LANG_FR || !gap_continues(s, a->start + a->len, b->start))
                break;
            if (lang_en(b))
                last = k;
        }
        size_t run_end = k - 1;
        /* A determiner takes its noun along ("the pirate"), and the first
           word of the segment goes with the span ("In the frame"): French
           also has "in", "a", "but". */
        if (last + 1 < v->count && v->items[last + 1].verdict == MTC_WORD_BOTH &&
            v->items[last + 1].start == v->items[last].start + v->items[last].len + 1 &&
            strchr("ato", s[v->items[last].start]) && v->items[last].len <= 3 &&
            !has_upper(s, v->items[last + 1].start, v->items[last + 1].start + 1))
            last++, run_end = run_end > last ? run_end : last;
        size_t first = i == 1 && v->items[0].verdict == MTC_WORD_BOTH &&
                               gap_continues(s, v->items[0].start + v->items[0].len, v->items[1].start)
                           ? 0
                           : i;
        first += first < last && after_noun_marker(s, v, first, lim->noun_markers);
        last = trim_french_end(s, v, first, last);
        if (damage_span(s, n, v, first, last, run_end, lim, damaged))
            out[count++] = (tr_span){v->items[first].start, v->items[last].start + v->items[last].len};
        i = run_end;
    }
    return count;
}
