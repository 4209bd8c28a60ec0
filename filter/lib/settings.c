#include "settings.h"
#include "fsutil.h"
#include "lines.h"
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#define SETTING(k, field, lo, hi) {k, offsetof(mtc_config, field), lo, hi}
static const number_setting settings[] = {
    SETTING("segment.min_words", min_words, 0, 1e6),
    SETTING("mixed.min_fr_words", mixed_min_fr, 0, 1e6),
    SETTING("mixed.min_junk_words", mixed_min_junk, 1, 1e6),
    SETTING("mixed.min_span_evidence", mixed_min_span, 0, 1e6),
    SETTING("mixed.min_function_span_evidence", mixed_min_function_span, 0, 1e6),
    SETTING("mixed.lone_min_prob", mixed_lone_min_prob, 0, 1),
    SETTING("english.min_words", english_min_words, 1, 1e6),
    SETTING("english.min_share", english_min_share, 0, 1),
    SETTING("english.title_max_words", english_title_max, 0, 1e6),
    SETTING("model.dict_missing", m_dict_missing, 0, 1e3),
    SETTING("model.function_word", m_function, 0, 1e3),
    SETTING("model.never_french", m_en_only, 0, 1e3),
    SETTING("model.loanword", m_loan, 0, 1e3),
    SETTING("model.charlm_weight", m_lm_weight, 0, 1e3),
    SETTING("model.charlm_max", m_lm_max, 0, 1e3),
    SETTING("model.name", m_name_base, -1e3, 1e3),
    SETTING("model.name_unknown", m_name_unknown, 0, 1e3),
    SETTING("model.name_listed", m_name_listed, 0, 1e3),
    SETTING("model.name_initial", m_name_initial, 0, 1e3),
    SETTING("model.name_enter", m_name_enter, 0, 1e3),
    SETTING("model.switch", m_switch, 0, 1e3),
    SETTING("model.start_english", m_start_en, 0, 1e3),
    SETTING("model.short_letters", m_short_letters, 0, 100),
    SETTING("model.wordfreq_weight", m_freq_weight, 0, 1e3),
    SETTING("model.wordfreq_max", m_freq_max, 0, 1e3),
    SETTING("model.en_rare", m_en_rare, 0, 1e3),
    SETTING("model.name_french", m_name_french, 0, 1e3),
    SETTING("model.en_common_unknown", m_en_common_unknown, 0, 1e3),
    SETTING("model.en_common_min_odds", m_en_common_min_odds, -1e3, 1e3),
    SETTING("fluency.min_pairs", fluency_min_pairs, 0, 1e6),
    SETTING("fluency.min_expected", fluency_min_expected, 0, 1e9),
    SETTING("fluency.max_log_ratio", fluency_max_log_ratio, -1e3, 0),
    SETTING("confusion.min_log_ratio", confusion_min_log_ratio, 0, 1e3),
    SETTING("confusion.french_margin", confusion_french_margin, 0, 1e3),
    SETTING("confusion.smoothing", confusion_smoothing, 0, 1e9),
    SETTING("repair.repeat_min_words", repeat_min_words, 0, 40),
    SETTING("repair.repeat_max_gap", repeat_max_gap, 0, 10),
    SETTING("translate.timeout_ms", translate_timeout_ms, 10, 600000),
    SETTING("translate.max_failures", translate_max_failures, 1, 1e6),
    SETTING("translate.min_english_words", translate_min_english, 1, 1000),
    SETTING("translate.min_content_only_words", translate_min_content_only, 1, 1000),
    SETTING("translate.max_span_bytes", translate_max_span_bytes, 16, 1e6),
    SETTING("translate.english_min_french", translate_english_min_french, 1, 1000),
    SETTING("translate.clause_min_english", translate_clause_min_english, 1, 1000),
    SETTING("translate.clause_min_function", translate_clause_min_function, 1, 1000),
    SETTING("translate.max_leak_share", translate_max_leak_share, 0, 1),
    SETTING("translate.capitals_min_english", translate_capitals_min_english, 0, 1e6),
    SETTING("translate.capitals_min_share", translate_capitals_min_share, 0, 1),
    SETTING("cache.max_entries", cache_max_entries, 16, 1e8),
    SETTING("pcre2.match_limit", match_limit, 1000, 4e9),
    SETTING("pcre2.depth_limit", depth_limit, 100, 4e9),
    SETTING("input.max_line_bytes", max_line_bytes, 4096, 1e9),
    SETTING("boiler.threshold", boiler_threshold, 0, 2),
    SETTING("boiler.html_threshold", boiler_html_threshold, 0, 2),
    SETTING("boiler.doc_max_lines", boiler_doc_max_lines, 0, 1e7),
    SETTING("boiler.scan_bytes", boiler_scan_bytes, 64, 1e9),
    SETTING("boiler.repeat_min_docs", boiler_repeat_min_docs, 2, 4e9),
    SETTING("boiler.repeat_table_entries", boiler_repeat_table_entries, 16, 1e9),
    SETTING("boiler.repeat_max_bytes", boiler_repeat_max_bytes, 1, 1e9),
    SETTING("pcre2.jit_stack_bytes", jit_stack_bytes, 32768, 1e9),
    SETTING("rewrite.max_growth", rewrite_max_growth, 1, 1e3),
    SETTING("rewrite.min_room_bytes", rewrite_min_room, 0, 1e9),
};
#define N_SETTINGS (sizeof settings / sizeof settings[0])

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        *--e = '\0';
    return s;
}

bool split_key_value(char *s, char **key, char **val)
{
    char *eq = strchr(s, '=');
    if (!eq)
        return false;
    *eq = '\0';
    *key = trim(s);
    *val = trim(eq + 1);
    return true;
}

const char *number_setting_set(const number_setting *table, size_t n, void *base, const char *key,
                               const char *val, bool *seen)
{
    size_t k;
    for (k = 0; k < n && strcmp(table[k].key, key) != 0; k++)
        ;
    if (k == n)
        return "unknown setting";
    char *stop;
    errno = 0;
    double v = strtod(val, &stop);
    if (seen[k])
        return "setting given twice";
    if (!*val || *stop || errno || !isfinite(v))
        return "value is not a number";
    if (v < table[k].min || v > table[k].max)
        return "value out of range";
    *(double *)((char *)base + table[k].offset) = v;
    seen[k] = true;
    return NULL;
}

const char *number_setting_missing(const number_setting *table, size_t n, const bool *seen)
{
    for (size_t k = 0; k < n; k++)
        if (!seen[k])
            return table[k].key;
    return NULL;
}

int config_load_text(mtc_config *cfg, const char *name, const char *text, size_t len, char *err, size_t errlen)
{
    bool seen[N_SETTINGS] = {0};
    data_lines d;
    data_lines_open(&d, name, text, len, DATA_HASH_TAIL | DATA_SKIP_BLANK, err, errlen);
    d.what = "settings file";
    int rc;
    while ((rc = data_lines_next(&d)) > 0) {
        char *s = trim(d.line), *key, *val;
        const char *problem = "expected 'key = number'";
        if (split_key_value(s, &key, &val)) /* s is the key now, for the message */
            problem = number_setting_set(settings, N_SETTINGS, cfg, key, val, seen);
        if (problem) {
            rc = data_lines_fail(&d, "%s: '%s'", problem, s);
            break;
        }
    }
    data_lines_close(&d);
    const char *missing = rc < 0 ? NULL : number_setting_missing(settings, N_SETTINGS, seen);
    if (missing)
        snprintf(err, errlen, "%s: missing setting '%s'", name, missing);
    return rc < 0 || missing ? -1 : 0;
}

int config_load_file(mtc_config *cfg, const char *path, char *err, size_t errlen)
{
    buf text = {0};
    if (read_whole_file(path, &text, err, errlen) < 0)
        return -1;
    int rc = config_load_text(cfg, path, text.data ? text.data : "", text.len, err, errlen);
    buf_free(&text);
    return rc;
}
