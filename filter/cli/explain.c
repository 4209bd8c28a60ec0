#include "explain.h"
#include <inttypes.h>
#include <stdbool.h>

void explain_header(buf *out)
{
    buf_append_str(out, "doc\tlabel\trule\tfr\ten\tboth\tunknown\tjunk\tswitches\ttext\treason\twords\n");
}

/* Text with tabs, newlines and backslashes escaped, so a line stays a line. */
static void append_tsv_field(buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '\t': buf_append_str(out, "\\t"); break;
        case '\n': buf_append_str(out, "\\n"); break;
        case '\r': buf_append_str(out, "\\r"); break;
        case '\\': buf_append_str(out, "\\\\"); break;
        default: buf_append_char(out, s[i]);
        }
    }
}

void explain_segment(void *ctx, const mtc_segment_info *info)
{
    explain *ex = ctx;
    buf_printf(ex->out, "%" PRIu64 "\t%s\t%s\t%u\t%u\t%u\t%u\t%u\t%u\t", ex->doc, info->label,
               info->rule ? info->rule : "-", info->fr, info->en, info->both, info->unknown, info->junk,
               info->switches);
    append_tsv_field(ex->out, info->text, info->len);
    /* Why the label, and the words the labeller took for English or names. */
    buf_printf(ex->out, "\t%s\t", info->reason ? info->reason : "-");
    bool any = false;
    for (size_t i = 0; i < info->n_words; i++) {
        const mtc_word_info *wi = &info->words[i];
        if (wi->lang != MTC_LANG_EN && wi->lang != MTC_LANG_NAME)
            continue;
        if (any)
            buf_append_char(ex->out, ' ');
        append_tsv_field(ex->out, info->text + wi->start, wi->len);
        buf_append_str(ex->out, wi->lang == MTC_LANG_EN ? "/en" : "/name");
        any = true;
    }
    buf_append_str(ex->out, any ? "\n" : "-\n");
}
