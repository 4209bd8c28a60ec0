#!/usr/bin/env python3
"""The Debian Administrator's Handbook as a real-world untranslated-text set.

Parses every page of the debian-handbook package's fr-FR and en-US HTML
editions (/usr/share/doc/debian-handbook/html/{fr-FR,en-US}/*.html, stdlib
html.parser via ../mt/htmltext.py), takes the text blocks (<p>,
<div class="para">, <li>, <td>, titles...) and aligns them by page and order
(every page has the same number of blocks in both editions).  A block is
kept if it has >= 5 words outside inline code.  Then:

  english   the fr-FR block looks English (more English than French function
            words) and is identical to its en-US counterpart, or nearly so
            (word-level difflib ratio >= 0.8: DocBook put French text in its
            cross-references, "Chapitre 4, Installation presented..."): left
            untranslated by the translators
  clean     the fr-FR block differs from the en-US one and looks French
  (other blocks are not used: identical but not English-looking, e.g. names
  and numbers, or translated but English-looking)

Writes a sample of at most 600 blocks per label (seed 20261201), split into
dev/test by md5 of the page name, to handbook/{dev,test}.tsv
(id<TAB>label<TAB>text), and prints the edition-wide counts.
    python3 make_handbook.py [--all DIR]   # --all: also write every block
"""
import difflib
import glob
import hashlib
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "mt"))
import htmltext  # noqa: E402

BASE = "/usr/share/doc/debian-handbook/html"
SEED = 20261201
CAP = 600
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒ]+")
EN = set("the a an of and or to in on for with is are be by that this it as from can not "
         "which will you your these those has have was were if when".split())
FR = set("le la les un une des du de et ou dans pour sur avec est sont par que qui ce cette "
         "ces il elle ils nous vous au aux pas ne se son sa ses leur plus".split())


def lang_guess(t):
    w = [x.lower() for x in WORD.findall(t)]
    e = sum(x in EN for x in w)
    f = sum(x in FR for x in w)
    return "en" if e > f else "fr" if f > e else "?"


def prose_words(t):
    no_code = re.sub(htmltext.CODE_OPEN + ".*?(" + htmltext.CODE_CLOSE + "|$)", " ", t)
    return len(WORD.findall(no_code))


def main():
    out_all = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--all" else None
    blocks = {"english": [], "clean": []}
    stats = dict(pages=0, blocks=0, kept=0, identical=0, identical_en=0,
                 near_identical_en=0, translated_en_looking=0)
    for f in sorted(glob.glob(f"{BASE}/fr-FR/*.html")):
        page = os.path.basename(f)[:-5]
        e = f"{BASE}/en-US/{page}.html"
        if not os.path.exists(e):
            continue
        fr, en = htmltext.paragraphs(f), htmltext.paragraphs(e)
        if len(fr) != len(en):
            print(f"skip {page}: {len(fr)} vs {len(en)} blocks", file=sys.stderr)
            continue
        stats["pages"] += 1
        for i, (a, b) in enumerate(zip(fr, en)):
            stats["blocks"] += 1
            if prose_words(a) < 5:
                continue
            stats["kept"] += 1
            ta, tb = htmltext.unwrap(a), htmltext.unwrap(b)
            g = lang_guess(ta)
            if ta == tb:
                stats["identical"] += 1
                if g == "en":
                    stats["identical_en"] += 1
                    blocks["english"].append((page, i, ta))
            elif g == "en" and difflib.SequenceMatcher(None, ta.split(), tb.split(),
                                                       autojunk=False).ratio() >= 0.8:
                # untranslated, but DocBook filled in French cross-reference
                # text ("Chapitre 4, Installation")
                stats["near_identical_en"] += 1
                blocks["english"].append((page, i, ta))
            elif g == "en":
                stats["translated_en_looking"] += 1
            elif g == "fr":
                blocks["clean"].append((page, i, ta))
    for k, v in stats.items():
        print(f"{k}\t{v}")
    print(f"clean_candidates\t{len(blocks['clean'])}")
    if out_all:
        os.makedirs(out_all, exist_ok=True)
        with open(os.path.join(out_all, "all.tsv"), "w", encoding="utf-8") as f:
            for lab, bl in blocks.items():
                for page, i, t in bl:
                    f.write(f"hb-{page}-{i:04d}\t{lab}\t{t}\n")
    rng = random.Random(SEED)
    rows = {"dev": [], "test": []}
    for lab, bl in blocks.items():
        bl = bl[:]
        rng.shuffle(bl)
        for page, i, t in sorted(bl[:CAP]):
            sp = "dev" if int(hashlib.md5(page.encode()).hexdigest()[:8], 16) % 2 == 0 else "test"
            rows[sp].append((f"hb-{page}-{i:04d}", lab, t))
    for sp, rs in rows.items():
        rs.sort()
        with open(os.path.join(HERE, f"{sp}.tsv"), "w", encoding="utf-8") as f:
            for r in rs:
                assert "\t" not in r[2]
                f.write("\t".join(r) + "\n")
        n = {l: sum(r[1] == l for r in rs) for l in blocks}
        print(f"{sp}\t{len(rs)}\t{n}")


if __name__ == "__main__":
    main()
