#!/usr/bin/env python3
"""Checks mtclean --jsonl output against its input, report and summary.

  - one report line per input record, in order: doc number, id, has_text,
    dropped_document (= quality below --min-quality), counters;
  - one output record per kept input record, in order; every byte outside
    the text value and the quality value is the input's; records without a
    text string are unchanged; the quality object equals the report's
    counters; with --flag, removing the markers gives back the input text;
  - the summary's counts agree with the report.

usage: check-corpus.py --input IN --output OUT --report REPORT
       [--summary FILE] [--min-quality Q] [--flag] [--field F] [--id-field F]
       [--quality-field F | --no-quality-field]
Prints what is wrong and exits 1 on the first few problems.
"""
import argparse
import json
import re
import sys

DECODER = json.JSONDecoder()
WS = " \t\n\r"
COUNTERS = ["bytes_in", "bytes_out", "segments", "words", "fr", "en", "both", "unknown", "mixed_segments",
            "boilerplate_segments", "english_segments", "flagged", "rewrites", "rewritten_segments", "dropped",
            "invalid_utf8", "clean_words", "scored_words", "repaired_clean", "residual", "translated_spans",
            "translate_errors", "rule_errors", "quality", "rules"]
# Flag-mode markers; a doubled marker character is one of the text (tests/markers.h).
MARKERS = re.compile("\u27e6\u27e6|\u27e7\u27e7|\u27e6[a-z]*\\||\u27e7")


def strip_markers(s):
    return MARKERS.sub(lambda m: m.group(0)[0] if len(m.group(0)) == 2 and m.group(0)[0] == m.group(0)[1] else "", s)


def skip(s, i):
    while i < len(s) and s[i] in WS:
        i += 1
    return i


def members(s):
    """The top-level members of a JSON object as (key, key_start, value_start, value_end, value)."""
    i = skip(s, 0)
    assert s[i] == "{", "not an object"
    i = skip(s, i + 1)
    out = []
    if s[i] == "}":
        return out, i
    while True:
        key_start = i
        key, i = DECODER.raw_decode(s, i)
        i = skip(s, i)
        assert s[i] == ":"
        i = skip(s, i + 1)
        value_start = i
        val, i = DECODER.raw_decode(s, i)
        out.append((key, key_start, value_start, i, val))
        i = skip(s, i)
        if s[i] == ",":
            i = skip(s, i + 1)
            continue
        assert s[i] == "}"
        return out, i


def find(mem, name):
    hits = [m for m in mem if m[0] == name]
    return hits[0] if hits else None


def split_lines(data):
    """Lines with their ends, as the filter reads them (LF or CRLF)."""
    lines = data.split(b"\n")
    last = lines.pop()
    out = [(l[:-1], b"\r\n") if l.endswith(b"\r") else (l, b"\n") for l in lines]
    if last:
        out.append((last, b""))
    return out


class Checker:
    def __init__(self, args):
        self.args = args
        self.problems = 0

    def fail(self, where, what):
        self.problems += 1
        if self.problems <= 10:
            print("%s: %s" % (where, what))

    def expected_record(self, line, mem, out_line, out_mem):
        """The input line with the output's text and quality values put in."""
        a = self.args
        edits = []
        text = find(mem, a.field)
        out_text = find(out_mem, a.field)
        edits.append((text[2], text[3], out_line[out_text[2]:out_text[3]]))
        if a.quality_field:
            out_q = find(out_mem, a.quality_field)
            if out_q is None:
                return None
            q_raw = out_line[out_q[2]:out_q[3]]
            old = find(mem, a.quality_field)
            if old:
                edits.append((old[2], old[3], q_raw))
            else:
                end = mem[-1][3]
                edits.append((end, end, ",%s:%s" % (json.dumps(a.quality_field, ensure_ascii=False), q_raw)))
        edits.sort()
        out, pos = [], 0
        for start, end, new in edits:
            out += [line[pos:start], new]
            pos = end
        out.append(line[pos:])
        return "".join(out)

    def run(self):
        a = self.args
        with open(a.input, "rb") as f:
            inputs = split_lines(f.read())
        with open(a.output, "rb") as f:
            outputs = split_lines(f.read())
        with open(a.report, encoding="utf-8") as f:
            reports = [json.loads(l) for l in f]
        if len(reports) != len(inputs):
            self.fail("report", "%d lines for %d records" % (len(reports), len(inputs)))
            return
        out_i = 0
        kept = dropped = without_text = 0
        for n, ((raw, eol), rep) in enumerate(zip(inputs, reports), 1):
            where = "record %d" % n
            line = raw.decode("utf-8")
            mem, _ = members(line)
            obj = json.loads(line)
            text = find(mem, a.field)
            has_text = text is not None and isinstance(text[4], str)
            rec_id = find(mem, a.id_field)
            if rep["doc"] != n:
                self.fail(where, "report doc is %r" % rep["doc"])
            if rep["id"] != (rec_id[4] if rec_id else None):
                self.fail(where, "report id %r, record id %r" % (rep["id"], rec_id and rec_id[4]))
            if rep["has_text"] != has_text:
                self.fail(where, "report has_text %r" % rep["has_text"])
            quality = rep["clean_words"] / rep["scored_words"] if rep["scored_words"] else 1.0
            should_drop = has_text and a.min_quality is not None and quality < a.min_quality
            if a.min_quality is not None and rep["dropped_document"] != should_drop:
                self.fail(where, "dropped_document %r at quality %r" % (rep["dropped_document"], quality))
            if not has_text:
                without_text += 1
            if should_drop:
                dropped += 1
                continue
            kept += 1
            if out_i >= len(outputs):
                self.fail(where, "missing from the output")
                return
            out_raw, out_eol = outputs[out_i]
            out_i += 1
            if out_eol != (eol or b"\n"):
                self.fail(where, "line end %r for %r" % (out_eol, eol))
            if not has_text:
                if out_raw != raw:
                    self.fail(where, "record without text changed")
                continue
            out_line = out_raw.decode("utf-8")
            out_mem, _ = members(out_line)
            out_obj = json.loads(out_line)
            if self.expected_record(line, mem, out_line, out_mem) != out_line:
                self.fail(where, "bytes outside the text and quality values changed:\n  in:  %s\n  out: %s"
                          % (line[:300], out_line[:300]))
            cleaned = out_obj[a.field]
            if not isinstance(cleaned, str):
                self.fail(where, "output text is not a string")
            elif a.flag and strip_markers(cleaned) != obj[a.field]:
                self.fail(where, "flag mode: text not recoverable")
            if cleaned == obj[a.field] and out_line[find(out_mem, a.field)[2]:find(out_mem, a.field)[3]] != \
                    line[text[2]:text[3]]:
                self.fail(where, "unchanged text re-escaped")
            if a.quality_field:
                want = {k: rep[k] for k in COUNTERS}
                if out_obj.get(a.quality_field) != want:
                    self.fail(where, "quality field %r, report %r" % (out_obj.get(a.quality_field), want))
            elif a.no_quality_field and "mtclean" in out_obj and "mtclean" not in obj:
                self.fail(where, "quality field added with --no-quality-field")
        if out_i != len(outputs):
            self.fail("output", "%d records for %d kept" % (len(outputs), out_i))
        if a.summary:
            self.check_summary(reports, len(inputs), kept, dropped, without_text)
        print("# %d records, %d kept, %d dropped, %d without text" % (len(inputs), kept, dropped, without_text))

    def check_summary(self, reports, documents, kept, dropped, without_text):
        with open(self.args.summary, encoding="utf-8") as f:
            text = f.read()

        def number(label):
            m = re.search(r"^%s: (\d+)" % re.escape(label), text, re.M)
            if not m:
                self.fail("summary", "no line '%s'" % label)
                return None
            return int(m.group(1))

        with_text = [r for r in reports if r["has_text"]]
        kept_reports = [r for r in with_text if not r.get("dropped_document")]
        want = {
            "documents": documents,
            "documents without a \"%s\" string (passed through)" % self.args.field: without_text,
            "documents kept": kept,
            "bytes in": sum(r["bytes_in"] for r in with_text),
            "bytes out": sum(r["bytes_out"] for r in kept_reports),
            "segments": sum(r["segments"] for r in with_text),
            "rewrites": sum(r["rewrites"] for r in with_text),
            "repaired mixed segments": sum(r["repaired_clean"] for r in with_text),
            "translated spans": sum(r["translated_spans"] for r in with_text),
            "words scored": sum(r["words"] for r in with_text),
        }
        if self.args.min_quality is not None:
            want["documents dropped (quality below %g)" % self.args.min_quality] = dropped
        for label, value in want.items():
            got = number(label)
            if got is not None and got != value:
                self.fail("summary", "%s: %d, want %d" % (label, got, value))
        bins = [0] * 10
        for r in with_text:
            bins[min(9, r["clean_words"] * 10 // r["scored_words"]) if r["scored_words"] else 9] += 1
        got_bins = [int(m) for m in re.findall(r"^  \[0\.\d,[01]\.\d[)\]] +(\d+)", text, re.M)]
        if got_bins != bins:
            self.fail("summary", "histogram %r, want %r" % (got_bins, bins))
        rules = {}
        for r in with_text:
            for name, hits in r["rules"].items():
                rules[name] = rules.get(name, 0) + hits
        rules_part, _, reasons_part = text.split("top rules", 1)[-1].partition("top reasons")
        top = re.findall(r"^ +(\d+) (\S+)$", rules_part, re.M)
        if len(top) != min(10, len(rules)):
            self.fail("summary", "%d top rules listed, %d fired" % (len(top), len(rules)))
        if sorted((int(h) for h, _ in top), reverse=True) != [int(h) for h, _ in top]:
            self.fail("summary", "top rules not in decreasing order")
        for hits, name in top:
            if rules.get(name) != int(hits):
                self.fail("summary", "rule %s: %s times, report says %s" % (name, hits, rules.get(name)))
        if top and min(int(h) for h, _ in top) < max([h for n, h in rules.items() if n not in dict((b, a) for a, b in top)] or [0]):
            self.fail("summary", "a rule fired more often than a listed one is missing")
        reasons = {}
        for r in reports:
            for name, n in r.get("reasons", {}).items():
                reasons[name] = reasons.get(name, 0) + n
        listed = re.findall(r"^ +(\d+) (\S+)$", reasons_part, re.M)
        want_top = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        if [(name, int(n)) for n, name in listed] != want_top:
            self.fail("summary", "top reasons %r, the reports give %r" % (listed[:3], want_top[:3]))
        if any(r["bytes_out"] for r in with_text if r.get("dropped_document")):
            self.fail("report", "a dropped document has bytes_out other than 0 (bytes written)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--summary")
    ap.add_argument("--min-quality", type=float)
    ap.add_argument("--flag", action="store_true")
    ap.add_argument("--field", default="text")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--quality-field", default="mtclean")
    ap.add_argument("--no-quality-field", action="store_true")
    args = ap.parse_args()
    if args.no_quality_field:
        args.quality_field = None
    checker = Checker(args)
    checker.run()
    sys.exit(1 if checker.problems else 0)


if __name__ == "__main__":
    main()
