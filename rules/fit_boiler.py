#!/usr/bin/env python3
"""Fits the boilerplate line classifier's weights (rules/boiler.weights).

    python3 rules/fit_boiler.py [--data DIR] [--split dev] [--features tests/boiler-features]
                                [--rules-dir rules] [-o rules/boiler.weights]

Data: the web set (pages/NNN.txt, pages.tsv, labels.tsv: one label per line,
clean/boilerplate/mixed/english/other), only the pages of --split (dev: the
test split is for tests/eval/boiler_eval.py). The per-line features come
from the C code itself (tests/boiler-features, built by make), so training
and mtclean compute the same numbers.

Also writes the vocabulary (rules/boiler.vocab, --vocab-out): each word's
log-odds of a boilerplate vs a clean line, from words seen on >= 3 sites.
And the lexicon (rules/boiler.lexicon, --lexicon-out): per-word weights of
a logistic regression on the words alone (build_lexicon), one more feature.
Folds are by site; each fold's features are computed with a vocabulary and a
lexicon built on the other folds, so the weights see out-of-fold scores.
--cv --dump FILE writes the out-of-fold probability of every line.

Two L2-regularised logistic regressions, fitted by Newton's method:
  stage 1: the line's own features -> P(boilerplate);
  stage 2: the same features plus the context (jusText's idea): the final
           probabilities of the two previous non-blank lines (mtclean has
           decided them already), the stage-1 probability of the next one
           (one line of look-ahead), and whether there is none. The
           probabilities stage 2 learns from are cross-fitted (5 folds by
           site), as they are out-of-sample when mtclean runs; prev_p is
           approximated by two rounds of cross-fitted stage-2 outputs.
Lines labelled "other" (table cells, list numbers) are context, not examples.
Prints, for candidate thresholds, precision/recall/clean-bytes-lost on the
training split (the threshold itself is boiler.threshold in default.conf).
"""
import argparse
import math
import os
import random
import re
import subprocess
import sys
import tempfile

import topic_features

DOC_SEP = "\x1e"
L2 = 8.0  # chosen by cross-validation on dev (2, 4, 8, 16, 32 tried with the lexicon feature)
PAGE_CAP = 15
LABELLED = ("clean", "boilerplate", "mixed", "english")
BYTE_WEIGHT = 0.75  # clean lines weigh (bytes/60)**this: the target counts clean text lost in bytes (chosen by --cv on dev: 0, 0.5, 0.75, 1, 1.5)
LOG_WORDS = WORDS_LE5 = None  # feature columns the context reads
FOLDS = 5
VOCAB_MIN_SITES = 3  # a word of fewer sites would carry one site's own chrome or topic
VOCAB_K = 1.0        # add-k smoothing of the word counts
VOCAB_CLIP = 4.0     # |log-odds| at most (the C code checks the same bound)
LEXICON_CLIP = 8.0   # |weight| of a lexicon word at most (the C code checks the same bound)
LEX_L2, LEX_EPOCHS, LEX_RATE = 3.0, 40, 0.2  # the lexicon's regression (L2 chosen by CV on dev: 0.3, 1, 3, 10)
WORD = re.compile(r"[^\W_]+")  # letters and digits, as the C scan cuts words


def load_pages(data, split):
    """[(page id, lines, labels)] and the site of each page."""
    pages, sites = [], {}
    with open(os.path.join(data, "pages.tsv"), encoding="utf-8") as f:
        next(f)
        for row in f:
            pid, _u, site, _k, sp = row.rstrip("\n").split("\t")
            if split in ("all", sp):
                pages.append(pid)
                sites[pid] = site
    labels = {}
    with open(os.path.join(data, "labels.tsv"), encoding="utf-8") as f:
        next(f)
        for row in f:
            pid, n, lab, _t = row.rstrip("\n").split("\t", 3)
            labels[(pid, int(n))] = lab
    out = []
    for pid in pages:
        with open(os.path.join(data, "pages", pid + ".txt"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        out.append((pid, lines, [labels.get((pid, i + 1)) for i in range(len(lines))]))
    return out, [sites[p] for p, _l, _b in out]


GLUE_TAG = "~glued"  # the page id of a page's copy with a menu glued (augment_glued)
GLUE_ITEM_WORDS = 4  # a menu item: a boilerplate line of at most this many words
GLUE_MIN_ITEMS = 3


def augment_glued(pages, sites):
    """A copy of each page whose runs of short boilerplate lines (menu
    items) are joined without spaces, as extractors produce when the links
    of a menu have no whitespace between them ("FAQCrédit d'impôtTutoriel
    vidéo"): the labelled pages hold few such lines, the web many. The copies
    train; they are not scored (real pages only) and build no vocabulary."""
    out, out_sites = [], []
    for (pid, lines, labs), site in zip(pages, sites):
        nl, nb, i, glued = [], [], 0, False
        while i < len(lines):
            j = i
            while (j < len(lines) and labs[j] == "boilerplate" and not is_blank(lines[j])
                   and len(lines[j].split()) <= GLUE_ITEM_WORDS):
                j += 1
            if j - i >= GLUE_MIN_ITEMS:
                nl.append("".join(x.strip() for x in lines[i:j]))
                nb.append("boilerplate")
                glued, i = True, j
            else:
                nl.append(lines[i])
                nb.append(labs[i])
                i += 1
        if glued:
            out.append((pid + GLUE_TAG, nl, nb))
            out_sites.append(site)
    return pages + out, sites + out_sites


def real(pages, sites):
    keep = [k for k, p in enumerate(pages) if not p[0].endswith(GLUE_TAG)]
    return [pages[k] for k in keep], [sites[k] for k in keep]


def words(line):
    """The line's words as the C scan sees them: lower-cased, accents kept, numbers left out."""
    return [w for w in WORD.findall(line.lower()) if not w.isdigit() and len(w.encode()) < 64]


def build_vocab(pages, sites):
    """Per-word log-odds of boilerplate vs the other labelled lines: token
    rates, each page weighing at most PAGE_CAP lines, add-k smoothed, clipped;
    only words seen on VOCAB_MIN_SITES sites or more (site chrome is shared
    vocabulary; a site's own names and topics are not)."""
    counts, where = {}, {}
    tot = [0.0, 0.0]
    for (_pid, lines, labs), site in zip(pages, sites):
        n = sum(1 for lab in labs if lab in LABELLED)
        wt = min(1.0, PAGE_CAP / n) if n else 0.0
        for line, lab in zip(lines, labs):
            if lab not in LABELLED:
                continue
            b = lab == "boilerplate"
            for w in words(line):
                c = counts.setdefault(w, [0.0, 0.0])
                c[b] += wt
                tot[b] += wt
                where.setdefault(w, set()).add(site)
    kept = [w for w in counts if len(where[w]) >= VOCAB_MIN_SITES]
    v = len(kept) + 1
    out = {}
    for w in kept:
        c = counts[w]
        lo = math.log((c[1] + VOCAB_K) / (tot[1] + VOCAB_K * v)) - math.log((c[0] + VOCAB_K) / (tot[0] + VOCAB_K * v))
        out[w] = max(-VOCAB_CLIP, min(VOCAB_CLIP, lo))
    return out


def build_lexicon(pages, sites):
    """Per-word weights of an L2-regularised logistic regression on the
    words alone (a bag of words, the line's score the weights' sum over the
    square root of the words it knows), fitted by stochastic gradient
    descent; words of VOCAB_MIN_SITES sites or more. Where the vocabulary's
    log-odds count each word on its own, the regression shares the evidence
    out among the words of a line ("mot de passe oublié": one cue, not three)."""
    where = {}
    for (_pid, lines, labs), site in zip(pages, sites):
        for line, lab in zip(lines, labs):
            if lab in LABELLED:
                for w in words(line):
                    where.setdefault(w, set()).add(site)
    keep = {w for w, s in where.items() if len(s) >= VOCAB_MIN_SITES}
    ex = []
    for (_pid, lines, labs), site in zip(pages, sites):
        n = sum(1 for lab in labs if lab in LABELLED)
        for line, lab in zip(lines, labs):
            if lab in LABELLED:
                ex.append(([w for w in words(line) if w in keep], 1.0 if lab == "boilerplate" else 0.0,
                           min(1.0, PAGE_CAP / n)))
    w, b = {k: 0.0 for k in keep}, 0.0
    total = sum(e[2] for e in ex)
    rnd = random.Random(1)
    for epoch in range(LEX_EPOCHS):
        rnd.shuffle(ex)
        eta = LEX_RATE / (1 + epoch * 0.1)
        for toks, y, wt in ex:
            s = 1 / math.sqrt(len(toks)) if toks else 0.0
            g = (sigmoid(b + sum(w[k] for k in toks) * s) - y) * wt
            b -= eta * g
            for k in toks:
                w[k] -= eta * (g * s + LEX_L2 * w[k] / total)
    return {k: max(-LEXICON_CLIP, min(LEXICON_CLIP, v)) for k, v in w.items() if abs(v) >= 0.0005}


def write_table(table, path, header):
    """A word<TAB>weight file: the header's comment lines, then the words sorted."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for w in sorted(table):
            f.write(f"{w}\t{table[w]:.3f}\n")


def write_lexicon(lex, path, what):
    write_table(lex, path,
                "# Per-word weights of a logistic regression on the words of a line (boilerplate vs not),\n"
                f"# written by rules/fit_boiler.py from {what}; words of >= {VOCAB_MIN_SITES} sites, L2 {LEX_L2:g},"
                f" clipped to +-{LEXICON_CLIP:g}. Do not edit: re-run the script.\n")


def write_vocab(vocab, path, what):
    write_table(vocab, path,
                "# Per-word log-odds (boilerplate vs clean lines), written by rules/fit_boiler.py\n"
                f"# from {what}; words of >= {VOCAB_MIN_SITES} sites, add-{VOCAB_K:g}, clipped to"
                f" +-{VOCAB_CLIP:g}. Do not edit: re-run the script.\n")


def site_folds(sites):
    """The fold of each page, by site (a site's pages stay together)."""
    order = {}
    for s in sites:
        order.setdefault(s, len(order))
    return [order[s] % FOLDS for s in sites]


def crossfit_features(tool, rules_dir, pages, sites, fold):
    """Every page's features with a vocabulary built on the other folds: the
    weights must learn what the vocabulary says of unseen sites."""
    vecs = [None] * len(pages)
    names = None
    with tempfile.TemporaryDirectory() as tmp:
        for f in range(FOLDS):
            train = [k for k in range(len(pages)) if fold[k] != f]
            test = [k for k in range(len(pages)) if fold[k] == f]
            path, lpath = os.path.join(tmp, "vocab"), os.path.join(tmp, "lexicon")
            tp, ts = real([pages[k] for k in train], [sites[k] for k in train])
            write_vocab(build_vocab(tp, ts), path, "a fold")
            write_lexicon(build_lexicon(tp, ts), lpath, "a fold")
            names, got = features(tool, rules_dir, [pages[k] for k in test], path, lpath)
            for k, v in zip(test, got):
                vecs[k] = v
    return names, vecs


def is_blank(line):
    return line.strip(" \t\f\v\u00a0") == ""


def features(tool, rules_dir, pages, vocab, lexicon):
    text = ("\n" + DOC_SEP + "\n").join("\n".join(lines) for _p, lines, _l in pages) + "\n"
    out = subprocess.run([tool, rules_dir, vocab, lexicon], input=text.encode(), stdout=subprocess.PIPE, check=True).stdout.decode()
    rows = out.split("\n")
    names = rows[0].split("\t")
    vecs, k = [], 1
    for _p, lines, _l in pages:
        page = []
        for _ in lines:
            page.append([float(x) for x in rows[k].split("\t")])
            k += 1
        k += 1  # "doc"
        vecs.append(page)
    return names, vecs


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c]:
                k = m[r][c] / m[c][c]
                for j in range(c, n + 1):
                    m[r][j] -= k * m[c][j]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def fit(xs, ys, ws=None, iters=25):
    d = len(xs[0])
    w = [0.0] * d
    ws = ws or [1.0] * len(xs)
    for _ in range(iters):
        g = [L2 * w[j] if j else 0.0 for j in range(d)]
        h = [[(L2 if i == j and i else 0.0) for j in range(d)] for i in range(d)]
        for x, y, sw in zip(xs, ys, ws):
            p = sigmoid(sum(a * b for a, b in zip(w, x)))
            r, s = (p - y) * sw, p * (1 - p) * sw
            nz = [(j, v) for j, v in enumerate(x) if v]
            for j, v in nz:
                g[j] += r * v
                hj = h[j]
                for k, u in nz:
                    hj[k] += s * v * u
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def predict(w, x):
    return sigmoid(sum(a * b for a, b in zip(w, x)))


def neighbours(lines):
    """Index of the previous and next non-blank line of each line (None at the ends)."""
    idx = [i for i, l in enumerate(lines) if not is_blank(l)]
    prev, nxt = {}, {}
    for k, i in enumerate(idx):
        prev[i] = idx[k - 1] if k else None
        nxt[i] = idx[k + 1] if k + 1 < len(idx) else None
    return prev, nxt


EXTRA = []  # experimental context features (names), see extra_ctx
COL = {}


def shape(x):
    w = 2 ** (x[COL["log_words"]] * 8) - 1
    ln = 1 if w <= 2.5 else 2 if w <= 5.5 else 3 if w <= 10.5 else 4 if w <= 20.5 else 5
    return ln * 4 + x[COL["end_sentence"]] * 2 + x[COL["first_caps"]]


def is_prose(x):
    return 2 ** (x[COL["log_words"]] * 8) - 1 >= 11.5 and x[COL["end_sentence"]] > 0


def extra_ctx(page, pp, i, a, b, st):
    out = []
    for name in EXTRA:
        if name == "run_p":
            out.append(st["run_sum"] / st["run_n"] if st["run_n"] else 0.0)
        elif name == "run_max":
            out.append(st["run_max"])
        elif name == "ema_p":
            out.append(st["ema"])
        elif name == "prev_end":
            out.append(page[a][COL["end_sentence"]] if a is not None else 0.0)
        elif name == "next_end":
            out.append(page[b][COL["end_sentence"]] if b is not None else 0.0)
        elif name == "prev_vocab":
            out.append(page[a][COL["vocab_mean"]] if a is not None else 0.0)
        elif name == "next_vocab":
            out.append(page[b][COL["vocab_mean"]] if b is not None else 0.0)
        elif name == "same_prev":
            out.append(float(a is not None and shape(page[a]) == shape(page[i])))
        elif name == "same_next":
            out.append(float(b is not None and shape(page[b]) == shape(page[i])))
        elif name == "next2_p":
            out.append(st["pn"][st["nxt"][b]] if b is not None and st["nxt"][b] is not None else 0.0)
        elif name == "next_ovl":
            out.append(page[b][COL["seen_before"]] if b is not None else 0.0)
        elif name in ("hl_after", "hl_run", "hl_novl", "short_top"):
            x = page[i]
            w = 2 ** (x[COL["log_words"]] * 8) - 1
            hl = 3.5 <= w <= 16.5 and not x[COL["end_sentence"]]
            if name == "hl_after":
                out.append(float(hl and x[COL["prose_before"]] > 0 and x[COL["seen_in_prose"]] < 0.34))
            elif name == "hl_run":
                out.append(float(hl and x[COL["shape_run"]] > 0))
            elif name == "hl_novl":
                out.append(float(hl and x[COL["seen_before"]] < 0.34))
            else:
                out.append(float(w <= 5.5 and x[COL["no_prose_yet"]] > 0))
        elif name in ("after_last", "outside", "page_mean", "until_prose"):
            # document level (the whole page seen; mtclean holds one line of
            # look-ahead): tried by --cv on dev, no gain (README)
            nxt_pr = [k for k in st["prose_idx"] if k > i]
            until = st["nb_pos"][nxt_pr[0]] - st["nb_pos"][i] if nxt_pr else None
            out.append(float(not nxt_pr) if name == "after_last" else
                       float(not nxt_pr or i < st["prose_idx"][0]) if name == "outside" else
                       st["page_mean"] if name == "page_mean" else
                       min(1.0, math.log2(1 + until) / 4) if until is not None else 1.0)
        elif name.startswith("topic_"):  # rules/topic_features.py: the whole page's prose
            t = st["topic1" if name.startswith("topic_p1") else "topic"][0][i]
            j = topic_features.NAMES.index(name.replace("topic_p1", "topic"))
            out.append(topic_features.pick(t, j, page[i], COL))
        elif name == "prev_colon":
            out.append(page[a][COL["end_colon"]] if a is not None else 0.0)
    return out


def advance(st, x, p):
    st["ema"] = 0.6 * st["ema"] + 0.4 * p
    if is_prose(x):
        st["run_sum"] = st["run_n"] = st["run_max"] = 0.0
    else:
        st["run_sum"] += p
        st["run_n"] += 1
        st["run_max"] = max(st["run_max"], p)


def context_rows(pages, vecs, pprev, pnext):
    """Stage-2 rows: own features + prev_p, prev2_p (final probabilities of
    the two lines before), next_p (stage 1 of the line after), prev_none, next_none."""
    rows = []
    for (pid, lines, labs), page, pp, pn in zip(pages, vecs, pprev, pnext):
        prev, nxt = neighbours(lines)
        st = {"ema": 0.0, "run_sum": 0.0, "run_n": 0.0, "run_max": 0.0, "pn": pn, "nxt": nxt}
        nb = [k for k in range(len(lines)) if not is_blank(lines[k])]
        st["prose_idx"] = [k for k in nb if is_prose(page[k])]
        st["nb_pos"] = {k: j for j, k in enumerate(nb)}
        if any(n.startswith("topic_") for n in EXTRA):
            st["topic"] = topic_features.page_topics(lines, st["prose_idx"], nb)
            st["topic1"] = topic_features.page_topics(lines, topic_features.main_lines(page, pn, nb, COL), nb)
        st["page_mean"] = sum(pn[k] for k in nb) / len(nb) if nb else 0.0
        for i, line in enumerate(lines):
            if is_blank(line):
                continue
            a, b = prev[i], nxt[i]
            a2 = prev[a] if a is not None else None
            ctx = [pp[a] if a is not None else 0.0, pp[a2] if a2 is not None else 0.0,
                   pn[b] if b is not None else 0.0, float(a is None), float(b is None),
                   page[a][LOG_WORDS] if a is not None else 0.0, page[b][LOG_WORDS] if b is not None else 0.0,
                   page[a][WORDS_LE5] if a is not None else 0.0, page[b][WORDS_LE5] if b is not None else 0.0]
            ctx += extra_ctx(page, pp, i, a, b, st)
            advance(st, page[i], pp[i])
            rows.append((pid, i, labs[i], page[i] + ctx, len(line.replace(" ", "").encode())))
    return rows


def crossfit_stage2(pages, rows, fold):
    """Out-of-fold stage-2 probabilities, per page and line (the "final" ones
    the next line sees as prev_p)."""
    order = {pid: k for k, (pid, _l, _b) in enumerate(pages)}
    out = [[0.0] * len(lines) for _p, lines, _l in pages]
    for f in range(FOLDS):
        train = [r for r in rows if fold[order[r[0]]] != f]
        w = fit(*examples(train))
        for pid, i, _lab, x, _n in rows:
            if fold[order[pid]] == f:
                out[order[pid]][i] = predict(w, x)
    return out


def examples(rows):
    """Labelled rows, each page weighing at most PAGE_CAP lines: one page of
    a hundred menu items must not teach that every list is a menu."""
    per_page = {}
    for pid, _i, lab, _x, _n in rows:
        if lab in LABELLED:
            per_page[pid] = per_page.get(pid, 0) + 1
    xs, ys, ws = [], [], []
    for pid, _i, lab, x, n in rows:
        if lab in LABELLED:
            xs.append(x)
            ys.append(1.0 if lab == "boilerplate" else 0.0)
            # clean text lost is counted in bytes: a long clean line weighs more
            bw = (max(n, 1) / 60.0) ** BYTE_WEIGHT if lab == "clean" and n else 1.0
            ws.append(min(1.0, PAGE_CAP / per_page[pid]) * bw)
    return xs, ys, ws


def own_rows(pages, vecs):
    """Stage-1 rows: the line's own features."""
    return [(pid, i, labs[i], x, 0) for (pid, lines, labs), page in zip(pages, vecs)
            for i, (line, x) in enumerate(zip(lines, page)) if not is_blank(line)]


def crossfit_stage1(pages, vecs, fold):
    """Out-of-fold stage-1 probabilities of every line."""
    p1 = [None] * len(pages)
    for f in range(FOLDS):
        train = [k for k in range(len(pages)) if fold[k] != f]
        w = fit(*examples(own_rows([pages[k] for k in train], [vecs[k] for k in train])))
        for k in range(len(pages)):
            if fold[k] == f:
                p1[k] = [predict(w, x) for x in vecs[k]]
    return p1


def report(rows, prob, what):
    print(f"{what}: threshold precision recall clean_lost")
    for t in [x / 100 for x in range(20, 85, 5)]:
        tp = fp = fn = 0
        clean = lost = 0
        for _pid, _i, lab, x, n in rows:
            if lab not in ("clean", "boilerplate", "mixed", "english") or _pid.endswith(GLUE_TAG):
                continue
            m = prob((_pid, _i, lab, x, n)) >= t
            tp += m and lab == "boilerplate"
            fp += m and lab != "boilerplate"
            fn += (not m) and lab == "boilerplate"
            if lab == "clean":
                clean += n
                lost += n if m else 0
        p = tp / (tp + fp) if tp + fp else 1
        r = tp / (tp + fn) if tp + fn else 1
        print(f"{t:9.2f} {p:9.3f} {r:6.3f} {100 * lost / max(clean, 1):9.2f}%")
    best = max(sweep(rows, prob), key=lambda x: x[4] if x[3] <= 1.0 else -1)
    conf = os.path.join(os.path.dirname(os.path.abspath(__file__)), "default.conf")
    shipped = [float(l.split("=")[1]) for l in open(conf, encoding="utf-8") if l.startswith("boiler.threshold")]
    for x in sweep(rows, prob):
        if shipped and abs(x[0] - shipped[0]) < 1e-9:
            print("at boiler.threshold (default.conf): threshold %.2f P %.3f R %.3f lost %.2f%% F1 %.3f" % x)
    print("best F1 with clean lost <= 1%%: threshold %.2f P %.3f R %.3f lost %.2f%% F1 %.3f" % best)
    hi = [x for x in sweep(rows, prob) if x[1] >= 0.9 and x[3] <= 1.0]
    print("max recall at P >= 0.90, lost <= 1%%: %s" % ("threshold %.2f P %.3f R %.3f lost %.2f%% F1 %.3f" %
                                                        max(hi, key=lambda x: x[2]) if hi else "not reached"))


def sweep(rows, prob):
    """(threshold, precision, recall, clean lost %, F1) for thresholds 0.05..0.95 by 0.01."""
    lab_rows = [(r[2], r[4], prob(r)) for r in rows if r[2] in LABELLED and not r[0].endswith(GLUE_TAG)]
    clean = sum(n for lab, n, _p in lab_rows if lab == "clean") or 1
    out = []
    for t in [x / 100 for x in range(5, 96)]:
        tp = sum(1 for lab, _n, p in lab_rows if p >= t and lab == "boilerplate")
        fp = sum(1 for lab, _n, p in lab_rows if p >= t and lab != "boilerplate")
        fn = sum(1 for lab, _n, p in lab_rows if p < t and lab == "boilerplate")
        lost = sum(n for lab, n, p in lab_rows if p >= t and lab == "clean")
        pr = tp / (tp + fp) if tp + fp else 1
        rc = tp / (tp + fn) if tp + fn else 1
        out.append((t, pr, rc, 100 * lost / clean, 2 * pr * rc / (pr + rc) if pr + rc else 0))
    return out


def parse_args():
    global PAGE_CAP, L2, VOCAB_K, VOCAB_MIN_SITES, BYTE_WEIGHT, EXTRA
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("WEB_DATA", "tests/eval/web"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--features", default="tests/boiler-features")
    ap.add_argument("--rules-dir", default="rules")
    ap.add_argument("-o", "--output", default="rules/boiler.weights")
    ap.add_argument("--vocab-out", default="rules/boiler.vocab")
    ap.add_argument("--lexicon-out", default="rules/boiler.lexicon")
    ap.add_argument("--dump", help="with --cv: write the out-of-fold probabilities (TSV)")
    ap.add_argument("--cv", action="store_true", help="report cross-validated figures")
    ap.add_argument("--l2", type=float, default=L2, help="L2 penalty of the weights")
    ap.add_argument("--page-cap", type=float, default=15.0, help="lines a page weighs at most")
    ap.add_argument("--vocab-k", type=float, default=VOCAB_K, help="add-k smoothing of the vocabulary")
    ap.add_argument("--vocab-min-sites", type=int, default=VOCAB_MIN_SITES, help="sites a word must be seen on")
    ap.add_argument("--extra", default="", help="with --cv: experimental context features (extra_ctx)")
    ap.add_argument("--byte-weight", type=float, default=BYTE_WEIGHT, help="clean lines weigh (bytes/60)**this")
    ap.add_argument("--no-glue", action="store_true", help="no glued-menu copies of the pages (augment_glued)")
    ap.add_argument("--drop", default="", help="comma-separated features to leave out (ablation; their weights are 0)")
    a = ap.parse_args()
    if a.extra and not a.cv:
        ap.error("--extra is for --cv experiments: mtclean has no such features")
    VOCAB_K, VOCAB_MIN_SITES = a.vocab_k, a.vocab_min_sites
    L2, BYTE_WEIGHT, PAGE_CAP = a.l2, a.byte_weight, a.page_cap
    EXTRA = list(filter(None, a.extra.split(",")))
    return a


def cv_report(pages, rows, fold, dump):
    """Out-of-fold stage-2 probabilities: what unseen sites would get."""
    oof = crossfit_stage2(pages, rows, fold)
    order = {pid: k for k, (pid, _l, _b) in enumerate(pages)}
    report(rows, lambda r: oof[order[r[0]]][r[1]], "cross-validated by site")
    if dump:  # the out-of-fold probability of every labelled line, to read the errors
        with open(dump, "w", encoding="utf-8") as f:
            for pid, i, lab, _x, _n in rows:
                if lab in LABELLED:
                    f.write(f"{pid}\t{i + 1}\t{lab}\t{oof[order[pid]][i]:.3f}\t{pages[order[pid]][1][i][:120]}\n")


def write_weights(path, what, names, w1, w2, xs, ys):
    ctx_names = ["prev_p", "prev2_p", "next_p", "prev_none", "next_none", "prev_words", "next_words", "prev_short",
                 "next_short"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Boilerplate line classifier weights, written by rules/fit_boiler.py\n"
                f"# from {what}: {len(xs)} labelled lines, {int(sum(ys))} boilerplate. Do not edit: re-run the script.\n")
        for n, w in zip(names, w1):
            f.write(f"stage1 {n} {w:.6f}\n")
        for n, w in zip(names + ctx_names, w2):
            f.write(f"stage2 {n} {w:.6f}\n")


def main():
    global LOG_WORDS, WORDS_LE5
    a = parse_args()
    pages, sites = load_pages(a.data, a.split)
    n_real = len(pages)
    if not a.no_glue:
        pages, sites = augment_glued(pages, sites)
    fold = site_folds(sites)
    # the weights are fitted on out-of-fold vocabulary scores; the vocabulary
    # mtclean uses is then built on every page of the split
    names, vecs = crossfit_features(a.features, a.rules_dir, pages, sites, fold)
    for name in filter(None, a.drop.split(",")):
        j = names.index(name)
        for page in vecs:
            for x in page:
                x[j] = 0.0
    vocab = build_vocab(*real(pages, sites))
    what = f"the {a.split} split of the web set ({n_real} pages, {len(set(sites))} sites; glued-menu copies of {len(pages) - n_real})"
    write_vocab(vocab, a.vocab_out, what)
    lexicon = build_lexicon(*real(pages, sites))
    write_lexicon(lexicon, a.lexicon_out, what)
    COL.update({n: k for k, n in enumerate(names)})
    if any(n.startswith("topic_") for n in EXTRA):
        topic_features.set_idf(real(pages, sites)[0])
    LOG_WORDS, WORDS_LE5 = names.index("log_words"), names.index("words_le5")
    xs, ys, ws = examples(own_rows(pages, vecs))
    w1 = fit(xs, ys, ws)
    p1 = crossfit_stage1(pages, vecs, fold)
    # prev_p is the previous line's final probability at run time: approximate
    # it by iterating, each round's cross-fitted stage-2 output feeding the next.
    pprev = p1
    for _ in range(2):
        rows = context_rows(pages, vecs, pprev, p1)
        pprev = crossfit_stage2(pages, rows, fold)
    rows = context_rows(pages, vecs, pprev, p1)
    w2 = fit(*examples(rows))
    if a.cv:
        cv_report(pages, rows, fold, a.dump)
    else:
        report(rows, lambda r: predict(w2, r[3]), "on the training pages")
    if not EXTRA:
        write_weights(a.output, what, names, w1, w2, xs, ys)
    print(f"wrote {a.output}: {n_real} pages (and {len(pages) - n_real} glued copies), {len(xs)} lines; {a.vocab_out}: {len(vocab)} words;"
          f" {a.lexicon_out}: {len(lexicon)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
