/* "tu" -> "vous" in the French the MT engine returns (translate_text.h):
   the English -> Spanish pair renders "you" as "tú", French prose says
   "vous". The forms, endings and clitics are data, dicts/fr-tu-vous.txt,
   each line saying its kind; and the subject-repeat lists, dicts/fr-subject-repeat.txt. */
#include "translate_text.h"
#include "fsutil.h"
#include "lines.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The index of name in kinds, or -1. */
static int kind_of(const char *const *kinds, int n, const char *name)
{
    int k = 0;
    while (k < n && (!name || strcmp(name, kinds[k]) != 0))
        k++;
    return k < n ? k : -1;
}

/* Lookups copy a word with its first letter lowered into a key of this
   size; the loaders refuse a longer word, which could never be found. */
enum { MAX_WORD = 64 };

/* "KIND word..." of a list kind: each word into m with bit set in its value. */
static int put_words(data_lines *d, strmap *m, int bit, char **save)
{
    int n = 0;
    for (char *w = strtok_r(NULL, " \t", save); w; w = strtok_r(NULL, " \t", save), n++) {
        int kinds = 0;
        if (strlen(w) >= MAX_WORD)
            return data_lines_fail(d, "a word longer than %d bytes", MAX_WORD - 1);
        strmap_get(m, w, strlen(w), &kinds);
        strmap_put(m, w, strlen(w), kinds | bit);
    }
    return n ? 0 : data_lines_fail(d, "a kind with no words");
}

/* One line of dicts/fr-tu-vous.txt: "KIND FORM => FORM", "ending -END => -END" or "KIND WORD...". */
static int formal_line(void *ctx, data_lines *d)
{
    static const char *const kinds[TUV_KINDS] = {"subject", "pronoun", "verb", "ending", "clitic", "elided"};
    junctions *j = ctx;
    char *save = NULL;
    int k = kind_of(kinds, TUV_KINDS, strtok_r(d->line, " \t", &save)), i;
    if (k < 0)
        return data_lines_fail(d, "expected subject, pronoun, verb, ending, clitic or elided first");
    if (k == TUV_CLITIC || k == TUV_ELIDED)
        return put_words(d, &j->tu[k], 1, &save);
    char *a = strtok_r(NULL, " \t", &save), *arrow = strtok_r(NULL, " \t", &save), *b = strtok_r(NULL, " \t", &save);
    if (!b || strtok_r(NULL, " \t", &save) || strcmp(arrow, "=>") != 0 || (a[0] == '-') != (k == TUV_ENDING) ||
        (b[0] == '-') != (k == TUV_ENDING))
        return data_lines_fail(d, "expected 'KIND form => form' or 'ending -ending => -ending'");
    if (strlen(a) >= MAX_WORD)
        return data_lines_fail(d, "'%s' is longer than %d bytes", a, MAX_WORD - 1);
    if (strmap_get(&j->tu[k], a, strlen(a), &i))
        return data_lines_fail(d, "'%s' given twice", a);
    if (k == TUV_ENDING) {
        strmap_put(&j->tu[k], a, strlen(a), (int)j->n_tu_end); /* to refuse it twice */
        tr_push(&j->tu_end_from, j->n_tu_end, a + 1), tr_push(&j->tu_end_to, j->n_tu_end, b + 1);
        j->n_tu_end++;
        return 0;
    }
    strmap_put(&j->tu[k], a, strlen(a), (int)j->n_tu_to);
    tr_push(&j->tu_to, j->n_tu_to++, b);
    return 0;
}

int formal_load(junctions *j, const char *dir, char *err, size_t errlen)
{
    return data_dir_each_line(dir, "fr-tu-vous.txt", formal_line, j, err, errlen);
}

void formal_free(junctions *j)
{
    for (int k = 0; k < TUV_KINDS; k++)
        strmap_free(&j->tu[k]);
    for (size_t i = 0; i < j->n_tu_to; i++)
        free(j->tu_to[i]);
    for (size_t i = 0; i < j->n_tu_end; i++)
        free(j->tu_end_from[i]), free(j->tu_end_to[i]);
    free(j->tu_to), free(j->tu_end_from), free(j->tu_end_to);
    j->tu_to = j->tu_end_from = j->tu_end_to = NULL;
    j->n_tu_to = j->n_tu_end = 0;
}

/* The value of w[0, n) in m, its first letter lowered (ASCII: the forms
   start with one) when lower; false if it is not there. */
static bool find(const strmap *m, const char *w, size_t n, bool lower, int *value)
{
    char key[MAX_WORD];
    if (n == 0 || n >= MAX_WORD)
        return false;
    memcpy(key, w, n);
    if (lower && key[0] >= 'A' && key[0] <= 'Z')
        key[0] = (char)(key[0] + 32);
    return strmap_get(m, key, n, value);
}

/* The listed form of w[0, n) (a whole form, or by an ending if the French
   dictionary knows the result) into out; false if none. */
static bool plural_form(const junctions *j, lexicon *lx, const char *w, size_t n, buf *out)
{
    int i;
    if (find(&j->tu[TUV_VERB], w, n, false, &i)) {
        buf_append_str(out, j->tu_to[i]);
        return true;
    }
    for (size_t e = 0; e < j->n_tu_end; e++) {
        const char *from = j->tu_end_from[e], *to = j->tu_end_to[e];
        size_t m = strlen(from);
        if (m >= n || memcmp(w + n - m, from, m) != 0)
            continue;
        size_t at = out->len;
        buf_printf(out, "%.*s%s", (int)(n - m), w, to);
        if (lx && lexicon_spell_fr(lx, out->data + at, out->len - at))
            return true;
        out->len = at, out->data[at] = '\0';
    }
    return false;
}

/* Word k of the reply (split on spaces), its letters without the
   punctuation after it. */
typedef struct { const char *p; size_t n, letters; } token;

static size_t split(const char *s, size_t n, token *t, size_t cap)
{
    size_t count = 0;
    for (size_t i = 0; i < n && count < cap;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t a = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i == a)
            break;
        size_t e = i;
        while (e > a && strchr(",;:.!?)\"", s[e - 1]))
            e--;
        t[count++] = (token){s + a, i - a, e - a};
    }
    return count;
}

/* Token t is a form of kind k of fr-tu-vous.txt (its letters, the first
   lowered): its index in tu_to. */
static bool listed(const junctions *j, int k, const token *t, int *i)
{
    return find(&j->tu[k], t->p, t->letters, true, i);
}

/* The bytes of an elided word of map m that token t opens with, something
   after it ("n'as", "t'aider"); 0 if none. */
static size_t elided_prefix(const strmap *m, const token *t, bool lower, int *i)
{
    const char *q = memchr(t->p, '\'', t->letters);
    size_t e = q ? (size_t)(q - t->p) + 1 : 0;
    return e && e < t->letters && find(m, t->p, e, lower, i) ? e : 0;
}

/* Appends "vous" (to) for a token that had a capital as "Vous". */
static void put_cased(buf *out, const char *to, bool cap)
{
    size_t at = out->len;
    buf_append_str(out, to);
    if (cap && out->data[at] >= 'a' && out->data[at] <= 'z')
        out->data[at] = (char)(out->data[at] - 32);
}

/* Writes token t to out, as a listed pronoun or possessive if it is one
   ("te" -> "vous", "t'aider" -> "vous aider"), keeping a capital. */
static void put_pronoun(const junctions *j, const token *t, buf *out)
{
    bool cap = t->p[0] >= 'A' && t->p[0] <= 'Z';
    int i;
    size_t e = elided_prefix(&j->tu[TUV_PRONOUN], t, true, &i);
    if (e) {
        put_cased(out, j->tu_to[i], cap);
        buf_printf(out, " %.*s", (int)(t->n - e), t->p + e);
    } else if (listed(j, TUV_PRONOUN, t, &i)) {
        put_cased(out, j->tu_to[i], cap);
        buf_append(out, t->p + t->letters, t->n - t->letters);
    } else {
        buf_append(out, t->p, t->n);
    }
}

/* The verb after "tu" at k: its index past the clitics ("tu ne le
   vois"), *elided the bytes of a clitic glued to it ("n'as"). */
static size_t verb_after(const junctions *j, const token *t, size_t n, size_t k, size_t *elided)
{
    size_t v = k + 1;
    int dummy;
    while (v < n && t[v].letters == t[v].n && find(&j->tu[TUV_CLITIC], t[v].p, t[v].letters, false, &dummy))
        v++;
    *elided = v < n ? elided_prefix(&j->tu[TUV_ELIDED], &t[v], false, &dummy) : 0;
    return v;
}

/* Writes verb token t, e bytes of an elided clitic first, in the plural:
   the clitic as it is ("n'avez") or, a listed pronoun, as its form
   ("vous vous appelez"). */
static void put_verb(const junctions *j, lexicon *lx, const token *t, size_t e, buf *out)
{
    int i;
    if (e && find(&j->tu[TUV_PRONOUN], t->p, e, false, &i))
        buf_printf(out, "%s ", j->tu_to[i]);
    else
        buf_append(out, t->p, e);
    plural_form(j, lx, t->p + e, t->letters - e, out);
    buf_append(out, t->p + t->letters, t->n - t->letters);
}

bool translate_formal(const junctions *j, lexicon *lx, buf *reply)
{
    enum { MAX = 512 };
    token t[MAX];
    size_t n = split(reply->data, reply->len, t, MAX), elided[MAX] = {0};
    bool verb[MAX] = {false}, any = false, ok = n < MAX;
    buf form[1] = {{0}}, out = {0};
    int i;
    for (size_t k = 0; k < n && ok; k++) {
        if (!listed(j, TUV_SUBJECT, &t[k], &i))
            continue;
        size_t e, v = verb_after(j, t, n, k, &e);
        if (v >= n || t[v].p[e] == '*' || !plural_form(j, lx, t[v].p + e, t[v].letters - e, form))
            ok = false; /* a verb we cannot put in the plural: leave the reply as it is */
        else
            verb[v] = true, elided[v] = e;
        buf_clear(form);
    }
    for (size_t k = 0; k < n && ok; k++) {
        size_t at = out.len;
        if (k)
            buf_append_char(&out, ' ');
        if (listed(j, TUV_SUBJECT, &t[k], &i)) {
            put_cased(&out, j->tu_to[i], t[k].p[0] >= 'A' && t[k].p[0] <= 'Z');
            buf_append(&out, t[k].p + t[k].letters, t[k].n - t[k].letters);
        } else if (verb[k]) {
            put_verb(j, lx, &t[k], elided[k], &out);
        } else {
            put_pronoun(j, &t[k], &out);
        }
        any |= out.len - at != t[k].n + (k > 0) || memcmp(out.data + at + (k > 0), t[k].p, t[k].n) != 0;
    }
    if (any && ok) {
        buf_clear(reply);
        buf_append(reply, out.data, out.len);
    }
    buf_free(form);
    buf_free(&out);
    return any && ok;
}

/* One line of dicts/fr-subject-repeat.txt: "KIND word...". */
static int subject_line(void *ctx, data_lines *d)
{
    static const char *const kinds[SUBJ_KINDS] = {"det", "pronoun", "stop", "time"};
    junctions *j = ctx;
    char *save = NULL;
    int k = kind_of(kinds, SUBJ_KINDS, strtok_r(d->line, " \t", &save));
    if (k < 0)
        return data_lines_fail(d, "expected det, pronoun, stop or time, then words");
    return put_words(d, &j->subj, 1 << k, &save);
}

int subject_load(junctions *j, const char *dir, char *err, size_t errlen)
{
    return data_dir_each_line(dir, "fr-subject-repeat.txt", subject_line, j, err, errlen);
}

void subject_free(junctions *j) { strmap_free(&j->subj); }

/* w[0, n) is a word of kind k, compared with its first letter lowered. */
static bool of_kind(const junctions *j, int k, const char *w, size_t n)
{
    int kinds;
    return find(&j->subj, w, n, true, &kinds) && (kinds & (1 << k));
}

/* All of s[a, b) is a subject: one pronoun, or a determiner and one to
   three words that are not stop or time words (an elided "l’" counts as
   a determiner glued to its noun). */
static bool subject_only(const junctions *j, const char *s, size_t a, size_t b)
{
    token t[6];
    size_t n = split(s + a, b - a, t, 6);
    if (n == 1 && of_kind(j, SUBJ_PRONOUN, t[0].p, t[0].n))
        return true;
    bool elided = n >= 1 && t[0].n > 2 && (t[0].p[0] | 0x20) == 'l' && (t[0].p[1] == '\'' || !memcmp(t[0].p + 1, "\xE2\x80\x99", 3));
    if (n < 1 || n > 4 || (!elided && (n < 2 || !of_kind(j, SUBJ_DET, t[0].p, t[0].n))))
        return false;
    for (size_t i = !elided; i < n; i++) {
        const char *p = t[i].p + (i == 0 ? (t[0].p[1] == '\'' ? 2 : 4) : 0);
        size_t m = t[i].n - (size_t)(p - t[i].p);
        if (t[i].letters != t[i].n || of_kind(j, SUBJ_STOP, p, m) || of_kind(j, SUBJ_TIME, p, m) ||
            of_kind(j, SUBJ_DET, p, m) || of_kind(j, SUBJ_PRONOUN, p, m))
            return false;
    }
    return true;
}

bool translate_fix_subject(const junctions *j, buf *out, size_t at)
{
    const char *s = out->data;
    size_t e = at;
    while (e < out->len && s[e] != ' ')
        e++;
    bool il = (e - at == 2 && !memcmp(s + at, "il", 2)) || (e - at == 3 && !memcmp(s + at, "ils", 3));
    if (!il || e >= out->len || at == 0 || s[at - 1] != ' ')
        return false;
    size_t a = at;
    while (a > 0 && !strchr(".!?:;,(\"", s[a - 1]))
        a--;
    if (!subject_only(j, s, a, at - 1))
        return false;
    memmove(out->data + at, out->data + e + 1, out->len - e - 1);
    out->len -= e + 1 - at;
    out->data[out->len] = '\0';
    return true;
}
