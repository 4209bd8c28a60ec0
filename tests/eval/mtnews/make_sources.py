#!/usr/bin/env python3
"""sources.tsv for the news MT set: the sentences of the lines labelled clean
in the real web pages of ../web (news, blogs, regional press...), 8 to 60
words, ending with . ! ? or », no teaser cut with "..." and no characters
that Apertium's analyser reads as its own markup ([ ] ^ $ \\ / < > { } @ # *).
The document id is the page ("web:NNN"), so make_mt.py splits by the web
set's site split: dev pages give dev sentences, test pages test ones."""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
WEB = os.path.join(HERE, "..", "web", "labels.tsv")


def main():
    seen, out = set(), []
    with open(WEB, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or cols[2] != "clean":
                continue
            for s in re.split(r"(?<=[.!?»])\s+(?=[A-ZÀ-ÖØ-Þ«])", cols[3]):
                s = s.strip()
                if not 8 <= len(s.split()) <= 60 or s in seen or not re.search(r"[.!?»]$", s):
                    continue
                if s.endswith(("...", "…")) or re.search(r"[\[\]^$\\/<>{}@#*]", s):
                    continue
                seen.add(s)
                out.append(f"web:{cols[0]}\t{s}\n")
    with open(os.path.join(HERE, "sources.tsv"), "w", encoding="utf-8") as f:
        f.writelines(out)


if __name__ == "__main__":
    main()
