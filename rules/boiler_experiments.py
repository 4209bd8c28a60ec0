#!/usr/bin/env python3
"""Experiments on the boilerplate classifier, cross-validated on the dev
split of the web set (5 folds by site, as fit_boiler.py --cv); nothing here
is shipped, the script only reproduces the figures of README "Boilerplate"
(what was tried and did not help).

    python3 rules/boiler_experiments.py [--data DIR] [--only trees,pairs,bigrams,prefixes,smooth,htmlbench,precedence]

After make (it runs tests/boiler-features and ./mtclean). Each experiment
prints the best F1 with clean bytes lost <= 1%, beside the shipped model's
out-of-fold figure:
  trees       gradient-boosted trees (rules/boost.py) on the stage-2
              features, boosting the logistic regression's out-of-fold
              margin, or alone from a constant;
  pairs       products of features a linear model cannot form (the reader
              addressed AND UI words, UI words in a sentence-long line, the
              lexicon score in a long line, ...);
  bigrams     a lexicon (per-word logistic regression) over word pairs, and
              over words and pairs, as one more feature;
  prefixes    a lexicon over the words' first 5 or 6 letters (a crude stem:
              "abonnant" shares "abonn" with "abonnez"), as one more feature;
  smooth      a second pass over the page (jusText's neighbour rules, learnt):
              a regression on the line's out-of-fold logit and the mean, max
              and min logits of the K lines before and after (K = 1, 3, 5);
  htmlbench   more training pages: the html-bench tune half (English news
              pages, tests/eval/html-bench), their whole visible text one
              block a line, a line clean when most of its 3-word shingles
              are in the human article body, boilerplate when none is
              (never scored; the held-out half is not read);
  precedence  a lower threshold for lines the MT detector marks mixed
              (is a damaged chrome line boilerplate at a lower probability?).
"""
import argparse
import gzip
import hashlib
import html.parser
import json
import math
import os
import re
import sys
from urllib.parse import urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import boost  # noqa: E402
import fit_boiler as fb  # noqa: E402


def best(rows, prob):
    return max(fb.sweep(rows, prob), key=lambda x: x[4] if x[3] <= 1.0 else -1)


def show(what, b):
    print(f"{what:40} t {b[0]:.2f} P {b[1]:.3f} R {b[2]:.3f} lost {b[3]:.2f}% F1 {b[4]:.3f}", flush=True)


def build(data, extra=()):
    """The shipped model's stage-2 rows and out-of-fold probabilities (as
    fit_boiler.main); extra: more (page, site) to train on, never scored."""
    pages, sites = fb.load_pages(data, "dev")
    pages, sites = fb.augment_glued(pages, sites)
    for page, site in extra:
        pages.append(page)
        sites.append(site)
    fold = fb.site_folds(sites)
    names, vecs = fb.crossfit_features("tests/boiler-features", "rules", pages, sites, fold)
    fb.COL.update({n: k for k, n in enumerate(names)})
    fb.LOG_WORDS, fb.WORDS_LE5 = names.index("log_words"), names.index("words_le5")
    p1 = fb.crossfit_stage1(pages, vecs, fold)
    pprev = p1
    for _ in range(2):
        rows = fb.context_rows(pages, vecs, pprev, p1)
        pprev = fb.crossfit_stage2(pages, rows, fold)
    rows = fb.context_rows(pages, vecs, pprev, p1)
    return pages, sites, fold, names, rows, fb.crossfit_stage2(pages, rows, fold)


def logit(p):
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def trees(ctx, use_base, **kw):
    pages, _s, fold, _n, rows, oof = ctx
    order = {pid: k for k, (pid, _l, _b) in enumerate(pages)}
    res = {}
    for f in range(fb.FOLDS):
        tr = [r for r in rows if fold[order[r[0]]] != f]
        xs, ys, ws = fb.examples(tr)
        prior = logit(sum(y * w for y, w in zip(ys, ws)) / sum(ws))
        base = [logit(oof[order[r[0]]][r[1]]) if use_base else prior for r in tr if r[2] in fb.LABELLED]
        model = boost.fit_trees(xs, ys, ws, base, **kw)
        for r in rows:
            if fold[order[r[0]]] == f:
                z = logit(oof[order[r[0]]][r[1]]) if use_base else prior
                res[(r[0], r[1])] = boost.sigmoid(z + boost.trees_margin(model, r[3]))
    show(("on the margin " if use_base else "alone ") + ",".join(f"{k}={v}" for k, v in kw.items()),
         best(rows, lambda r: res[(r[0], r[1])]))


def with_columns(ctx, what, col):
    """The logistic stage 2 cross-fitted with one more column col(pid, i, x)."""
    pages, _s, fold, _n, rows, _o = ctx
    order = {pid: k for k, (pid, _l, _b) in enumerate(pages)}
    rr = [(a, b, c, x + [col(a, b, x)], n) for a, b, c, x, n in rows]
    oof = fb.crossfit_stage2(pages, rr, fold)
    show(what, best(rr, lambda r: oof[order[r[0]]][r[1]]))


def pairs(ctx):
    c = {n: k for k, n in enumerate(ctx[3])}

    def long(x):  # 6 words or more: sentence-like
        return float(2 ** (x[c["log_words"]] * 8) - 1 >= 6)

    def you(x):
        return float(x[c["you_share"]] > 0 or x[c["imperative"]] > 0)

    tried = {"you x ui_count": lambda x: you(x) * x[c["ui_count"]],
             "ui_count x long": lambda x: x[c["ui_count"]] * long(x),
             "lexicon x long": lambda x: x[c["lexicon"]] * long(x),
             "vocab_max x long": lambda x: x[c["vocab_max"]] * long(x),
             "lexicon x since_prose": lambda x: x[c["lexicon"]] * x[c["since_prose"]],
             "end_sentence x no_prose_yet": lambda x: x[c["end_sentence"]] * x[c["no_prose_yet"]]}
    for what, f in tried.items():
        with_columns(ctx, "+ " + what, lambda _p, _i, x, f=f: f(x))


def bigrams(ctx, with_words):
    def grams(w):
        return (list(w) if with_words else []) + [a + " " + b for a, b in zip(w, w[1:])]
    lexicon_column(ctx, grams, "+ lexicon of " + ("words and pairs" if with_words else "word pairs"))


def lexicon_column(ctx, tokens, what):
    """One more column: a lexicon over tokens(words of the line), cross-fitted by fold."""
    pages, sites, fold, _n, _r, _o = ctx
    plain = fb.words

    def grams(line):
        return tokens(plain(line))

    col = {}
    fb.words = grams  # build_lexicon reads the lines' words through fb.words
    try:
        for f in range(fb.FOLDS):  # each fold's column from a lexicon of the other folds
            tr = [k for k in range(len(pages)) if fold[k] != f]
            lex = fb.build_lexicon(*fb.real([pages[k] for k in tr], [sites[k] for k in tr]))
            for k in (k for k in range(len(pages)) if fold[k] == f):
                for i, line in enumerate(pages[k][1]):
                    g = [lex[x] for x in grams(line) if x in lex]
                    col[(pages[k][0], i)] = math.tanh(sum(g) / math.sqrt(len(g)) / 2) if g else 0.0
    finally:
        fb.words = plain
    with_columns(ctx, what, lambda p, i, _x: col[(p, i)])


def smooth(ctx, k):
    pages, _s, fold, _n, rows, oof = ctx
    order = {pid: j for j, (pid, _l, _b) in enumerate(pages)}
    seq = {}
    for pid, i, _lab, _x, _m in rows:
        seq.setdefault(pid, []).append(i)
    pos = {(pid, i): j for pid, ii in seq.items() for j, i in enumerate(ii)}

    def feats(pid, i):
        ii, j, p = seq[pid], pos[(pid, i)], oof[order[pid]]
        before = [logit(p[x]) for x in ii[max(0, j - k):j]]
        after = [logit(p[x]) for x in ii[j + 1:j + 1 + k]]
        mean = lambda v: sum(v) / len(v) if v else 0.0  # noqa: E731
        return [1.0, logit(p[i]), mean(before), mean(after), float(not before), float(not after),
                max(after, default=0.0), min(after, default=0.0), max(before, default=0.0)]

    rr = [(pid, i, lab, feats(pid, i), m) for pid, i, lab, _x, m in rows]
    res = {}
    for f in range(fb.FOLDS):
        w = fb.fit(*fb.examples([r for r in rr if fold[order[r[0]]] != f]))
        res.update({(r[0], r[1]): fb.predict(w, r[3]) for r in rr if fold[order[r[0]]] == f})
    show(f"second pass, {k} lines each side", best(rr, lambda r: res[(r[0], r[1])]))


def precedence(ctx, data, threshold):
    """Lines the detector marks mixed (flag mode, shipped rules) made
    boilerplate at a lower out-of-fold probability t_mixed."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "eval"))
    import boiler_eval as be
    pages, _s, _f, _n, rows, oof = ctx
    order = {pid: k for k, (pid, _l, _b) in enumerate(pages)}
    docs = be.load(data, "dev")
    marks = be.run_mtclean("./mtclean", "rules", ".", docs, [])
    mixed = {(pid, i) for (pid, _s, _l, _b), page in zip(docs, marks)
             for i, (_b2, m, tot) in enumerate(page) if tot and 2 * m >= tot}
    n = {lab: sum(1 for r in rows if r[2] == lab and (r[0], r[1]) in mixed) for lab in fb.LABELLED}
    print("dev lines the detector marks mixed, by label:", n)
    for t in (threshold, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1):
        def prob(r, t=t):
            p = oof[order[r[0]]][r[1]]
            return 1.0 if (r[0], r[1]) in mixed and p >= t else p
        show(f"mixed lines at p >= {t:.2f}", [x for x in fb.sweep(rows, prob) if abs(x[0] - threshold) < 1e-9][0])


class VisibleText(html.parser.HTMLParser):
    """A page's visible text, a line per block element."""
    BLOCK = set("p div li ul ol h1 h2 h3 h4 h5 h6 br tr td th table section article header footer nav aside "
                "form blockquote pre dt dd figcaption title button option label".split())
    SKIP = {"script", "style", "noscript", "template", "svg", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.skip = [""], 0

    def handle_starttag(self, tag, _attrs):
        self.skip += tag in self.SKIP
        if tag in self.BLOCK:
            self.lines.append("")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag in self.BLOCK:
            self.lines.append("")

    def handle_data(self, d):
        if not self.skip:
            self.lines[-1] += d


def htmlbench_pages(bench="tests/eval/html-bench", max_lines=400):
    """[((page id, lines, labels), site)] of the tune half (html_eval.py's split)."""
    gt = json.load(open(os.path.join(bench, "ground-truth.json"), encoding="utf-8"))
    out = []
    for pid in sorted(gt):
        if hashlib.sha256(("mtclean-html-split:" + pid).encode()).digest()[0] % 2:
            continue  # held-out
        parser = VisibleText()
        with gzip.open(os.path.join(bench, "html", pid + ".html.gz")) as f:
            parser.feed(f.read().decode("utf-8", "replace"))
        body = re.findall(r"\w+", gt[pid]["articleBody"].lower())
        shingles, body_words = {tuple(body[i:i + 3]) for i in range(len(body) - 2)}, set(body)
        lines, labs = [], []
        for line in (re.sub(r"\s+", " ", x).strip() for x in parser.lines):
            toks = re.findall(r"\w+", line.lower())
            if not toks:
                continue
            if len(toks) >= 3:
                s = [tuple(toks[i:i + 3]) for i in range(len(toks) - 2)]
                share = sum(x in shingles for x in s) / len(s)
                lab = "clean" if share >= 0.5 else "boilerplate" if share == 0 else "other"
            else:  # a short line of the body's words is a heading or a menu item: unknown
                lab = "other" if all(x in body_words for x in toks) else "boilerplate"
            lines.append(line)
            labs.append(lab)
            if len(lines) >= max_lines:
                break
        out.append((("hb" + pid[:8] + fb.GLUE_TAG, lines, labs), "hb:" + urlsplit(gt[pid]["url"]).hostname))
    return out  # the GLUE_TAG suffix keeps them out of the scores and the vocabulary, as the glued copies


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("WEB_DATA", "tests/eval/web"))
    ap.add_argument("--only", default="trees,pairs,bigrams,precedence")
    a = ap.parse_args()
    only = set(a.only.split(","))
    ctx = build(a.data)
    order = {pid: k for k, (pid, _l, _b) in enumerate(ctx[0])}
    show("shipped model (logistic, 2 stages)", best(ctx[4], lambda r: ctx[5][order[r[0]]][r[1]]))
    if "trees" in only:
        trees(ctx, True, rounds=100, depth=3, rate=0.1)
        trees(ctx, True, rounds=60, depth=2, rate=0.05, lam=10.0, min_hess=5.0)
        trees(ctx, False, rounds=200, depth=3, rate=0.1)
    if "pairs" in only:
        pairs(ctx)
    if "bigrams" in only:
        bigrams(ctx, False)
        bigrams(ctx, True)
    if "prefixes" in only:
        for n in (5, 6):
            lexicon_column(ctx, lambda w, n=n: [x[:n] for x in w], f"+ lexicon of {n}-letter prefixes")
    if "smooth" in only:
        for k in (1, 3, 5):
            smooth(ctx, k)
    if "htmlbench" in only:
        more = htmlbench_pages()
        alt = build(a.data, more)
        order2 = {pid: k for k, (pid, _l, _b) in enumerate(alt[0])}
        show(f"+ {len(more)} html-bench tune pages", best(alt[4], lambda r: alt[5][order2[r[0]]][r[1]]))
    if "precedence" in only:
        conf = os.path.join(os.path.dirname(os.path.abspath(__file__)), "default.conf")
        t = [float(l.split("=")[1]) for l in open(conf, encoding="utf-8") if l.startswith("boiler.threshold")][0]
        precedence(ctx, a.data, t)


if __name__ == "__main__":
    main()
