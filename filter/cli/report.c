#include "report.h"
#include <inttypes.h>
#include <string.h>

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

void report_append_counters(buf *b, const mtc_engine *engine, const mtc_stats *st)
{
    const char *sep = "";
#define MTC_REPORT_FIELD(name)                 \
    buf_append_str(b, sep);                    \
    buf_append_str(b, "\"" #name "\":");        \
    buf_append_u64(b, st->name);               \
    sep = ",";
    MTC_STATS_FIELDS(MTC_REPORT_FIELD)
#undef MTC_REPORT_FIELD
    buf_printf(b, ",\"quality\":%.4f,\"rules\":{", mtc_stats_quality(st));
    sep = "";
    for (size_t i = 0; i < mtc_engine_rule_count(engine); i++) {
        if (!st->rule_hits[i])
            continue;
        buf_append_str(b, sep);
        const char *name = mtc_engine_rule_name(engine, i);
        json_append_string(b, name, strlen(name));
        buf_append_char(b, ':');
        buf_append_u64(b, st->rule_hits[i]);
        sep = ",";
    }
    buf_append_char(b, '}');
}

void report_append_entry(buf *b, const mtc_engine *engine, uint64_t doc, const char *id_json, size_t id_json_len,
                         const mtc_stats *st, const char *extra)
{
    buf_printf(b, "{\"doc\":%" PRIu64 ",\"id\":", doc);
    if (id_json)
        buf_append(b, id_json, id_json_len);
    else
        buf_append_str(b, "null");
    buf_append_char(b, ',');
    report_append_counters(b, engine, st);
    if (extra)
        buf_append_str(b, extra);
    buf_append_str(b, "}\n");
}

void report_append(buf *b, const mtc_engine *engine, uint64_t doc, const char *id, size_t id_len,
                   const mtc_stats *st)
{
    buf id_json = {0};
    if (id)
        json_append_string(&id_json, id, id_len);
    report_append_entry(b, engine, doc, id ? id_json.data : NULL, id_json.len, st, NULL);
    buf_free(&id_json);
}
