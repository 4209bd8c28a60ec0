/* --summarize: the summary of a corpus from its --report files.

   A corpus cleaned in shards (contrib/mtclean-split, a Dask or Hadoop job)
   has one report per shard; concatenated in shard order, they hold every
   counter the summary adds up, so the summary they make is the one a
   single run over the whole corpus writes, byte for byte. */
#include "summarize.h"
#include "input.h"
#include "json.h"
#include "summary.h"
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct report_line {
    mtc_stats st;
    bool has_text, dropped;
    reasons why;
} report_line;

static int parse_u64(const char *s, size_t n, uint64_t *v)
{
    if (n == 0 || n > 20 || s[0] == '-')
        return -1;
    char tmp[24];
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    char *end;
    errno = 0;
    unsigned long long x = strtoull(tmp, &end, 10);
    if (errno || *end)
        return -1;
    *v = (uint64_t)x;
    return 0;
}

/* The report lists rules in the engine's order, so the search goes on from
   the rule found last: two rules of one name (a flag and a rewrite) keep
   their own counts. */
static long rule_index(const mtc_engine *engine, const buf *name, size_t *from)
{
    size_t n = mtc_engine_rule_count(engine);
    for (size_t k = 0; k < n; k++) {
        size_t i = (*from + k) % n;
        if (strcmp(mtc_engine_rule_name(engine, i), name->data) == 0) {
            *from = i + 1;
            return (long)i;
        }
    }
    return -1;
}

/* The "rules" member: {"name":hits,...}, names of this engine's rules. */
static int add_rules(const mtc_engine *engine, const char *s, size_t n, mtc_stats *st, char *err, size_t errlen)
{
    json_object obj = {0};
    buf name = {0};
    size_t from = 0;
    int rc = json_parse_object(&obj, s, n, err, errlen);
    for (size_t i = 0; rc == 0 && i < obj.count; i++) {
        const json_member *m = &obj.members[i];
        name.len = 0;
        json_decode_string(s + m->key_start, m->key_end - m->key_start, &name);
        buf_append_char(&name, '\0');
        long k = rule_index(engine, &name, &from);
        uint64_t hits;
        if (k < 0)
            snprintf(err, errlen, "rule '%s' is not one of the rules loaded (other rules made this report?)",
                     name.data);
        else if (m->type != JSON_NUMBER || parse_u64(s + m->value_start, m->value_end - m->value_start, &hits) < 0)
            snprintf(err, errlen, "rule '%s': the count is not a whole number", name.data);
        else {
            st->rule_hits[k] += (uint32_t)hits;
            continue;
        }
        rc = -1;
    }
    buf_free(&name);
    json_object_free(&obj);
    return rc;
}

/* The "reasons" member: {"reason":count,...}. */
static int add_reasons(const char *s, size_t n, reasons *why, char *err, size_t errlen)
{
    json_object obj = {0};
    buf name = {0};
    int rc = json_parse_object(&obj, s, n, err, errlen);
    for (size_t i = 0; rc == 0 && i < obj.count; i++) {
        const json_member *m = &obj.members[i];
        uint64_t count;
        name.len = 0;
        json_decode_string(s + m->key_start, m->key_end - m->key_start, &name);
        if (m->type != JSON_NUMBER || parse_u64(s + m->value_start, m->value_end - m->value_start, &count) < 0) {
            snprintf(err, errlen, "reason '%.*s': the count is not a whole number", (int)name.len, name.data);
            rc = -1;
        } else {
            reasons_add(why, name.data, name.len, count);
        }
    }
    buf_free(&name);
    json_object_free(&obj);
    return rc;
}

/* One counter of MTC_STATS_FIELDS, by the key's name; 1 if the key is not one. */
static int set_counter(mtc_stats *st, const char *key, const char *v, size_t n)
{
#define MTC_SUMMARIZE_FIELD(field)                                  \
    if (strcmp(key, #field) == 0)                                   \
        return parse_u64(v, n, &st->field) < 0 ? -1 : 0;
    MTC_STATS_FIELDS(MTC_SUMMARIZE_FIELD)
#undef MTC_SUMMARIZE_FIELD
    return 1;
}

static int parse_member(const mtc_engine *engine, const char *s, const json_member *m, const buf *key,
                        report_line *r, char *err, size_t errlen)
{
    const char *v = s + m->value_start;
    size_t n = m->value_end - m->value_start;
    if (strcmp(key->data, "rules") == 0)
        return m->type == JSON_OBJECT ? add_rules(engine, v, n, &r->st, err, errlen)
                                      : (snprintf(err, errlen, "\"rules\" is not an object"), -1);
    if (strcmp(key->data, "reasons") == 0)
        return m->type == JSON_OBJECT ? add_reasons(v, n, &r->why, err, errlen)
                                      : (snprintf(err, errlen, "\"reasons\" is not an object"), -1);
    if (strcmp(key->data, "has_text") == 0 || strcmp(key->data, "dropped_document") == 0) {
        bool *flag = key->data[0] == 'h' ? &r->has_text : &r->dropped;
        *flag = m->type == JSON_BOOL && v[0] == 't';
        return 0;
    }
    int rc = set_counter(&r->st, key->data, v, n);
    if (rc < 0)
        snprintf(err, errlen, "\"%s\" is not a whole number", key->data);
    return rc < 0 ? -1 : 0; /* doc, id, quality and fields of newer versions: not needed */
}

static int parse_report_line(const mtc_engine *engine, const char *s, size_t n, report_line *r, char *err,
                             size_t errlen)
{
    json_object obj = {0};
    buf key = {0};
    mtc_stats_reset(&r->st, engine);
    r->has_text = true;
    r->dropped = false;
    reasons_clear(&r->why);
    int rc = json_parse_object(&obj, s, n, err, errlen);
    for (size_t i = 0; rc == 0 && i < obj.count; i++) {
        key.len = 0;
        json_decode_string(s + obj.members[i].key_start, obj.members[i].key_end - obj.members[i].key_start, &key);
        buf_append_char(&key, '\0');
        rc = parse_member(engine, s, &obj.members[i], &key, r, err, errlen);
    }
    buf_free(&key);
    json_object_free(&obj);
    return rc;
}

static int summarize_file(const mtc_engine *engine, const char *path, summary *sum, report_line *r, char *err,
                          size_t errlen)
{
    reader in;
    if (reader_open(&in, path, (size_t)1 << 30, err, errlen) < 0)
        return -1;
    const char *name = path && strcmp(path, "-") != 0 ? path : "(stdin)";
    const char *line;
    size_t n, eoln;
    uint64_t line_no = 0;
    int rc;
    char why[400];
    while ((rc = reader_next_line(&in, &line, &n, &eoln, err, errlen)) > 0) {
        line_no++;
        if (parse_report_line(engine, line, n, r, why, sizeof why) < 0) {
            snprintf(err, errlen, "%s:%" PRIu64 ": not a report line: %s", name, line_no, why);
            rc = -1;
            break;
        }
        summary_add(sum, &r->st, r->has_text, r->dropped, &r->why);
    }
    reader_close(&in);
    return rc;
}

int summarize_reports(const options *opt, const mtc_engine *engine, char *err, size_t errlen)
{
    summary sum;
    report_line r = {0};
    summary_init(&sum, engine);
    mtc_stats_init(&r.st, engine);
    int rc = 0;
    if (opt->n_inputs == 0)
        rc = summarize_file(engine, NULL, &sum, &r, err, errlen);
    for (int i = 0; rc == 0 && i < opt->n_inputs; i++)
        rc = summarize_file(engine, opt->inputs[i], &sum, &r, err, errlen);
    if (rc == 0) {
        buf text = {0};
        summary_format(&sum, &text, opt->jsonl ? opt->field : NULL, opt->min_quality_set ? opt->min_quality : -1.0);
        if (fwrite(text.data, 1, text.len, stdout) != text.len || fflush(stdout) != 0) {
            snprintf(err, errlen, "(stdout): %s", strerror(errno));
            rc = -1;
        }
        buf_free(&text);
    }
    mtc_stats_free(&r.st);
    reasons_free(&r.why);
    summary_free(&sum);
    return rc;
}
