"""Paragraph text from DocBook/LibreOffice-help HTML, stdlib only.

paragraphs(path) -> list of str, one per block (<p>, <div class="para">,
<dd>, <td>, <li> text not inside a nested block), in document order.
Text inside <code>/<tt>/<kbd>/<samp>/<var>/<pre> is kept but wrapped in
CODE_OPEN/CODE_CLOSE so a caller can drop or unwrap it (unwrap()).
"""
import html.parser
import re

CODE_OPEN, CODE_CLOSE = "\x01", "\x02"
BLOCK = {"p", "dd", "dt", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6",
         "blockquote", "title", "caption", "figcaption"}
CODE = {"code", "tt", "kbd", "samp", "var", "pre"}
SKIP = {"script", "style", "head"}
VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col",
        "embed", "source", "wbr"}


class _P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.buf = []
        self.stack = []      # (tag, is_block, is_code, is_skip)
        self.code = 0
        self.skip = 0

    def flush(self):
        t = "".join(self.buf)
        self.buf = []
        t = re.sub(r"\s+", " ", t).strip()
        t = t.replace(CODE_OPEN + CODE_CLOSE, "")
        if t.strip(CODE_OPEN + CODE_CLOSE + " "):
            self.out.append(t)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            if tag == "br":
                self.buf.append(" ")
            return
        cls = dict(attrs).get("class") or ""
        blk = tag in BLOCK or (tag == "div" and cls.split()[:1] == ["para"])
        if blk and not self.code:
            self.flush()
        is_code = tag in CODE
        is_skip = tag in SKIP
        if is_code:
            if not self.code:
                self.buf.append(CODE_OPEN)
            self.code += 1
        if is_skip:
            self.skip += 1
        self.stack.append((tag, blk, is_code, is_skip))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # pop to the matching tag (tolerate bad nesting)
        if not any(t == tag for t, *_ in self.stack):
            return
        while self.stack:
            t, blk, is_code, is_skip = self.stack.pop()
            if is_code:
                self.code -= 1
                if not self.code:
                    self.buf.append(CODE_CLOSE)
            if is_skip:
                self.skip -= 1
            if blk and not self.code:
                self.flush()
            if t == tag:
                break

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)

    def close(self):
        super().close()
        self.flush()


def paragraphs(path):
    p = _P()
    with open(path, encoding="utf-8", errors="replace") as f:
        p.feed(f.read())
    p.close()
    return p.out


def unwrap(t):
    return re.sub(r"\s+", " ", t.replace(CODE_OPEN, "").replace(CODE_CLOSE, "")).strip()
