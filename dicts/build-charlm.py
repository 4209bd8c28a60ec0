#!/usr/bin/env python3
"""Builds dicts/charlm.txt: French and English character n-gram models of
word spellings, for mtclean's word labeller.

Training text (Debian packages, read where Debian installs them):
  French:  wfrench       /usr/share/dict/french
  English: wamerican-large /usr/share/dict/american-english-large
Each distinct word counts once (a model of what words of the language look
like, not of how often they occur). Words are case-folded and framed as
"^^^word$" so the first letters and the ending are modelled too.

Model: order ORDER (ORDER-1 characters of context), interpolated
Witten-Bell smoothing written in back-off form, as in an ARPA file:
  P(c|h) = stored p(h c)            when the n-gram "h c" is kept
         = bow(h) * P(c|h')        otherwise (h' = h less its first char)
with bow(h) = T(h) / (N(h) + T(h)) (T distinct continuations, N tokens):
exactly the interpolated estimate for kept n-grams. Highest-order n-grams
seen fewer than PRUNE times are dropped to keep the file small.

Output, one record a line, tab-separated, values in milli-nats (integers):
  # comments
  floor <tab> lang <tab> logp        (a character never seen)
  p <tab> lang <tab> ngram <tab> logp
  b <tab> lang <tab> context <tab> log-backoff
Usage: build-charlm.py [FR_WORDS EN_WORDS] > dicts/charlm.txt
"""
import math
import sys
import unicodedata
from collections import defaultdict

ORDER = 4
PRUNE = 3
PAD = "^"
END = "$"


def words(path):
    seen = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = unicodedata.normalize("NFC", line.strip()).lower()
            if not w or "'s" in w or any(c.isdigit() or c.isspace() for c in w):
                continue
            seen.add(w)
    return sorted(seen)


def train(ws):
    counts = [defaultdict(int) for _ in range(ORDER + 1)]  # counts[k][ngram of k chars]
    for w in ws:
        s = PAD * (ORDER - 1) + w + END
        for i in range(ORDER - 1, len(s)):
            for k in range(1, ORDER + 1):
                counts[k][s[i - k + 1:i + 1]] += 1
    return counts


def model(counts):
    """(probabilities, backoffs) in natural log, interpolated Witten-Bell."""
    ctx_n = [defaultdict(int) for _ in range(ORDER + 1)]
    ctx_t = [defaultdict(int) for _ in range(ORDER + 1)]
    for k in range(1, ORDER + 1):
        for g, c in counts[k].items():
            ctx_n[k][g[:-1]] += c
            ctx_t[k][g[:-1]] += 1
    vocab = len(counts[1]) + 1
    total = sum(counts[1].values())
    prob = {}
    floor = math.log(1.0 / (total + vocab))
    for g, c in counts[1].items():
        prob[g] = math.log((c + 1) / (total + vocab))  # add-one at order 1
    backoff = {}
    for k in range(2, ORDER + 1):
        for h in ctx_n[k]:
            n, t = ctx_n[k][h], ctx_t[k][h]
            backoff[h] = t / (n + t)
        for g, c in counts[k].items():
            if k == ORDER and c < PRUNE:
                continue
            h = g[:-1]
            n, t = ctx_n[k][h], ctx_t[k][h]
            lower = lookup(prob, backoff, g[1:], floor)
            prob[g] = math.log(c / (n + t) + (t / (n + t)) * math.exp(lower))
    return prob, {h: math.log(b) for h, b in backoff.items()}, floor


def lookup(prob, backoff, g, floor):
    if g in prob:
        return prob[g]
    if len(g) == 1:
        return floor
    b = backoff.get(g[:-1])
    return (math.log(b) if b else 0.0) + lookup(prob, backoff, g[1:], floor)


def main():
    fr_path = sys.argv[1] if len(sys.argv) > 2 else "/usr/share/dict/french"
    en_path = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/dict/american-english-large"
    out = sys.stdout
    out.write("# mtclean character n-gram models, made by dicts/build-charlm.py\n")
    out.write("order\t%d\n" % ORDER)
    out.write("# order %d, Witten-Bell, pruned below %d; fr from %s, en from %s\n" % (ORDER, PRUNE, fr_path, en_path))
    for lang, path in (("fr", fr_path), ("en", en_path)):
        prob, bow, floor = model(train(words(path)))
        out.write("floor\t%s\t%d\n" % (lang, round(floor * 1000)))
        for g in sorted(prob):
            out.write("p\t%s\t%s\t%d\n" % (lang, g, round(prob[g] * 1000)))
        for h in sorted(bow):
            # a context whose continuations are all kept needs no back-off;
            # one at the top order only matters if some continuation was pruned
            out.write("b\t%s\t%s\t%d\n" % (lang, h, round(bow[h] * 1000)))


if __name__ == "__main__":
    main()
