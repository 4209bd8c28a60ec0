#!/usr/bin/env python3
"""Deterministic French news-like benchmark corpus for mtclean.

Builds documents from the articles in fixtures/ and writes them separated by
a form-feed line ("\\f"), so `mtclean --doc-sep="$(printf '\\f')"` applies:

  usage: gencorpus.py FIXTURES_DIR SIZE_BYTES [SEED] > corpus.txt

The same seed gives the same bytes on every machine and Python 3 version (own
PRNG, no `random`), and a smaller size gives a prefix of a larger one, so
the 20 MB and 200 MB corpora hold the same kind of text.

Documents: about half clean articles (paragraphs of clean-fr-*.txt, lightly
shuffled, spliced and with sentences swapped between paragraphs), a fifth
Forbes-style articles with their site chrome (boilerplate), the rest damaged
by machine translation (the Le Point text, or clean articles with damaged
paragraphs spliced in). Numbers and person/place names are varied, and about
one word in 150 gets a typo (letters swapped, dropped or doubled, an accent
lost): real news has a long tail of words never seen before, which is what
makes the verdict cache miss and Hunspell run.
"""
import os
import re
import sys

MASK = (1 << 64) - 1


class Rng:
    """splitmix64: tiny, fast enough, and identical everywhere."""

    def __init__(self, seed):
        self.s = seed & MASK

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def chance(self, per_mille):
        return self.below(1000) < per_mille

    def pick(self, seq):
        return seq[self.below(len(seq))]


# Names in the fixtures and what may stand in for them (same role, so the
# sentences stay plausible; all capitalised, so mtclean skips or knows them).
PEOPLE = ["Joe Biden", "Dominic Raab", "Frank Cilluffo", "Zhao Lijian", "Robert Hart",
          "Antony J. Blinken", "Emmanuel Macron", "Olaf Scholz", "Ursula von der Leyen",
          "Jean-Yves Le Drian", "Catherine Colonna", "Boris Johnson", "Liz Truss",
          "Anne Hidalgo", "Bruno Le Maire", "Pedro Sánchez", "Mario Draghi", "Justin Trudeau",
          "Jacinda Ardern", "Scott Morrison", "Fumio Kishida", "Wang Yi", "Xi Jinping",
          "Josep Borrell", "Charles Michel", "Thierry Breton", "Margrethe Vestager",
          "Élisabeth Borne", "Gérald Darmanin", "Sébastien Lecornu", "Amélie Oudéa-Castéra",
          "Hélène Dupont", "François Martin", "Chloé Lefèvre", "Benoît Moreau", "Zoé Girard",
          "Jérôme Fontaine", "Inès Rousseau", "Raphaël Mercier", "Léa Bonnet", "Noël Garnier"]
PLACES = ["Washington", "Pékin", "Londres", "Bruxelles", "Paris", "Berlin", "Madrid", "Rome",
          "Ottawa", "Canberra", "Tokyo", "Moscou", "Wellington", "Genève", "Lyon", "Marseille",
          "Toulouse", "Bordeaux", "Strasbourg", "Lille", "Nantes", "Montréal", "Québec",
          "Dakar", "Abidjan", "Tunis", "Alger", "Rabat", "Beyrouth", "Varsovie", "Vienne",
          "Lisbonne", "Athènes", "Stockholm", "Oslo", "Helsinki", "Copenhague", "Prague"]
COMPANIES = ["Microsoft", "Google", "Amazon", "Orange", "Thales", "Airbus", "Capgemini",
             "Atos", "Dassault", "Safran", "Ubisoft", "Cisco", "Oracle", "Huawei", "Alibaba"]

WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ]{5,}")
NUMBER = re.compile(r"\d+")
NAMES = re.compile("|".join(re.escape(n) for n in sorted(PEOPLE + PLACES + COMPANIES, key=len, reverse=True)))
SENTENCE_END = re.compile(r"(?<=[.!?»”])\s+(?=[A-ZÀÂÉÈÊÎÔÙÇ«“])")
UNACCENT = {"é": "e", "è": "e", "ê": "e", "à": "a", "â": "a", "ç": "c", "ô": "o", "î": "i", "û": "u", "ù": "u"}


class Sentence:
    """A sentence with the spans that may vary, found once."""

    def __init__(self, text):
        self.text = text
        spans = [(m.start(), m.end(), "num") for m in NUMBER.finditer(text)]
        for m in NAMES.finditer(text):
            kind = "person" if m.group() in PEOPLE else "company" if m.group() in COMPANIES else "place"
            spans.append((m.start(), m.end(), kind))
        taken = [False] * (len(text) + 1)
        for a, b, _ in spans:
            for i in range(a, b):
                taken[i] = True
        self.fixed = sorted(spans)
        self.words = [(m.start(), m.end()) for m in WORD.finditer(text) if not taken[m.start()]]

    def render(self, rng):
        if not self.fixed and not self.words:
            return self.text
        edits = []
        for a, b, kind in self.fixed:
            if kind == "num":
                n = b - a
                edits.append((a, b, str(rng.below(9) + 1) + "".join(str(rng.below(10)) for _ in range(n - 1))))
            elif rng.chance(700):
                edits.append((a, b, rng.pick(PEOPLE if kind == "person" else COMPANIES if kind == "company" else PLACES)))
        # About one word in 150 of all words; these spans are ~40% of them.
        for a, b in self.words:
            if rng.chance(17):
                edits.append((a, b, typo(rng, self.text[a:b])))
        if not edits:
            return self.text
        edits.sort()
        out, pos = [], 0
        for a, b, rep in edits:
            if a < pos:
                continue
            out.append(self.text[pos:a])
            out.append(rep)
            pos = b
        out.append(self.text[pos:])
        return "".join(out)


def typo(rng, w):
    i = 1 + rng.below(len(w) - 2)
    kind = rng.below(4)
    if kind == 0:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if kind == 1:
        return w[:i] + w[i + 1:]
    if kind == 2:
        return w[:i] + w[i] + w[i:]
    for j, c in enumerate(w):
        if c in UNACCENT:
            return w[:j] + UNACCENT[c] + w[j + 1:]
    return w[:i] + w[i] + w[i:]


class Paragraph:
    def __init__(self, line):
        self.sentences = [Sentence(s) for s in SENTENCE_END.split(line)] if line.strip() else [Sentence(line)]

    def render(self, rng, pool):
        parts = []
        for s in self.sentences:
            # Now and then a sentence from elsewhere: new paragraphs, same prose.
            if pool and len(self.sentences) > 1 and rng.chance(120):
                s = rng.pick(rng.pick(pool).sentences)
            parts.append(s.render(rng))
        return " ".join(parts)


def load(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    return [Paragraph(l) for l in lines if l.strip()]


def clean_article(rng, clean, donors):
    paras = list(rng.pick(clean))
    for _ in range(rng.below(3)):  # splice paragraphs of another article
        paras.insert(1 + rng.below(len(paras)), rng.pick(rng.pick(clean)))
    for _ in range(rng.below(3)):  # swap two body paragraphs, the lead stays first
        i = 1 + rng.below(len(paras) - 2)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    return [p.render(rng, donors) for p in paras]


def document(rng, clean, donors, forbes, lepoint):
    r = rng.below(100)
    if r < 55:
        return clean_article(rng, clean, donors)
    if r < 75:  # article with its site chrome
        return [p.render(rng, donors if rng.chance(300) else None) for p in forbes]
    if r < 88:
        return [p.render(rng, None) for p in lepoint]
    paras = clean_article(rng, clean, donors)
    for _ in range(1 + rng.below(3)):  # damaged paragraphs in a clean article
        paras.insert(1 + rng.below(len(paras)), rng.pick(lepoint[:22]).render(rng, None))
    return paras


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: gencorpus.py FIXTURES_DIR SIZE_BYTES [SEED]")
    fixtures, size = sys.argv[1], int(sys.argv[2])
    rng = Rng(int(sys.argv[3]) if len(sys.argv) == 4 else 20210719)
    clean = [load(os.path.join(fixtures, n)) for n in ("clean-fr-1.txt", "clean-fr-3.txt", "clean-fr-4.txt")]
    donors = [p for art in clean for p in art]
    forbes = load(os.path.join(fixtures, "clean-fr-forbes-boilerplate.txt"))
    lepoint = load(os.path.join(fixtures, "corrupted-lepoint.txt"))
    out = sys.stdout.buffer
    written = 0
    while written < size:
        paras = document(rng, clean, donors, forbes, lepoint)
        seps = ["\n" if rng.chance(400) else "\n\n" for _ in paras]
        seps[-1] = "\n"
        doc = "".join(p + s for p, s in zip(paras, seps)) + "\f\n"
        data = doc.encode("utf-8")
        out.write(data)
        written += len(data)


if __name__ == "__main__":
    main()
