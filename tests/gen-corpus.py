#!/usr/bin/env python3
"""Writes a deterministic JSON Lines corpus built from the fixture articles.

Each record takes one to three paragraphs of the fixtures as its text and
carries ids and extra fields of every JSON type, written with varied
spacing, key order and escapes (\\uXXXX, surrogate pairs, \\/), so that the
filter's pass-through of everything but the text can be checked byte for
byte. Some records have no text field, or a null one; a few end in CRLF;
the last has no line end.

usage: gen-corpus.py [--docs N] [--seed S] [--field F] [--id-field F] FIXTURES_DIR > corpus.jsonl
"""
import argparse
import json
import os
import random
import sys


def paragraphs(fixtures):
    paras = []
    for name in sorted(os.listdir(fixtures)):
        if name.endswith(".txt"):
            with open(os.path.join(fixtures, name), encoding="utf-8") as f:
                paras += [line.rstrip("\n") for line in f if line.strip()]
    return paras


def escape_string(s, rnd):
    """A JSON string token with a random mix of escapes for the same text."""
    ascii_only = rnd.random() < 0.3
    slash = rnd.random() < 0.2
    out = ['"']
    for ch in s:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "/" and slash:
            out.append("\\/")
        elif ch in "\n\t\r\b\f":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}[ch])
        elif code < 0x20:
            out.append("\\u%04x" % code)
        elif code > 0x7F and ascii_only:
            if code > 0xFFFF:
                code -= 0x10000
                out.append("\\u%04X\\u%04X" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
            else:
                out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def number(rnd):
    return rnd.choice(["0", "-1", "42", "3.14", "-0.5", "1e3", "2.5E-4", "-7E+2", "12345678901234567890",
                       str(rnd.randint(-10**6, 10**6))])


def value(rnd, depth=0):
    """Raw JSON text of a random value of any type."""
    kinds = ["number", "string", "true", "false", "null"] + (["array", "object"] if depth < 3 else [])
    kind = rnd.choice(kinds)
    if kind == "number":
        return number(rnd)
    if kind == "string":
        return escape_string(rnd.choice(["café", "naïve — “quotes”", "emoji 😀 ok", "tab\there", "a/b", "",
                                         "\u2028 line sep", "ctrl \x01 \x1f", "back\\slash"]), rnd)
    if kind in ("true", "false", "null"):
        return kind
    sep = rnd.choice([",", ", ", " , "])
    if kind == "array":
        return "[" + sep.join(value(rnd, depth + 1) for _ in range(rnd.randint(0, 3))) + "]"
    members = ["%s:%s" % (escape_string(k, rnd), value(rnd, depth + 1))
               for k in rnd.sample(["a", "b", "ü", "x y", "n"], rnd.randint(0, 3))]
    return "{" + sep.join(members) + "}"


def record(i, paras, rnd, field, id_field):
    text = ("\n\n" if rnd.random() < 0.8 else "\n").join(rnd.choice(paras) for _ in range(rnd.randint(1, 3)))
    if rnd.random() < 0.05:
        text += " 😀\t\x07"  # an astral character and control characters, escaped in JSON
    members = []
    r = rnd.random()
    if r < 0.7:
        members.append((id_field, escape_string("doc-%06d" % i, rnd)))
    elif r < 0.9:
        members.append((id_field, str(i)))
    elif r < 0.93:
        members.append((id_field, "null"))
    r = rnd.random()
    if r < 0.96:
        members.append((field, escape_string(text, rnd)))
    elif r < 0.98:
        members.append((field, "null"))
    elif r < 0.99:
        members.append((field, number(rnd)))  # not a string: passed through
    members.append(("url", escape_string("https://example.org/fr/%d.html" % i, rnd)))
    for name in rnd.sample(["meta", "tags", "score", "flag", "none", "nested", "über"], rnd.randint(0, 4)):
        members.append((name, value(rnd)))
    if rnd.random() < 0.01:
        members.append(("mtclean", '{"old":true}'))  # replaced in place
    if rnd.random() < 0.01:
        members.append(("dup", "1"))
        members.append(("dup", "2"))  # repeated keys that are not rewritten pass through
    rnd.shuffle(members)
    colon = rnd.choice([":", ": ", " : "])
    comma = rnd.choice([",", ", "])
    body = comma.join("%s%s%s" % (escape_string(k, rnd) if rnd.random() < 0.9 else json.dumps(k), colon, v)
                      for k, v in members)
    return rnd.choice(["{%s}", "{ %s }", " {%s} "]) % body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--field", default="text")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("fixtures")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    paras = paragraphs(args.fixtures)
    out = sys.stdout.buffer
    for i in range(1, args.docs + 1):
        eol = b"" if i == args.docs else (b"\r\n" if rnd.random() < 0.02 else b"\n")
        out.write(record(i, paras, rnd, args.field, args.id_field).encode("utf-8") + eol)


if __name__ == "__main__":
    main()
