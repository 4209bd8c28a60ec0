#!/usr/bin/env python3
"""Real French text for make bench: every text block of the debian-handbook
package's French edition (/usr/share/doc/debian-handbook/html/fr-FR/*.html),
one paragraph a line (blocks found by tests/eval/mt/htmltext.py, inline-code
marks removed), the whole book written COPIES times.
    python3 bench/handbook.py COPIES > handbook.txt
Exit 2 with a one-line message when the package is not installed."""
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "eval", "mt"))
import htmltext  # noqa: E402

BOOK = "/usr/share/doc/debian-handbook/html/fr-FR"


def main():
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    pages = sorted(glob.glob(os.path.join(BOOK, "*.html")))
    if not pages:
        sys.exit("bench/handbook.py: %s has no pages (apt-get install debian-handbook)" % BOOK)
    lines = []
    for page in pages:
        for block in htmltext.paragraphs(page):
            text = htmltext.unwrap(block).replace(htmltext.CODE_OPEN, "").replace(htmltext.CODE_CLOSE, "")
            text = " ".join(text.split())
            if text:
                lines.append(text)
    book = "\n".join(lines) + "\n"
    out = sys.stdout.buffer
    for _ in range(copies):
        out.write(book.encode("utf-8"))


if __name__ == "__main__":
    main()
