#!/usr/bin/env python3
"""--translate=apertium throughput on a corpus where 5% of the sentences
are MT-damaged (issue 15 asks it stated), next to the default repair mode
on the same bytes.

    python3 bench/translate.py MTCLEAN SRCDIR [DOCS] [THREADS]

The corpus: DOCS JSONL documents (default 4000) of 5 sentences each; a
sentence is clean French (the web set's clean lines and the MT set's clean
sentences, tests/eval/web, tests/eval/mt) or, one time in 20, a damaged one
of the MT set (kinds func, word, span, salad, english: what translation
acts on), drawn with a fixed seed. Prints wall time, CPU time (user + sys,
mtclean and its Apertium co-processes), documents/s and MB/s for each mode.
Exit 2 with a one-line message when Apertium is not installed."""
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time

DAMAGED_SHARE = 0.05
KINDS = {"func", "word", "span", "salad", "english"}


def sentences(srcdir):
    clean, damaged = [], []
    evaldir = os.path.join(srcdir, "tests", "eval")
    with open(os.path.join(evaldir, "web", "labels.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4 and cols[2] == "clean" and cols[3].strip():
                clean.append(cols[3])
    for split in ("dev", "test"):
        with open(os.path.join(evaldir, "mt", split + ".tsv"), encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 5 and cols[1] == "clean":
                    clean.append(cols[3])
                elif len(cols) >= 5 and cols[1] in KINDS:
                    damaged.append(cols[3])
    return clean, damaged


def corpus(srcdir, docs):
    clean, damaged = sentences(srcdir)
    rnd = random.Random(20261201)
    out, bad = [], 0
    for i in range(docs):
        sent = []
        for _ in range(5):
            hit = rnd.random() < DAMAGED_SHARE
            bad += hit
            sent.append(rnd.choice(damaged if hit else clean))
        out.append(json.dumps({"id": i, "text": " ".join(sent)}, ensure_ascii=False) + "\n")
    return "".join(out).encode("utf-8"), bad


def run(mtclean, data, extra):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    p = subprocess.run([mtclean, "--jsonl", "--no-quality-field", "--no-progress", "--summary", *extra],
                       input=data, capture_output=True, check=True)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    translated = [l for l in p.stderr.decode().splitlines() if "translat" in l]
    return wall, cpu, translated


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: translate.py MTCLEAN SRCDIR [DOCS] [THREADS]")
    mtclean, srcdir = sys.argv[1], sys.argv[2]
    docs = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
    threads = sys.argv[4] if len(sys.argv) > 4 else "1"
    if not shutil.which("apertium"):
        print("bench/translate.py: apertium is not installed", file=sys.stderr)
        sys.exit(2)
    data, bad = corpus(srcdir, docs)
    mb = len(data) / 1e6
    print(f"corpus: {docs} documents, {docs * 5} sentences ({bad} damaged, {bad / (docs * 5):.1%}), {mb:.2f} MB;"
          f" --threads={threads}")
    for name, extra in (("default", []), ("--translate=apertium", ["--translate=apertium"])):
        wall, cpu, translated = run(mtclean, data, extra + ["--threads=" + threads])
        print(f"  {name:<22} wall {wall:6.2f} s  CPU {cpu:6.2f} s  {docs / wall:8.0f} docs/s  {mb / wall:6.2f} MB/s")
        for line in translated:
            print("    " + line.strip())


if __name__ == "__main__":
    main()
