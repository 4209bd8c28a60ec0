/* Strict JSON (RFC 8259) for JSON Lines records: validates one object and
   gives its top-level members as byte ranges, so that everything but the
   fields mtclean rewrites can be copied through byte for byte. */
#ifndef MTC_JSON_H
#define MTC_JSON_H
#include "buf.h"
#include <stdbool.h>
#include <stddef.h>

/* Deeper nesting is rejected: the parser is recursive. */
#define JSON_MAX_DEPTH 512

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json_member {
    size_t key_start, key_end;     /* the key's string token, quotes included */
    size_t value_start, value_end; /* the value's bytes */
    json_type type;
} json_member;

typedef struct json_object {
    json_member *members;
    size_t count, cap;
    size_t close; /* offset of the closing brace */
} json_object;

/* Parses s[0..n) as one JSON object, whitespace around it allowed. Returns 0,
   or -1 with "REASON at byte N" (N counted from 1) in err. Bytes >= 0x80 in
   strings are taken as they are: ill-formed UTF-8 is the text pipeline's to
   count, not a reason to lose a record. */
int json_parse_object(json_object *obj, const char *s, size_t n, char *err, size_t errlen);
void json_object_free(json_object *obj);

/* Appends the text of a string token (quotes included) that
   json_parse_object accepted: escapes decoded, \uXXXX as UTF-8. */
void json_decode_string(const char *tok, size_t n, buf *out);
/* Appends s[0..n) as a JSON string token: quotes, backslash and control
   characters escaped, other bytes as they are. */
void json_append_string(buf *b, const char *s, size_t n);
/* Whether a string token decodes to name. */
bool json_string_is(const char *tok, size_t n, const char *name);
#endif
