#!/usr/bin/env python3
"""Collect clean French sentences (and, in sources-en.tsv, 200 English
ones from the handbook's en-US edition) from freely licensed French documents
installed by Debian packages, and write sources.tsv (doc<TAB>sentence).

Sources (install with apt-get): debian-handbook (fr-FR, CC-BY-SA/GPL),
debian-history (fr), debian-reference-fr, libreoffice-help-fr (MPL).
The output is committed; this script only documents how it was made.
Needs the `hunspell` command and hunspell-fr / hunspell-en-us.

Filters: 8-60 words, no inline code, no path/URL/markup characters,
at least 2 French function words, <= 8 % of words unknown to Hunspell fr,
and not more English-known than French-known words.  Deduplicated.
Seed 20261201 picks the per-source quotas.
"""
import glob
import hashlib
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import htmltext  # noqa: E402

SEED = 20261201
QUOTA = {"handbook": 520, "history": 260, "reference": 300, "lohelp": 460}

ABBR = r"(?<!\bM)(?<!\bMM)(?<!\bp)(?<!\bex)(?<!\bcf)(?<!\bvol)(?<!\bn°)(?<!\betc)(?<!\bDr)(?<!\bSt)"
SPLIT = re.compile(ABBR + r"(?<=[.!?…])\s+(?=[«\"(]?\s?[A-ZÀ-ÖØ-Ý0-9])")
FUNC = set("le la les un une des du de et est dans pour sur avec que qui ne pas en au aux ce cette ces "
           "il elle ils elles on nous vous son sa ses leur leurs par plus ou mais se sont être été a".split())
BAD = re.compile(r"[/\\_=<>{}\[\]$@#|~^*`+]|https?:|www\.|\.\w{2,4}\b(?![\s,;:.!?»)]|$)|\s-\w|\.\.\.|[\x01\x02]")
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿœŒ]+)*")


def docs():
    for f in sorted(glob.glob("/usr/share/doc/debian-handbook/html/fr-FR/*.html")):
        yield "handbook", "hb:" + os.path.basename(f)[:-5], f
    for f in sorted(glob.glob("/usr/share/doc/debian-history/docs/*.fr.html")):
        yield "history", "hist:" + os.path.basename(f)[:-8], f
    for f in sorted(glob.glob("/usr/share/debian-reference/*.fr.html")):
        yield "reference", "ref:" + os.path.basename(f)[:-8], f
    for f in sorted(glob.glob("/usr/share/libreoffice/help/fr/text/**/*.html", recursive=True)):
        rel = os.path.relpath(f, "/usr/share/libreoffice/help/fr/text")[:-5]
        yield "lohelp", "lo:" + rel, f


def sentences(par):
    par = par.replace("\u00a0", " ").replace("\u202f", " ")
    for s in SPLIT.split(par):
        s = re.sub(r"\s+", " ", s).strip()
        if s:
            yield s


def spell(lines, dic):
    """Per line: list of known-flags, one per word, via `hunspell -l`
    (run once on the unique words; -a would spend minutes on suggestions)."""
    toks = [WORD.findall(l) for l in lines]
    uniq = sorted({w for t in toks for w in t})
    out = subprocess.run(["hunspell", "-d", dic, "-l"], input="\n".join(uniq) + "\n",
                         capture_output=True, text=True, check=True).stdout
    bad = set(out.split("\n"))
    return [[w not in bad for w in t] for t in toks]


def main():
    rng = random.Random(SEED)
    cand = {k: [] for k in QUOTA}
    seen = set()
    for src, doc, f in docs():
        for par in htmltext.paragraphs(f):
            for s in sentences(par):
                if BAD.search(s):
                    continue
                w = WORD.findall(s)
                if not 8 <= len(s.split()) <= 60 or len(w) < 8:
                    continue
                if s[-1] not in ".!?»:)" or not s[0].isupper():
                    continue
                low = [x.lower() for x in w]
                if sum(x in FUNC for x in low) < 2:
                    continue
                key = s.lower()
                if key in seen:
                    continue
                seen.add(key)
                cand[src].append((doc, s))
    out = []
    for src, q in QUOTA.items():
        c = cand[src]
        rng.shuffle(c)
        c = c[:q * 2]
        fr = spell([s for _, s in c], "fr_FR")
        en = spell([s for _, s in c], "en_US")
        kept = []
        for (doc, s), a, b in zip(c, fr, en):
            if not a:
                continue
            unk = a.count(False) / len(a)
            if unk > 0.08 or sum(b) > sum(a):
                continue
            kept.append((doc, s))
        print(src, "candidates", len(cand[src]), "kept", len(kept[:q]), file=sys.stderr)
        out.extend(kept[:q])
    out.sort()
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "sources.tsv"), "w", encoding="utf-8") as f:
        for doc, s in out:
            f.write(f"{doc}\t{s}\n")
    print("wrote", len(out), file=sys.stderr)
    english_native(rng, here)


EN_FUNC = set("the a an of and or to in on for with is are be by that this it as from can not".split())


def english_native(rng, here, quota=200):
    """sources-en.tsv: real English sentences from the handbook's en-US edition."""
    cand, seen = [], set()
    for f in sorted(glob.glob("/usr/share/doc/debian-handbook/html/en-US/*.html")):
        doc = "hben:" + os.path.basename(f)[:-5]
        for par in htmltext.paragraphs(f):
            for s in sentences(par):
                if BAD.search(s) or not 8 <= len(s.split()) <= 60:
                    continue
                if s[-1] not in ".!?:)" or not s[0].isupper() or s.lower() in seen:
                    continue
                if sum(x.lower() in EN_FUNC for x in WORD.findall(s)) < 2:
                    continue
                seen.add(s.lower())
                cand.append((doc, s))
    rng.shuffle(cand)
    cand = cand[:quota * 2]
    en = spell([s for _, s in cand], "en_US")
    fr = spell([s for _, s in cand], "fr_FR")
    kept = [(d, s) for (d, s), a, b in zip(cand, en, fr)
            if a and a.count(False) / len(a) <= 0.08 and sum(a) > sum(b)][:quota]
    kept.sort()
    with open(os.path.join(here, "sources-en.tsv"), "w", encoding="utf-8") as f:
        for doc, s in kept:
            f.write(f"{doc}\t{s}\n")
    print("english-native", len(kept), file=sys.stderr)


if __name__ == "__main__":
    main()
