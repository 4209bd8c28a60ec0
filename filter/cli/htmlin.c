#include "htmlin.h"
#include "report.h"
#include <string.h>

bool htmlin_is_html(input_kind kind, const char *p, size_t n)
{
    if (kind != INPUT_AUTO)
        return kind == INPUT_HTML;
    return mtc_looks_like_html(p, n < 4096 ? n : 4096);
}

static void member(buf *b, const char *name, const char *value)
{
    buf_printf(b, "\"%s\":", name);
    if (value)
        json_append_string(b, value, strlen(value));
    else
        buf_append_str(b, "null");
    buf_append_char(b, ',');
}

int htmlin_extract(const mtc_engine *engine, const char *p, size_t n, buf *text, buf *meta, char *err,
                   size_t errlen)
{
    mtc_html_doc doc;
    buf_clear(text);
    buf_clear(meta);
    if (mtc_extract_html(engine, p, n, &doc, err, errlen) < 0)
        return -1;
    buf_append(text, doc.text, doc.text_len);
    buf_append_str(meta, ",\"html\":{");
    member(meta, "title", doc.title);
    member(meta, "url", doc.url);
    member(meta, "lang", doc.lang);
    member(meta, "charset", doc.charset);
    buf_printf(meta, "\"html_bytes\":%zu,\"text_bytes\":%zu}", doc.html_bytes, doc.text_len);
    mtc_html_doc_free(&doc);
    return 0;
}
