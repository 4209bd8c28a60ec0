/* Required literals, by the classic analysis (as RE2's prefilter): each
   node of the pattern is known to match exactly one of a few strings
   ("exact"), or to contain one of a few strings ("req"), or nothing is
   known; and what its matches start with ("prefix"). A sequence
   concatenates exact items; an item that is not exact ends the run, and of
   all runs and items the best set is kept. Sound by construction: when in
   doubt (a non-ASCII letter in a caseless part, a set grown too large) a
   node knows less, never more. The same walk finds the bytes every match
   contains: of a sequence those of its items, of alternatives the common
   ones. */
#include "literals.h"
#include "buf.h"
#include "text.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* A set of strings during the analysis. */
typedef struct sset {
    unsigned n;
    bool caseless; /* ASCII letters in lower case, compared caselessly */
    uint8_t len[LIT_MAX_STRINGS];
    char s[LIT_MAX_STRINGS][LIT_MAX_LEN];
} sset;

/* What is known of a node. */
typedef struct info {
    bool exact_ok, req_ok;
    sset exact;  /* every match is one of these (the empty string too) */
    sset req;    /* every match contains one of these (none empty) */
    sset prefix; /* every match starts with one of these ({""}: unknown) */
    byteset bytes; /* every match contains these (caseless: ASCII in lower case) */
} info;

typedef struct lit_parser {
    const char *p, *end;
    bool caseless, ok;
    bool bytes_ok; /* false after (?i) and the like: bytes are lower-cased by the rule's flag only */
} lit_parser;

static char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

/* After a backslash a letter or digit names an escape (b, d, x...); any
   other character stands for itself. */
static bool is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Bytes of the UTF-8 character whose first byte is lead (rule files are
   checked to be valid UTF-8 before their patterns are read). */
static size_t char_len(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
}

/* End of the character class that starts at p ('['), or NULL. */
static const char *class_end(const char *p, const char *end)
{
    const char *q = p + 1;
    if (q < end && *q == '^')
        q++;
    if (q < end && *q == ']') /* a ']' first is a member */
        q++;
    while (q < end) {
        if (*q == '\\')
            q += 2;
        else if (*q == '[' && q + 1 < end && q[1] == ':') { /* [:alpha:] */
            const char *close = q + 2;
            while (close + 1 < end && !(close[0] == ':' && close[1] == ']'))
                close++;
            q = close + 2;
        } else if (*q == ']')
            return q + 1;
        else
            q++;
    }
    return NULL;
}

bool literal_caseless_inert(uint32_t c)
{
    /* Latin-1 punctuation and signs (not U+00B5 MICRO SIGN, a Greek mu in
       caseless matching), general punctuation (’ … « » spaces), currency. */
    return (c >= 0xA0 && c <= 0xBF && c != 0xB5) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
           (c >= 0x20A0 && c <= 0x20CF);
}

/* --- string sets --- */

static void sset_lower(sset *a)
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

/* Adds a string (already in the set's case); false if the set is full. */
static bool sset_add(sset *a, const char *s, size_t n)
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

static bool sset_has_empty(const sset *a)
{
    for (unsigned i = 0; i < a->n; i++)
        if (a->len[i] == 0)
            return true;
    return false;
}

/* The set of one string. */
static void sset_one(sset *a, const char *s, size_t n, bool caseless)
{
    a->n = 0;
    a->caseless = caseless;
    sset_add(a, s, n);
}

/* a = a ∪ b; false (a undefined) if that is too many strings. */
static bool sset_union(sset *a, const sset *b)
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

/* a = a × b (every string of a followed by every one of b); false (a
   unchanged) if that is too many strings or too long ones. */
static bool sset_cross(sset *a, const sset *b)
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

/* For a required set: a string that contains another member adds nothing;
   for a set of prefixes, one that starts with another. */
static void sset_minimize(sset *a, bool prefixes)
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

/* Makes cand the node's required set if it is one and better. */
static void consider(info *x, const sset *cand)
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

/* --- the pattern --- */

/* The empty string, neutral in concatenation. */
static void sset_empty(sset *a) { sset_one(a, "", 0, false); }

static void info_unknown(info *x)
{
    x->exact_ok = x->req_ok = false;
    sset_empty(&x->prefix);
    memset(&x->bytes, 0, sizeof x->bytes);
}

/* A zero-width item. */
static void info_empty(info *x)
{
    info_unknown(x);
    x->exact_ok = true;
    sset_empty(&x->exact);
}

/* The literal character at p (n bytes). Caseless, a non-ASCII character
   other than punctuation has other-case forms with other bytes: unknown. */
static void char_item(const lit_parser *lp, const char *p, size_t n, info *x)
{
    info_unknown(x);
    if (!lp->caseless)
        for (size_t k = 0; k < n; k++)
            byteset_add(&x->bytes, (unsigned char)p[k]);
    else if ((unsigned char)*p < 0x80) /* non-ASCII: its other case has other bytes */
        byteset_add(&x->bytes, (unsigned char)ascii_lower(*p));
    size_t at = 0;
    if (lp->caseless && n > 1 && !literal_caseless_inert((uint32_t)utf8_next(p, n, &at)))
        return;
    char c = lp->caseless ? ascii_lower(*p) : *p;
    sset_one(&x->exact, n == 1 ? &c : p, n, lp->caseless);
    x->exact_ok = true;
}

/* Adds the class member at p (n bytes) to set; false if it cannot. */
static bool class_add(const lit_parser *lp, sset *set, const char *p, size_t n)
{
    info one;
    char_item(lp, p, n, &one);
    return one.exact_ok && sset_add(set, one.exact.s[0], one.exact.len[0]);
}

/* A class at lp->p: exact when it lists a few plain characters or small
   ASCII ranges; negated classes, escapes such as \d and POSIX classes are
   unknown characters. */
static void class_item(lit_parser *lp, info *x)
{
    info_unknown(x);
    const char *close = class_end(lp->p, lp->end);
    if (!close) {
        lp->ok = false;
        return;
    }
    const char *q = lp->p + 1, *last = close - 1; /* last: the closing ']' */
    lp->p = close;
    if (*q == '^')
        return;
    sset set = {.caseless = lp->caseless};
    bool after_range = false;
    while (q < last) {
        const char *m = q;
        bool escaped = *q == '\\';
        if (*q == '[')
            return; /* [:alpha:], or '[' PCRE2 may read as one */
        if (escaped) {
            if (is_ascii_alnum((unsigned char)q[1]))
                return; /* \d, \x{..}, \n ... */
            m = q + 1;
        }
        size_t n = char_len((unsigned char)*m);
        if (n > (size_t)(last - m))
            return;
        q = m + n;
        if (*m == '-' && !escaped && after_range)
            return; /* "a-c-e": not followed */
        after_range = false;
        if (q + 1 < last && *q == '-') { /* a range (a '-' before ']' is a member) */
            const char *r = q + 1;
            if (*r == '\\' || *r == '[' || n > 1 || (unsigned char)*r >= 0x80)
                return;
            unsigned char lo = (unsigned char)*m, hi = (unsigned char)*r;
            if (hi < lo || hi - lo >= LIT_MAX_STRINGS)
                return;
            for (unsigned c = lo; c <= hi; c++) {
                char ch = (char)c;
                if (!class_add(lp, &set, &ch, 1))
                    return;
            }
            q = r + 1;
            after_range = true;
            continue;
        }
        if (!class_add(lp, &set, m, n))
            return;
    }
    if (set.n == 0)
        return;
    x->exact = set;
    x->exact_ok = true;
}

/* An escape at lp->p. */
static void escape_item(lit_parser *lp, info *x)
{
    const char *p = lp->p, *end = lp->end;
    info_unknown(x);
    if (p + 1 >= end) {
        lp->ok = false;
        return;
    }
    unsigned char d = (unsigned char)p[1];
    if (!is_ascii_alnum(d)) { /* an escaped punctuation mark (or character) is itself */
        size_t n = char_len(d);
        if (n > (size_t)(end - p - 1)) {
            lp->ok = false;
            return;
        }
        char_item(lp, p + 1, n, x);
        lp->p = p + 1 + n;
    } else if (strchr("QEkgN", d)) {
        lp->ok = false; /* quoting, named references */
    } else if (strchr("bBAzZGK", d)) {
        info_empty(x); /* assertions match the empty string */
        lp->p = p + 2;
    } else if (strchr("xopP", d) && p + 2 < end && p[2] == '{') {
        const char *close = memchr(p, '}', (size_t)(end - p));
        lp->ok = close != NULL;
        lp->p = close ? close + 1 : end;
    } else if (d == 'p' || d == 'P' || d == 'c') {
        if (p + 2 >= end || (unsigned char)p[2] >= 0x80)
            lp->ok = false;
        lp->p = p + 3 <= end ? p + 3 : end;
    } else if (d == 'x') {
        p += 2;
        for (int k = 0; k < 2 && p < end && isxdigit((unsigned char)*p); k++)
            p++;
        lp->p = p;
    } else if (d >= '0' && d <= '9') { /* back reference or octal: unknown either way */
        for (p += 1; p < end && *p >= '0' && *p <= '9';)
            p++;
        lp->p = p;
    } else {
        lp->p = p + 2; /* \s, \w, \d, \n ...: some character */
    }
}

static void alternatives(lit_parser *lp, int depth, info *x);

/* Option letters at p ("i", "-i", "^", ...) up to ')' or ':'; false if
   there are others (x changes how the pattern reads). */
static bool parse_options(const char *p, const char *end, bool *caseless, const char **stop)
{
    bool on = true, ci = *caseless;
    if (p < end && *p == '^')
        ci = false, p++;
    for (; p < end && *p != ')' && *p != ':'; p++) {
        if (*p == '-')
            on = false;
        else if (*p == 'i')
            ci = on;
        else if (!strchr("msnUJ", *p) || *p == '\0')
            return false;
    }
    if (p >= end)
        return false;
    *caseless = ci;
    *stop = p;
    return true;
}

/* A group at lp->p ('('). */
typedef enum { GROUP_PLAIN, GROUP_LOOK, GROUP_NEGATIVE, GROUP_DONE } group_kind;

/* The "(?...)" header of a group whose '(' is at lp->p: *pp is moved past
   it. GROUP_LOOK is a positive lookahead or lookbehind. GROUP_DONE: the
   item is complete (a comment or an option setting, x and lp->p set), or
   not followed (lp->ok false). */
static group_kind group_header(lit_parser *lp, const char **pp, info *x)
{
    const char *p = *pp, *end = lp->end;
    if (p < end && *p == '*') {
        lp->ok = false; /* (*VERB) */
        return GROUP_DONE;
    }
    if (p >= end || *p != '?')
        return GROUP_PLAIN;
    p++;
    char k = p < end ? *p : '\0';
    char k2 = p + 1 < end ? p[1] : '\0';
    const char *stop;
    group_kind kind = GROUP_PLAIN;
    if (k == ':' || k == '>' || k == '|')
        p++;
    else if (k == '=')
        p++, kind = GROUP_LOOK;
    else if (k == '!')
        p++, kind = GROUP_NEGATIVE;
    else if (k == '<' && (k2 == '=' || k2 == '!'))
        p += 2, kind = k2 == '=' ? GROUP_LOOK : GROUP_NEGATIVE;
    else if ((k == '<' && isalpha((unsigned char)k2)) || (k == 'P' && k2 == '<') || k == '\'') {
        const char *close = memchr(p + 1, k == '\'' ? '\'' : '>', (size_t)(end - p - 1));
        if (!close) {
            lp->ok = false;
            return GROUP_DONE;
        }
        p = close + 1;
    } else if (k == '#') {
        const char *close = memchr(p, ')', (size_t)(end - p));
        /* A quantifier after a comment applies to the item before it
           ("x(?#...)?"): this walk would give it to the comment, so it
           gives up (no literals is always sound). */
        lp->ok = close != NULL && !(close + 1 < end && strchr("?*+{", close[1]));
        lp->p = close ? close + 1 : end;
        info_empty(x);
        return GROUP_DONE;
    } else if (parse_options(p, end, &lp->caseless, &stop)) {
        lp->bytes_ok = false;
        if (*stop == ')') { /* (?i): to the end of the enclosing group */
            lp->p = stop + 1;
            info_empty(x);
            return GROUP_DONE;
        }
        p = stop + 1; /* (?i:...) */
    } else {
        lp->ok = false; /* conditions, recursion, callouts */
        return GROUP_DONE;
    }
    *pp = p;
    return kind;
}

static void group_item(lit_parser *lp, int depth, info *x)
{
    const char *p = lp->p + 1, *end = lp->end;
    bool saved = lp->caseless;
    info_unknown(x);
    group_kind kind = group_header(lp, &p, x);
    if (kind == GROUP_DONE)
        return;
    lp->p = p;
    info inner;
    alternatives(lp, depth + 1, &inner);
    lp->caseless = saved;
    if (!lp->ok || lp->p >= end || *lp->p != ')') {
        lp->ok = false;
        return;
    }
    lp->p++;
    if (kind == GROUP_PLAIN) {
        *x = inner;
        return;
    }
    /* Lookarounds consume nothing; what a positive one looks at is in the
       subject all the same. */
    info_empty(x);
    if (kind == GROUP_LOOK) {
        x->req_ok = inner.req_ok;
        x->req = inner.req;
        x->bytes = inner.bytes;
    }
}

/* A quantifier at lp->p, if any: its minimum and maximum (-1: none). */
static bool quantifier(lit_parser *lp, unsigned long *min, long *max)
{
    const char *p = lp->p, *end = lp->end;
    if (p >= end)
        return false;
    if (*p == '?' || *p == '*' || *p == '+') {
        *min = *p == '+';
        *max = *p == '?' ? 1 : -1;
        p++;
    } else if (*p == '{') {
        const char *q = p + 1, *digits = q;
        unsigned long lo = 0, hi = 0;
        while (q < end && *q >= '0' && *q <= '9' && lo < 100000)
            lo = lo * 10 + (unsigned long)(*q++ - '0');
        if (q == digits)
            goto literal_brace;
        *min = lo;
        *max = (long)lo;
        if (q < end && *q == ',') {
            const char *d2 = ++q;
            while (q < end && *q >= '0' && *q <= '9' && hi < 100000)
                hi = hi * 10 + (unsigned long)(*q++ - '0');
            *max = q == d2 ? -1 : (long)hi;
        }
        if (q >= end || *q != '}')
            goto literal_brace;
        p = q + 1;
    } else
        return false;
    if (p < end && (*p == '?' || *p == '+')) /* lazy, possessive */
        p++;
    lp->p = p;
    return true;
literal_brace: /* "{" that PCRE2 may read literally or not: not followed */
    lp->ok = false;
    return false;
}

/* What a node is known to need once quantified. */
static void apply_quantifier(info *x, unsigned long min, long max)
{
    if (x->exact_ok) { /* an exact node's strings are required, and start it */
        consider(x, &x->exact);
        x->prefix = x->exact;
    }
    if (min == 0) {
        x->req_ok = false;
        sset_empty(&x->prefix);
        memset(&x->bytes, 0, sizeof x->bytes);
        /* x? is x or nothing; x* and x{0,n} are left alone. */
        if (!(max == 1 && x->exact_ok && sset_add(&x->exact, "", 0)))
            x->exact_ok = false;
        return;
    }
    if (x->exact_ok && max == (long)min && min <= LIT_MAX_STRINGS) { /* x{n}: n copies */
        sset one = x->exact;
        for (unsigned long k = 1; k < min && x->exact_ok; k++)
            x->exact_ok = sset_cross(&x->exact, &one);
        if (x->exact_ok)
            return;
    }
    x->exact_ok = min == 1 && max == 1 && x->exact_ok;
}

/* One item at lp->p and its quantifier. False when the pattern is not
   followed (lp->ok false). */
static bool quantified_item(lit_parser *lp, int depth, info *it)
{
    unsigned char c = (unsigned char)*lp->p;
    if (c == '\\') {
        escape_item(lp, it);
    } else if (c == '[') {
        class_item(lp, it);
    } else if (c == '(') {
        group_item(lp, depth, it);
    } else if (c == '{' || c == '*' || c == '+' || c == '?') {
        lp->ok = false; /* out of place: not followed */
        return false;
    } else if (c == '.') {
        info_unknown(it);
        lp->p++;
    } else if (c == '^' || c == '$') {
        info_empty(it);
        lp->p++;
    } else {
        size_t n = char_len(c);
        if (n > (size_t)(lp->end - lp->p)) {
            lp->ok = false;
            return false;
        }
        char_item(lp, lp->p, n, it);
        lp->p += n;
    }
    if (!lp->ok)
        return false;
    unsigned long min;
    long max;
    if (quantifier(lp, &min, &max))
        apply_quantifier(it, min, max);
    return lp->ok;
}

/* A sequence of items up to '|' or ')'. */
static void sequence(lit_parser *lp, int depth, info *x)
{
    /* run: what the items since the last unknown one match exactly; tail:
       its end since its last item of several strings ("(?:un|a) compte":
       " compte"), often as good and fewer strings; pre: how matches start,
       until an item that is not exact. */
    sset run, tail, pre;
    bool all_exact = true, pre_open = true;
    sset_empty(&run);
    sset_empty(&tail);
    sset_empty(&pre);
    info_unknown(x);
    while (lp->ok && lp->p < lp->end && *lp->p != '|' && *lp->p != ')') {
        info it;
        if (!quantified_item(lp, depth, &it))
            break;
        for (int k = 0; k < 4; k++)
            x->bytes.w[k] |= it.bytes.w[k];
        if (it.req_ok)
            consider(x, &it.req);
        if (pre_open) /* on overflow pre stays as it is: still a start */
            pre_open = it.exact_ok ? sset_cross(&pre, &it.exact) : (sset_cross(&pre, &it.prefix), false);
        if (!it.exact_ok) {
            all_exact = false;
            sset_empty(&run);
            sset_empty(&tail);
            continue;
        }
        if (!sset_cross(&run, &it.exact)) { /* too many or too long: a new run */
            all_exact = false;
            run = it.exact;
        }
        if (it.exact.n > 1)
            sset_empty(&tail);
        else if (!sset_cross(&tail, &it.exact))
            tail = it.exact;
        consider(x, &run);
        consider(x, &tail);
    }
    x->prefix = pre;
    if (all_exact) {
        x->exact = run;
        x->exact_ok = true;
    }
}

/* Alternatives: exact if all are; else each branch's required set, joined. */
static void alternatives(lit_parser *lp, int depth, info *x)
{
    if (depth > 32) {
        lp->ok = false;
        info_unknown(x);
        return;
    }
    sequence(lp, depth, x);
    while (lp->ok && lp->p < lp->end && *lp->p == '|') {
        lp->p++;
        info other;
        sequence(lp, depth, &other);
        for (int k = 0; k < 4; k++)
            x->bytes.w[k] &= other.bytes.w[k];
        x->exact_ok = x->exact_ok && other.exact_ok && sset_union(&x->exact, &other.exact);
        x->req_ok = x->req_ok && other.req_ok && sset_union(&x->req, &other.req);
        if (x->req_ok)
            sset_minimize(&x->req, false);
        if (!sset_union(&x->prefix, &other.prefix))
            sset_empty(&x->prefix);
    }
    if (x->exact_ok)
        consider(x, &x->exact);
}

/* How common a byte is in French text, roughly: higher is more common.
   A search probes a literal's two rarest bytes, so that few places of a
   subject pass the probe and need a full comparison. */
static int commonness(unsigned char c)
{
    static const char order[] = "e asitnrulodcpm\xC3\xA9v.,qfbghj'\xE2\x80\x99yxz\xA8\xA0\xAAwk\xA7";
    const char *at = memchr(order, c, sizeof order - 1);
    return at ? (int)(sizeof order - (size_t)(at - order)) : 0;
}

/* Fills the search probes of l. */
static void choose_probes(literal *l, bool caseless)
{
    unsigned best = 0, second = l->len > 1 ? 1 : 0;
    for (unsigned k = 0; k < l->len; k++) {
        int c = commonness((unsigned char)l->s[k]);
        if (c < commonness((unsigned char)l->s[best]))
            second = best, best = k;
        else if (k != best && (second == best || c < commonness((unsigned char)l->s[second])))
            second = k;
    }
    if (best > second) {
        unsigned t = best;
        best = second;
        second = t;
    }
    l->at1 = (uint8_t)best;
    l->at2 = (uint8_t)second;
    l->b1 = (unsigned char)l->s[best];
    l->b2 = (unsigned char)l->s[second];
    l->fold1 = caseless && l->b1 >= 'a' && l->b1 <= 'z' ? 0x20 : 0;
    l->fold2 = caseless && l->b2 >= 'a' && l->b2 <= 'z' ? 0x20 : 0;
}

/* Literals in order of length (the shorter, the likelier to be found and
   end the search), then of bytes. */
static int by_length(const void *pa, const void *pb)
{
    const literal *a = pa, *b = pb;
    if (a->len != b->len)
        return (int)a->len - (int)b->len;
    return memcmp(a->s, b->s, a->len);
}

void literals_extract(const char *pat, size_t len, bool caseless, bool extended, bool anchored, literals *out)
{
    memset(out, 0, sizeof *out);
    if (extended) /* white space and comments in the pattern */
        return;
    lit_parser lp = {.p = pat, .end = pat + len, .caseless = caseless, .ok = true, .bytes_ok = true};
    info *x = xmalloc(sizeof *x);
    alternatives(&lp, 0, x);
    const sset *r = NULL;
    if (lp.ok && lp.p == lp.end) {
        if (lp.bytes_ok)
            out->needs = x->bytes;
        sset_minimize(&x->prefix, true);
        if (anchored && !sset_has_empty(&x->prefix)) {
            r = &x->prefix;
            out->at_start = true;
        } else if (x->req_ok)
            r = &x->req;
    }
    if (r && r->n > 0) {
        out->items = xcalloc(r->n, sizeof *out->items);
        out->count = r->n;
        for (unsigned i = 0; i < r->n; i++)
            for (unsigned k = 0; k < r->len[i]; k++) /* without letters, case does not matter */
                out->caseless |= r->caseless && r->s[i][k] >= 'a' && r->s[i][k] <= 'z';
        for (unsigned i = 0; i < r->n; i++) {
            literal *l = &out->items[i];
            l->len = r->len[i];
            memcpy(l->s, r->s[i], r->len[i]);
            for (unsigned k = 0; k < r->len[i]; k++)
                byteset_add(&l->bytes, (unsigned char)r->s[i][k]);
            choose_probes(l, out->caseless);
        }
        qsort(out->items, out->count, sizeof *out->items, by_length);
    }
    free(x);
}

void literals_free(literals *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* Whether l is at h, caseless: ASCII letters of h in either case. */
static bool same(const literal *l, const unsigned char *h, bool caseless)
{
    if (!caseless)
        return memcmp(h, l->s, l->len) == 0;
    for (unsigned k = 0; k < l->len; k++) {
        unsigned char c = h[k];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != (unsigned char)l->s[k])
            return false;
    }
    return true;
}

/* Whether l occurs in h: its probe bytes, 16 places at a time, then the
   whole literal where both are found. Subjects are short (a sentence):
   this beats memmem, which first builds a table for the literal. */
static bool search(const literal *l, const unsigned char *h, size_t n, bool caseless)
{
    if (n < l->len)
        return false;
    size_t starts = n - l->len + 1, pos = 0;
#if defined(__SSE2__)
    const __m128i b1 = _mm_set1_epi8((char)l->b1), b2 = _mm_set1_epi8((char)l->b2);
    const __m128i f1 = _mm_set1_epi8((char)l->fold1), f2 = _mm_set1_epi8((char)l->fold2);
    for (; pos + 16 <= starts; pos += 16) { /* reads up to h[pos + 15 + at2] < h[n] */
        __m128i x = _mm_or_si128(_mm_loadu_si128((const __m128i *)(h + pos + l->at1)), f1);
        __m128i y = _mm_or_si128(_mm_loadu_si128((const __m128i *)(h + pos + l->at2)), f2);
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x, b1), _mm_cmpeq_epi8(y, b2)));
        for (; bits; bits &= bits - 1)
            if (same(l, h + pos + (unsigned)__builtin_ctz(bits), caseless))
                return true;
    }
#endif
    for (; pos < starts; pos++)
        if ((h[pos + l->at1] | l->fold1) == l->b1 && (h[pos + l->at2] | l->fold2) == l->b2 &&
            same(l, h + pos, caseless))
            return true;
    return false;
}

bool literals_occur(const literals *l, const char *hay, size_t n, const byteset *have)
{
    const unsigned char *h = (const unsigned char *)hay;
    for (size_t i = 0; i < l->count; i++) {
        const literal *x = &l->items[i];
        if (l->at_start ? n >= x->len && same(x, h, l->caseless)
                        : byteset_within(&x->bytes, have) && (x->len == 1 || search(x, h, n, l->caseless)))
            return true;
    }
    return false;
}
