#!/usr/bin/env python3
"""Build pages/NNN.txt, pages.tsv and labels.tsv from the annotated sources in src/.

Each src/NNN.ann file is:
    #url <url>
    #kind <news|regional|blog|forum|shop|gov|recipe|sport|mtcopy|other>
    <L> <text>        one line of the page, L = c|b|m|e|o (clean, boilerplate, mixed, english, other)
    (empty line)      a blank line of the page
The page text is the excerpt as returned by the `pages` search corpus; the label
letter and one space are a prefix added by the annotator and are stripped here.
"""
import hashlib, os, re, sys
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
CODES = {"c": "clean", "b": "boilerplate", "m": "mixed", "e": "english", "o": "other"}
KINDS = {"news", "regional", "blog", "forum", "shop", "gov", "recipe", "sport", "mtcopy", "other"}
# Blog/forum hosting platforms: each subdomain is a separate site.
PLATFORMS = {"blogspot.com", "wordpress.com", "over-blog.com", "canalblog.com",
             "rssing.com", "hypotheses.org", "clicforum.com"}
SECOND = {"gouv", "co", "com", "org", "net", "qc", "ac", "gc", "asso", "nom", "edu", "gov"}


def site_of(url):
    host = urlsplit(url).hostname.lower()
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in SECOND:
        reg = ".".join(parts[-3:])
    else:
        reg = ".".join(parts[-2:])
    if reg in PLATFORMS:
        return host[4:] if host.startswith("www.") else host
    return reg


def split_of(site):
    return "dev" if int(hashlib.md5(site.encode()).hexdigest(), 16) % 2 == 0 else "test"


def main():
    srcdir = os.path.join(HERE, "src")
    pagedir = os.path.join(HERE, "pages")
    os.makedirs(pagedir, exist_ok=True)
    rows, labs, errs = [], [], []
    for fn in sorted(os.listdir(srcdir)):
        if not fn.endswith(".ann"):
            continue
        pid = fn[:-4]
        meta, lines = {}, []
        with open(os.path.join(srcdir, fn), encoding="utf-8") as f:
            raw = f.read().split("\n")
        while raw and raw[-1].strip() == "":
            raw.pop()
        for n, l in enumerate(raw, 1):
            if l.startswith("#") and not lines and l[1:].split(" ", 1)[0] in ("url", "kind"):
                k, v = l[1:].split(" ", 1)
                meta[k] = v.strip()
                continue
            if l.strip() == "":
                lines.append((None, ""))
                continue
            if len(l) < 3 or l[0] not in CODES or l[1] != " ":
                errs.append(f"{fn}:{n}: bad annotated line {l!r}")
                continue
            lines.append((CODES[l[0]], l[2:].rstrip()))
        if "url" not in meta or meta.get("kind") not in KINDS:
            errs.append(f"{fn}: missing/bad #url or #kind")
            continue
        while lines and lines[0][0] is None:
            lines.pop(0)
        # The pages corpus prefixes some excerpts with " date YYYY-MM " (crawl
        # metadata, not page text): drop it like a tool-added marker.
        if lines and lines[0][0] is not None:
            m = re.match(r"^ ?date \d{4}-\d{2}(?:-\d{2})? ", lines[0][1])
            if m:
                lines[0] = (lines[0][0], lines[0][1][m.end():])
        text = "\n".join(t for _, t in lines) + "\n"
        with open(os.path.join(pagedir, pid + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        site = site_of(meta["url"])
        rows.append((pid, meta["url"], site, meta["kind"], split_of(site)))
        for i, (lab, t) in enumerate(lines, 1):
            if lab is not None:
                labs.append((pid, str(i), lab, t))
    if errs:
        print("\n".join(errs), file=sys.stderr)
        sys.exit(1)
    with open(os.path.join(HERE, "pages.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("id\turl\tsite\tkind\tsplit\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    with open(os.path.join(HERE, "labels.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("id\tline_no\tlabel\ttext\n")
        for r in labs:
            if "\t" in r[3]:
                print(f"warning: tab in text of {r[0]}:{r[1]}", file=sys.stderr)
            f.write("\t".join(r) + "\n")
    print(f"built {len(rows)} pages, {len(labs)} labelled lines")


if __name__ == "__main__":
    main()
