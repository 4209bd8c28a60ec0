#!/usr/bin/env python3
"""Compares what the browser showed of an --html page (browser.py's output,
with PAGE_PROBE as its --eval) with the JSON Lines report of the same run.
Prints one line per check: "pass<TAB>description" or "fail<TAB>description: detail".

Usage: html-check.py REPORT.jsonl BROWSER.json [--text DOC STRING]... [--title DOC STRING]...
  --text DOC STRING   document DOC's visible text must contain STRING
  --title DOC STRING  a rewritten segment of DOC must have STRING in its hover text
"""
import json
import sys

# Evaluated in the page: what a reader sees, read from the rendered DOM.
PAGE_PROBE = r"""(() => {
  const rows = {};
  for (const tr of document.querySelectorAll("table.stats tr[data-doc]")) {
    const r = {id: tr.querySelector("td.id").textContent};
    for (const td of tr.querySelectorAll("td[data-field]")) r[td.dataset.field] = td.textContent.trim();
    rows[tr.dataset.doc] = r;
  }
  const docs = {};
  for (const s of document.querySelectorAll("section.doc")) {
    const n = sel => s.querySelectorAll(sel).length;
    const badges = {};
    for (const b of s.querySelectorAll(".badges [data-field]")) badges[b.dataset.field] = b.querySelector("b").textContent;
    docs[s.dataset.doc] = {
      heading: s.querySelector("h2").childNodes[1].textContent, badges,
      segments: n(".text .s"), mixed: n(".text .s.mixed"), boilerplate: n(".text .s.boilerplate"),
      english: n(".text .s.english"), rewritten: n(".text .s.rw"), dropped: n(".text .s.dr"),
      fr: n(".text .s .f"), en: n(".text .s .e"), both: n(".text .s .b"), unknown: n(".text .s .u") + n(".text .s .j"),
      paragraphs: n(".text p"), text: s.querySelector(".text").textContent,
      rewrite_titles: [...s.querySelectorAll(".text .s.rw")].map(e => e.title),
    };
  }
  const top = el => el ? el.getBoundingClientRect().top : null;
  return {
    rows, docs,
    bars: [...document.querySelectorAll(".chart rect.bar title")].map(t => t.textContent),
    summary_first: top(document.getElementById("summary")) < top(document.querySelector("section.doc")),
    legend_entries: document.querySelectorAll(".legend > span").length,
    scripts: document.scripts.length,
    elements_from_text: document.querySelectorAll(".text img, .text b, .text a, .text script").length,
  };
})()"""

COUNTERS = ["bytes_in", "bytes_out", "segments", "words", "fr", "en", "both", "unknown", "mixed_segments",
            "boilerplate_segments", "english_segments", "flagged", "rewrites", "rewritten_segments", "dropped",
            "invalid_utf8", "clean_words", "scored_words", "rule_errors"]
# What the coloured text shows, against the report counter it must equal.
TEXT_MARKS = {"segments": "segments", "mixed": "mixed_segments", "boilerplate": "boilerplate_segments",
              "english": "english_segments", "rewritten": "rewritten_segments", "dropped": "dropped",
              "fr": "fr", "en": "en", "both": "both", "unknown": "unknown"}

results = []


def check(cond, desc, detail=""):
    """One result line; the detail is made one line (JSON) so it cannot break the format."""
    one_line = lambda s: json.dumps(s, ensure_ascii=False) if not isinstance(s, str) else json.dumps(s, ensure_ascii=False)[1:-1]
    results.append(("pass\t%s" % one_line(desc)) if cond else ("fail\t%s: %s" % (one_line(desc), one_line(detail))))


def main(argv):
    report_path, browser_path = argv[1], argv[2]
    texts, titles = [], []
    rest = argv[3:]
    while rest:
        kind, doc, s = rest[0], rest[1], rest[2]
        (texts if kind == "--text" else titles).append((doc, s))
        rest = rest[3:]
    report = [json.loads(line) for line in open(report_path, encoding="utf-8")]
    seen = json.load(open(browser_path, encoding="utf-8"))
    page = seen.get("value") or {}

    check(not seen["errors"], "page loads without console errors or exceptions", seen["errors"])
    check(not seen["console"], "page writes nothing to the console", seen["console"])
    check(not seen["requests"], "page requests nothing beyond itself", seen["requests"])
    check(not seen["dialogs"], "no dialog (alert) opens", seen["dialogs"])
    check(page.get("scripts") == 0, "page holds no script element", page.get("scripts"))
    check(page.get("elements_from_text") == 0, "markup in the input text became no element",
          page.get("elements_from_text"))
    check(page.get("summary_first") is True, "summary is shown above the documents")
    check(page.get("legend_entries", 0) >= 10, "legend explains verdict colours and segment styles",
          page.get("legend_entries"))

    rows, docs = page.get("rows", {}), page.get("docs", {})
    check(len(docs) == len(report) and len(rows) == len(report) + 1,
          "one section and one table row per document, plus a totals row",
          "%d sections, %d rows, %d documents" % (len(docs), len(rows), len(report)))
    for rep in report:
        n = str(rep["doc"])
        row, doc = rows.get(n, {}), docs.get(n, {})
        name = "document %s (%s)" % (n, rep["id"])
        bad = [f for f in COUNTERS if row.get(f) != str(rep[f])]
        check(not bad, "%s: table shows every counter of the report" % name,
              ", ".join("%s %s != %s" % (f, row.get(f), rep[f]) for f in bad))
        check(row.get("quality") == "%.4f" % rep["quality"], "%s: table quality equals the report's" % name,
              "%s != %.4f" % (row.get("quality"), rep["quality"]))
        want_id = rep["id"] if rep["id"] is not None else "(standard input)"
        check(row.get("id") == want_id and doc.get("heading") == want_id,
              "%s: table and heading name the document" % name, "%r, %r" % (row.get("id"), doc.get("heading")))
        bad = [k for k, f in TEXT_MARKS.items() if doc.get(k) != rep[f]]
        check(not bad, "%s: coloured text has as many words and marked segments as the report counts" % name,
              ", ".join("%s %s != %s" % (k, doc.get(k), rep[TEXT_MARKS[k]]) for k in bad))
        badges = doc.get("badges", {})
        bad = [f for f, v in badges.items() if f != "quality" and v != str(rep[f])]
        check(badges and not bad and badges.get("quality") == "%.4f" % rep["quality"],
              "%s: section badges equal the report" % name, badges)
    total = rows.get("total", {})
    bad = [f for f in COUNTERS if total.get(f) != str(sum(r[f] for r in report))]
    check(not bad, "totals row sums every counter", bad)
    clean = sum(r["clean_words"] for r in report)
    scored = sum(r["scored_words"] for r in report)
    check(total.get("quality") == "%.4f" % (clean / scored if scored else 1.0), "totals row quality",
          total.get("quality"))
    bars = page.get("bars", [])
    want_bars = ["document %d: quality %.4f" % (r["doc"], r["quality"]) for r in report]
    check(bars == want_bars, "chart: one bar per document with its quality", bars)

    for doc, s in texts:
        text = docs.get(doc, {}).get("text", "")
        check(s in text, "document %s shows the text %r literally" % (doc, s), text[:200])
    for doc, s in titles:
        got = docs.get(doc, {}).get("rewrite_titles", [])
        check(any(s in t for t in got), "document %s: hover text of a rewrite holds %r" % (doc, s), got)
    print("\n".join(results))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--probe":
        print(PAGE_PROBE)
    else:
        main(sys.argv)
