#include "explain.h"
#include <inttypes.h>

void explain_header(buf *out)
{
    buf_append_str(out, "doc\tlabel\trule\tfr\ten\tboth\tunknown\tjunk\tswitches\ttext\trepaired\ttranslated\tresidual\n");
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
    /* After the text, what repair made of it: "-" when it wrote it unchanged (or dropped it). */
    buf_append_char(ex->out, '\t');
    if (info->rewritten && info->output)
        append_tsv_field(ex->out, info->output, info->output_len);
    else
        buf_append_char(ex->out, '-');
    buf_printf(ex->out, "\t%u\t%s\n", info->translated, info->residual ? "yes" : "no");
}
