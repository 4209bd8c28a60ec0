#include "rules.h"
#include "fsutil.h"
#include "lines.h"
#include "text.h"
#include <errno.h>
#include <stdint.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ruleset_init(ruleset *rs, uint32_t match_limit, uint32_t depth_limit)
{
    memset(rs, 0, sizeof *rs);
    rs->match_ctx = pcre2_match_context_create(NULL);
    pcre2_set_match_limit(rs->match_ctx, match_limit);
    pcre2_set_depth_limit(rs->match_ctx, depth_limit);
}

/* A JIT stack cannot serve two threads at once: each thread gets its own,
   made at its first match and freed when the thread ends. */
static pthread_key_t jit_key;
static pthread_once_t jit_once = PTHREAD_ONCE_INIT;
static void jit_stack_free(void *stack) { pcre2_jit_stack_free(stack); }
static void jit_key_make(void) { pthread_key_create(&jit_key, jit_stack_free); }

static pcre2_jit_stack *thread_jit_stack(void *data)
{
    const ruleset *rs = data;
    pcre2_jit_stack *stack = pthread_getspecific(jit_key);
    if (!stack && (stack = pcre2_jit_stack_create(32 * 1024, rs->jit_stack_bytes, NULL)))
        pthread_setspecific(jit_key, stack);
    return stack; /* NULL: PCRE2's own 32 KiB */
}

void ruleset_set_jit_stack(ruleset *rs, size_t bytes)
{
    pthread_once(&jit_once, jit_key_make);
    rs->jit_stack_bytes = bytes;
    pcre2_jit_stack_assign(rs->match_ctx, thread_jit_stack, rs);
}

void ruleset_free(ruleset *rs)
{
    for (size_t i = 0; i < rs->count; i++) {
        pcre2_code_free(rs->rules[i].code);
        free(rs->rules[i].name);
        free(rs->rules[i].where);
        free(rs->rules[i].replacement);
        literals_free(&rs->rules[i].lits);
    }
    free(rs->rules);
    pcre2_match_context_free(rs->match_ctx);
    memset(rs, 0, sizeof *rs);
}

/* Cursor over one line of a rule file. */
typedef struct line_parser {
    const char *p, *end;
    const char *file;
    int lineno;
    char *err;
    size_t errlen;
} line_parser;

__attribute__((format(printf, 2, 3))) static int fail(line_parser *lp, const char *fmt, ...)
{
    int n = snprintf(lp->err, lp->errlen, "%s:%d: ", lp->file, lp->lineno);
    if (n < 0 || (size_t)n >= lp->errlen)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lp->err + n, lp->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

static void skip_space(line_parser *lp)
{
    while (lp->p < lp->end && (*lp->p == ' ' || *lp->p == '\t'))
        lp->p++;
}

/* End of the meaningful part: nothing left, or a '#' comment. */
static bool at_end(line_parser *lp)
{
    skip_space(lp);
    return lp->p >= lp->end || *lp->p == '#';
}

static size_t read_word(line_parser *lp, const char **word)
{
    skip_space(lp);
    *word = lp->p;
    while (lp->p < lp->end && *lp->p != ' ' && *lp->p != '\t')
        lp->p++;
    return (size_t)(lp->p - *word);
}

static bool word_is(const char *w, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(w, lit, n) == 0;
}

byteset rule_needed_bytes(const char *pat, size_t len, bool caseless, bool extended)
{
    literals l;
    literals_extract(pat, len, caseless, extended, false, &l);
    byteset needs = l.needs;
    literals_free(&l);
    return needs;
}

void rule_subject_init(rule_subject *subj, const char *s, size_t n)
{
    subj->s = s;
    subj->n = n;
    /* A byte table, then packed: setting bits in place makes each byte wait
       for the previous one (same word, load-modify-store). */
    unsigned char seen[256];
    memset(seen, 0, sizeof seen);
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++)
        seen[p[i]] = 1;
    uint64_t w[4];
    for (int k = 0; k < 4; k++) {
        w[k] = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        for (int j = 0; j < 8; j++) {
            uint64_t v; /* eight 0/1 bytes; the multiply gathers them in the top byte */
            memcpy(&v, seen + 64 * k + 8 * j, 8);
            w[k] |= ((v * 0x0102040810204080ull) >> 56) << (8 * j);
        }
#else
        for (int j = 0; j < 64; j++)
            w[k] |= (uint64_t)seen[64 * k + j] << j;
#endif
    }
    for (int k = 0; k < 4; k++)
        subj->raw.w[k] = subj->folded.w[k] = w[k];
    /* 'A'..'Z' are bits 1..26 of word 1, 'a'..'z' bits 33..58. */
    subj->folded.w[1] |= (w[1] & (0x3FFFFFFull << 1)) << 32;
    /* Caseless PCRE2 also matches k with U+212A KELVIN SIGN, s with U+017F LONG S. */
    subj->odd_case = false;
    if (byteset_has(&subj->raw, 0xE2) && byteset_has(&subj->raw, 0x84) && byteset_has(&subj->raw, 0xAA) &&
        memmem(s, n, "\xE2\x84\xAA", 3)) {
        byteset_add(&subj->folded, 'k');
        subj->odd_case = true;
    }
    if (byteset_has(&subj->raw, 0xC5) && byteset_has(&subj->raw, 0xBF) && memmem(s, n, "\xC5\xBF", 2)) {
        byteset_add(&subj->folded, 's');
        subj->odd_case = true;
    }
}

bool rule_may_match(const rule *r, const rule_subject *subj)
{
    const byteset *have = r->caseless ? &subj->folded : &subj->raw;
    const literals *l = &r->lits;
    if (!byteset_within(&l->needs, have))
        return false;
    if (l->count == 0)
        return true;
    /* A caseless k or s may stand for U+212A or U+017F, which the literal
       search does not fold: let such rare subjects through. */
    if (l->caseless && subj->odd_case)
        return true;
    return literals_occur(l, subj->s, subj->n, l->caseless ? &subj->folded : &subj->raw);
}

static int parse_regex(line_parser *lp, rule *r)
{
    pcre2_code **code = &r->code;
    skip_space(lp);
    if (lp->p >= lp->end || *lp->p != '/')
        return fail(lp, "expected /regex/ after the directive");
    const char *start = ++lp->p;
    while (lp->p < lp->end && *lp->p != '/') {
        if (*lp->p == '\\' && lp->p + 1 < lp->end)
            lp->p++;
        lp->p++;
    }
    if (lp->p >= lp->end)
        return fail(lp, "unterminated regex: missing closing '/'");
    size_t len = (size_t)(lp->p - start);
    lp->p++;
    /* \C could cut a UTF-8 character in half and a rewrite would then write
       ill-formed bytes. */
    uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C;
    while (lp->p < lp->end && *lp->p != ' ' && *lp->p != '\t') {
        switch (*lp->p) {
        case 'i': options |= PCRE2_CASELESS; break;
        case 'x': options |= PCRE2_EXTENDED; break;
        case 's': options |= PCRE2_DOTALL; break;
        case 'm': options |= PCRE2_MULTILINE; break;
        default: return fail(lp, "unknown regex flag '%c' (use i, x, s or m)", *lp->p);
        }
        lp->p++;
    }
    int errcode;
    PCRE2_SIZE erroff;
    *code = pcre2_compile((PCRE2_SPTR)start, len, options, &errcode, &erroff, NULL);
    if (!*code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        return fail(lp, "bad regex at offset %zu: %s", (size_t)erroff, (const char *)msg);
    }
    /* JIT is an optimisation only: without it the interpreter runs. */
    pcre2_jit_compile(*code, PCRE2_JIT_COMPLETE);
    r->caseless = (options & PCRE2_CASELESS) != 0;
    /* An anchored pattern is tried at the start only: its literals are
       looked for there. */
    uint32_t all = 0;
    pcre2_pattern_info(*code, PCRE2_INFO_ALLOPTIONS, &all);
    literals_extract(start, len, r->caseless, (options & PCRE2_EXTENDED) != 0, (all & PCRE2_ANCHORED) != 0,
                     &r->lits);
    return 0;
}

static int parse_string(line_parser *lp, char **out)
{
    skip_space(lp);
    if (lp->p >= lp->end || *lp->p != '"')
        return fail(lp, "expected \"replacement\" after '=>'");
    lp->p++;
    buf s = {0};
    while (lp->p < lp->end && *lp->p != '"') {
        if (*lp->p == '\\' && lp->p + 1 < lp->end && lp->p[1] == '"') {
            lp->p++; /* \" is a quote; other escapes are PCRE2's (\n, \l, \u, \\) */
            buf_append_char(&s, '"');
        } else if (*lp->p == '\\' && lp->p + 1 < lp->end) {
            buf_append(&s, lp->p, 2);
            lp->p++;
        } else {
            buf_append_char(&s, *lp->p);
        }
        lp->p++;
    }
    if (lp->p >= lp->end) {
        buf_free(&s);
        return fail(lp, "unterminated string: missing closing '\"'");
    }
    lp->p++;
    if (!s.data)
        buf_append(&s, "", 0);
    *out = s.data;
    return 0;
}

/* PCRE2 reads a replacement only when a match happens, so "$9" or "${x"
   would fail in the middle of a run. Substitute once into a stand-in pattern
   that has the same group numbers and names and matches the empty string:
   a bad reference fails here, at load time, with file:line. */
static int check_replacement(line_parser *lp, const pcre2_code *code, const char *replacement)
{
    uint32_t ngroups = 0, nnames = 0, entry_size = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &ngroups);
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &nnames);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    const char **names = xcalloc((size_t)ngroups + 1, sizeof *names);
    for (uint32_t i = 0; i < nnames; i++) { /* entry: group number (2 bytes, big-endian), name, NUL */
        PCRE2_SPTR e = table + (size_t)i * entry_size;
        uint32_t group = ((uint32_t)e[0] << 8) | e[1];
        if (group <= ngroups)
            names[group] = (const char *)e + 2;
    }
    buf pattern = {0};
    buf_append_str(&pattern, "(?J)"); /* duplicate names, as (?J) or (?| allow */
    for (uint32_t g = 1; g <= ngroups; g++)
        if (names[g])
            buf_printf(&pattern, "(?<%s>)", names[g]);
        else
            buf_append_str(&pattern, "()");
    free(names);
    int errcode, rc = 0;
    PCRE2_SIZE erroff;
    pcre2_code *stand_in = pcre2_compile((PCRE2_SPTR)pattern.data, pattern.len, PCRE2_UTF | PCRE2_UCP, &errcode,
                                         &erroff, NULL);
    buf_free(&pattern);
    if (!stand_in) /* cannot happen for names PCRE2 accepted; the match-time check still holds */
        return 0;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(stand_in, NULL);
    size_t rlen = strlen(replacement);
    char *out = xmalloc(rlen + 1); /* groups are empty and "$$" shrinks: never longer */
    PCRE2_SIZE outlen = rlen + 1;
    int sub = pcre2_substitute(stand_in, (PCRE2_SPTR) "", 0, 0, PCRE2_SUBSTITUTE_UNSET_EMPTY | PCRE2_SUBSTITUTE_EXTENDED, md, NULL,
                               (PCRE2_SPTR)replacement, rlen, (PCRE2_UCHAR *)out, &outlen);
    if (sub < 0 && sub != PCRE2_ERROR_NOMEMORY) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(sub, msg, sizeof msg);
        rc = fail(lp, "bad replacement at offset %zu: %s", (size_t)outlen, (const char *)msg);
    }
    free(out);
    pcre2_match_data_free(md);
    pcre2_code_free(stand_in);
    return rc;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void push_rule(ruleset *rs, rule r)
{
    if (rs->count == rs->cap) {
        rs->cap = rs->cap ? rs->cap * 2 : 32;
        rs->rules = xrealloc(rs->rules, rs->cap * sizeof *rs->rules);
    }
    rs->rules[rs->count++] = r;
}

size_t ruleset_add_builtin(ruleset *rs, const char *name)
{
    push_rule(rs, (rule){.kind = RULE_BUILTIN, .when = WHEN_MIXED, .name = xstrdup(name), .where = xstrdup(name)});
    return rs->count - 1;
}

/* Frees a rule that was not added. */
static void rule_discard(rule *r)
{
    pcre2_code_free(r->code);
    free(r->replacement);
    free(r->name);
    literals_free(&r->lits);
}

static const rule *find_rule(const ruleset *rs, const char *name)
{
    for (size_t i = 0; i < rs->count; i++)
        if (strcmp(rs->rules[i].name, name) == 0)
            return &rs->rules[i];
    return NULL;
}

/* Names key the report's "rules" object: each must be unique. A rule with
   no name is called file-basename:line, or by its whole path:line if two
   files of one basename are loaded. */
static int name_rule(const ruleset *rs, line_parser *lp, rule *r)
{
    buf where = {0};
    buf_printf(&where, "%s:%d", lp->file, lp->lineno);
    r->where = where.data;
    if (!r->name) {
        buf name = {0};
        buf_printf(&name, "%s:%d", base_name(lp->file), lp->lineno);
        r->name = find_rule(rs, name.data) ? xstrdup(r->where) : name.data;
        if (r->name != name.data)
            buf_free(&name);
    }
    const rule *other = find_rule(rs, r->name);
    if (other) {
        if (other->kind == RULE_BUILTIN)
            fail(lp, "rule name '%s' already used by a built-in repair", r->name);
        else
            fail(lp, "rule name '%s' already used by the rule at %s", r->name, other->where);
        free(r->where);
        rule_discard(r);
        return -1;
    }
    return 0;
}

/* The options after a rule's pattern: "when mixed|clean|any", "name NAME". */
static int parse_rule_options(line_parser *lp, rule *r)
{
    while (!at_end(lp)) {
        const char *opt, *arg;
        size_t on = read_word(lp, &opt), an = read_word(lp, &arg);
        const char *problem = NULL;
        if (word_is(opt, on, "when") && word_is(arg, an, "mixed"))
            r->when = WHEN_MIXED;
        else if (word_is(opt, on, "when") && word_is(arg, an, "clean"))
            r->when = WHEN_CLEAN;
        else if (word_is(opt, on, "when") && word_is(arg, an, "any"))
            r->when = WHEN_ANY;
        else if (word_is(opt, on, "when"))
            problem = "unknown condition: use 'when mixed', 'when clean' or 'when any'";
        else if (word_is(opt, on, "name") && an > 0) {
            free(r->name);
            r->name = xstrndup(arg, an);
        } else if (word_is(opt, on, "name"))
            problem = "'name' needs a rule name";
        else
            problem = "unexpected text (expected 'when ...' or 'name ...')";
        if (problem)
            return fail(lp, "%s: '%.*s'", problem, (int)on, opt);
    }
    return 0;
}

static int parse_rule_line(ruleset *rs, line_parser *lp)
{
    const char *word;
    size_t n = read_word(lp, &word);
    rule r = {0};
    if (word_is(word, n, "drop"))
        r.kind = RULE_DROP;
    else if (word_is(word, n, "dropline"))
        r.kind = RULE_DROPLINE;
    else if (word_is(word, n, "rewrite"))
        r.kind = RULE_REWRITE;
    else if (word_is(word, n, "flag"))
        r.kind = RULE_FLAG;
    else
        return fail(lp, "unknown directive '%.*s' (expected drop, dropline, rewrite or flag)", (int)n, word);
    if (parse_regex(lp, &r) < 0)
        return -1;
    skip_space(lp);
    if (lp->end - lp->p >= 2 && memcmp(lp->p, "=>", 2) == 0) {
        if (r.kind != RULE_REWRITE) {
            rule_discard(&r);
            return fail(lp, "only rewrite rules take '=> \"replacement\"'");
        }
        lp->p += 2;
        if (parse_string(lp, &r.replacement) < 0 || check_replacement(lp, r.code, r.replacement) < 0) {
            rule_discard(&r);
            return -1;
        }
    } else if (r.kind == RULE_REWRITE) {
        rule_discard(&r);
        return fail(lp, "rewrite rule needs '=> \"replacement\"'");
    }
    if (parse_rule_options(lp, &r) < 0) {
        rule_discard(&r);
        return -1;
    }
    r.replacement_utf8 = r.replacement && utf8_count_invalid(r.replacement, strlen(r.replacement)) == 0;
    if (name_rule(rs, lp, &r) < 0)
        return -1;
    push_rule(rs, r);
    return 0;
}

int ruleset_load_text(ruleset *rs, const char *name, const char *text, size_t len, char *err, size_t errlen)
{
    line_parser lp = {.file = name, .err = err, .errlen = errlen};
    data_lines d; /* no comment flags: a '#' may stand in a regex; at_end knows where one begins */
    data_lines_open(&d, name, text, len, 0, err, errlen);
    d.what = "rule file";
    int rc;
    while ((rc = data_lines_next(&d)) > 0) {
        lp.lineno = d.lineno;
        lp.p = d.line;
        lp.end = d.line + d.len;
        /* Rule names reach the JSON report and replacements the output text. */
        for (size_t i = 0; i < d.len && rc > 0;) {
            size_t at = i;
            if (utf8_next(d.line, d.len, &i) < 0)
                rc = fail(&lp, "invalid UTF-8 at byte %zu", at + 1);
        }
        if (rc > 0 && !at_end(&lp) && parse_rule_line(rs, &lp) < 0)
            rc = -1;
        if (rc < 0)
            break;
    }
    data_lines_close(&d);
    return rc;
}

int ruleset_load_file(ruleset *rs, const char *path, char *err, size_t errlen)
{
    buf text = {0};
    if (read_whole_file(path, &text, err, errlen) < 0)
        return -1;
    int rc = ruleset_load_text(rs, path, text.data ? text.data : "", text.len, err, errlen);
    buf_free(&text);
    return rc;
}

static int match_error(const rule *r, int rc, char *err, size_t errlen)
{
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(rc, msg, sizeof msg);
    snprintf(err, errlen, "%s: rule '%s' failed while matching: %s%s", r->where, r->name, (const char *)msg,
             (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT)
                 ? " (the pattern backtracks too much; make it more specific)"
                 : "");
    return -1;
}

int rule_matches(const ruleset *rs, const rule *r, pcre2_match_data *md, const char *s, size_t n, char *err,
                 size_t errlen)
{
    int rc = pcre2_match(r->code, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, md, rs->match_ctx);
    if (rc >= 0)
        return 1;
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    return match_error(r, rc, err, errlen);
}

int rule_rewrite(const ruleset *rs, const rule *r, pcre2_match_data *md, const char *s, size_t n, buf *out,
                 char *err, size_t errlen)
{
    return rule_rewrite_bounded(rs, r, md, s, n, SIZE_MAX, out, err, errlen);
}

int rule_rewrite_bounded(const ruleset *rs, const rule *r, pcre2_match_data *md, const char *s, size_t n,
                         size_t max_out, buf *out, char *err, size_t errlen)
{
    /* EXTENDED: \l, \u, \L, \U in replacements change case. An unset group
       ("$1" of /(a)|b/ matching "b") is empty, not an error. */
    uint32_t opts = PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH | PCRE2_SUBSTITUTE_EXTENDED |
                    PCRE2_SUBSTITUTE_UNSET_EMPTY;
    /* Most rewrites match nothing: one JIT match with the worker's match data
       decides, and pcre2_substitute then starts from that match instead of
       finding it again, in the same match data (no allocation per call, no
       second UTF-8 check). A replacement that is not valid UTF-8 goes to
       pcre2_substitute alone, which reports it as before. */
    bool prematched = md && r->replacement_utf8;
    if (prematched) {
        int m = rule_matches(rs, r, md, s, n, err, errlen);
        if (m <= 0)
            return m;
        opts |= PCRE2_SUBSTITUTE_MATCHED | PCRE2_NO_UTF_CHECK;
    }
    buf_clear(out);
    buf_reserve(out, n + 64);
    for (;;) {
        PCRE2_SIZE outlen = out->cap;
        int rc = pcre2_substitute(r->code, (PCRE2_SPTR)s, n, 0, opts, prematched ? md : NULL, rs->match_ctx,
                                  (PCRE2_SPTR)r->replacement, PCRE2_ZERO_TERMINATED, (PCRE2_UCHAR *)out->data,
                                  &outlen);
        if (rc == PCRE2_ERROR_NOMEMORY && outlen > max_out) { /* outlen: the length needed */
            snprintf(err, errlen, "%s: rule '%s': the rewrite would make a segment of %zu bytes %zu long", r->where,
                     r->name, n, (size_t)outlen);
            return -1;
        }
        if (rc == PCRE2_ERROR_NOMEMORY) {
            buf_reserve(out, outlen + 1);
            opts &= ~(uint32_t)PCRE2_SUBSTITUTE_MATCHED; /* the match data now holds a later match */
            continue;
        }
        if (rc < 0)
            return match_error(r, rc, err, errlen);
        out->len = outlen;
        if (outlen > max_out) {
            snprintf(err, errlen, "%s: rule '%s': the rewrite would make a segment of %zu bytes %zu long", r->where,
                     r->name, n, (size_t)outlen);
            return -1;
        }
        return rc;
    }
}

uint32_t ruleset_max_captures(const ruleset *rs)
{
    uint32_t most = 0;
    for (size_t i = 0; i < rs->count; i++) {
        uint32_t groups = 0;
        if (rs->rules[i].code && pcre2_pattern_info(rs->rules[i].code, PCRE2_INFO_CAPTURECOUNT, &groups) == 0 &&
            groups > most)
            most = groups;
    }
    return most;
}
