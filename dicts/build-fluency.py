#!/usr/bin/env python3
"""Builds dicts/fluency.txt: a French word-bigram model, for the detector's
fluency evidence (machine translation that leaves only French words, but in
an order and agreement no French writer uses: "qu'il est importants",
"problèmes qu'il", "de respect d'email").

Text (Debian packages, read where Debian installs them):
  libreoffice-help-fr  /usr/share/libreoffice/help/fr/text/**/*.html
  manpages-fr          /usr/share/man/fr/man*/*.gz (roff, requests dropped)
  gimp-help-fr         /usr/share/gimp/2.0/help/fr/*.html
  debian-faq-fr, developers-reference-fr, debian-edu-doc-fr (HTML)
Left out on purpose, so that no evaluation text is training text:
  - debian-handbook, debian-history, debian-reference: the mt set's sources
    (tests/eval/mt/sources.tsv) and the handbook set come from them;
  - every LibreOffice help page the mt set took a sentence from (the "lo:"
    documents of tests/eval/mt/sources.tsv, both splits);
  - any paragraph sharing a run of six words with a line of the TSV files
    given as arguments (the mt, mtnews, handbook and web sets);
  - the web set's pages are not in any Debian package.
A paragraph counts only when French function words outnumber English ones
(dicts/function-fr.txt and function-en.txt, a word on both counting for neither).

Tokens (filter/lib/fluency.c reads text the same way): lower-cased runs of
letters and digits; an elided word keeps its apostrophe ("l'", "qu'");
hyphens split; two words make a pair only when spaces alone part them
(punctuation, a hyphen, a dot break it); a token with a digit is "<num>";
a capitalised word that does not open the sentence is "<cap>" (names behave alike); a word outside
the vocabulary (the VOCAB most frequent) is "<unk>"; "<s>" opens a
paragraph's sentences.

The detector asks only how often two words meet against how often chance
would join them (expected = count(w1) * count(w2) / tokens), and only for
pairs expected at least MIN_EXPECTED times, so only those pairs are kept
(with every count, one included) and only the words that can be in one.
Output: "total<TAB>tokens<TAB>MIN_EXPECTED", then "u<TAB>word<TAB>count"
and "b<TAB>w1 w2<TAB>count".
Usage: build-fluency.py EVAL.tsv... > dicts/fluency.txt
The committed file was made with (in the source tree):
  dicts/build-fluency.py tests/eval/mt/sources.tsv tests/eval/mt/dev.tsv \
    tests/eval/mt/test.tsv tests/eval/mtnews/*.tsv tests/eval/handbook/*.tsv \
    tests/eval/web/labels.tsv > dicts/fluency.txt
"""
import glob
import gzip
import html
import os
import re
import sys
from collections import Counter

VOCAB = 30000
MIN_EXPECTED = 0.5
LETTERS = "0-9a-zàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœ"
TOKEN = re.compile("[%s]+(?:'(?=[%s]))?" % (LETTERS, LETTERS))
SPACES = " \t\n\r\v\f\u00a0\u202f"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒ"
SENT = re.compile(r"(?<=[.!?…:;])\s+")


def function_words(lang):
    """dicts/function-LANG.txt: the detector's LANG function words."""
    path = "%s/function-%s.txt" % (os.path.dirname(os.path.abspath(__file__)), lang)
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and not w.startswith("#")}


# A word on both lists ("a", "on") is evidence of neither.
FR_FUNC, EN_FUNC = function_words("fr"), function_words("en")
FR_FUNC, EN_FUNC = FR_FUNC - EN_FUNC, EN_FUNC - FR_FUNC


def lower(s):
    """ASCII, Latin-1 and Œ capitals only, as fluency.c folds them."""
    return "".join(chr(ord(c) + 32) if ("A" <= c <= "Z" or "À" <= c <= "Þ" and c != "×")
                   else "œ" if c == "Œ" else c for c in s)


def tokens(sentence):
    """The tokens of one sentence, before the vocabulary: (word, capitalised,
    joined), joined when only spaces (or an elision) part it from the word
    before: a pair across punctuation ("de, de", "debian.org de") is none."""
    s = sentence.replace("\u2019", "'")
    low = lower(s)
    out = []
    end = None
    for m in TOKEN.finditer(low):
        w = m.group(0)
        cap = s[m.start()] in UPPER
        if any(c.isdigit() for c in w):
            w = "<num>"
        out.append((w, cap, end is not None and not s[end:m.start()].strip(SPACES)))
        end = m.end()
    return out


def classed(sentence, vocab):
    """The model's token sequence of one sentence; None stands between two
    tokens that are not joined."""
    out = ["<s>"]
    for i, (w, cap, joined) in enumerate(tokens(sentence)):
        if cap and i > 0 and w != "<num>":
            w = "<cap>"
        elif w not in vocab and not w.startswith("<"):
            w = "<unk>"
        if i > 0 and not joined:
            out.append(None)
        out.append(w)
    return out


HTML = ["/usr/share/libreoffice/help/fr/text/**/*.html", "/usr/share/gimp/2.0/help/fr/**/*.html",
        "/usr/share/doc/debian/FAQ/fr/*.html", "/usr/share/developers-reference/fr/*.html",
        "/usr/share/doc/debian-edu-doc-fr/*.html"]


def html_paragraphs(skip_docs):
    lo = "/usr/share/libreoffice/help/fr/text/"
    paths = sorted(set(p for pattern in HTML for p in glob.glob(pattern, recursive=True)))
    for path in paths:
        if path.startswith(lo) and "lo:" + path[len(lo):-5] in skip_docs:
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        text = re.sub(r"<(pre|code|script|style)\b[^>]*>.*?</\1>", " ", text, flags=re.S | re.I)
        for block in re.split(r"<(?:p|div|li|td|h\d)\b[^>]*>", text):
            yield re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", block))).strip()


def man_paragraphs():
    for path in sorted(glob.glob("/usr/share/man/fr/man*/*.gz")):
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            par = []
            for line in f:
                if line.startswith((".", "'")):
                    if par:
                        yield " ".join(par)
                    par = []
                    continue
                line = re.sub(r"\\f[BIRP]|\\f\(..|\\\*\(..|\\\(..|\\[&-e]|\\.", " ", line)
                par.append(line.strip())
            if par:
                yield " ".join(par)


def held_out(paths):
    shingles, docs = set(), set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if path.endswith("sources.tsv"):
                    docs.add(cols[0])
                for col in cols[1:]:
                    ws = [t[0] for t in tokens(col)]
                    shingles.update(" ".join(ws[i:i + 6]) for i in range(len(ws) - 5))
    return shingles, docs


def french(ws):
    return sum(w in FR_FUNC for w in ws) > max(1, sum(w in EN_FUNC for w in ws))


def corpus(paths):
    shingles, docs = held_out(paths)
    skipped = 0
    for src in (html_paragraphs(docs), man_paragraphs()):
        for par in src:
            ws = [t[0] for t in tokens(par)]
            if len(ws) < 4 or not french(ws):
                continue
            if any(" ".join(ws[i:i + 6]) in shingles for i in range(len(ws) - 5)):
                skipped += 1
                continue
            for s in SENT.split(par):
                yield s
    print("skipped %d paragraphs sharing six words with evaluation text" % skipped, file=sys.stderr)


def main():
    sents = list(corpus(sys.argv[1:]))
    uni = Counter(t[0] for s in sents for t in tokens(s))
    vocab = {w for w, _ in uni.most_common(VOCAB)}
    unigrams, bigrams = Counter(), Counter()
    for s in sents:
        seq = classed(s, vocab)
        unigrams.update(w for w in seq if w)
        bigrams.update((a, b) for a, b in zip(seq, seq[1:]) if a and b)
    total = sum(unigrams.values())
    top = max(c for w, c in unigrams.items() if not w.startswith("<"))
    words = {w: c for w, c in unigrams.items() if not w.startswith("<") and c * top >= MIN_EXPECTED * total}
    kept = {(a, b): c for (a, b), c in bigrams.items()
            if a in words and b in words and words[a] * words[b] >= MIN_EXPECTED * total}
    out = sys.stdout
    out.write("# mtclean French word-bigram model, made by dicts/build-fluency.py\n")
    out.write("total\t%d\t%g\n" % (total, MIN_EXPECTED))
    for w, c in sorted(words.items(), key=lambda x: (-x[1], x[0])):
        out.write("u\t%s\t%d\n" % (w, c))
    for (a, b), c in sorted(kept.items(), key=lambda x: (-x[1], x[0])):
        out.write("b\t%s %s\t%d\n" % (a, b, c))


if __name__ == "__main__":
    main()
