#!/usr/bin/env python3
"""Boilerplate on real scraped French pages (the web set, labelled per line).

Usage: boiler_eval.py MTCLEAN SRCDIR [--split test|dev|all] [--data DIR]

The web set (tests/eval/web/, else /work/data/web; WEB_DATA overrides) has one
label per line: clean, boilerplate, mixed, english, other. Pages are split
dev/test by site; the classifier's weights are fitted on dev
(rules/fit_boiler.py), figures here are on test unless --split says otherwise.

All pages of the split go through one `mtclean --mode=flag --doc-sep=...` run
(one document per page, so cross-page context cannot leak). Flag mode keeps
every byte and every line, so output line i is input line i. A line counts as
marked boilerplate when at least half of its non-space bytes are inside
boilerplate markers. Per line (= segment of the labels file):
  precision, recall of boilerplate against the lines labelled boilerplate;
  lines labelled "other" (table cells, list numbers) are neither and left out;
  clean bytes lost = bytes of lines labelled clean inside boilerplate markers
  (what --mode=drop removes as boilerplate), over all clean bytes; the bytes
  inside mixed markers (the MT detector's doing, also dropped by drop mode)
  are shown beside it.
Peers: a jusText-like baseline in this file (length + stopword density with
the neighbours' classes), and mtclean's phrase rules alone (the classifier
off: boiler.threshold = 2 in a copy of the rules), on the same lines.

Targets (exit 1 when missed): recall >= 0.90 at precision >= 0.90, clean
bytes lost to boilerplate <= 1%.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

DOC_SEP = "\x1e"
OPEN, CLOSE = "\u27e6", "\u27e7"
TARGET_P, TARGET_R, TARGET_LOSS = 0.90, 0.90, 0.01


def find_data(srcdir, given):
    for d in (given, os.environ.get("WEB_DATA"), os.path.join(srcdir, "tests/eval/web"), "/work/data/web"):
        if d and os.path.exists(os.path.join(d, "labels.tsv")):
            return d
    return None


def load(data, split):
    pages = []
    with open(os.path.join(data, "pages.tsv"), encoding="utf-8") as f:
        next(f)
        for row in f:
            pid, _url, site, _kind, sp = row.rstrip("\n").split("\t")
            if split in ("all", sp):
                pages.append((pid, site))
    labels = {}
    with open(os.path.join(data, "labels.tsv"), encoding="utf-8") as f:
        next(f)
        for row in f:
            pid, n, lab, _text = row.rstrip("\n").split("\t", 3)
            labels[(pid, int(n))] = lab
    docs = []
    for pid, site in pages:
        with open(os.path.join(data, "pages", pid + ".txt"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        docs.append((pid, site, lines, [labels.get((pid, i + 1)) for i in range(len(lines))]))
    return docs


def marked_shares(line):
    """Bytes of the line inside boilerplate and inside mixed markers, and all non-space bytes."""
    boiler = mixed = 0
    pos = 0
    pat = re.compile(re.escape(OPEN) + r"(boilerplate|mixed)\|(.*?)" + re.escape(CLOSE))
    plain = []
    for m in pat.finditer(line):
        plain.append(line[pos:m.start()])
        n = len(m.group(2).replace(" ", "").encode())
        if m.group(1) == "boilerplate":
            boiler += n
        else:
            mixed += n
        plain.append(m.group(2))
        pos = m.end()
    plain.append(line[pos:])
    total = len("".join(plain).replace(" ", "").encode())
    return boiler, mixed, total


def run_mtclean(mtclean, rules_dir, srcdir, docs, extra):
    text = ("\n" + DOC_SEP + "\n").join("\n".join(lines) for _p, _s, lines, _l in docs) + "\n"
    cmd = [mtclean, "--mode=flag", "--doc-sep=" + DOC_SEP, "--rules-dir", rules_dir,
           "--words-dir", os.path.join(srcdir, "dicts")] + extra
    out = subprocess.run(cmd, input=text.encode(), stdout=subprocess.PIPE, check=True).stdout.decode()
    out_lines = out.split("\n")
    preds, k = [], 0
    for _p, _s, lines, _l in docs:
        page = []
        for _ in lines:
            page.append(marked_shares(out_lines[k]))
            k += 1
        k += 1  # the separator
        preds.append(page)
    return preds


STOP = None


def justext_like(lines):
    """A jusText-like peer: classes from length and stopword density, then
    short/near-good lines take the class of their good/bad neighbours."""
    words_re = re.compile(r"\w+", re.U)
    cls = []
    for line in lines:
        w = [x.lower() for x in words_re.findall(line)]
        sd = sum(x in STOP for x in w) / len(w) if w else 0
        if not w:
            cls.append("blank")
        elif len(line) < 70:
            cls.append("short")
        elif sd >= 0.32:
            cls.append("good" if len(line) >= 200 else "near")
        elif sd >= 0.3 and len(line) >= 70:
            cls.append("near")
        else:
            cls.append("bad")
    final = []
    for i, c in enumerate(cls):
        if c in ("good", "bad", "blank"):
            final.append(c)
            continue
        prev = next((cls[j] for j in range(i - 1, -1, -1) if cls[j] in ("good", "bad")), "bad")
        nxt = next((cls[j] for j in range(i + 1, len(cls)) if cls[j] in ("good", "bad")), "bad")
        if c == "near":
            final.append("bad" if prev == nxt == "bad" else "good")
        else:
            final.append("good" if prev == nxt == "good" else "bad")
    return [(len(l.replace(" ", "").encode()) if f == "bad" else 0, 0, len(l.replace(" ", "").encode()))
            for l, f in zip(lines, final)]


def figures(docs, preds):
    tp = fp = fn = 0
    clean = lost = lost_mixed = 0
    for (_p, _s, lines, labs), page in zip(docs, preds):
        for lab, (b, m, total) in zip(labs, page):
            if lab is None or lab == "other" or total == 0:
                continue
            marked = 2 * b >= total
            if lab == "boilerplate":
                tp += marked
                fn += not marked
            else:
                fp += marked
            if lab == "clean":
                clean += total
                lost += b
                lost_mixed += m
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, lost / clean if clean else 0.0, lost_mixed / clean if clean else 0.0, tp + fn


def main():
    global STOP
    ap = argparse.ArgumentParser()
    ap.add_argument("mtclean")
    ap.add_argument("srcdir")
    ap.add_argument("--split", default="test")
    ap.add_argument("--data")
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args()
    data = find_data(a.srcdir, a.data)
    if not data:
        print("boiler_eval: no web set (tests/eval/web/labels.tsv); skipped")
        return 0
    STOP = set()
    with open(os.path.join(a.srcdir, "rules/boiler.words"), encoding="utf-8") as f:
        for row in f:
            parts = row.split()
            if len(parts) == 2 and parts[0] in ("stop-fr", "stop-en"):
                STOP.add(parts[1])
    docs = load(data, a.split)
    preds = run_mtclean(a.mtclean, os.path.join(a.srcdir, "rules"), a.srcdir, docs, [])
    peer = [justext_like(lines) for _p, _s, lines, _l in docs]
    with tempfile.TemporaryDirectory() as tmp:  # the phrase rules alone: the classifier off
        rules_only = os.path.join(tmp, "rules")
        shutil.copytree(os.path.join(a.srcdir, "rules"), rules_only)
        conf = os.path.join(rules_only, "default.conf")
        with open(conf, encoding="utf-8") as f:
            text = re.sub(r"(?m)^boiler\.threshold = .*$", "boiler.threshold = 2", f.read())
        with open(conf, "w", encoding="utf-8") as f:
            f.write(text)
        rules_alone = run_mtclean(a.mtclean, rules_only, a.srcdir, docs, [])
    print(f"web set {data}, split {a.split}: {len(docs)} pages, {len({s for _p, s, _l, _b in docs})} sites")
    print(f"{'':25} {'precision':>9} {'recall':>7} {'clean lost':>10} {'(mixed)':>8}  boilerplate lines")
    ok = True
    for name, pr in (("mtclean", preds), ("peer: jusText-like", peer), ("peer: phrase rules alone", rules_alone)):
        p, r, loss, lossm, npos = figures(docs, pr)
        print(f"{name:25} {p:9.3f} {r:7.3f} {100 * loss:9.2f}% {100 * lossm:7.2f}%  {npos}")
        if name == "mtclean":
            ok = p >= TARGET_P and r >= TARGET_R and loss <= TARGET_LOSS
    if a.show_errors:
        for (pid, _s, lines, labs), page in zip(docs, preds):
            for i, (lab, (b, _m, total)) in enumerate(zip(labs, page)):
                marked = total and 2 * b >= total
                if lab in (None, "other") or not total or (lab == "boilerplate") == bool(marked):
                    continue
                print(f"{'FN' if lab == 'boilerplate' else 'FP'} {pid}:{i + 1} {lab}: {lines[i][:100]}")
    print(f"targets: precision >= {TARGET_P}, recall >= {TARGET_R}, clean lost <= {100 * TARGET_LOSS:.0f}%: "
          + ("met" if ok else "MISSED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
