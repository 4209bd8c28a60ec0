#!/usr/bin/env python3
"""Fits the lone-English-word model (filter/lib/lone.h) and writes its weights.

Usage: dicts/fit-lone-en.py BUILDDIR SRCDIR [--out dicts/lone-en.txt]

BUILDDIR holds tests/lone-features (make tests/lone-features), which prints
the features of every candidate word of each input line. Training data: the
dev splits only (the test splits are for reporting):
  - tests/eval/mt and tests/eval/mtnews dev rows of kinds func, word, span:
    the damaged text is aligned with the original column word by word; a
    candidate word in a changed stretch is English left by MT (1), one in an
    unchanged stretch is not (0). Kind clean: every candidate 0. (glued and
    roundtrip change French into French; english and salad are whole
    sentences, the span model's business.)
  - tests/eval/handbook dev rows labelled clean and tests/eval/web dev lines
    labelled clean: every candidate 0 (real French: names, loanwords).
The model is an L2-regularised logistic regression (Newton's method;
Python's standard library only). It prints, for some thresholds, how many
clean dev lines and damaged dev lines hold a word that reaches them (to
choose mixed.lone_min_prob in rules/default.conf).
"""
import difflib
import math
import os
import re
import subprocess
import sys
import unicodedata

WORD = re.compile(r"\w+")
TRAIN_KINDS = ("func", "word", "span")


def load_detect_eval(srcdir):
    sys.path.insert(0, os.path.join(srcdir, "tests", "eval"))
    import detect_eval
    return detect_eval


def changed_tokens(damaged, original):
    """Indexes of the words of damaged in stretches MT changed."""
    d = [m.group(0) for m in WORD.finditer(damaged)]
    o = [m.group(0) for m in WORD.finditer(original)]
    out = set()
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, d, o, autojunk=False).get_opcodes():
        if tag != "equal":
            out.update(range(i1, i2))
    return out


def lines_for_training(de, srcdir):
    """[(set, text, original or None, kind)]: the dev lines and how to label their words."""
    base = os.path.join(srcdir, "tests", "eval")
    out = []
    for name in ("mt", "mtnews"):
        for r in de.read_tsv(os.path.join(base, name, "dev.tsv"), ["id", "kind", "label", "text", "original"]):
            if r.get("kind") == "clean" or r.get("kind") in TRAIN_KINDS:
                out.append((name, r["text"], r["original"], r["kind"]))
    for r in de.read_tsv(os.path.join(base, "handbook", "dev.tsv"), ["id", "label", "text"]):
        if r.get("label") == "clean" and r.get("text"):
            out.append(("handbook", r["text"].replace("\n", " "), None, "clean"))
    _, gold, flat, _ = de.load_set("web", base, "dev")
    out += [("web", t, None, "clean") for g, t in zip(gold, flat) if g == "clean"]
    return out


def placeholder(builddir, path):
    """Zero weights under the helper's feature names when path lacks them
    (the engine, hence the helper, loads the weights file)."""
    prog = os.path.join(builddir, "tests", "lone-features")
    names = subprocess.run([prog, "--names"], stdout=subprocess.PIPE, check=True).stdout.decode().split()
    try:
        with open(path, encoding="utf-8") as f:
            have = [l.split()[0] for l in f if l.strip() and not l.startswith("#")]
    except OSError:
        have = []
    if sorted(have) != sorted(names):
        with open(path, "w", encoding="utf-8") as f:
            f.write("# placeholder (dicts/fit-lone-en.py)\n" + "".join("%s 0\n" % n for n in names))


def features(builddir, texts):
    """Per input line (from 0): [(start char, len chars, [features])]; the feature names."""
    prog = os.path.join(builddir, "tests", "lone-features")
    data = "".join(t + "\n" for t in texts).encode()
    p = subprocess.run([prog], input=data, stdout=subprocess.PIPE, check=True)
    rows = p.stdout.decode().split("\n")
    names = rows[0].split("\t")[3:]
    per = [[] for _ in texts]
    for row in rows[1:]:
        if not row:
            continue
        f = row.split("\t")
        no, start, n = int(f[0]) - 1, int(f[1]), int(f[2])
        b = texts[no].encode()
        cs = len(b[:start].decode(errors="replace"))
        cl = len(b[start:start + n].decode(errors="replace"))
        per[no].append((cs, cl, [float(x) for x in f[3:]]))
    return per, names


def gold_of(text, original, kind, cands):
    """1 for a candidate in a stretch MT changed, else 0."""
    if kind == "clean":
        return [0] * len(cands)
    changed = changed_tokens(text, original)
    toks = [(m.start(), m.end()) for m in WORD.finditer(text)]
    out = []
    for cs, cl, _ in cands:
        hit = [k for k, (a, b) in enumerate(toks) if a < cs + cl and b > cs]
        out.append(1 if any(k in changed for k in hit) else 0)
    return out


def solve(A, b):
    """A x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    M = [row[:] + [v] for row, v in zip(A, b)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        for r in range(n):
            if r != c and M[c][c]:
                f = M[r][c] / M[c][c]
                M[r] = [a - f * bb for a, bb in zip(M[r], M[c])]
    return [M[i][n] / M[i][i] if M[i][i] else 0.0 for i in range(n)]


def fit(X, y, l2=1.0, steps=25):
    """L2-regularised logistic regression by Newton's method (l2: the
    penalty on every weight but the bias, in units of one word)."""
    k = len(X[0])
    w = [0.0] * k
    for _ in range(steps):
        g = [l2 * w[j] if j else 0.0 for j in range(k)]
        H = [[(l2 if i == j and i else 0.0) for j in range(k)] for i in range(k)]
        for x, t in zip(X, y):
            p = prob(w, x)
            d, s = p - t, max(p * (1 - p), 1e-9)
            nz = [j for j in range(k) if x[j]]
            for i in nz:
                g[i] += d * x[i]
                Hi, sxi = H[i], s * x[i]
                for j in nz:
                    Hi[j] += sxi * x[j]
        for i in range(k):
            H[i][i] += 1e-9
        step = solve(H, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(v) for v in step) < 1e-6:
            break
    return w


def prob(w, x):
    z = sum(a * b for a, b in zip(w, x))
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    builddir, srcdir = args[0], args[1]
    out_path = args[args.index("--out") + 1] if "--out" in args else os.path.join(srcdir, "dicts", "lone-en.txt")
    de = load_detect_eval(srcdir)
    placeholder(builddir, os.path.join(srcdir, "dicts", "lone-en.txt"))
    lines = lines_for_training(de, srcdir)
    texts = [unicodedata.normalize("NFC", t) for _, t, _, _ in lines]
    per, names = features(builddir, texts)
    X, y, owner = [], [], []
    for li, ((name, _, orig, kind), cands) in enumerate(zip(lines, per)):
        for g, (_, _, x) in zip(gold_of(texts[li], orig and unicodedata.normalize("NFC", orig), kind, cands), cands):
            X.append(x)
            y.append(g)
            owner.append(li)
    print("%d candidate words, %d English left by MT" % (len(y), sum(y)))
    w = fit(X, y)
    best = {}
    for x, li in zip(X, owner):
        best[li] = max(best.get(li, 0), prob(w, x))
    for t in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95):
        row = []
        for name in ("mt", "mtnews", "handbook", "web"):
            idx = [i for i, l in enumerate(lines) if l[0] == name]
            clean = [i for i in idx if lines[i][3] == "clean"]
            dmg = [i for i in idx if lines[i][3] != "clean"]
            fp = sum(best.get(i, 0) >= t for i in clean)
            tp = sum(best.get(i, 0) >= t for i in dmg)
            row.append("%s clean %d/%d damaged %d/%d" % (name, fp, len(clean), tp, len(dmg)))
        print("p >= %.2f: %s" % (t, "; ".join(row)))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# The lone-English-word model (filter/lib/lone.h): logistic weights,\n"
                "# fitted by dicts/fit-lone-en.py on the dev splits (%d words, %d English).\n" % (len(y), sum(y)))
        for nm, v in zip(names, w):
            f.write("%s %.4f\n" % (nm, v))
    print("wrote " + out_path)


if __name__ == "__main__":
    main()
