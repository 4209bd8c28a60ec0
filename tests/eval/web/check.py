#!/usr/bin/env python3
"""Validate the web dev set: pages.tsv, pages/NNN.txt and labels.tsv agree.

Checks: every page file exists; every non-blank line has exactly one label row
whose text equals the line; no label rows for blank or missing lines; labels
and kinds are from the allowed sets; each site is in exactly one split and the
split matches md5(site) parity; at most two pages per site.
Prints counts per split x label. Exit status 1 on any error.
"""
import collections, hashlib, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = ["clean", "boilerplate", "mixed", "english", "other"]
KINDS = {"news", "regional", "blog", "forum", "shop", "gov", "recipe", "sport", "mtcopy", "other"}


def main():
    errs = []
    pages = {}
    with open(os.path.join(HERE, "pages.tsv"), encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        if head != ["id", "url", "site", "kind", "split"]:
            errs.append(f"pages.tsv: bad header {head}")
        for n, l in enumerate(f, 2):
            r = l.rstrip("\n").split("\t")
            if len(r) != 5:
                errs.append(f"pages.tsv:{n}: {len(r)} fields")
                continue
            pid, url, site, kind, split = r
            if pid in pages:
                errs.append(f"pages.tsv:{n}: duplicate id {pid}")
            if kind not in KINDS:
                errs.append(f"pages.tsv:{n}: bad kind {kind}")
            if split not in ("dev", "test"):
                errs.append(f"pages.tsv:{n}: bad split {split}")
            want = "dev" if int(hashlib.md5(site.encode()).hexdigest(), 16) % 2 == 0 else "test"
            if split != want:
                errs.append(f"pages.tsv:{n}: split {split} but md5 parity says {want}")
            pages[pid] = (url, site, kind, split)
    site_split = collections.defaultdict(set)
    per_site = collections.Counter()
    for pid, (url, site, kind, split) in pages.items():
        site_split[site].add(split)
        per_site[site] += 1
    for s, sp in site_split.items():
        if len(sp) > 1:
            errs.append(f"site {s} in both splits")
    for s, c in per_site.items():
        if c > 2:
            errs.append(f"site {s} has {c} pages (max 2)")
    labels = collections.defaultdict(dict)
    with open(os.path.join(HERE, "labels.tsv"), encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        if head != ["id", "line_no", "label", "text"]:
            errs.append(f"labels.tsv: bad header {head}")
        for n, l in enumerate(f, 2):
            r = l.rstrip("\n").split("\t", 3)
            if len(r) != 4:
                errs.append(f"labels.tsv:{n}: {len(r)} fields")
                continue
            pid, ln, lab, text = r
            if pid not in pages:
                errs.append(f"labels.tsv:{n}: unknown page {pid}")
                continue
            if lab not in LABELS:
                errs.append(f"labels.tsv:{n}: bad label {lab}")
            if int(ln) in labels[pid]:
                errs.append(f"labels.tsv:{n}: duplicate row for {pid}:{ln}")
            labels[pid][int(ln)] = (lab, text)
    counts = collections.Counter()
    pagecounts = collections.Counter()
    dmg_pages = collections.Counter()
    for pid, (url, site, kind, split) in sorted(pages.items()):
        path = os.path.join(HERE, "pages", pid + ".txt")
        if not os.path.exists(path):
            errs.append(f"missing page file {path}")
            continue
        with open(path, "rb") as f:
            data = f.read()
        if b"\r" in data:
            errs.append(f"{pid}: CR in page file")
        lines = data.decode("utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        seen = set()
        for i, t in enumerate(lines, 1):
            if t != t.rstrip():
                errs.append(f"{pid}:{i}: trailing whitespace")
            if t.strip() == "":
                if i in labels[pid]:
                    errs.append(f"{pid}:{i}: label row for blank line")
                continue
            if i not in labels[pid]:
                errs.append(f"{pid}:{i}: no label row")
                continue
            lab, text = labels[pid][i]
            if text != t:
                errs.append(f"{pid}:{i}: label text differs from line")
            counts[(split, lab)] += 1
            seen.add(i)
        for i in labels[pid]:
            if i not in seen and not (i <= len(lines) and lines[i - 1].strip() == ""):
                if i > len(lines):
                    errs.append(f"{pid}:{i}: label row past end of page")
        pagecounts[split] += 1
        if any(l in ("mixed", "english") for l, _ in labels[pid].values()):
            dmg_pages[split] += 1
    sites = collections.Counter(next(iter(v)) for v in site_split.values())
    print(f"pages: {len(pages)}  sites: {len(site_split)}")
    print(f"{'split':6} {'pages':>5} {'sites':>5} " + " ".join(f"{l:>11}" for l in LABELS) + f" {'total':>7} {'dmg_pages':>9}")
    for sp in ("dev", "test"):
        tot = sum(counts[(sp, l)] for l in LABELS)
        print(f"{sp:6} {pagecounts[sp]:5} {sites[sp]:5} " + " ".join(f"{counts[(sp, l)]:11}" for l in LABELS) + f" {tot:7} {dmg_pages[sp]:9}")
    tot = {l: counts[("dev", l)] + counts[("test", l)] for l in LABELS}
    print(f"{'all':6} {len(pages):5} {len(site_split):5} " + " ".join(f"{tot[l]:11}" for l in LABELS) + f" {sum(tot.values()):7} {sum(dmg_pages.values()):9}")
    kinds = collections.Counter(v[2] for v in pages.values())
    print("kinds: " + ", ".join(f"{k}={kinds[k]}" for k in sorted(kinds)))
    if errs:
        print(f"\n{len(errs)} error(s):", file=sys.stderr)
        print("\n".join(errs[:200]), file=sys.stderr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
