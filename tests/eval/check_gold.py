#!/usr/bin/env python3
"""Sanity checks for the mtclean evaluation data in tests/eval/.

For every gold-<fixture>.tsv:
  * each line is LABEL<TAB>TEXT with a known label, TEXT without tabs and
    without leading/trailing whitespace;
  * every TEXT occurs verbatim in fixtures/<fixture>.txt, in document order;
  * the segments cover every non-whitespace character of the fixture
    (anything left between two segments is reported as a gap).
For the synthetic-*.tsv files: format, expected label, no duplicates.
For lepoint-reference.txt: one paragraph per non-boilerplate paragraph of the
fixture, in the same order, and every clean-fr gold segment kept verbatim.

Prints the number of lines per label for each file.  Exit status 1 on any
problem.

Usage: python3 tests/eval/check_gold.py [--fixtures DIR]
(default DIR: the repository's fixtures/ folder, two levels above this file)
"""
import argparse
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {"clean-fr", "mixed", "boilerplate", "clean-en"}
FIXTURES = ["clean-fr-1", "clean-fr-3", "clean-fr-4",
            "clean-fr-forbes-boilerplate", "corrupted-lepoint"]
SYNTHETIC = {"synthetic-mixed.tsv": ("mixed", 200),
             "synthetic-clean-fr.tsv": ("clean-fr", 120),
             "synthetic-clean-en.tsv": ("clean-en", 40)}
# Unicode white space, including the no-break spaces found in the Forbes page.
WS = set(" \t\n\r\f\v\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\u1680\u2028\u2029\u0085\u205f\u2000\u2001\u2004\u2005\u2006\u2008")

problems = []


def problem(msg):
    problems.append(msg)
    print("PROBLEM: " + msg)


def read_tsv(path):
    raw = open(path, "rb").read()
    if b"\r" in raw:
        problem("%s: contains CR characters" % path)
    if raw and not raw.endswith(b"\n"):
        problem("%s: last line not terminated by LF" % path)
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    rows = []
    for n, line in enumerate(text.split("\n")[:-1], 1):
        parts = line.split("\t")
        if len(parts) != 2:
            problem("%s:%d: expected LABEL<TAB>TEXT, got %d fields" % (path, n, len(parts)))
            continue
        label, seg = parts
        if label not in LABELS:
            problem("%s:%d: unknown label %r" % (path, n, label))
        if not seg or seg[0] in WS or seg[-1] in WS:
            problem("%s:%d: empty text or leading/trailing white space" % (path, n))
        rows.append((n, label, seg))
    return rows


def check_gold(fixdir, name):
    path = os.path.join(HERE, "gold-%s.tsv" % name)
    fixture = open(os.path.join(fixdir, name + ".txt"), encoding="utf-8").read()
    rows = read_tsv(path)
    pos = 0
    for n, label, seg in rows:
        i = fixture.find(seg, pos)
        if i < 0:
            where = fixture.find(seg)
            problem("%s:%d: text %s in fixture%s" % (
                os.path.basename(path), n,
                "not found" if where < 0 else "out of order",
                "" if where < 0 else " (found at offset %d, expected after %d)" % (where, pos)))
            continue
        gap = fixture[pos:i]
        if any(c not in WS for c in gap):
            problem("%s:%d: uncovered fixture text before this segment: %r" % (
                os.path.basename(path), n, gap.strip()))
        pos = i + len(seg)
    tail = fixture[pos:]
    if any(c not in WS for c in tail):
        problem("%s: uncovered fixture text at end: %r" % (os.path.basename(path), tail.strip()))
    return rows


def paragraphs(text):
    return [p.strip("\n") for p in text.split("\n\n") if p.strip(" \n\u00a0")]


def check_reference(fixdir, gold_rows):
    fixture = open(os.path.join(fixdir, "corrupted-lepoint.txt"), encoding="utf-8").read()
    ref_path = os.path.join(HERE, "lepoint-reference.txt")
    ref = open(ref_path, encoding="utf-8").read()
    if "\r" in ref:
        problem("lepoint-reference.txt: contains CR")
    boiler = [seg for _, label, seg in gold_rows if label == "boilerplate"]
    kept = []
    for p in paragraphs(fixture):
        rest = p
        for b in boiler:
            rest = rest.replace(b, "")
        if rest == p:
            kept.append(p)
        elif any(c not in WS for c in rest):
            problem("lepoint: paragraph mixes boilerplate and article text: %r" % p[:60])
    refp = paragraphs(ref)
    if len(refp) != len(kept):
        problem("lepoint-reference.txt: %d paragraphs, fixture has %d non-boilerplate paragraphs"
                % (len(refp), len(kept)))
    for k, (a, b) in enumerate(zip(kept, refp), 1):
        if a.count("\n") != b.count("\n"):
            problem("lepoint-reference.txt: paragraph %d has a different line structure" % k)
    for n, label, seg in gold_rows:
        if label == "clean-fr" and seg not in ref:
            problem("lepoint-reference.txt: clean-fr segment (gold line %d) not kept verbatim" % n)
        if label == "boilerplate" and seg in ref:
            problem("lepoint-reference.txt: boilerplate segment (gold line %d) still present" % n)
        if label == "mixed" and seg in ref:
            problem("lepoint-reference.txt: mixed segment (gold line %d) left unrepaired" % n)
    return len(refp)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fixtures", default=os.path.join(HERE, "..", "..", "fixtures"))
    args = ap.parse_args()
    table = collections.OrderedDict()
    lepoint_rows = None
    for name in FIXTURES:
        rows = check_gold(args.fixtures, name)
        table["gold-%s.tsv" % name] = collections.Counter(l for _, l, _ in rows)
        if name == "corrupted-lepoint":
            lepoint_rows = rows
    for fname, (want, minimum) in SYNTHETIC.items():
        path = os.path.join(HERE, fname)
        if not os.path.exists(path):
            problem("%s missing" % fname)
            continue
        rows = read_tsv(path)
        c = collections.Counter(l for _, l, _ in rows)
        table[fname] = c
        if set(c) != {want}:
            problem("%s: labels %s, expected only %s" % (fname, dict(c), want))
        if c[want] < minimum:
            problem("%s: %d lines, want at least %d" % (fname, c[want], minimum))
        seen = {}
        for n, _, seg in rows:
            if seg in seen:
                problem("%s:%d: duplicate of line %d" % (fname, n, seen[seg]))
            seen[seg] = n
    nref = check_reference(args.fixtures, lepoint_rows)
    print()
    print("%-38s %9s %6s %12s %9s %6s" % ("file", "clean-fr", "mixed", "boilerplate", "clean-en", "total"))
    for fname, c in table.items():
        print("%-38s %9d %6d %12d %9d %6d" % (fname, c["clean-fr"], c["mixed"], c["boilerplate"],
                                               c["clean-en"], sum(c.values())))
    print("lepoint-reference.txt: %d paragraphs" % nref)
    print()
    if problems:
        print("%d problem(s)" % len(problems))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
