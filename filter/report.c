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

void report_append(buf *b, const mtc_engine *engine, uint64_t doc, const char *id, size_t id_len,
                   const mtc_stats *st)
{
    buf_printf(b, "{\"doc\":%" PRIu64 ",\"id\":", doc);
    if (id)
        json_append_string(b, id, id_len);
    else
        buf_append_str(b, "null");
#define MTC_REPORT_FIELD(name) buf_printf(b, ",\"" #name "\":%" PRIu64, st->name);
    MTC_STATS_FIELDS(MTC_REPORT_FIELD)
#undef MTC_REPORT_FIELD
    buf_printf(b, ",\"quality\":%.4f,\"rules\":{", mtc_stats_quality(st));
    const char *sep = "";
    for (size_t i = 0; i < mtc_engine_rule_count(engine); i++) {
        if (!st->rule_hits[i])
            continue;
        buf_append_str(b, sep);
        const char *name = mtc_engine_rule_name(engine, i);
        json_append_string(b, name, strlen(name));
        buf_printf(b, ":%" PRIu32, st->rule_hits[i]);
        sep = ",";
    }
    buf_append_str(b, "}}\n");
}
