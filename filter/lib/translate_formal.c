/* "tu" -> "vous" in the French the MT engine returns (translate_text.h):
   the English -> Spanish pair renders "you" as "tú", French prose says
   "vous". The forms and endings are data, dicts/fr-tu-vous.txt. */
#include "translate_text.h"
#include "fsutil.h"
#include "lines.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int formal_load(junctions *j, const char *dir, char *err, size_t errlen)
{
    buf path = {0};
    buf_printf(&path, "%s/fr-tu-vous.txt", dir);
    data_lines d;
    int rc = data_file_open(&d, path.data, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    while (rc == 0 && (rc = data_lines_next(&d)) > 0) {
        char a[64], arrow[8], b[64];
        rc = 0;
        if (sscanf(d.line, "%63s %7s %63s", a, arrow, b) != 3 || strcmp(arrow, "=>") != 0 || (a[0] == '-') != (b[0] == '-')) {
            rc = data_lines_fail(&d, "expected 'form => form' or '-ending => -ending'");
            break;
        }
        j->tu_from = xrealloc(j->tu_from, (j->n_tu + 1) * sizeof *j->tu_from);
        j->tu_to = xrealloc(j->tu_to, (j->n_tu + 1) * sizeof *j->tu_to);
        j->tu_from[j->n_tu] = xstrdup(a), j->tu_to[j->n_tu] = xstrdup(b);
        j->n_tu++;
    }
    data_lines_close(&d);
    buf_free(&path);
    return rc;
}

void formal_free(junctions *j)
{
    for (size_t i = 0; i < j->n_tu; i++)
        free(j->tu_from[i]), free(j->tu_to[i]);
    free(j->tu_from), free(j->tu_to);
    j->tu_from = j->tu_to = NULL;
    j->n_tu = 0;
}

/* The listed form of w[0, n) (a whole form, or by an ending if the French
   dictionary knows the result) into out; false if none. */
static bool plural_form(const junctions *j, lexicon *lx, const char *w, size_t n, buf *out)
{
    for (size_t i = 0; i < j->n_tu; i++)
        if (j->tu_from[i][0] != '-' && strlen(j->tu_from[i]) == n && memcmp(w, j->tu_from[i], n) == 0) {
            buf_append_str(out, j->tu_to[i]);
            return true;
        }
    for (size_t i = 0; i < j->n_tu; i++) {
        const char *from = j->tu_from[i] + 1, *to = j->tu_to[i] + 1;
        size_t m = strlen(from);
        if (j->tu_from[i][0] != '-' || m >= n || memcmp(w + n - m, from, m) != 0)
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

static bool is(const token *t, const char *w) { return t->letters == strlen(w) && memcmp(t->p, w, t->letters) == 0; }
static bool clitic(const token *t)
{
    static const char *const c[] = {"ne", "le", "la", "les", "lui", "leur", "en", "y", "me", "te", "se", "nous", "vous"};
    for (size_t i = 0; i < sizeof c / sizeof *c; i++)
        if (is(t, c[i]))
            return true;
    return false;
}

/* Writes token t to out, as a listed pronoun or possessive if it is one
   ("te" -> "vous", "t'aider" -> "vous aider"), keeping a capital. */
static void put_pronoun(const junctions *j, const token *t, buf *out)
{
    bool cap = t->p[0] == 'T';
    size_t at = out->len;
    if (t->letters > 2 && (t->p[0] | 0x20) == 't' && t->p[1] == '\'') { /* elided "te" */
        buf_printf(out, "vous %.*s", (int)(t->n - 2), t->p + 2);
    } else {
        for (size_t i = 0; i < j->n_tu && out->len == at; i++) {
            const char *from = j->tu_from[i];
            if (strncmp(j->tu_to[i], "vo", 2) == 0 && strlen(from) == t->letters && from[0] == (t->p[0] | 0x20) &&
                memcmp(from + 1, t->p + 1, t->letters - 1) == 0)
                buf_printf(out, "%s%.*s", j->tu_to[i], (int)(t->n - t->letters), t->p + t->letters);
        }
        if (out->len == at)
            buf_append(out, t->p, t->n);
    }
    if (cap && out->len > at && out->data[at] == 'v')
        out->data[at] = 'V';
}

/* The verb after "tu" at k: its index past the clitics ("tu ne le
   vois"), *elided the bytes of a clitic glued to it ("n'as"). */
static size_t verb_after(const token *t, size_t n, size_t k, size_t *elided)
{
    size_t v = k + 1;
    while (v < n && clitic(&t[v]) && t[v].letters == t[v].n)
        v++;
    *elided = v < n && t[v].letters > 2 && t[v].p[1] == '\'' && strchr("nltsm", t[v].p[0]) ? 2 : 0;
    return v;
}

bool translate_formal(const junctions *j, lexicon *lx, buf *reply)
{
    enum { MAX = 512 };
    token t[MAX];
    size_t n = split(reply->data, reply->len, t, MAX), elided[MAX] = {0};
    bool verb[MAX] = {false}, any = false, ok = n < MAX;
    buf form[1] = {{0}}, out = {0};
    for (size_t k = 0; k < n && ok; k++) {
        if (!is(&t[k], "tu") && !is(&t[k], "Tu"))
            continue;
        size_t e, v = verb_after(t, n, k, &e);
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
        if (is(&t[k], "tu") || is(&t[k], "Tu")) {
            buf_printf(&out, "%cous%.*s", t[k].p[0] == 'T' ? 'V' : 'v', (int)(t[k].n - 2), t[k].p + 2);
        } else if (verb[k]) {
            size_t e = elided[k];
            buf_append_str(&out, e && t[k].p[0] == 't' ? "vous " : "");
            buf_append(&out, t[k].p, e && t[k].p[0] != 't' ? e : 0);
            plural_form(j, lx, t[k].p + e, t[k].letters - e, &out);
            buf_append(&out, t[k].p + t[k].letters, t[k].n - t[k].letters);
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

/* dicts/fr-subject-repeat.txt: "KIND word..." lines. */
int subject_load(junctions *j, const char *dir, char *err, size_t errlen)
{
    static const char *const kinds[SUBJ_KINDS] = {"det", "pronoun", "stop", "time"};
    buf path = {0};
    buf_printf(&path, "%s/fr-subject-repeat.txt", dir);
    data_lines d;
    int rc = data_file_open(&d, path.data, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    while (rc == 0 && (rc = data_lines_next(&d)) > 0) {
        char *save = NULL, *kind = strtok_r(d.line, " \t", &save);
        int k = 0;
        while (k < SUBJ_KINDS && strcmp(kind, kinds[k]) != 0)
            k++;
        if (k == SUBJ_KINDS) {
            rc = data_lines_fail(&d, "expected det, pronoun, stop or time, then words");
            break;
        }
        for (char *w = strtok_r(NULL, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
            j->subj[k] = xrealloc(j->subj[k], (j->n_subj[k] + 1) * sizeof *j->subj[k]);
            j->subj[k][j->n_subj[k]++] = xstrdup(w);
        }
        rc = 0;
    }
    data_lines_close(&d);
    buf_free(&path);
    return rc;
}

void subject_free(junctions *j)
{
    for (int k = 0; k < SUBJ_KINDS; k++) {
        for (size_t i = 0; i < j->n_subj[k]; i++)
            free(j->subj[k][i]);
        free(j->subj[k]);
        j->subj[k] = NULL, j->n_subj[k] = 0;
    }
}

/* w[0, n) is a word of kind k, compared with its first letter lowered. */
static bool of_kind(const junctions *j, int k, const char *w, size_t n)
{
    for (size_t i = 0; i < j->n_subj[k]; i++) {
        const char *x = j->subj[k][i];
        if (strlen(x) == n && n && x[0] == (w[0] >= 'A' && w[0] <= 'Z' ? w[0] + 32 : w[0]) && memcmp(x + 1, w + 1, n - 1) == 0)
            return true;
    }
    return false;
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
