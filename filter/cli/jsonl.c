#include "jsonl.h"
#include "report.h"
#include <stdio.h>
#include <string.h>

int jsonl_parse(jsonl_layout *lay, json_object *obj, const char *line, size_t n, const jsonl_fields *fields,
                char *err, size_t errlen)
{
    memset(lay, 0, sizeof *lay);
    char reason[256];
    if (json_parse_object(obj, line, n, reason, sizeof reason) < 0) {
        snprintf(err, errlen, "invalid JSON: %s", reason);
        return -1;
    }
    bool seen_text = false;
    for (size_t i = 0; i < obj->count; i++) {
        const json_member *m = &obj->members[i];
        const char *key = line + m->key_start;
        size_t key_len = m->key_end - m->key_start;
        if (json_string_is(key, key_len, fields->text)) {
            if (seen_text) {
                snprintf(err, errlen, "field \"%s\" given twice at byte %zu", fields->text, m->key_start + 1);
                return -1;
            }
            seen_text = true;
            lay->has_text = m->type == JSON_STRING;
            lay->text_start = m->value_start;
            lay->text_end = m->value_end;
        }
        if (!lay->has_id && json_string_is(key, key_len, fields->id)) { /* the first one, if repeated */
            lay->has_id = true;
            lay->id_start = m->value_start;
            lay->id_end = m->value_end;
        }
        if (fields->quality && json_string_is(key, key_len, fields->quality)) {
            if (lay->has_quality) {
                snprintf(err, errlen, "field \"%s\" given twice at byte %zu", fields->quality, m->key_start + 1);
                return -1;
            }
            lay->has_quality = true;
            lay->quality_start = m->value_start;
            lay->quality_end = m->value_end;
        }
    }
    lay->empty = obj->count == 0;
    lay->insert_at = lay->empty ? obj->close : obj->members[obj->count - 1].value_end;
    return 0;
}

typedef struct edit {
    size_t start, end;        /* the bytes replaced */
    const char *prefix;       /* written before the value: a new member's key */
    const char *value;
    size_t value_len;
} edit;

void jsonl_rebuild(buf *out, const char *line, size_t n, const jsonl_layout *lay, const jsonl_fields *fields,
                   const char *text_json, size_t text_json_len, const char *quality_json, size_t quality_json_len)
{
    edit edits[2];
    size_t count = 0;
    edits[count++] = (edit){lay->text_start, lay->text_end, NULL, text_json, text_json_len};
    buf key = {0};
    if (quality_json) {
        if (lay->has_quality) {
            edits[count++] = (edit){lay->quality_start, lay->quality_end, NULL, quality_json, quality_json_len};
        } else {
            if (!lay->empty)
                buf_append_char(&key, ',');
            json_append_string(&key, fields->quality, strlen(fields->quality));
            buf_append_char(&key, ':');
            edits[count++] = (edit){lay->insert_at, lay->insert_at, key.data, quality_json, quality_json_len};
        }
    }
    if (count == 2 && edits[1].start < edits[0].start) {
        edit first = edits[1];
        edits[1] = edits[0];
        edits[0] = first;
    }
    size_t pos = 0;
    for (size_t i = 0; i < count; i++) {
        buf_append(out, line + pos, edits[i].start - pos);
        if (edits[i].prefix)
            buf_append_str(out, edits[i].prefix);
        buf_append(out, edits[i].value, edits[i].value_len);
        pos = edits[i].end;
    }
    buf_append(out, line + pos, n - pos);
    buf_free(&key);
}
