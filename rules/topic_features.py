"""Page-level topical features of a line (issue 13), for fit_boiler.py --cv
--extra experiments: how much a line's content words overlap with the
page's own main prose, the whole page known (mtclean holds one line of
look-ahead; these would need the whole document before deciding).

A content word is as in boiler.c: letters or digits, not a number, 4 bytes
or more, in none of the stop-fr, stop-en, ui, time classes of boiler.words.
Prose lines are fit_boiler's is_prose (12 words or more, ending a
sentence). Each line's own words are taken out of the prose before it is
compared, so a prose line does not overlap with itself.

  topic_ovl    share of the line's content words found in the page's prose
  topic_cos    cosine of the line's TF-IDF vector and the prose centroid's
  topic_block  topic_ovl pooled over the line and its two non-blank neighbours
  topic_none   the line has no content word or the page no other prose
  topic_short  topic_ovl for a line of 3-20 words not ending a sentence (the
               headline and teaser shape), else 0
  topic_any    share of the line's content words found in any other line
  topic_early  topic_ovl of a line before the page's first prose line (where
               the page-so-far feature seen_in_prose is 0 by construction)
  topic_early_none  topic_none of such a line
  topic_gain   topic_ovl minus seen_in_prose (what the prose after adds)
  topic_p1_*   the same with the page's main text taken as its lines of 6
               words or more whose out-of-fold stage-1 probability is < P1_MAIN
               (the one that helps: topic_p1_ovl,topic_p1_none, README)
Experimental: mtclean computes none of these (fit_boiler.py refuses --extra
without --cv). The cosine's IDF is over all pages given (not per fold).
"""
import math
import os
import re
from collections import Counter

WORD = re.compile(r"[^\W_]+")
NAMES = ("topic_ovl", "topic_cos", "topic_block", "topic_none", "topic_short", "topic_any", "topic_early",
         "topic_early_none", "topic_gain")
_SKIP = None
_IDF = {}


def _skip_words(rules_dir=os.path.dirname(os.path.abspath(__file__))):
    global _SKIP
    if _SKIP is None:
        _SKIP = set()
        with open(os.path.join(rules_dir, "boiler.words"), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2 and parts[0] in ("stop-fr", "stop-en", "ui", "time"):
                    _SKIP.add(parts[1])
    return _SKIP


def content(line):
    skip = _skip_words()
    return [w for w in WORD.findall(line.lower())
            if not w.isdigit() and 4 <= len(w.encode()) < 64 and w not in skip]


def set_idf(pages):
    """Document frequencies over the given pages (the training pages)."""
    df = Counter()
    for _pid, lines, _labs in pages:
        df.update({w for line in lines for w in content(line)})
    n = len(pages)
    _IDF.clear()
    _IDF.update({w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items()})
    _IDF[None] = math.log(n + 1) + 1  # a word no page has


def _idf(w):
    return _IDF.get(w, _IDF.get(None, 1.0))


def page_topics(lines, prose, nb):
    """{line index: [features in NAMES order]} for the non-blank lines nb;
    prose: the indices of the prose lines."""
    words = {i: content(lines[i]) for i in nb}
    pc = Counter()
    for i in prose:
        pc.update(words[i])
    allc = Counter()
    for i in nb:
        allc.update(set(words[i]))
    prose_set = set(prose)

    def hits(i):
        own = Counter(words[i]) if i in prose_set else Counter()
        return sum(1 for w in words[i] if pc[w] - own[w] > 0), own

    out = {}
    for k, i in enumerate(nb):
        ws = words[i]
        h, own = hits(i)
        ovl = h / len(ws) if ws else 0.0
        other_prose = len(prose) - (i in prose_set) > 0
        # cosine of tf-idf vectors, the line against the prose without it
        lv = Counter(ws)
        num = sum(c * _idf(w) ** 2 * (pc[w] - own[w]) for w, c in lv.items())
        ln = math.sqrt(sum((c * _idf(w)) ** 2 for w, c in lv.items()))
        cn = math.sqrt(sum(((c - own[w]) * _idf(w)) ** 2 for w, c in pc.items() if c - own[w] > 0)) if other_prose else 0
        cos = num / (ln * cn) if ln and cn else 0.0
        bh = bn = 0
        for j in nb[max(0, k - 1):k + 2]:
            hj, _o = hits(j)
            bh += hj
            bn += len(words[j])
        anyv = sum(1 for w in set(ws) if allc[w] > 1) / len(set(ws)) if ws else 0.0
        out[i] = [ovl, cos, bh / bn if bn else 0.0, float(not ws or not other_prose), 0.0, anyv]
    return out, words


def short_shape(x, col):
    w = 2 ** (x[col["log_words"]] * 8) - 1
    return 2.5 <= w <= 20.5 and not x[col["end_sentence"]]


def pick(t, j, x, col):
    """Feature j of NAMES for the line with C features x and topics t."""
    if j == 4:
        return t[0] if short_shape(x, col) else 0.0
    if j in (6, 7):
        return t[0 if j == 6 else 3] if x[col["no_prose_yet"]] > 0 else 0.0
    if j == 8:
        return t[0] - x[col["seen_in_prose"]]
    return t[j]


P1_MAIN = float(os.environ.get("TOPIC_P1_MAIN", "0.25"))  # 0.15, 0.25, 0.35, 0.5 tried by --cv on dev (README)


def main_lines(page, p1, nb, col):
    """The lines stage 1 is sure are content (6 words or more)."""
    return [k for k in nb if p1[k] < P1_MAIN and 2 ** (page[k][col["log_words"]] * 8) - 1 >= 5.5]
