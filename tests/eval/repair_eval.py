#!/usr/bin/env python3
"""Repair quality: does repair bring damaged French back, and leave clean French alone?

Sets (tests/eval/README; tuned on the dev splits, reported on test):
  mt       MT-made damage on clean French (tests/eval/mt or /work/data/mt,
           {dev,test}.tsv: id, kind, label, text, original), by kind
  web      real pages' lines labelled clean (tests/eval/web or /work/data/web)
  tricky   tests/eval/repair-tricky-clean.txt: names, institutions, "but" as
           a goal, English titles in quotes, headings
  fixture  fixtures/corrupted-lepoint.txt against lepoint-reference.txt
For the default mode and for --translate=apertium (when Apertium is
installed): WER and CER before/after against the clean original, the share
of outputs still holding English (a word of the English dictionary that
French does not know and the original does not hold), and the number of
clean sentences altered. Exits 1 when a target is missed:
  clean sentences altered 0 (every set; default mode and --translate);
  default mode WER reduction >= 50% on func; --translate >= 40% on span
  (issue 15: without --translate-english) and >= 55% on the fixture (the
  page as it is: the chrome the boilerplate classifier keeps counts; the
  fixture+site line shows it dropped by the site's rules, as eval.py does).

Also: native English sentences (mt/english-native.tsv, English documents,
not damage) a mode changes, counted (informational: whole English documents
are the labeller's and --translate-english's business).

Usage: repair_eval.py MTCLEAN SRCDIR [--split dev|test] [--show KIND]
                      [--mode NAME] [--extra ARG]
  --mode NAME: only that mode (default, apertium, apertium+english)
  --extra ARG: one more mtclean argument for every run (repeatable), e.g.
               --extra=--rules-dir=/tmp/rules to try a default.conf change
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval import edit_distance, read_gold, words  # noqa: E402

TARGETS = {("default", "func"): 0.50, ("apertium", "span"): 0.40, ("apertium", "fixture"): 0.55}
# Whole segments labelled english are translated only with --translate-english:
# clean lines the labeller takes for English are then changed by design, so
# the clean-altered count is a target for the other two modes only.
ALTER_TARGET = {"default", "apertium"}


def find_data(srcdir, name, probe):
    for d in (os.path.join(srcdir, "tests", "eval", name), os.path.join("/work/data", name)):
        if os.path.exists(os.path.join(d, probe)):
            return d
    return None


def run_lines(mtclean, lines, extra):
    """Each line through mtclean as one JSONL document; the cleaned texts."""
    inp = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(lines))
    out = subprocess.run([mtclean, "--jsonl", "--no-quality-field", "--no-progress", *extra], input=inp.encode(),
                         capture_output=True, check=True).stdout.decode()
    return [json.loads(r)["text"] for r in out.splitlines()]


def load_dict(path):
    try:
        with open(path, encoding="utf-8") as f:
            return {w.strip().lower() for w in f}
    except OSError:
        return set()


class EnglishCheck:
    def __init__(self):
        self.en = load_dict("/usr/share/dict/american-english") | load_dict("/usr/share/dict/american-english-large")
        self.fr = load_dict("/usr/share/dict/french")

    def holds_english(self, text, original):
        orig = {w.lower() for w in words(original)}
        for w in words(text):
            lw = w.lower()
            if len(lw) > 2 and lw in self.en and lw not in self.fr and lw not in orig:
                return True
        return False


def wer(hyp, ref):
    r = words(ref)
    return edit_distance(words(hyp), r), len(r)


def cer(hyp, ref):
    h, r = " ".join(hyp.split()), " ".join(ref.split())
    return edit_distance(h, r), len(r)


def mt_rows(datadir, split):
    rows = []
    with open(os.path.join(datadir, split + ".tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 5 and cols[0] != "id":
                rows.append((cols[1], cols[2], cols[3], cols[4]))
    return rows


def score_kind(pairs, outputs, eng):
    """pairs: [(damaged, original)]. WER/CER sums before and after, English share."""
    s = dict(wb=0, wa=0, wn=0, cb=0, ca=0, cn=0, en=0, n=len(pairs))
    for (dmg, orig), out in zip(pairs, outputs):
        e, n = wer(dmg, orig)
        s["wb"] += e
        s["wn"] += n
        s["wa"] += wer(out, orig)[0]
        e, n = cer(dmg, orig)
        s["cb"] += e
        s["cn"] += n
        s["ca"] += cer(out, orig)[0]
        s["en"] += eng.holds_english(out, orig)
    return s


def fmt(name, s):
    wb, wa = s["wb"] / max(s["wn"], 1), s["wa"] / max(s["wn"], 1)
    cb, ca = s["cb"] / max(s["cn"], 1), s["ca"] / max(s["cn"], 1)
    gain = (wb - wa) / wb if wb else 0.0
    return gain, (f"  {name:<10} {s['n']:>5}  WER {wb:.3f} -> {wa:.3f} ({gain:+.1%})  CER {cb:.3f} -> {ca:.3f}"
                  f"  still English {s['en'] / max(s['n'], 1):.1%}")


def fixture_score(mtclean, srcdir, extra):
    evaldir = os.path.join(srcdir, "tests", "eval")
    gold = read_gold(os.path.join(evaldir, "gold-corrupted-lepoint.tsv"))
    before = " ".join(t for label, t in gold if label != "boilerplate")
    after = subprocess.run([mtclean, "--no-progress", *extra, os.path.join(srcdir, "fixtures", "corrupted-lepoint.txt")],
                           check=True, capture_output=True, text=True).stdout
    ref = open(os.path.join(evaldir, "lepoint-reference.txt"), encoding="utf-8").read()
    s = dict(n=1, en=0)
    s["wb"], s["wn"] = wer(before, ref)
    s["wa"] = wer(after, ref)[0]
    s["cb"], s["cn"] = cer(before, ref)
    s["ca"] = cer(after, ref)[0]
    return s


def native_english(mtclean, mtdir, extra):
    """English documents (not damage) this mode changes: informational."""
    path = os.path.join(mtdir, "english-native.tsv")
    if not os.path.exists(path):
        return
    lines = [r[2] for r in mt_rows(mtdir, "english-native")]
    outs = run_lines(mtclean, lines, extra)
    changed = sum(1 for a, b in zip(lines, outs) if a != b and b.strip())
    print(f"  native-en  {len(lines):>5} English sentences, changed {changed} (informational)")


def clean_sets(srcdir, split):
    sets = {}
    tricky = os.path.join(srcdir, "tests", "eval", "repair-tricky-clean.txt")
    sets["tricky"] = [l.rstrip("\n") for l in open(tricky, encoding="utf-8") if l.strip() and not l.startswith("#")]
    web = find_data(srcdir, "web", "labels.tsv")
    if web:
        split_of = {}
        pages = os.path.join(web, "pages.tsv")
        if os.path.exists(pages):
            for line in open(pages, encoding="utf-8"):
                cols = line.rstrip("\n").split("\t")
                if len(cols) > 1:
                    split_of[cols[0]] = cols
        lines = []
        for line in open(os.path.join(web, "labels.tsv"), encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4 and cols[2] == "clean" and cols[3].strip():
                lines.append(cols[3])
        sets["web"] = lines  # every split: a clean line altered is an error wherever it is
    return sets


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mtclean")
    ap.add_argument("srcdir")
    ap.add_argument("--split", default="test")
    ap.add_argument("--show", help="print the outputs of one kind (or 'clean' for altered clean lines)")
    ap.add_argument("--mode", help="measure this mode only")
    ap.add_argument("--extra", action="append", default=[], help="one more mtclean argument (repeatable)")
    args = ap.parse_args()
    modes = [("default", [])]
    apertium = shutil.which("apertium") and os.path.exists("/usr/share/apertium/modes/eng-spa.mode")
    if apertium:
        modes.append(("apertium", ["--translate=apertium"]))
        modes.append(("apertium+english", ["--translate=apertium", "--translate-english"]))
    else:
        print("Apertium not installed: --translate=apertium not measured")
    modes = [(m, extra + args.extra) for m, extra in modes if not args.mode or m == args.mode]
    eng = EnglishCheck()
    mtdir = find_data(args.srcdir, "mt", args.split + ".tsv")
    rows = mt_rows(mtdir, args.split) if mtdir else []
    cleans = clean_sets(args.srcdir, args.split)
    missed = []
    for mode, extra in modes:
        print(f"mode {mode} ({args.split} split of {mtdir or 'no MT set'}):")
        altered_total = 0
        if rows:
            outs = run_lines(args.mtclean, [r[2] for r in rows], extra)
            kinds = sorted({r[0] for r in rows if r[0] != "clean"})
            for kind in kinds:
                sel = [(r, o) for r, o in zip(rows, outs) if r[0] == kind]
                gain, line = fmt(kind, score_kind([(r[2], r[3]) for r, _ in sel], [o for _, o in sel], eng))
                print(line)
                if args.show == kind:
                    for r, o in sel:
                        print(f"    - {r[2]}\n    + {o}\n    = {r[3]}")
                t = TARGETS.get((mode, kind))
                if t is not None and gain < t:
                    missed.append(f"{mode}: WER reduction on {kind} {gain:.1%} < {t:.0%}")
            cleans["mt-clean"] = [r[2] for r in rows if r[1] == "clean"]
            native_english(args.mtclean, mtdir, extra)
        gain, line = fmt("fixture", fixture_score(args.mtclean, args.srcdir, extra))
        print(line)
        # "before" is the article without the page's chrome (the gold's
        # boilerplate lines); "after" above holds whatever chrome the
        # boilerplate classifier keeps. With the site's own rules (as
        # eval.py passes them) the chrome goes and what is left is repair.
        site = "--rules=" + os.path.join(args.srcdir, "tests", "eval", "fixture-sites.rules")
        print(fmt("fixture+site", fixture_score(args.mtclean, args.srcdir, extra + [site]))[1].replace(
            "  still English 0.0%", "  (informational: chrome dropped by fixture-sites.rules)"))
        t = TARGETS.get((mode, "fixture"))
        if t is not None and gain < t:
            missed.append(f"{mode}: WER reduction on the fixture {gain:.1%} < {t:.0%}")
        for name, lines in sorted(cleans.items()):
            outs = run_lines(args.mtclean, lines, extra)
            # A line dropped whole is the boilerplate classifier's call, counted apart.
            altered = [(a, b) for a, b in zip(lines, outs) if a != b and b.strip()]
            dropped = sum(1 for b in outs if not b.strip())
            altered_total += len(altered)
            print(f"  clean {name:<9} {len(lines):>5} sentences, altered {len(altered)} (dropped whole: {dropped})")
            for a, b in altered[:20]:
                print(f"    - {a}\n    + {b}")
        if altered_total and mode in ALTER_TARGET:
            missed.append(f"{mode}: {altered_total} clean sentences altered")
    for m in missed:
        print("MISSED:", m)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
