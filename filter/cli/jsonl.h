/* One JSON Lines record: where its text, id and quality fields are, and the
   record rebuilt around the cleaned text. Every other byte is kept. */
#ifndef MTC_JSONL_H
#define MTC_JSONL_H
#include "buf.h"
#include "json.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct jsonl_fields {
    const char *text;    /* the field cleaned */
    const char *id;      /* the field whose value is the report's "id" */
    const char *quality; /* the field the counters go in; NULL: none */
} jsonl_fields;

/* Byte ranges within the record line. */
typedef struct jsonl_layout {
    bool has_text;                /* the text field is there and is a string */
    size_t text_start, text_end;  /* its value, quotes included */
    bool has_id;
    size_t id_start, id_end;      /* the id field's value, any JSON type */
    bool has_quality;
    size_t quality_start, quality_end; /* an existing quality field's value, replaced in place */
    size_t insert_at;             /* after the last member: where a new quality member goes */
    bool empty;                   /* the object has no member */
} jsonl_layout;

/* Validates the record and finds the fields. Returns 0, or -1 with
   "invalid JSON: REASON at byte N" in err, or a field given twice: a text
   or quality field twice is an error, as which one to rewrite would be a
   guess. */
int jsonl_parse(jsonl_layout *lay, json_object *scratch, const char *line, size_t n, const jsonl_fields *fields,
                char *err, size_t errlen);

/* Appends the record with the text field's value replaced by text_json and,
   when quality_json is not NULL, the quality field set to it (replaced where
   it was, else added last). Both are JSON values. */
void jsonl_rebuild(buf *out, const char *line, size_t n, const jsonl_layout *lay, const jsonl_fields *fields,
                   const char *text_json, size_t text_json_len, const char *quality_json, size_t quality_json_len);
#endif
