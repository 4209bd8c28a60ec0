/* Unit tests of the JSON Lines record parser and rebuilder. */
#include "json.h"
#include "jsonl.h"
#include "tap.h"
#include <stdlib.h>

static char err[512];
static const jsonl_fields fields = {"text", "id", "mtclean"};

static void expect_valid(const char *record, const char *name)
{
    json_object obj = {0};
    int rc = json_parse_object(&obj, record, strlen(record), err, sizeof err);
    ok(rc == 0, "valid: %s", name);
    if (rc != 0)
        printf("#   %s\n", err);
    json_object_free(&obj);
}

static void expect_invalid(const char *record, const char *want)
{
    json_object obj = {0};
    int rc = json_parse_object(&obj, record, strlen(record), err, sizeof err);
    ok(rc < 0, "invalid: %s", record);
    is_str(rc < 0 ? err : "(accepted)", want, "  reason and byte");
    json_object_free(&obj);
}

static void test_grammar(void)
{
    expect_valid("{}", "empty object");
    expect_valid(" \t{ } \r", "whitespace around");
    expect_valid("{\"a\":[1,-0.5,2e10,-3E-2,0,1.25e+3],\"b\":{\"c\":[true,false,null,{}]},\"d\":[]}", "every type");
    expect_valid("{\"s\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"}", "every escape");
    expect_valid("{\"a\":1,\"a\":2}", "repeated key");
    expect_valid("{\"raw\":\"caf\xC3\xA9 \xFF\"}", "bytes >= 0x80 taken as they are");
    expect_invalid("", "empty record (a JSON object is expected) at byte 1");
    expect_invalid("[1]", "a record must be a JSON object at byte 1");
    expect_invalid("{\"a\":1,}", "expected a string key in an object, found '}' at byte 8");
    expect_invalid("{\"a\":1} {", "unexpected characters after the object at byte 9");
    expect_invalid("{\"a\" 1}", "expected ':' after an object key, found an unexpected character at byte 6");
    expect_invalid("{\"a\":[1 2]}", "expected ',' or ']' in an array, found an unexpected character at byte 9");
    expect_invalid("{\"a\":\"b", "unterminated string at byte 8");
    expect_invalid("{\"a\":\"\\x\"}", "invalid escape '\\x' in a string at byte 7");
    expect_invalid("{\"a\":\"\\u12G4\"}", "invalid \\u escape (needs 4 hex digits) at byte 7");
    expect_invalid("{\"a\":\"\\uD800\"}", "unpaired surrogate \\uD800 at byte 7");
    expect_invalid("{\"a\":\"\\uD800\\u0041\"}", "unpaired surrogate \\uD800 at byte 7");
    expect_invalid("{\"a\":\"\\uDC00\"}", "unpaired surrogate \\uDC00 at byte 7");
    expect_invalid("{\"a\":\"x\ty\"}", "control character 0x09 in a string (must be escaped) at byte 8");
    expect_invalid("{\"a\":012}", "invalid number (leading zero) at byte 7");
    expect_invalid("{\"a\":1.}", "invalid number (digit expected after '.') at byte 8");
    expect_invalid("{\"a\":1e}", "invalid number (digit expected in the exponent) at byte 8");
    expect_invalid("{\"a\":+1}", "expected a value, found an unexpected character at byte 6");
    expect_invalid("{\"a\":nul}", "invalid literal (expected a value) at byte 6");
    expect_invalid("{\"a\":NaN}", "expected a value, found an unexpected character at byte 6");
    expect_invalid("{\"a\":", "unexpected end of line (expected a value) at byte 6");

    char deep[2 * JSON_MAX_DEPTH + 16];
    size_t n = 0;
    n += (size_t)sprintf(deep, "{\"a\":");
    for (int i = 0; i < JSON_MAX_DEPTH; i++)
        deep[n++] = '[';
    for (int i = 0; i < JSON_MAX_DEPTH; i++)
        deep[n++] = ']';
    deep[n++] = '}';
    deep[n] = '\0';
    expect_invalid(deep, "nesting deeper than 512 levels at byte 517");
}

static void test_decode(void)
{
    const char *tok = "\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u20AC\\uD83D\\uDE00\\u0000z\"";
    buf out = {0};
    json_decode_string(tok, strlen(tok), &out);
    const char want[] = "a\"b\\c/d\n\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\0z";
    ok(out.len == sizeof want - 1 && memcmp(out.data, want, out.len) == 0,
       "decode: escapes, 2- 3- and 4-byte UTF-8, surrogate pair, NUL");
    buf_free(&out);
    ok(json_string_is("\"te\\u0078t\"", 11, "text"), "a key with an escape matches its decoded name");
    ok(!json_string_is("\"texts\"", 7, "text"), "a longer key does not match");
}

/* Rebuilds a record with a new text value and a quality object. */
static void expect_rebuild(const char *record, const char *want, const char *name)
{
    json_object obj = {0};
    jsonl_layout lay;
    buf out = {0};
    if (jsonl_parse(&lay, &obj, record, strlen(record), &fields, err, sizeof err) == 0 && lay.has_text)
        jsonl_rebuild(&out, record, strlen(record), &lay, &fields, "\"NEW\"", 5, "{\"q\":1}", 7);
    else
        buf_append_str(&out, "(no text)");
    is_str(out.data, want, name);
    buf_free(&out);
    json_object_free(&obj);
}

static void test_records(void)
{
    expect_rebuild("{\"id\":7, \"text\" : \"old\" ,\"x\":[1]}", "{\"id\":7, \"text\" : \"NEW\" ,\"x\":[1],\"mtclean\":{\"q\":1}}",
                   "text replaced in place, quality added last, spacing kept");
    expect_rebuild("{\"mtclean\":{\"old\":1},\"text\":\"a\"}", "{\"mtclean\":{\"q\":1},\"text\":\"NEW\"}",
                   "an existing quality field is replaced where it is");
    expect_rebuild("{\"text\":\"a\",\"mtclean\":null}", "{\"text\":\"NEW\",\"mtclean\":{\"q\":1}}",
                   "quality field after the text");
    expect_rebuild("{\"text\":null}", "(no text)", "a null text is no text");
    expect_rebuild("{\"id\":1}", "(no text)", "a record without text");

    json_object obj = {0};
    jsonl_layout lay;
    const char *rec = "{\"id\":{\"k\":[1]},\"text\":\"a\",\"id\":2}";
    ok(jsonl_parse(&lay, &obj, rec, strlen(rec), &fields, err, sizeof err) == 0 && lay.has_id &&
           strncmp(rec + lay.id_start, "{\"k\":[1]}", lay.id_end - lay.id_start) == 0,
       "the id is the first id field's value, of any type");
    rec = "{\"text\":\"a\",\"te\\u0078t\":\"b\"}";
    ok(jsonl_parse(&lay, &obj, rec, strlen(rec), &fields, err, sizeof err) < 0, "text given twice is an error");
    is_str(err, "field \"text\" given twice at byte 13", "  says which field and where");
    rec = "{\"text\":\"a\" x";
    ok(jsonl_parse(&lay, &obj, rec, strlen(rec), &fields, err, sizeof err) < 0, "malformed record");
    is_str(err, "invalid JSON: expected ',' or '}' in an object, found an unexpected character at byte 13",
           "  message starts with 'invalid JSON'");
    json_object_free(&obj);
}

int main(void)
{
    test_grammar();
    test_decode();
    test_records();
    return done_testing();
}
