#include "glue.h"
#include <string.h>

/* A piece of a glued word: 2 for a French function word of two letters or
   more (dicts/function-fr.txt), 1 for a word French knows of at least 4
   bytes, else 0. */
static int french_piece(const glue_lex *lx, buf *part, const char *w, size_t n, bool last)
{
    int dummy;
    if (n >= 2 && strmap_get(&lx->lists->fr_function, w, n, &dummy))
        return 2;
    /* the one-letter words, last ("versiona", "ya"); not the elided l', s' */
    if (last && ((n == 1 && (w[0] == 'a' || w[0] == 'y')) || (n == 2 && memcmp(w, "\xC3\xA0", 2) == 0)))
        return 2;
    if (n < 4)
        return 0;
    (void)part;
    return lexicon_spell_fr(lx->lex, w, n);
}

/* A three-byte piece French knows ("fin", "cas"). */
static bool spell_short(const glue_lex *lx, buf *part, const char *w, size_t n)
{
    (void)part;
    return lexicon_spell_fr(lx->lex, w, n);
}

/* What a piece can be before Hunspell is asked: 2 (a function word, or a
   one-letter word last: what french_piece() says without Hunspell), 1 (4
   bytes or more: maybe a word French knows) or 0 (never a piece). */
static int piece_class(const glue_lex *lx, const char *w, size_t n, bool last)
{
    int dummy;
    if ((n >= 2 && strmap_get(&lx->lists->fr_function, w, n, &dummy)) ||
        (last && ((n == 1 && (w[0] == 'a' || w[0] == 'y')) || (n == 2 && memcmp(w, "\xC3\xA0", 2) == 0))))
        return 2;
    return n >= 4;
}

/* Whether w can still split into two pieces (one a function word when
   need_function): false only when no cut can, whatever Hunspell says, so
   that the Hunspell checks of a head that could lead nowhere are skipped
   (each costs tens of thousands of instructions; most cuts lead nowhere). */
static bool may_split_in_two(const glue_lex *lx, const char *w, size_t n, bool need_function)
{
    for (size_t cut = 1; cut < n; cut++) {
        if (((unsigned char)w[cut] & 0xC0) == 0x80)
            continue;
        int head = piece_class(lx, w, cut, false), tail = head ? piece_class(lx, w + cut, n - cut, true) : 0;
        if (head && tail && (!need_function || head == 2 || tail == 2))
            return true;
    }
    return false;
}

/* French words run together by MT ("cetavantage", "indiqueletype"): the
   word splits into two or three pieces French knows, one of them at least
   a function word (real compounds, "multiarchitecture", join two content
   words). Content pieces need 4 bytes, so that short words ("te", "ma")
   do not make every unknown word splittable. Cuts that cannot succeed
   whatever Hunspell says (piece_class) are not asked of Hunspell: the
   answer is the same as asking. */
static bool splits_into_french_words(const glue_lex *lx, const char *w, size_t n, int pieces, bool need_function)
{
    buf part = {0};
    bool found = false;
    for (size_t cut = 1; cut < n && !found; cut++) {
        if (((unsigned char)w[cut] & 0xC0) == 0x80)
            continue; /* not a character boundary */
        int head_class = piece_class(lx, w, cut, false), tail_class = piece_class(lx, w + cut, n - cut, true);
        bool still = need_function && head_class != 2;
        bool direct = tail_class && (!still || tail_class == 2);
        bool deeper = pieces > 2 && (pieces > 3 || may_split_in_two(lx, w + cut, n - cut, still));
        if (!head_class || (!direct && !deeper) || !french_piece(lx, &part, w, cut, false))
            continue;
        found = (direct && french_piece(lx, &part, w + cut, n - cut, true)) ||
                (deeper && splits_into_french_words(lx, w + cut, n - cut, pieces - 1, still));
    }
    buf_free(&part);
    return found;
}

/* One slip away from a French word: a letter doubled or not ("directionelle"
   for "directionnelle"), two letters swapped. Such a word is misspelt, not
   glued. (Hunspell_suggest would say so too, but it works to a time limit,
   and labels must not depend on the machine's speed.) */
static bool misspelt_french(const glue_lex *lx, const char *w, size_t n)
{
    buf *b = lx->scratch;
    bool found = false;
    for (size_t i = 0; i + 1 < n && !found; i++) {
        if ((unsigned char)w[i] >= 0x80 || (unsigned char)w[i + 1] >= 0x80)
            continue; /* ASCII letters only: enough for the doubled consonants */
        buf_clear(b); /* w[i] doubled */
        buf_append(b, w, i + 1);
        buf_append(b, w + i, n - i);
        found = lexicon_spell_fr(lx->lex, b->data, b->len);
        if (!found && w[i] == w[i + 1]) { /* a double letter made single */
            buf_clear(b);
            buf_append(b, w, i);
            buf_append(b, w + i + 1, n - i - 1);
            found = lexicon_spell_fr(lx->lex, b->data, b->len);
        }
        if (!found) { /* w[i] and w[i + 1] swapped */
            buf_clear(b);
            buf_append(b, w, n);
            b->data[i] = w[i + 1];
            b->data[i + 1] = w[i];
            found = lexicon_spell_fr(lx->lex, b->data, b->len);
        }
    }
    return found;
}

/* Two function words of two letters or more ("quele", "queles"): glued,
   even when one slip away from a word ("quelle"): MT glues these far more
   often than writers misspell them. */
static bool two_function_words(const glue_lex *lx, const char *w, size_t n)
{
    int dummy;
    for (size_t cut = 2; cut + 2 <= n; cut++)
        if (strmap_get(&lx->lists->fr_function, w, cut, &dummy) &&
            strmap_get(&lx->lists->fr_function, w + cut, n - cut, &dummy))
            return true;
    return false;
}

/* A function word and a short French word ("lafin", "lescas"), or "a"/"à"
   before a French word ("atoujours"): two pieces only, since three-letter
   words would make too many unknown words splittable. */
static bool function_and_short_word(const glue_lex *lx, const char *w, size_t n)
{
    int dummy;
    buf part = {0};
    bool found = false;
    for (size_t cut = 1; cut < n && !found; cut++) {
        if (((unsigned char)w[cut] & 0xC0) == 0x80)
            continue;
        size_t tail = n - cut;
        bool head_fn = cut >= 2 && strmap_get(&lx->lists->fr_function, w, cut, &dummy);
        bool tail_fn = tail >= 2 && strmap_get(&lx->lists->fr_function, w + cut, tail, &dummy);
        bool head_a = (cut == 1 && w[0] == 'a') || (cut == 2 && memcmp(w, "\xC3\xA0", 2) == 0);
        if (head_fn && tail == 3)
            found = french_piece(lx, &part, w + cut, tail, true) || spell_short(lx, &part, w + cut, tail);
        else if (tail_fn && cut == 3)
            found = spell_short(lx, &part, w, cut);
        else if (head_a && tail >= 4)
            found = french_piece(lx, &part, w + cut, tail, true) != 0;
    }
    buf_free(&part);
    return found;
}

static bool glued_words(const glue_lex *lx, const char *w, size_t n)
{
    return n >= 4 && (splits_into_french_words(lx, w, n, 3, true) || function_and_short_word(lx, w, n)) &&
           (two_function_words(lx, w, n) || !misspelt_french(lx, w, n));
}

/* Pieces before an apostrophe run together with an elided word
   ("précisel'usage", "etl'admiration", "iln'y", "pourqu'une"): the part
   before the apostrophe ends with an elided French function word of one
   letter or "qu" (dicts/function-fr.txt: l, d, n, qu...) and what comes
   before it is a French piece. Whole words French knows ("aujourd'hui",
   "jusqu'à") never get here: only words unknown to both dictionaries do. */
static bool glued_elision(const glue_lex *lx, const char *w, size_t n)
{
    buf part = {0};
    bool found = false;
    for (size_t i = 0, start = 0; i < n && !found; i++) {
        size_t apos = w[i] == '\'' ? 1 : (i + 2 < n && memcmp(w + i, "\xE2\x80\x99", 3) == 0) ? 3 : 0;
        if (!apos)
            continue;
        int dummy;
        size_t head = i - start;
        for (size_t el = 1; el <= 2 && !found; el++) {
            const char *e = w + i - el;
            if (head <= el + 1 || (el == 2 && memcmp(e, "qu", 2) != 0) || (unsigned char)*e >= 0x80 ||
                !strmap_get(&lx->lists->fr_function, e, el, &dummy))
                continue;
            found = french_piece(lx, &part, w + start, head - el, false) != 0;
        }
        start = i + apos;
        i += apos - 1;
    }
    buf_free(&part);
    return found;
}

static bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

/* Two lines run together ("mairieDécouvrez", "maiCette", "logementC'est",
   "juinAujourd'hui"): a lower-case French word, then one capital opening
   what French starts a sentence with: an elision, a function word, or
   (after four letters or more) a word French knows. Brands and identifiers
   start with one lower-case letter ("iPhone", "eBay"), hold more capitals
   ("macOS") or join a short word to a noun ("getName"). */
static bool glued_lines(const glue_lex *lx, const char *w, size_t n)
{
    size_t low = 0, caps = 0;
    while (low < n && !ascii_upper(w[low]))
        low++;
    for (size_t i = low; i < n; i++)
        caps += ascii_upper(w[i]);
    if (low < 3 || low == n || caps != 1 || n - low > 30 || !lexicon_spell_fr(lx->lex, w, low))
        return false;
    char tail[32];
    memcpy(tail, w + low, n - low);
    tail[0] = (char)(tail[0] - 'A' + 'a');
    int dummy;
    bool elision = memchr(w + low, '\'', n - low) || memmem(w + low, n - low, "\xE2\x80\x99", 3);
    if (elision || strmap_get(&lx->lists->fr_function, tail, n - low, &dummy))
        return lexicon_spell_fr(lx->lex, w + low, n - low) || !elision;
    return low >= 4 && lexicon_spell_fr(lx->lex, w + low, n - low);
}

/* A French function word run into a capitalised word or an acronym
   ("deGNU", "surOK", "oùExim"), or an acronym into a French word
   ("RPCqui", "XMLdemande"). Function words that English has too ("on":
   "onClick") and single letters ("jQuery", "iPhone") are left alone. */
bool glued_capital(const glue_lex *lx, const char *w, size_t n)
{
    size_t low = 0, up = 0, rest_upper = 0;
    while (low < n && !ascii_upper(w[low]))
        low++; /* the lower-case run before the first capital (ASCII or not) */
    while (up < n && ascii_upper(w[up]))
        up++; /* the capitals a word starts with */
    for (size_t i = up; i < n; i++)
        rest_upper += ascii_upper(w[i]);
    int dummy;
    buf part = {0};
    bool found = false;
    if (low >= 2 && low < n && !strmap_get(&lx->lists->en_function, w, low, &dummy) &&
        strmap_get(&lx->lists->fr_function, w, low, &dummy))
        found = true;
    else if (up >= 2 && up < n && ascii_lower(w[up]) && !rest_upper)
        found = !strmap_get(&lx->lists->en_function, w + up, n - up, &dummy) &&
                french_piece(lx, &part, w + up, n - up, true) != 0 && n - up >= 2;
    buf_free(&part);
    return found || glued_lines(lx, w, n);
}

/* An elided word whose apostrophe was lost ("lhomme", "dobjet", "quil",
   "lOTAN"): an elidable function word (dicts/function-fr.txt: l, d, qu...)
   before a vowel or h, then a word French knows. */
static bool lost_apostrophe(const glue_lex *lx, const char *w, size_t n)
{
    static const char vowels[] = "aeiouyhAEIOUYH";
    int dummy;
    buf part = {0};
    bool found = false;
    for (size_t el = 1; el <= 2 && !found; el++) {
        if (n < el + 3 || !ascii_lower(w[0]) || (el == 2 && memcmp(w, "qu", 2) != 0) ||
            !strmap_get(&lx->lists->fr_function, w, el, &dummy))
            continue;
        unsigned char next = (unsigned char)w[el];
        if (strchr(vowels, next) || next == 0xC3) /* à, â, é, è, ê, î, ô, É... */
            found = french_piece(lx, &part, w + el, n - el, true) != 0;
    }
    buf_free(&part);
    return found;
}

bool glued(const glue_lex *lx, const char *w, size_t n)
{
    if (memchr(w, '\'', n) || memmem(w, n, "\xE2\x80\x99", 3))
        return glued_elision(lx, w, n) || glued_lines(lx, w, n);
    return glued_capital(lx, w, n) || lost_apostrophe(lx, w, n) || glued_words(lx, w, n);
}
