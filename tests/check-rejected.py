#!/usr/bin/env python3
"""Nothing a run removes is lost: INPUT = OUTPUT + REJECTED.

text INPUT OUTPUT REJECTED: drop mode on text; every word of the input is
in the output or in a rejected segment (TSV DOC, REASON, TEXT), as many
times, and every rejected line has a reason.
jsonl INPUT OUTPUT REJECTED: every input record is either the next output
record (same "id") or the next rejected one, byte for byte once its last
member "mtclean_rejected" is taken off.
Prints what differs; exits 1 then."""
import collections
import json
import re
import sys

MEMBER = re.compile(r',?"mtclean_rejected":\{"reason":"[^"]*","quality":[0-9.]+,"reasons":\{[^{}]*\}\}(?=\s*\}\s*$)')


def unescape(s):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(m.group(1), m.group(1)), s)


def check_text(inp, out, rej):
    want = collections.Counter(open(inp, encoding="utf-8").read().split())
    got = collections.Counter(open(out, encoding="utf-8").read().split())
    for n, line in enumerate(open(rej, encoding="utf-8"), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 3 or ":" not in cols[1]:
            return f"{rej}:{n}: not DOC<TAB>LABEL:EVIDENCE<TAB>TEXT"
        got.update(unescape(cols[2]).split())
    if want != got:
        return f"lost {list((want - got).items())[:5]}, extra {list((got - want).items())[:5]}"
    return None


def check_jsonl(inp, out, rej):
    def records(path):  # not splitlines(): U+2028 may be in a record
        with open(path, "rb") as f:
            return [r.decode("utf-8", "surrogateescape").rstrip("\r") for r in f.read().split(b"\n") if r]

    outs, rejs = records(out), records(rej)
    o = r = 0
    for n, line in enumerate(records(inp), 1):
        if r < len(rejs) and MEMBER.sub("", rejs[r], count=1) == line:
            r += 1
        elif o < len(outs) and json.loads(outs[o]).get("id") == json.loads(line).get("id"):
            o += 1
        else:
            return f"{inp}:{n}: neither the next output record nor the next rejected one"
    if o != len(outs) or r != len(rejs):
        return f"left over: {len(outs) - o} output, {len(rejs) - r} rejected records"
    return None


def main():
    kind, inp, out, rej = sys.argv[1:5]
    why = (check_text if kind == "text" else check_jsonl)(inp, out, rej)
    if why:
        print(why)
        sys.exit(1)


main()
