#!/usr/bin/env python3
"""Build the Apertium-made damage sets tests/eval/mt/{dev,test}.tsv and
english-native.tsv from sources.tsv / sources-en.tsv.

    python3 make_mt.py            # uses mt-cache.tsv; runs apertium only
                                  # for translations missing from it
    python3 make_mt.py --offline  # fail instead of running apertium

Every machine translation comes from Apertium (French->English is
`apertium -u fr-es | apertium -u spa-eng`, English->French is
`apertium -u eng-spa | apertium -u es-fr`) and is cached in mt-cache.tsv
(direction<TAB>input<TAB>output), which is committed, so the sets can be
rebuilt without apertium.  Deterministic: seed 20261201.

Output columns: id<TAB>kind<TAB>label<TAB>text<TAB>original.
Kinds (label mixed unless said):
  clean      the untouched sentence (label clean)
  func       1-2 French function words replaced by their English (table
             FUNC_EN below: the English Apertium gives these words in
             running text; Apertium alone on an isolated "le" says "it")
  word       one content word (noun, adjective, lexical verb or adverb by
             Apertium's French tagger) replaced by Apertium's translation of
             that word alone
  span       a comma-delimited clause of 3-8 words, or else a random 3-8-word
             window, replaced by Apertium's translation of that span alone
  salad      every word replaced by Apertium's translation of it alone
             (French kept where Apertium gives the word back or nothing)
  english    the whole sentence through Apertium fr->en (label english;
             French words Apertium does not know stay, as MT leaves them)
  roundtrip  fr->en->fr; kept only if >= 2 words differ from the original
  glued      one or two adjacent word pairs, one of them <= 3 letters, glued
Variants identical to the original are dropped; each sentence gets two
damage kinds from a seeded rotation, falling back to the next kind when one
gives nothing.  Split: md5 of the source document id, even -> dev, odd -> test.
"""
import difflib
import hashlib
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261201
CACHE = os.path.join(HERE, "mt-cache.tsv")
SEP = "[SEP]"
PIPE = {
    "fr-en": "nice apertium -u fr-es | nice apertium -u spa-eng",
    "en-fr": "nice apertium -u eng-spa | nice apertium -u es-fr",
    # Apertium's own French analyser + tagger (the first two stages of fr-es):
    # the cached output is the sentence's content words (n, adj, vblex, adv)
    "fr-pos": "nice lt-proc -w /usr/share/apertium/apertium-fr-es/fr-es.automorf.bin"
              " | nice apertium-tagger -g -p /usr/share/apertium/apertium-fr-es/fr-es.prob",
}
CONTENT_POS = {"n", "adj", "vblex", "adv"}
LU = re.compile(r"\^([^/$^]+)/([^$^]*)\$")
KINDS = ["func", "word", "span", "salad", "english", "roundtrip", "glued"]

FUNC_EN = {
    "le": "the", "la": "the", "les": "the", "l'": "the ", "l’": "the ",
    "un": "a", "une": "a", "des": "some", "du": "of the", "de": "of",
    "d'": "of ", "d’": "of ", "et": "and", "ou": "or", "dans": "in",
    "mais": "but", "pour": "for", "sur": "on", "avec": "with", "plus": "more",
    "par": "by", "est": "is", "sont": "are", "qui": "which", "que": "that",
    "pas": "not", "en": "in", "au": "to the", "aux": "to the", "à": "to",
    "ce": "this", "cette": "this", "ces": "these", "son": "his", "sa": "his",
    "ses": "his", "leur": "their", "leurs": "their", "très": "very",
    "sans": "without", "entre": "between", "comme": "like", "aussi": "also",
    "si": "if", "nous": "we", "vous": "you", "il": "he", "elle": "she",
    "ils": "they", "tous": "all", "chaque": "each", "peut": "can",
    "être": "be", "a": "has", "ont": "have", "été": "been", "lorsque": "when",
    "quand": "when", "dont": "whose", "sous": "under", "vers": "towards",
    "depuis": "since", "avant": "before", "après": "after", "car": "because",
}
STOP = set(FUNC_EN) | set("ne se sa ses mes tes nos vos on y qu ni non lui leur cela ceci "
                          "celui celle ceux celles tout toute toutes même autre autres "
                          "peu bien fait faire".split())
TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+)*['’]?")


WEB_SPLIT = {}


def split_of(doc):
    """md5 of the source document; a sentence of a web page ("web:NNN", the
    news set of ../mtnews) goes where its page went in ../web (by site)."""
    if doc.startswith("web:"):
        if not WEB_SPLIT:
            with open(os.path.join(HERE, "..", "web", "pages.tsv"), encoding="utf-8") as f:
                for line in f:
                    cols = line.rstrip("\n").split("\t")
                    if cols[0] != "id":
                        WEB_SPLIT["web:" + cols[0]] = cols[4]
        return WEB_SPLIT[doc]
    return "dev" if int(hashlib.md5(doc.encode()).hexdigest()[:8], 16) % 2 == 0 else "test"


class MT:
    def __init__(self, offline):
        self.offline = offline
        self.cache = {}
        self.want = {d: set() for d in PIPE}
        if os.path.exists(CACHE):
            with open(CACHE, encoding="utf-8") as f:
                for line in f:
                    d, a, b = line.rstrip("\n").split("\t")
                    self.cache[(d, a)] = b

    def need(self, d, text):
        if (d, text) not in self.cache:
            self.want[d].add(text)

    def run(self):
        for d, items in self.want.items():
            items = sorted(items)
            if not items:
                continue
            if self.offline:
                sys.exit(f"make_mt: {len(items)} {d} translations missing from mt-cache.tsv")
            for i in range(0, len(items), 1500):
                chunk = items[i:i + 1500]
                inp = "".join(f"{t}\n\n{SEP}\n\n" for t in chunk)
                out = subprocess.run(PIPE[d], shell=True, input=inp, capture_output=True,
                                     text=True, check=True).stdout
                parts = [p.strip() for p in out.split(SEP)]
                if len(parts) != len(chunk) + 1:
                    sys.exit(f"make_mt: apertium gave {len(parts) - 1} items for {len(chunk)}")
                for t, o in zip(chunk, parts):
                    if d == "fr-pos":
                        self.cache[(d, t)] = content_forms(o)
                        continue
                    o = re.sub(r"\s+", " ", o).strip()
                    self.cache[(d, t)] = fix_case(t, o)
                print(f"apertium {d}: {i + len(chunk)}/{len(items)}", file=sys.stderr)
            self.want[d] = set()
        with open(CACHE, "w", encoding="utf-8") as f:
            for (d, a), b in sorted(self.cache.items()):
                f.write(f"{d}\t{a}\t{b}\n")

    def tr(self, d, text):
        return self.cache[(d, text)]


def content_forms(tagged):
    """Surface forms of single-word units tagged noun/adj/lexical verb/adverb."""
    out = []
    for surf, an in LU.findall(tagged):
        m = re.match(r"[^<]*<(\w+)>", an)
        if m and m.group(1) in CONTENT_POS and " " not in surf and "+" not in an:
            out.append(surf)
    return " ".join(dict.fromkeys(out))


def fix_case(src, out):
    """Apertium capitalises each line start; undo that for lowercase input."""
    if src[:1].islower() and out[:1].isupper() and not re.match(r"I\b", out):
        if not (len(out) > 1 and out[1].isupper()):
            out = out[0].lower() + out[1:]
    return out


def match_case(orig, new):
    if not new:
        return new
    if orig[:1].isupper():
        return new[0].upper() + new[1:]
    if orig[:1].islower() and new[:1].isupper() and not (len(new) > 1 and new[1].isupper()):
        return new[0].lower() + new[1:]
    return new


def sentence_case(orig, new):
    """A whole-sentence MT starts with a capital when the original does."""
    if orig[:1].isupper() and new[:1].islower():
        return new[0].upper() + new[1:]
    return new


def tokens(s):
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(s)]


def content_tokens(s):
    out = []
    for i, (a, b, w) in enumerate(tokens(s)):
        if w[-1] in "'’" or len(w) < 4 or w.lower() in STOP:
            continue
        if w[0].isupper() and a > 0:
            continue      # names
        out.append((a, b, w))
    return out


def replace(s, edits):
    for a, b, new in sorted(edits, reverse=True):
        s = s[:a] + new + s[b:]
    return re.sub(r" {2,}", " ", s)


def words_differ(a, b):
    x, y = a.split(), b.split()
    n = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
        if op != "equal":
            n += max(i2 - i1, j2 - j1)
    return n


def pick_span(rng, s):
    clauses = []
    pos = 0
    for part in re.split(r"([,;:()])", s):
        if part and part not in ",;:()":
            lead = len(part) - len(part.lstrip())
            core = part.strip().rstrip(".!?")
            n = len(core.split())
            if 3 <= n <= 8 and TOKEN.search(core):
                clauses.append((pos + lead, pos + lead + len(core)))
        pos += len(part)
    if clauses:
        return rng.choice(clauses)
    ws = [(m.start(), m.end()) for m in re.finditer(r"\S+", s)]
    n = rng.randint(3, min(8, len(ws) - 1))
    i = rng.randint(0, len(ws) - n)
    a, b = ws[i][0], ws[i + n - 1][1]
    while b > a and s[b - 1] in ".,;:!?»)":
        b -= 1
    while a < b and s[a] in "«(":
        a += 1
    return a, b


def main():
    global HERE, CACHE
    offline = "--offline" in sys.argv
    # --here DIR: the set's folder (sources.tsv, mt-cache.tsv, the outputs);
    # ../mtnews builds its news set with --here ../mtnews --id-prefix news.
    if "--here" in sys.argv:
        HERE = os.path.abspath(sys.argv[sys.argv.index("--here") + 1])
        CACHE = os.path.join(HERE, "mt-cache.tsv")
    prefix = sys.argv[sys.argv.index("--id-prefix") + 1] if "--id-prefix" in sys.argv else "mt"
    rng = random.Random(SEED)
    src = []
    with open(os.path.join(HERE, "sources.tsv"), encoding="utf-8") as f:
        for i, line in enumerate(f):
            doc, s = line.rstrip("\n").split("\t")
            src.append((f"{prefix}{i:04d}", doc, s))
    mt = MT(offline)
    plan = {}
    rot = KINDS[:]
    for sid, doc, s in src:
        r = random.Random(f"{SEED}:{sid}")
        rng.shuffle(rot)
        order = rot[:]
        span = pick_span(r, s)
        plan[sid] = (order, span, r)
        mt.need("fr-en", s)
        mt.need("fr-pos", s)
        mt.need("fr-en", s[span[0]:span[1]])
        for a, b, w in tokens(s):
            if w[-1] not in "'’":
                mt.need("fr-en", w)
    mt.run()
    for sid, doc, s in src:
        mt.need("en-fr", mt.tr("fr-en", s))
    mt.run()

    rows = {"dev": [], "test": []}
    for sid, doc, s in src:
        order, span, r = plan[sid]
        sp = split_of(doc)
        rows[sp].append((f"{sid}-clean", "clean", "clean", s, s))
        made = 0
        for kind in order:
            if made == 2:
                break
            t = make(kind, s, span, r, mt)
            if t is None or t == s:
                continue
            if kind == "roundtrip" and words_differ(s, t) < 2:
                continue
            label = "english" if kind == "english" else "mixed"
            rows[sp].append((f"{sid}-{kind}", kind, label, t, s))
            made += 1
    for sp, rs in rows.items():
        with open(os.path.join(HERE, f"{sp}.tsv"), "w", encoding="utf-8") as f:
            for row in rs:
                assert all("\t" not in c and "\n" not in c for c in row)
                f.write("\t".join(row) + "\n")
        print(sp, len(rs), file=sys.stderr)

    if not os.path.exists(os.path.join(HERE, "sources-en.tsv")):
        return
    en = []
    with open(os.path.join(HERE, "sources-en.tsv"), encoding="utf-8") as f:
        for i, line in enumerate(f):
            doc, s = line.rstrip("\n").split("\t")
            en.append((f"en{i:04d}", "native", "english", s, s))
    with open(os.path.join(HERE, "english-native.tsv"), "w", encoding="utf-8") as f:
        for row in en:
            f.write("\t".join(row) + "\n")
    print("english-native", len(en), file=sys.stderr)


def make(kind, s, span, r, mt):
    toks = tokens(s)
    if kind == "func":
        cand = []
        for a, b, w in toks:
            key = w.lower()
            if key in FUNC_EN:
                cand.append((a, b, match_case(w, FUNC_EN[key])))
        if not cand:
            return None
        k = min(len(cand), r.choice([1, 2]))
        return replace(s, r.sample(cand, k))
    if kind == "word":
        cand = []
        pos = set(mt.tr("fr-pos", s).split())
        for a, b, w in content_tokens(s):
            if w not in pos:
                continue
            e = mt.tr("fr-en", w)
            if e and e.lower() != w.lower() and TOKEN.search(e):
                cand.append((a, b, match_case(w, e)))
        if not cand:
            return None
        return replace(s, [r.choice(cand)])
    if kind == "span":
        a, b = span
        e = mt.tr("fr-en", s[a:b]).rstrip(".") if not s[a:b].endswith(".") else mt.tr("fr-en", s[a:b])
        return replace(s, [(a, b, match_case(s[a:b], e))]) if e else None
    if kind == "salad":
        edits = []
        for a, b, w in toks:
            if w[-1] in "'’":
                continue
            e = mt.tr("fr-en", w)
            if e and e.lower() != w.lower():
                edits.append((a, b, match_case(w, e) if a == 0 or w[0].islower() else e))
        return replace(s, edits) if edits else None
    if kind == "english":
        return sentence_case(s, mt.tr("fr-en", s))
    if kind == "roundtrip":
        return sentence_case(s, mt.tr("en-fr", mt.tr("fr-en", s)))
    if kind == "glued":
        pairs = []
        for (a1, b1, w1), (a2, b2, w2) in zip(toks, toks[1:]):
            if s[b1:a2] == " " and w1[-1] not in "'’" and min(len(w1), len(w2)) <= 3:
                pairs.append((b1, a2, ""))
        if not pairs:
            return None
        k = min(len(pairs), r.choice([1, 1, 2]))
        return replace(s, r.sample(pairs, k))
    raise ValueError(kind)


if __name__ == "__main__":
    main()
