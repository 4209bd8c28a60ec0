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
#include "literals_parse.h"
#include "text.h"
#include <ctype.h>
#include <string.h>

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
        info_consider(x, &x->exact);
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
            info_consider(x, &it.req);
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
        info_consider(x, &run);
        info_consider(x, &tail);
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
        info_consider(x, &x->exact);
}

void literals_walk(lit_parser *lp, info *x) { alternatives(lp, 0, x); }
