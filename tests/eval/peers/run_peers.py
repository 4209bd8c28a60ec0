#!/usr/bin/env python3
"""Figures for the two peer baselines of peers/cld2-label.cc.

    python3 run_peers.py CLD2_LABEL [SRCDIR]

1. Runs `CLD2_LABEL --scores` once over the texts of tests/eval/mt/{dev,test}.tsv,
   english-native.tsv and tests/eval/handbook/{dev,test}.tsv.
2. Chooses the thresholds on mt/dev.tsv ONLY, maximising F1 of damage
   (mixed or english) against clean:
     cld2       --en-pct T                  (T = 1..99)
     fastspell  --en-pct T --unk-pct U      (T as above, U = 0..30 by 0.5)
3. Runs the real binary with those thresholds on every set (checking that it
   agrees with the Python re-implementation of its rule) and prints Markdown
   tables: precision / recall / F1 of damage vs clean, FP rate on clean,
   english recall (label english predicted english), per-kind recall.
"""
import os
import subprocess
import sys


def read(path, cols):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            rows.append(dict(zip(cols, c)))
    return rows


def decide(feat, en_pct, unk_pct=None):
    top, rel, enp, frp, en_only, counted = feat
    if top == "en" and rel == 1:
        return "english"
    if enp >= en_pct:
        return "mixed"
    if unk_pct is not None and counted > 0 and 100.0 * en_only / counted > unk_pct:
        return "mixed"
    return "clean"


def metrics(rows, preds):
    tp = fp = fn = tn = 0
    kinds = {}
    en_hit = en_n = 0
    for r, p in zip(rows, preds):
        dmg = r["label"] != "clean"
        flag = p != "clean"
        if dmg and flag: tp += 1
        elif dmg: fn += 1
        elif flag: fp += 1
        else: tn += 1
        k = r.get("kind", r["label"])
        h, n = kinds.get(k, (0, 0))
        kinds[k] = (h + flag, n + 1)
        if r["label"] == "english":
            en_n += 1
            en_hit += p == "english"
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    fpr = fp / (fp + tn) if fp + tn else 0.0
    return dict(p=prec, r=rec, f1=f1, fpr=fpr, en_rec=en_hit / en_n if en_n else None,
                kinds=kinds, n=len(rows))


def main():
    binary = os.path.abspath(sys.argv[1])
    src = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "..")
    ev = os.path.join(src, "tests", "eval")
    mtc = ["id", "kind", "label", "text", "original"]
    sets = {
        "mt/dev": read(os.path.join(ev, "mt", "dev.tsv"), mtc),
        "mt/test": read(os.path.join(ev, "mt", "test.tsv"), mtc),
        "mt/english-native": read(os.path.join(ev, "mt", "english-native.tsv"), mtc),
        "handbook/dev": read(os.path.join(ev, "handbook", "dev.tsv"), ["id", "label", "text"]),
        "handbook/test": read(os.path.join(ev, "handbook", "test.tsv"), ["id", "label", "text"]),
    }

    def run(args, rows):
        inp = "".join(r["text"] + "\n" for r in rows)
        out = subprocess.run([binary] + args, input=inp, capture_output=True, text=True,
                             check=True).stdout.split("\n")[:-1]
        assert len(out) == len(rows)
        return out

    feats = {}
    for name, rows in sets.items():
        fs = []
        for line in run(["--scores"], rows):
            t, rel, enp, frp, eo, cnt = line.split("\t")
            fs.append((t, int(rel), int(enp), int(frp), int(eo), int(cnt)))
        feats[name] = fs

    dev, fdev = sets["mt/dev"], feats["mt/dev"]
    best_c = max(range(1, 100), key=lambda t: (metrics(dev, [decide(f, t) for f in fdev])["f1"], t))
    grid = [u / 2 for u in range(0, 61)]
    best_f = max(((t, u) for t in range(1, 100, 1) for u in grid),
                 key=lambda tu: (metrics(dev, [decide(f, tu[0], tu[1]) for f in fdev])["f1"], tu[0], tu[1]))
    peers = {
        "cld2": (["--en-pct", str(best_c)], lambda f: decide(f, best_c)),
        "fastspell": (["--fastspell", "--en-pct", str(best_f[0]), "--unk-pct", str(best_f[1])],
                      lambda f: decide(f, best_f[0], best_f[1])),
    }
    print(f"Thresholds chosen on mt/dev.tsv: cld2 --en-pct {best_c}; "
          f"fastspell --en-pct {best_f[0]} --unk-pct {best_f[1]}\n")
    res = {}
    for peer, (args, fn) in peers.items():
        for name, rows in sets.items():
            preds = run(args, rows)
            py = [fn(f) for f in feats[name]]
            assert preds == py, (peer, name)
            res[(peer, name)] = metrics(rows, preds)
    print("| peer | set | n | P | R | F1 | FP rate (clean) | english recall |")
    print("|---|---|---|---|---|---|---|---|")
    for (peer, name), m in res.items():
        er = "-" if m["en_rec"] is None else f"{m['en_rec']:.3f}"
        print(f"| {peer} | {name} | {m['n']} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | "
              f"{m['fpr']:.3f} | {er} |")
    kinds = ["func", "word", "span", "salad", "glued", "roundtrip", "english", "clean"]
    print("\nRecall per kind (share flagged mixed or english; for clean: the FP rate)\n")
    print("| peer | set | " + " | ".join(kinds) + " |")
    print("|---|---|" + "---|" * len(kinds))
    for peer in peers:
        for name in ("mt/dev", "mt/test"):
            ks = res[(peer, name)]["kinds"]
            cells = [f"{ks[k][0] / ks[k][1]:.3f}" if k in ks else "-" for k in kinds]
            print(f"| {peer} | {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
