#!/usr/bin/env python3
"""Builds dicts/wordfreq.txt: how often each common word occurs in French
and in English text, for the word labeller's evidence on words both
dictionaries know ("for", "in", "on", "but", "see", "like" are French words
too, but rare ones).

Text (Debian packages, HTML read where Debian installs them):
  French:  debian-handbook fr-FR, libreoffice-help-fr
  English: debian-handbook en-US, libreoffice-help-en-us
A paragraph counts for a language only when its function words are mostly
of that language (the French handbook leaves some paragraphs in English).
Text in <pre>, <code>, <script>, <style> is skipped.

Evaluation text is held out: a paragraph sharing any run of six words with
a sentence of the TSV files given as arguments (tests/eval/mt/*.tsv,
tests/eval/handbook/*.tsv: every column from the third on) is skipped, so
the measured figures are not on training text.

Output: "word<TAB>per-million-fr<TAB>per-million-en" for the words seen at
least MIN_COUNT times in either language, case-folded; the header line
"total<TAB>tokens-fr<TAB>tokens-en" gives the corpus sizes.
Usage: build-wordfreq.py [EVAL.tsv...] > dicts/wordfreq.txt
"""
import glob
import html
import re
import sys
import unicodedata
from collections import Counter

MIN_COUNT = 3
WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ]+", re.I)
FR_FUNC = set("le la les un une des du de et est dans pour sur avec que qui ne pas en au aux ce cette ces "
              "il elle ils on nous vous son sa ses leur par plus ou mais se sont être".split())
EN_FUNC = set("the a an of and is are to in for on with that this it be by from as or not which you "
              "your can will".split())
SOURCES = {
    "fr": ["/usr/share/doc/debian-handbook/html/fr-FR/*.html", "/usr/share/libreoffice/help/fr/text/**/*.html"],
    "en": ["/usr/share/doc/debian-handbook/html/en-US/*.html", "/usr/share/libreoffice/help/en-US/text/**/*.html"],
}


def paragraphs(pattern):
    for path in sorted(glob.glob(pattern, recursive=True)):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        text = re.sub(r"<(pre|code|script|style)\b[^>]*>.*?</\1>", " ", text, flags=re.S | re.I)
        for block in re.split(r"<(?:p|div|li|td|h\d)\b[^>]*>", text):
            yield html.unescape(re.sub(r"<[^>]+>", " ", block))


def shingles(ws, n=6):
    return {" ".join(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def held_out(paths):
    out = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                for col in line.rstrip("\n").split("\t")[2:]:
                    out |= shingles([w.lower() for w in WORD.findall(col)])
    return out


HELD_OUT = set()
SKIPPED = Counter()


def count(lang):
    own, other = (FR_FUNC, EN_FUNC) if lang == "fr" else (EN_FUNC, FR_FUNC)
    c = Counter()
    for pattern in SOURCES[lang]:
        for para in paragraphs(pattern):
            ws = [unicodedata.normalize("NFC", w).lower() for w in WORD.findall(para)]
            a = sum(w in own for w in ws)
            b = sum(w in other for w in ws)
            if a >= 1 and a > 2 * b:
                if HELD_OUT and not HELD_OUT.isdisjoint(shingles(ws)):
                    SKIPPED[lang] += 1
                    continue
                c.update(ws)
    return c


def main():
    HELD_OUT.update(held_out(sys.argv[1:]))
    fr, en = count("fr"), count("en")
    sys.stderr.write("held out: %d French, %d English paragraphs\n" % (SKIPPED["fr"], SKIPPED["en"]))
    nf, ne = sum(fr.values()), sum(en.values())
    out = sys.stdout
    out.write("# Word frequencies (per million tokens) in French and English text from\n")
    out.write("# Debian packages; made by dicts/build-wordfreq.py (min count %d).\n" % MIN_COUNT)
    out.write("total\t%d\t%d\n" % (nf, ne))
    for w in sorted(set(fr) | set(en)):
        if fr[w] >= MIN_COUNT or en[w] >= MIN_COUNT:
            out.write("%s\t%.1f\t%.1f\n" % (w, fr[w] * 1e6 / nf, en[w] * 1e6 / ne))


if __name__ == "__main__":
    main()
