/* The triage page's fixed markup (its style sheet and legend) and the
   escaping every piece of text on it goes through. */
#include "html_page.h"
#include <string.h>
#include <unicode/utf8.h>

const char html_page_head[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    /* No script, no fetch: input text can never run or load anything. */
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>mtclean triage report</title>\n"
    "<style>\n"
    ":root{--fr:#17603a;--en:#1746b8;--both:#5c6873;--unk:#8a4b00;--junk:#b3001b;--mixed:#d32f2f;"
    "--good:#2e7d32;--fair:#e0a000;--poor:#c62828;--rw:#7b1fa2;--line:#d8dee4}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;padding:20px;background:#f3f5f7;color:#1f2328;max-width:100%;"
    "font:14px/1.5 system-ui,\"DejaVu Sans\",sans-serif;display:flex;flex-direction:column;gap:18px}\n"
    /* Long words, URLs and ids wrap rather than widen the page. */
    "h1,h2,p,.text,td.l,td.why{overflow-wrap:anywhere}\n"
    ".card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px;min-width:0}\n"
    "h1{font-size:22px;margin:0 0 2px}h2{font-size:17px;margin:0 0 10px}h3{font-size:14px;margin:0 0 6px}\n"
    ".sub{color:#57606a;margin:0}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:8px 20px;margin-top:12px;font-size:13px;color:#3d444d}\n"
    ".legend .text{font-size:14px}\n"
    ".overview{margin:0 0 10px;color:#3d444d}\n"
    ".panels{display:flex;flex-wrap:wrap;gap:16px}.panels>*{flex:1 1 330px;min-width:0}\n"
    ".chart{margin:0}.chart svg{display:block;width:100%;height:auto}\n"
    ".chart figcaption{font-size:12.5px;color:#57606a}\n"
    ".grid{stroke:#e3e7eb}.axis{font-size:11px;fill:#57606a}.val{font-size:11px;fill:#1f2328}\n"
    ".bar.good,.meter .good{fill:var(--good);background:var(--good)}"
    ".bar.fair,.meter .fair{fill:var(--fair);background:var(--fair)}"
    ".bar.poor,.meter .poor{fill:var(--poor);background:var(--poor)}.bar.none{fill:#8c959f}\n"
    "table{border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums;width:100%}\n"
    "th,td{padding:3px 5px;text-align:right;border-bottom:1px solid #eaeef2;vertical-align:top}\n"
    "th{background:#f6f8fa;font-weight:600;font-size:11px;vertical-align:bottom}\n"
    "td{white-space:nowrap}td.l,td.why{white-space:normal}\n"
    "td.l,th.l,td.dn,td.id,td.why,td.st{text-align:left}\n"
    "td.id{max-width:220px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}\n"
    "td.why{min-width:180px;font-size:11.5px}.r{display:inline-block;margin-right:10px}\n"

    ".docs-table td.hot{color:var(--mixed);font-weight:700}\n"
    "tfoot td{font-weight:700;border-top:2px solid var(--line);border-bottom:0}\n"
    "tr.more td{text-align:left;color:#57606a;font-style:italic}\n"
    ".meter{display:inline-block;width:28px;height:8px;background:#e9ecef;border-radius:4px;"
    "margin-right:6px;vertical-align:middle;overflow:hidden}\n"
    ".meter span{display:block;height:100%}\n"
    ".doc h2 .n{display:inline-block;min-width:26px;padding:0 6px;margin-right:6px;border-radius:6px;"
    "background:#1f2328;color:#fff;text-align:center;font-size:13px}\n"
    ".badges,.counters,.totals{margin:0 0 6px;display:flex;flex-wrap:wrap;gap:4px}"
    ".badge,.counters span,.totals span{display:inline-block;padding:1px 9px;"
    "border-radius:10px;background:#eef1f4;font-size:12.5px}\n"
    ".counters span,.totals span{font-size:11.5px;background:#f6f8fa;color:#3d444d}\n"
    ".badge.good{background:#e3f1e4;color:#1b5e20}.badge.fair{background:#fdf1cf;color:#6b4d00}"
    ".badge.poor{background:#fbe3e3;color:#8e1b1b}"
    ".badge.dropped{background:#1f2328;color:#fff}.badge.notext{background:#d0d7de;color:#1f2328}\n"
    "td .badge{font-size:11px;padding:0 6px}.badge{white-space:nowrap}\n"
    ".rules,.reasons{margin:0 0 10px;font-size:12.5px;color:#57606a}"
    ".rules code{background:#f3f5f7;padding:0 4px;border-radius:3px}\n"
    ".text{font:16px/2.1 Georgia,\"DejaVu Serif\",serif;max-width:90ch}.text p{margin:0 0 .7em}\n"
    ".f{color:var(--fr)}.b{color:var(--both)}"
    ".e{color:var(--en);background:#dbe5ff;border-radius:2px;font-weight:600}"
    ".u{color:var(--unk);background:#ffe7b3;border-radius:2px}"
    ".j{color:#fff;background:var(--junk);border-radius:2px;padding:0 2px}\n"
    ".s.mixed{outline:2px solid var(--mixed);outline-offset:1px;border-radius:2px;background:#fff6f6}\n"
    ".s.english{outline:2px dashed var(--en);outline-offset:1px;border-radius:2px}\n"
    ".s.boilerplate,.s.dr{text-decoration:line-through;text-decoration-color:#333;opacity:.6}\n"
    ".s.rw{border-bottom:2px dotted var(--rw)}\n"
    /* The reason, always shown: generated content, so it is no part of the
       text (copying the text does not copy it). */
    ".s[data-why]::before{content:attr(data-why);display:inline-block;margin:0 4px 0 0;padding:0 5px;"
    "border-radius:3px;background:#57606a;color:#fff;font:600 10.5px/1.5 system-ui,\"DejaVu Sans\",sans-serif;"
    "vertical-align:2px;text-decoration:none}\n"
    ".s.mixed[data-why]::before{background:var(--mixed)}.s.english[data-why]::before{background:var(--en)}"
    ".s.rw[data-why]::before{background:var(--rw)}\n"
    ".more{color:#57606a;font-style:italic}\n"
    "footer{color:#57606a;font-size:12px}\n"
    "</style>\n"
    "</head>\n"
    "<body>\n";

const char html_legend[] =
    "<div class=\"legend\">"
    "<span class=\"text\"><span class=\"f\">mot</span> French</span>"
    "<span class=\"text\"><span class=\"e\">word</span> English</span>"
    "<span class=\"text\"><span class=\"b\">minute</span> French and English</span>"
    "<span class=\"text\"><span class=\"u\">xqzt</span> unknown</span>"
    "<span class=\"text\"><span class=\"j\">respekter</span> MT junk</span>"
    "<span class=\"text\">Paris</span><span>uncoloured: skipped (names, numbers, acronyms)</span>"
    "<span class=\"text\"><span class=\"s mixed\" data-why=\"mixed &#183; reason\">mixed segment</span></span>"
    "<span class=\"text\"><span class=\"s english\">English segment</span></span>"
    "<span class=\"text\"><span class=\"s boilerplate\">boilerplate or dropped</span></span>"
    "<span class=\"text\"><span class=\"s rw\">rewritten</span></span><span>the label before a segment says "
    "why it was marked; hover it for the counts and a rewrite's before &#8594; after</span>"
    "</div>\n";

/* Appends s as HTML text or attribute value: markup characters escaped,
   ill-formed UTF-8 and control characters shown as U+FFFD, and the bidi
   embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069)
   and marks (U+200E, U+200F, U+061C), which would silently reorder the text
   around them, shown as [U+202E]. */
void html_esc(buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            switch (c) {
            case '&': buf_append_str(b, "&amp;"); break;
            case '<': buf_append_str(b, "&lt;"); break;
            case '>': buf_append_str(b, "&gt;"); break;
            case '"': buf_append_str(b, "&quot;"); break;
            case '\'': buf_append_str(b, "&#39;"); break;
            default:
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
                    buf_append_str(b, "\xEF\xBF\xBD");
                else
                    buf_append_char(b, (char)c);
            }
            continue;
        }
        size_t start = i;
        int32_t pos = (int32_t)i; /* a segment is one line: far below 2 GB */
        UChar32 cp;
        U8_NEXT((const uint8_t *)s, pos, (int32_t)n, cp);
        i = (size_t)pos;
        if (cp < 0 || cp < 0xA0) /* ill-formed, or a C1 control */
            buf_append_str(b, "\xEF\xBF\xBD");
        else if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
                 cp == 0x061C)
            buf_printf(b, "[U+%04X]", (unsigned)cp);
        else
            buf_append(b, s + start, i - start);
    }
}

void html_esc_str(buf *b, const char *s) { html_esc(b, s, strlen(s)); }

const char *html_quality_class(double q) { return q >= 0.9 ? "good" : q >= 0.7 ? "fair" : "poor"; }
