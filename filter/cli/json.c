#include "json.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
    const char *s;
    size_t n, pos;
    int depth;
    json_object *top; /* members are recorded at depth 1 only */
    char *err;
    size_t errlen;
} parser;

__attribute__((format(printf, 2, 3))) static int fail(parser *p, const char *fmt, ...)
{
    char reason[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    snprintf(p->err, p->errlen, "%s at byte %zu", reason, p->pos + 1);
    return -1;
}

/* What the parser found where it expected something else, for messages. */
static const char *found(const parser *p)
{
    if (p->pos >= p->n)
        return "end of line";
    switch (p->s[p->pos]) {
    case '}': return "'}'";
    case ']': return "']'";
    case ',': return "','";
    case ':': return "':'";
    case '"': return "a string";
    default: return "an unexpected character";
    }
}

static void skip_space(parser *p)
{
    while (p->pos < p->n) {
        char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        p->pos++;
    }
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The 4 hex digits at s[0..4), or -1. */
static long hex4(const char *s, size_t avail)
{
    if (avail < 4)
        return -1;
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value(s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

static bool is_high_surrogate(long u) { return u >= 0xD800 && u <= 0xDBFF; }
static bool is_low_surrogate(long u) { return u >= 0xDC00 && u <= 0xDFFF; }

/* \uXXXX at p->pos (on the backslash), a surrogate pair taken whole. */
static int parse_unicode_escape(parser *p)
{
    long u = hex4(p->s + p->pos + 2, p->n - p->pos - 2);
    if (u < 0)
        return fail(p, "invalid \\u escape (needs 4 hex digits)");
    if (is_low_surrogate(u))
        return fail(p, "unpaired surrogate \\u%04lX", u);
    if (is_high_surrogate(u)) {
        size_t next = p->pos + 6;
        long low = next + 1 < p->n && p->s[next] == '\\' && p->s[next + 1] == 'u'
                       ? hex4(p->s + next + 2, p->n - next - 2)
                       : -1;
        if (!is_low_surrogate(low))
            return fail(p, "unpaired surrogate \\u%04lX", u);
        p->pos += 6;
    }
    p->pos += 6;
    return 0;
}

static int parse_string(parser *p)
{
    p->pos++; /* the opening quote */
    while (p->pos < p->n) {
        unsigned char c = (unsigned char)p->s[p->pos];
        if (c == '"') {
            p->pos++;
            return 0;
        }
        if (c < 0x20)
            return fail(p, "control character 0x%02X in a string (must be escaped)", c);
        if (c != '\\') {
            p->pos++;
            continue;
        }
        if (p->pos + 1 >= p->n)
            break;
        char e = p->s[p->pos + 1];
        if (e == 'u') {
            if (parse_unicode_escape(p) < 0)
                return -1;
        } else if (e != '\0' && strchr("\"\\/bfnrt", e)) {
            p->pos += 2;
        } else {
            return fail(p, "invalid escape '\\%c' in a string", e >= 0x20 && e < 0x7F ? e : '?');
        }
    }
    return fail(p, "unterminated string");
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static void skip_digits(parser *p)
{
    while (p->pos < p->n && is_digit(p->s[p->pos]))
        p->pos++;
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int parse_number(parser *p)
{
    if (p->s[p->pos] == '-')
        p->pos++;
    if (p->pos >= p->n || !is_digit(p->s[p->pos]))
        return fail(p, "invalid number (digit expected)");
    if (p->s[p->pos] == '0') {
        p->pos++;
        if (p->pos < p->n && is_digit(p->s[p->pos]))
            return fail(p, "invalid number (leading zero)");
    } else {
        skip_digits(p);
    }
    if (p->pos < p->n && p->s[p->pos] == '.') {
        p->pos++;
        if (p->pos >= p->n || !is_digit(p->s[p->pos]))
            return fail(p, "invalid number (digit expected after '.')");
        skip_digits(p);
    }
    if (p->pos < p->n && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
        p->pos++;
        if (p->pos < p->n && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
            p->pos++;
        if (p->pos >= p->n || !is_digit(p->s[p->pos]))
            return fail(p, "invalid number (digit expected in the exponent)");
        skip_digits(p);
    }
    return 0;
}

static int parse_literal(parser *p, const char *word)
{
    size_t len = strlen(word);
    if (p->n - p->pos < len || memcmp(p->s + p->pos, word, len) != 0)
        return fail(p, "invalid literal (expected a value)");
    p->pos += len;
    return 0;
}

static int parse_value(parser *p, json_type *type);

static int enter(parser *p)
{
    if (++p->depth > JSON_MAX_DEPTH)
        return fail(p, "nesting deeper than %d levels", JSON_MAX_DEPTH);
    p->pos++; /* the opening bracket */
    skip_space(p);
    return 0;
}

/* The closing bracket at p->pos: consumed, and the container ends. */
static bool closes(parser *p, char close)
{
    if (p->pos >= p->n || p->s[p->pos] != close)
        return false;
    p->pos++;
    p->depth--;
    return true;
}

/* After an element: 1 on ',' (another follows), 0 on the closing bracket
   (consumed), else -1 with the error. */
static int next_or_close(parser *p, char close, const char *what)
{
    skip_space(p);
    if (p->pos < p->n && p->s[p->pos] == ',') {
        p->pos++;
        return 1;
    }
    if (closes(p, close))
        return 0;
    return fail(p, "expected ',' or '%c' in %s, found %s", close, what, found(p));
}

static int parse_array(parser *p)
{
    if (enter(p) < 0)
        return -1;
    if (closes(p, ']'))
        return 0;
    for (;;) {
        json_type t;
        skip_space(p);
        if (parse_value(p, &t) < 0)
            return -1;
        int more = next_or_close(p, ']', "an array");
        if (more <= 0)
            return more;
    }
}

static void record_member(json_object *obj, const json_member *m)
{
    if (obj->count == obj->cap) {
        obj->cap = obj->cap ? obj->cap * 2 : 16;
        obj->members = xrealloc(obj->members, obj->cap * sizeof *obj->members);
    }
    obj->members[obj->count++] = *m;
}

/* One "key": value member at p->pos into *m. */
static int parse_member(parser *p, json_member *m)
{
    skip_space(p);
    if (p->pos >= p->n || p->s[p->pos] != '"')
        return fail(p, "expected a string key in an object, found %s", found(p));
    m->key_start = p->pos;
    if (parse_string(p) < 0)
        return -1;
    m->key_end = p->pos;
    skip_space(p);
    if (p->pos >= p->n || p->s[p->pos] != ':')
        return fail(p, "expected ':' after an object key, found %s", found(p));
    p->pos++;
    skip_space(p);
    m->value_start = p->pos;
    if (parse_value(p, &m->type) < 0)
        return -1;
    m->value_end = p->pos;
    return 0;
}

static int parse_object(parser *p)
{
    if (enter(p) < 0)
        return -1;
    bool top = p->depth == 1;
    int more = closes(p, '}') ? 0 : 1;
    while (more > 0) {
        json_member m;
        if (parse_member(p, &m) < 0)
            return -1;
        if (top)
            record_member(p->top, &m);
        more = next_or_close(p, '}', "an object");
    }
    if (more == 0 && top)
        p->top->close = p->pos - 1; /* the closing brace */
    return more;
}

static int parse_value(parser *p, json_type *type)
{
    if (p->pos >= p->n)
        return fail(p, "unexpected end of line (expected a value)");
    switch (p->s[p->pos]) {
    case '{': *type = JSON_OBJECT; return parse_object(p);
    case '[': *type = JSON_ARRAY; return parse_array(p);
    case '"': *type = JSON_STRING; return parse_string(p);
    case 't': *type = JSON_BOOL; return parse_literal(p, "true");
    case 'f': *type = JSON_BOOL; return parse_literal(p, "false");
    case 'n': *type = JSON_NULL; return parse_literal(p, "null");
    default:
        *type = JSON_NUMBER;
        if (p->s[p->pos] == '-' || is_digit(p->s[p->pos]))
            return parse_number(p);
        return fail(p, "expected a value, found %s", found(p));
    }
}

int json_parse_object(json_object *obj, const char *s, size_t n, char *err, size_t errlen)
{
    obj->count = 0;
    obj->close = 0;
    parser p = {.s = s, .n = n, .top = obj, .err = err, .errlen = errlen};
    skip_space(&p);
    if (p.pos >= n)
        return fail(&p, "empty record (a JSON object is expected)");
    if (s[p.pos] != '{')
        return fail(&p, "a record must be a JSON object");
    if (parse_object(&p) < 0)
        return -1;
    skip_space(&p);
    if (p.pos < n)
        return fail(&p, "unexpected characters after the object");
    return 0;
}

void json_object_free(json_object *obj)
{
    free(obj->members);
    memset(obj, 0, sizeof *obj);
}

static void append_utf8(buf *out, unsigned long u)
{
    char b[4];
    size_t n;
    if (u < 0x80) {
        b[0] = (char)u;
        n = 1;
    } else if (u < 0x800) {
        b[0] = (char)(0xC0 | (u >> 6));
        b[1] = (char)(0x80 | (u & 0x3F));
        n = 2;
    } else if (u < 0x10000) {
        b[0] = (char)(0xE0 | (u >> 12));
        b[1] = (char)(0x80 | ((u >> 6) & 0x3F));
        b[2] = (char)(0x80 | (u & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (u >> 18));
        b[1] = (char)(0x80 | ((u >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((u >> 6) & 0x3F));
        b[3] = (char)(0x80 | (u & 0x3F));
        n = 4;
    }
    buf_append(out, b, n);
}

void json_decode_string(const char *tok, size_t n, buf *out)
{
    const char *s = tok + 1, *end = tok + n - 1; /* inside the quotes */
    buf_reserve(out, (size_t)(end - s));
    while (s < end) {
        const char *bs = memchr(s, '\\', (size_t)(end - s));
        if (!bs) {
            buf_append(out, s, (size_t)(end - s));
            return;
        }
        buf_append(out, s, (size_t)(bs - s));
        char e = bs[1];
        s = bs + 2;
        switch (e) {
        case 'b': buf_append_char(out, '\b'); break;
        case 'f': buf_append_char(out, '\f'); break;
        case 'n': buf_append_char(out, '\n'); break;
        case 'r': buf_append_char(out, '\r'); break;
        case 't': buf_append_char(out, '\t'); break;
        case 'u': {
            unsigned long u = (unsigned long)hex4(s, 4);
            s += 4;
            if (is_high_surrogate((long)u)) { /* validated: a low surrogate follows */
                unsigned long low = (unsigned long)hex4(s + 2, 4);
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                s += 6;
            }
            append_utf8(out, u);
            break;
        }
        default: buf_append_char(out, e); /* " \ / */
        }
    }
}

bool json_string_is(const char *tok, size_t n, const char *name)
{
    size_t len = strlen(name);
    if (!memchr(tok, '\\', n)) /* the usual case: compare in place */
        return n == len + 2 && memcmp(tok + 1, name, len) == 0;
    buf decoded = {0};
    json_decode_string(tok, n, &decoded);
    bool same = decoded.len == len && memcmp(decoded.data, name, len) == 0;
    buf_free(&decoded);
    return same;
}

/* The encoder, beside the decoder: the report, ids and changed texts. */
void json_append_string(buf *b, const char *s, size_t n)
{
    buf_append_char(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': buf_append_str(b, "\\\""); break;
        case '\\': buf_append_str(b, "\\\\"); break;
        case '\n': buf_append_str(b, "\\n"); break;
        case '\r': buf_append_str(b, "\\r"); break;
        case '\t': buf_append_str(b, "\\t"); break;
        default:
            if (c < 0x20)
                buf_printf(b, "\\u%04x", c);
            else
                buf_append_char(b, (char)c);
        }
    }
    buf_append_char(b, '"');
}
