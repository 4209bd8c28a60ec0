#!/usr/bin/env python3
"""HTML main-text extraction on the article extraction benchmark.

    python3 html_eval.py MTCLEAN SRCDIR [-v] [--bench DIR]

The pages (html/<id>.html.gz, ground-truth.json) come from --bench, else
$HTML_BENCH_DIR, else SRCDIR/tests/eval/html-bench. They are split in two
halves by a hash of the page id: "tune" (the only half rules/html.conf was
tuned on) and "held-out". The metric is the benchmark's: 4-token shingles
of \\w+ tokens, per-page precision and recall averaged over the pages, F1 of
the two means. Printed beside mtclean's extractor (tests/html-extract, the
library's mtc_extract_html) in the same run: the page's whole visible text
(the floor), and mtclean --input=html, the extracted text after the
cleaning pipeline. Exits 1 when held-out F1 is under the target."""
import argparse, collections, gzip, hashlib, html.parser, json, os, re, subprocess, sys, tempfile, time

TARGET_F1 = 0.96
TOKEN = re.compile(r"\w+")


def shingles(text, n=4):
    tokens = TOKEN.findall(text)
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1)))


def page_scores(truth, pred):
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    return tp, fp, fn


def metrics(counts):
    """counts: list of (tp, fp, fn). The benchmark's averaging: per page, then mean."""
    def score(tp, other, fp, fn):
        if fp == 0 and fn == 0:
            return 1.0
        return tp / (tp + other)
    prec = [score(tp, fp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    rec = [score(tp, fn, fp, fn) for tp, fp, fn in counts if tp + fn > 0]
    p = sum(prec) / len(prec) if prec else 0.0
    r = sum(rec) / len(rec) if rec else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def half(page_id):
    """Deterministic split: the tune half has an even first hash byte."""
    return "tune" if hashlib.sha256(("mtclean-html-split:" + page_id).encode()).digest()[0] % 2 == 0 else "held-out"


class VisibleText(html.parser.HTMLParser):
    """Every text node outside script, style and the like: the floor."""
    HIDDEN = {"script", "style", "noscript", "template", "head", "title", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def visible_text(raw):
    v = VisibleText()
    v.feed(raw.decode("utf-8", "replace"))
    return " ".join(v.parts)


def run_pipeline(mtclean, path):
    raw = gzip.open(path).read()
    out = subprocess.run([mtclean, "--input=html"], input=raw, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return out.stdout.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mtclean")
    ap.add_argument("srcdir")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--bench")
    ap.add_argument("--no-pipeline", action="store_true", help="skip the mtclean --input=html column")
    args = ap.parse_args()
    bench = args.bench or os.environ.get("HTML_BENCH_DIR") or os.path.join(args.srcdir, "tests/eval/html-bench")
    gt_path = os.path.join(bench, "ground-truth.json")
    if not os.path.exists(gt_path):
        print("html_eval: no benchmark in %s (set HTML_BENCH_DIR): skipped" % bench)
        return 0
    truth = json.load(open(gt_path))
    ids = sorted(truth)
    extractor = os.path.join(os.path.dirname(os.path.abspath(args.mtclean)), "tests", "html-extract")
    paths = [os.path.join(bench, "html", i + ".html.gz") for i in ids]
    with tempfile.TemporaryDirectory() as out:
        t0 = time.time()
        run = subprocess.run([extractor, "--time", "--out-dir", out] + paths, stderr=subprocess.PIPE)
        timing = run.stderr.decode().strip()
        if run.returncode != 0:
            print("html_eval: %s failed: %s" % (extractor, timing))
            return 1
        preds = {i: open(os.path.join(out, i + ".txt"), encoding="utf-8", errors="replace").read() for i in ids}
    systems = {"mtclean": preds,
               "visible text": {i: visible_text(gzip.open(p).read()) for i, p in zip(ids, paths)}}
    if not args.no_pipeline:
        systems["mtclean --input=html"] = {i: run_pipeline(args.mtclean, p) for i, p in zip(ids, paths)}
    counts = {name: {i: page_scores(truth[i]["articleBody"], pred[i]) for i in ids} for name, pred in systems.items()}
    if args.verbose:
        for i in ids:
            tp, fp, fn = counts["mtclean"][i]
            p, r, f = metrics([(tp, fp, fn)])
            print("%-9s %s  P %.3f R %.3f F1 %.3f  %s" % (half(i), i[:12], p, r, f, truth[i].get("url", "")))
    print("HTML extraction (%d pages; tuned on the tune half only; metric: 4-token shingles)" % len(ids))
    print("%-22s %-9s %5s  %6s %6s %6s" % ("system", "half", "pages", "P", "R", "F1"))
    result = {}
    for name in systems:
        for h in ("tune", "held-out", "all"):
            sel = [counts[name][i] for i in ids if h == "all" or half(i) == h]
            p, r, f = metrics(sel)
            result[(name, h)] = f
            print("%-22s %-9s %5d  %6.3f %6.3f %6.3f" % (name, h, len(sel), p, r, f))
    print("published, all 181 pages: trafilatura 0.958, Readability.js 0.947, jusText 0.804, visible text 0.665")
    print("speed (one core): " + timing.replace("html-extract: ", ""))
    f = result[("mtclean", "held-out")]
    ok = f >= TARGET_F1
    print("target: held-out F1 >= %.2f: %s (%.3f)" % (TARGET_F1, "met" if ok else "MISSED", f))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
