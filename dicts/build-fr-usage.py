#!/usr/bin/env python3
"""Builds dicts/fr-usage.txt: how often French technical text uses English
words ("root", "make", "mount", "shell"), for the lone-English-word model
(filter/lib/lone.h): a word French writers use is a loanword or a command
name, not English left by MT.

Text: the French man pages of manpages-fr (/usr/share/man/fr, roff read
crudely: request lines dropped, font escapes removed). A paragraph counts
only when its function words are mostly French. Words: those the English
word list knows (wamerican-large, /usr/share/dict/american-english-large),
case-folded, seen at least MIN_COUNT times.

Evaluation text is held out as in build-wordfreq.py: a paragraph sharing a
run of six words with a sentence of the TSV files given is skipped.

Output: "word<TAB>per-million" lines, the header "total<TAB>tokens".
Usage: build-fr-usage.py [EVAL.tsv...] > dicts/fr-usage.txt
(the committed file: dicts/build-fr-usage.py tests/eval/mt/*.tsv
tests/eval/handbook/*.tsv tests/eval/mtnews/*.tsv > dicts/fr-usage.txt)
"""
import glob
import gzip
import importlib.util
import os
import re
import sys
import unicodedata
from collections import Counter

MIN_COUNT = 3
ENGLISH = "/usr/share/dict/american-english-large"
ROFF_ESCAPE = re.compile(r"\\f(?:\[[^\]]*\]|\(..|.)|\\\(..|\\\*(?:\(..|.)|\\[-&e ~|^0]")


def wordfreq_module():
    """build-wordfreq.py's word pattern, function words and held-out shingles."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "build-wordfreq.py")
    spec = importlib.util.spec_from_file_location("build_wordfreq", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def paragraphs(path):
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        para = []
        for line in f:
            if line.startswith((".", "'")):
                if para:
                    yield " ".join(para)
                    para = []
                continue
            para.append(ROFF_ESCAPE.sub(" ", line))
        if para:
            yield " ".join(para)


def main():
    wf = wordfreq_module()
    held = wf.held_out(sys.argv[1:])
    with open(ENGLISH, encoding="utf-8", errors="replace") as f:
        english = {w.strip().lower() for w in f if w.strip()}
    c, total, skipped = Counter(), 0, 0
    for path in sorted(glob.glob("/usr/share/man/fr/man*/*.gz")):
        for para in paragraphs(path):
            ws = [unicodedata.normalize("NFC", w).lower() for w in wf.WORD.findall(para)]
            a = sum(w in wf.FR_FUNC for w in ws)
            b = sum(w in wf.EN_FUNC for w in ws)
            if a < 1 or a <= 2 * b:
                continue
            if held and not held.isdisjoint(wf.shingles(ws)):
                skipped += 1
                continue
            total += len(ws)
            c.update(w for w in ws if w in english)
    sys.stderr.write("held out: %d paragraphs; %d tokens\n" % (skipped, total))
    out = sys.stdout
    out.write("# How often French man pages (manpages-fr) use words English knows,\n")
    out.write("# per million tokens; made by dicts/build-fr-usage.py (min count %d).\n" % MIN_COUNT)
    out.write("total\t%d\n" % total)
    for w in sorted(c):
        if c[w] >= MIN_COUNT:
            out.write("%s\t%.1f\n" % (w, c[w] * 1e6 / total))


if __name__ == "__main__":
    main()
