#!/usr/bin/env python3
"""Detection quality: mtclean's segment labels against labelled sets, beside
its peers (CLD2, FastSpell-like) where tests/eval/peers/ provides them.

Usage: detect_eval.py MTCLEAN SRCDIR [--data DIR] [--set NAME] [--split S] [--errors]

Sets (each a TSV; dev and test splits):
  mt        MT damage made with Apertium on clean French: tests/eval/mt/{dev,test}.tsv
            (id, kind, label mixed|english|clean, text, original)
  english   English sentences (Debian Handbook en-US): tests/eval/mt/english-native.tsv
  handbook  Debian Handbook fr-FR paragraphs, english (left untranslated) or
            clean: tests/eval/handbook/{dev,test}.tsv (id, label, text)
  web       real scraped French pages, a label per line: tests/eval/web/
            (pages/NNN.txt, pages.tsv with the split, labels.tsv)
A line's label from mtclean: run --mode=flag, read the markers of the line
(any mixed segment: mixed; else english if English marks cover most of it).
Damage = mixed or english; figures: precision, recall, F1 of damage, the
false-positive rate on clean French, and the recall of english as english.
Targets (issue 12) are checked on the test split only; dev is for tuning.
"""
import csv
import os
import subprocess
import sys
import tempfile

OPEN, CLOSE = "\u27e6", "\u27e7"
SEP = "\x1e-mtclean-eval-doc-\x1e"
TARGETS = {  # set: (min F1, max clean FP rate, min english recall, min recall)
    "mt": (0.97, 0.005, 0.99, None),
    "mtnews": (0.97, 0.005, 0.99, None),  # the same damage on news sentences of the web pages
    "handbook": (None, 0.01, 0.99, None),
    "english": (None, None, 0.99, None),  # mt/english-native.tsv: English sentences
    "web": (None, 0.01, None, 0.60),
}
EXTRA_ARGS = []  # more mtclean options (the tuning harness sets --rules-dir)
csv.field_size_limit(1 << 30)


def read_tsv(path, columns=None):
    """Rows as dicts; a file without a header line ("id" first) takes columns."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if rows and rows[0] and rows[0][0] == "id":
        columns, rows = rows[0], rows[1:]
    return [dict(zip(columns or [], r)) for r in rows]


def line_label(out_line):
    """mixed / english / clean from one output line of --mode=flag."""
    if OPEN + "mixed|" in out_line:
        return "mixed"
    if OPEN + "english|" in out_line:
        marked = 0
        for part in out_line.split(OPEN + "english|")[1:]:
            marked += len(part.split(CLOSE)[0])
        rest = len(out_line) - marked
        return "english" if marked >= rest * 0.5 else "clean"
    return "clean"


def run_flag(mtclean, docs):
    """docs: list of lists of lines; returns the label of every line."""
    text = ("\n" + SEP + "\n").join("\n".join(d) for d in docs) + "\n"
    p = subprocess.run([mtclean, "--mode=flag", "--doc-sep=" + SEP] + EXTRA_ARGS, input=text.encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit("detect_eval: mtclean failed: " + p.stderr.decode(errors="replace"))
    out = p.stdout.decode("utf-8", errors="replace").split("\n")
    labels, i = [], 0
    for d in docs:
        labels.append([line_label(out[i + k]) for k in range(len(d))])
        i += len(d) + 1
    return labels


PEERS = None


def peers(srcdir):
    """The peers of tests/eval/peers/ (cld2-label.cc: CLD2, and CLD2 + Hunspell
    as FastSpell does it; a line in, a label out), built once into a
    temporary directory with their build.sh; [] when they cannot be built."""
    global PEERS
    if PEERS is not None:
        return PEERS
    PEERS = []
    pdir = os.path.join(srcdir, "tests", "eval", "peers")
    prog = os.path.join(pdir, "cld2-label")
    if not os.access(prog, os.X_OK) and os.path.exists(os.path.join(pdir, "build.sh")):
        prog = os.path.join(tempfile.mkdtemp(prefix="mtclean-peers-"), "cld2-label")
        b = subprocess.run(["sh", os.path.join(pdir, "build.sh"), prog], capture_output=True, text=True)
        if b.returncode != 0:
            print("(peers not built: %s)" % b.stderr.strip())
            return PEERS
    if os.access(prog, os.X_OK):
        PEERS = [("cld2", [prog]), ("fastspell-like", [prog, "--fastspell"])]
    return PEERS


def run_peer(prog, lines):
    p = subprocess.run(prog, input=("\n".join(lines) + "\n").encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    out = p.stdout.decode(errors="replace").split("\n")
    if p.returncode != 0 or len(out) < len(lines):
        return None
    return [o.strip().split("\t")[0] or "clean" for o in out[:len(lines)]]


def figures(gold, pred):
    tp = sum(g != "clean" and p != "clean" for g, p in zip(gold, pred))
    fp = sum(g == "clean" and p != "clean" for g, p in zip(gold, pred))
    fn = sum(g != "clean" and p == "clean" for g, p in zip(gold, pred))
    clean = sum(g == "clean" for g in gold)
    en = sum(g == "english" for g in gold)
    en_ok = sum(g == "english" and p == "english" for g, p in zip(gold, pred))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"n": len(gold), "P": prec, "R": rec, "F1": f1, "FP": fp / clean if clean else 0.0,
            "EN": en_ok / en if en else None, "pos": tp + fn}


def show(name, f):
    en = "   -  " if f["EN"] is None else "%6.3f" % f["EN"]
    print("  %-12s n=%-5d damage=%-5d P %.3f  R %.3f  F1 %.3f  clean-FP %.4f  english %s"
          % (name, f["n"], f["pos"], f["P"], f["R"], f["F1"], f["FP"], en))


def load_set(name, base, split):
    """(docs of lines, gold labels flat, flat lines) or None."""
    d = os.path.join(base, name)
    if name == "english":  # no split: nothing was tuned on it; shown as test
        if split != "test":
            return None
        d, split = os.path.join(base, "mt"), "english-native"
    if name in ("mt", "mtnews", "handbook", "english"):
        path = os.path.join(d, split + ".tsv")
        if not os.path.exists(path):
            return None
        cols = ["id", "label", "text"] if name == "handbook" else ["id", "kind", "label", "text", "original"]
        rows = [r for r in read_tsv(path, cols) if r.get("text")]
        lines = [r["text"].replace("\n", " ") for r in rows]
        gold = [r["label"] if r["label"] in ("mixed", "english") else "clean" for r in rows]
        return [lines], gold, lines, [r.get("kind", "") for r in rows]
    pages, labels = os.path.join(d, "pages.tsv"), os.path.join(d, "labels.tsv")
    if not (os.path.exists(pages) and os.path.exists(labels)):
        return None
    ids = [r["id"] for r in read_tsv(pages) if r["split"] == split]
    want = {}
    for r in read_tsv(labels):
        want.setdefault(r["id"], {})[int(r["line_no"])] = r["label"]
    docs, gold, flat, keep = [], [], [], []
    for pid in ids:
        with open(os.path.join(d, "pages", pid + ".txt"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        docs.append(lines)
        for no, lab in sorted(want.get(pid, {}).items()):
            if lab in ("clean", "mixed", "english") and no <= len(lines):
                keep.append((len(docs) - 1, no - 1))
                gold.append(lab)
                flat.append(lines[no - 1])
    return docs, gold, flat, keep


def evaluate(mtclean, srcdir, base, name, split, errors):
    got = load_set(name, base, split)
    if got is None:
        print("  %s/%s: no data (skipped)" % (name, split))
        return None
    docs, gold, flat = got[0], got[1], got[2]
    labels = run_flag(mtclean, docs)
    if name == "web":
        pred = [labels[di][li] for di, li in got[3]]
    else:
        pred = labels[0]
    f = figures(gold, pred)
    show("mtclean", f)
    if name in ("mt", "mtnews"):  # recall per kind of damage (clean: the share kept clean)
        kinds = got[3]
        per = []
        for k in sorted(set(kinds)):
            idx = [i for i, x in enumerate(kinds) if x == k]
            ok = sum((pred[i] == "clean") == (gold[i] == "clean") for i in idx)
            per.append("%s %.3f" % (k, ok / len(idx)))
        print("    by kind: " + ", ".join(per))
    for pname, prog in peers(srcdir):
        pp = run_peer(prog, flat)
        if pp is None:
            print("  %-12s failed (skipped)" % pname)
        else:
            show(pname, figures(gold, [x if x in ("mixed", "english") else "clean" for x in pp]))
    if errors:
        for g, p, t in zip(gold, pred, flat):
            if g != p:
                print("    %s->%s\t%s" % (g, p, t[:200]))
    return f


def check(name, f):
    fail = []
    f1, fp, en, rec = TARGETS[name]
    if f1 is not None and f["F1"] < f1:
        fail.append("F1 %.3f < %.2f" % (f["F1"], f1))
    if fp is not None and f["FP"] > fp:
        fail.append("clean FP %.4f > %.3f" % (f["FP"], fp))
    if en is not None and f["EN"] is not None and f["EN"] < en:
        fail.append("english %.3f < %.2f" % (f["EN"], en))
    if rec is not None and f["pos"] and f["R"] < rec:
        fail.append("recall %.3f < %.2f" % (f["R"], rec))
    return fail


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    mtclean, srcdir = os.path.abspath(args[0]), args[1]
    base = os.path.join(srcdir, "tests", "eval")
    sets, splits, errors = ["mt", "mtnews", "english", "handbook", "web"], ["dev", "test"], False
    rest = args[2:]
    while rest:
        a = rest.pop(0)
        if a == "--data":
            base = rest.pop(0)
        elif a == "--set":
            sets = [rest.pop(0)]
        elif a == "--split":
            splits = [rest.pop(0)]
        elif a == "--errors":
            errors = True
        else:
            sys.exit("detect_eval: unknown argument " + a)
    if not peers(srcdir):
        print("(no peers in tests/eval/peers/: mtclean alone)")
    failed = []
    for name in sets:
        for split in splits:
            print("%s/%s%s" % (name, split, " (tuning split)" if split == "dev" else " (held out)"))
            f = evaluate(mtclean, srcdir, base, name, split, errors)
            if f is not None and split == "test":
                failed += ["%s/test: %s" % (name, m) for m in check(name, f)]
    for m in failed:
        print("TARGET MISSED: " + m)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
