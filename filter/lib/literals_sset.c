/* String sets of the required-literals analysis: union, concatenation,
   minimisation, and which of two required sets filters better. */
#include "literals_sset.h"
#include <string.h>

void sset_lower(sset *a)
{
    if (a->caseless)
        return;
    a->caseless = true;
    for (unsigned i = 0; i < a->n; i++)
        for (unsigned k = 0; k < a->len[i]; k++)
            a->s[i][k] = ascii_lower(a->s[i][k]);
    /* Lower case may have made two strings equal. */
    unsigned out = 0;
    for (unsigned i = 0; i < a->n; i++) {
        bool dup = false;
        for (unsigned j = 0; j < out && !dup; j++)
            dup = a->len[j] == a->len[i] && memcmp(a->s[j], a->s[i], a->len[i]) == 0;
        if (!dup) {
            memmove(a->s[out], a->s[i], a->len[i]);
            a->len[out++] = a->len[i];
        }
    }
    a->n = out;
}

bool sset_add(sset *a, const char *s, size_t n)
{
    if (n > LIT_MAX_LEN)
        return false;
    for (unsigned i = 0; i < a->n; i++)
        if (a->len[i] == n && memcmp(a->s[i], s, n) == 0)
            return true;
    if (a->n == LIT_MAX_STRINGS)
        return false;
    memcpy(a->s[a->n], s, n);
    a->len[a->n++] = (uint8_t)n;
    return true;
}

bool sset_has_empty(const sset *a)
{
    for (unsigned i = 0; i < a->n; i++)
        if (a->len[i] == 0)
            return true;
    return false;
}

void sset_one(sset *a, const char *s, size_t n, bool caseless)
{
    a->n = 0;
    a->caseless = caseless;
    sset_add(a, s, n);
}

void sset_empty(sset *a) { sset_one(a, "", 0, false); }

bool sset_union(sset *a, const sset *b)
{
    sset lb;
    if (a->caseless != b->caseless) {
        sset_lower(a);
        lb = *b;
        sset_lower(&lb);
        b = &lb;
    }
    for (unsigned i = 0; i < b->n; i++)
        if (!sset_add(a, b->s[i], b->len[i]))
            return false;
    return true;
}

bool sset_cross(sset *a, const sset *b)
{
    if (a->n * b->n > LIT_MAX_STRINGS)
        return false;
    sset la = *a, lb;
    if (a->caseless != b->caseless) {
        sset_lower(&la);
        lb = *b;
        sset_lower(&lb);
        b = &lb;
    }
    sset out = {.caseless = la.caseless};
    char tmp[2 * LIT_MAX_LEN];
    for (unsigned i = 0; i < la.n; i++)
        for (unsigned j = 0; j < b->n; j++) {
            size_t n = (size_t)la.len[i] + b->len[j];
            if (n > LIT_MAX_LEN)
                return false;
            memcpy(tmp, la.s[i], la.len[i]);
            memcpy(tmp + la.len[i], b->s[j], b->len[j]);
            sset_add(&out, tmp, n);
        }
    *a = out;
    return true;
}

void sset_minimize(sset *a, bool prefixes)
{
    unsigned out = 0;
    bool drop[LIT_MAX_STRINGS] = {false};
    for (unsigned i = 0; i < a->n; i++)
        for (unsigned j = 0; j < a->n && !drop[i]; j++)
            drop[i] = j != i && !drop[j] && a->len[j] < a->len[i] &&
                      (prefixes ? memcmp(a->s[i], a->s[j], a->len[j]) == 0
                                : memmem(a->s[i], a->len[i], a->s[j], a->len[j]) != NULL);
    for (unsigned i = 0; i < a->n; i++)
        if (!drop[i]) {
            memmove(a->s[out], a->s[i], a->len[i]);
            a->len[out++] = a->len[i];
        }
    a->n = out;
}

static unsigned sset_min_len(const sset *a)
{
    unsigned m = LIT_MAX_LEN;
    for (unsigned i = 0; i < a->n; i++)
        if (a->len[i] < m)
            m = a->len[i];
    return m;
}

/* Which of two required sets filters better: past a few bytes a longer
   string rules out little more, while each string costs a search. */
static bool sset_better(const sset *a, const sset *b)
{
    enum { ENOUGH = 8 };
    unsigned la = sset_min_len(a), lb = sset_min_len(b);
    unsigned ca = la < ENOUGH ? la : ENOUGH, cb = lb < ENOUGH ? lb : ENOUGH;
    if (ca != cb)
        return ca > cb;
    if (a->n != b->n)
        return a->n < b->n;
    return la > lb;
}

void info_consider(info *x, const sset *cand)
{
    if (cand->n == 0 || sset_has_empty(cand))
        return;
    sset c = *cand;
    sset_minimize(&c, false);
    if (!x->req_ok || sset_better(&c, &x->req)) {
        x->req = c;
        x->req_ok = true;
    }
}
