#!/usr/bin/env python3
"""Checks the MT sets: columns, labels, kinds, unique ids, every variant
differs from its original, every original is a clean row of the same split,
and (with --rebuild) that make_mt.py --offline reproduces the files.
Prints '<N> passed, <M> failed'; exits 1 on any failure."""
import collections
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LABEL = {"clean": "clean", "english": "english", "native": "english"}
KINDS = {"clean", "func", "word", "span", "salad", "english", "roundtrip", "glued", "native"}


def main():
    ok = bad = 0
    ids = set()

    def check(cond, msg):
        nonlocal ok, bad
        if cond:
            ok += 1
        else:
            bad += 1
            print("FAIL", msg)

    for name in ("dev", "test", "english-native"):
        path = os.path.join(HERE, name + ".tsv")
        rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8")]
        check(all(len(r) == 5 for r in rows), f"{name}: 5 columns")
        clean = {r[3] for r in rows if r[1] == "clean"}
        for r in rows:
            i, kind, label, text, orig = r
            check(kind in KINDS and label == LABEL.get(kind, "mixed"), f"{name} {i}: kind/label {kind}/{label}")
            check(i not in ids, f"{name} {i}: duplicate id")
            ids.add(i)
            check(text.strip() == text and text, f"{name} {i}: text empty or padded")
            if kind not in ("clean", "native"):
                check(text != orig, f"{name} {i}: identical to original")
                check(orig in clean, f"{name} {i}: original not a clean row of {name}")
        print(name, dict(collections.Counter(r[1] for r in rows)))
    if "--rebuild" in sys.argv:
        tmp = tempfile.mkdtemp()
        try:
            for f in ("make_mt.py", "sources.tsv", "sources-en.tsv", "mt-cache.tsv"):
                shutil.copy(os.path.join(HERE, f), tmp)
            subprocess.run([sys.executable, os.path.join(tmp, "make_mt.py"), "--offline"],
                           check=True, capture_output=True)
            for name in ("dev", "test", "english-native"):
                check(filecmp.cmp(os.path.join(tmp, name + ".tsv"), os.path.join(HERE, name + ".tsv"),
                                  shallow=False), f"--offline rebuild of {name}.tsv differs")
        finally:
            shutil.rmtree(tmp)
    print(f"{ok} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
