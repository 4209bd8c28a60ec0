#!/usr/bin/env python3
"""Compares what the browser showed of an --html page (browser.py's output,
with PAGE_PROBE as its --eval) with the JSON Lines report (and the --explain
TSV) of the same run. Prints one line per check: "pass<TAB>description" or
"fail<TAB>description: detail".

Usage: html-check.py REPORT.jsonl BROWSER.json [--explain TSV] [--max-docs N]
                     [--text DOC STRING]... [--title DOC STRING]...
  --explain TSV       the run's --explain file: the top reasons must equal its counts
  --max-docs N        the run's --html-max-docs (default 200)
  --text DOC STRING   document DOC's visible text must contain STRING
  --title DOC STRING  a rewritten segment of DOC must have STRING in its hover text
"""
import json
import re
import sys
from collections import Counter, defaultdict

# Evaluated in the page: what a reader sees, read from the rendered DOM.
PAGE_PROBE = r"""(() => {
  const num = s => s.replace(/,/g, "").trim();
  const fields = el => { const r = {}; for (const td of el.querySelectorAll("[data-field]"))
    r[td.dataset.field] = num(td.querySelector("b") ? td.querySelector("b").textContent : td.textContent); return r; };
  const status = el => [...el.querySelectorAll("[data-status]")].map(b => b.dataset.status + ":" + b.textContent);
  const rows = {}, order = [];
  for (const tr of document.querySelectorAll("table.docs-table tbody tr[data-doc]")) {
    rows[tr.dataset.doc] = Object.assign(fields(tr), {id: tr.querySelector("td.id").textContent,
      rank: tr.dataset.rank, status: status(tr), reasons: tr.querySelector("td.why").textContent,
      link: tr.querySelector("a").getAttribute("href")});
    order.push(tr.dataset.doc);
  }
  const foot = document.querySelector("table.docs-table tfoot tr[data-doc=total]");
  const docs = {}, sections = [];
  for (const s of document.querySelectorAll("section.doc")) {
    const n = sel => s.querySelectorAll(sel).length;
    const marked = [...s.querySelectorAll(".text .s.mixed, .text .s.boilerplate, .text .s.english")];
    const why = e => getComputedStyle(e, "::before").content;
    docs[s.dataset.doc] = {
      heading: s.querySelector("h2 .name").textContent, quality: s.querySelector(".badges [data-field=quality]").textContent,
      counters: fields(s.querySelector(".counters")), status: status(s.querySelector(".badges")),
      truncated: s.dataset.truncated === "1",
      segments: n(".text .s"), mixed: n(".text .s.mixed"), boilerplate: n(".text .s.boilerplate"),
      english: n(".text .s.english"), rewritten: n(".text .s.rw"), dropped: n(".text .s.dr"),
      fr: n(".text .s .f"), en: n(".text .s .e"), both: n(".text .s .b"), unknown: n(".text .s .u") + n(".text .s .j"),
      text: s.querySelector(".text").textContent,
      rewrite_titles: [...s.querySelectorAll(".text .s.rw")].map(e => e.title),
      unlabelled: marked.filter(e => !why(e).startsWith('"' + e.classList[1] + " ")).map(e => why(e)),
    };
    sections.push(s.dataset.doc);
  }
  const top = el => el ? el.getBoundingClientRect().top : null;
  const table = document.querySelector("table.docs-table");
  const more = document.getElementById("not-shown");
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    rows, order, sections, docs, total: foot ? fields(foot) : {},
    totals: fields(document.getElementById("totals")),
    hist: [...document.querySelectorAll(".chart rect.bar")].map(r => [r.querySelector("title").textContent, +r.dataset.count]),
    reasons: [...document.querySelectorAll(".top-reasons tr[data-reason]")].map(tr =>
      [tr.dataset.reason, +tr.cells[1].textContent, +tr.cells[2].textContent]),
    rules: [...document.querySelectorAll(".top-rules tr[data-rule]")].map(tr => [tr.dataset.rule, +tr.cells[1].textContent]),
    not_shown: more ? {count: +more.dataset.count, text: more.textContent} : null,
    order_on_screen: top(document.getElementById("summary")) < top(table) &&
      (!document.querySelector("section.doc") || top(table) < top(document.querySelector("section.doc"))),
    scroll_width: document.documentElement.scrollWidth, view_width: window.innerWidth,
    tables_inside: [...document.querySelectorAll("table")].every(t =>
      t.getBoundingClientRect().right <= t.closest(".card").getBoundingClientRect().right + 0.5),
    legend_entries: document.querySelectorAll(".legend > span").length,
    scripts: document.scripts.length,
    elements_from_text: document.querySelectorAll(".text img, .text b, .text a, .text script, td.id *").length,
    load_ms: nav ? Math.round(nav.loadEventEnd) : null,
  };
})()"""

COUNTERS = ["bytes_in", "bytes_out", "segments", "words", "fr", "en", "both", "unknown", "mixed_segments",
            "boilerplate_segments", "english_segments", "flagged", "rewrites", "rewritten_segments", "dropped",
            "invalid_utf8", "clean_words", "scored_words", "rule_errors"]
ROW_COUNTERS = ["segments", "mixed_segments", "boilerplate_segments", "english_segments", "rewritten_segments",
                "dropped", "words"]
# What the coloured text shows, against the report counter it must equal.
TEXT_MARKS = {"segments": "segments", "mixed": "mixed_segments", "boilerplate": "boilerplate_segments",
              "english": "english_segments", "rewritten": "rewritten_segments", "dropped": "dropped",
              "fr": "fr", "en": "en", "both": "both", "unknown": "unknown"}

results = []


def check(cond, desc, detail=""):
    """One result line; the detail is made one line (JSON) so it cannot break the format."""
    one_line = lambda s: json.dumps(s if isinstance(s, str) else json.dumps(s, ensure_ascii=False), ensure_ascii=False)[1:-1]
    results.append(("pass\t%s" % one_line(desc)) if cond else ("fail\t%s: %s" % (one_line(desc), one_line(detail)[:600])))


def quality(rep):
    """The exact quality the page sorts by (the report's is rounded)."""
    return rep["clean_words"] / rep["scored_words"] if rep["scored_words"] else 1.0


def worst_first(report):
    """The documents in the page's order: with text first, lowest quality, then input order."""
    return sorted(report, key=lambda r: (not r.get("has_text", True), quality(r), r["doc"]))


def check_page_basics(seen, page):
    check(not seen["errors"], "page loads without console errors or exceptions", seen["errors"])
    check(not seen["console"], "page writes nothing to the console", seen["console"])
    check(not seen["requests"], "page requests nothing beyond itself", seen["requests"])
    check(not seen["dialogs"], "no dialog (alert) opens", seen["dialogs"])
    check(page.get("scripts") == 0, "page holds no script element", page.get("scripts"))
    check(page.get("elements_from_text") == 0, "markup in the input text became no element",
          page.get("elements_from_text"))
    check(page.get("order_on_screen") is True, "summary, then the table, then the documents")
    check(page.get("legend_entries", 0) >= 10, "legend explains verdict colours and segment styles",
          page.get("legend_entries"))
    check(page.get("scroll_width", 1e9) <= page.get("view_width", 0) == 1280,
          "no horizontal overflow at 1280 px (scrollWidth <= 1280)", [page.get("scroll_width"), page.get("view_width")])
    check(page.get("tables_inside") is True, "every table fits inside its card")


# Per-document checks are gathered by kind: one result line per kind for
# all the documents shown, naming the first ones that fail.
doc_kinds, doc_failures = [], {}


def doc_check(cond, kind, name, detail):
    if kind not in doc_failures:
        doc_kinds.append(kind)
        doc_failures[kind] = []
    if not cond:
        doc_failures[kind].append("%s: %s" % (name, detail))


def report_doc_checks(n):
    for kind in doc_kinds:
        check(not doc_failures[kind], "%s (each of the %d documents shown)" % (kind, n), doc_failures[kind][:3])


def check_document(rep, row, doc):
    n, name = str(rep["doc"]), "document %s (%s)" % (rep["doc"], rep["id"])
    has_text, dropped = rep.get("has_text", True), rep.get("dropped_document", False)
    bad = [f for f in ROW_COUNTERS if row.get(f) != str(rep[f])]
    doc_check(not bad, "table row shows the report's counters", name,
              ", ".join("%s %s != %s" % (f, row.get(f), rep[f]) for f in bad))
    counters = doc.get("counters", {})
    bad = [f for f in COUNTERS if counters.get(f) != str(rep[f])]
    doc_check(not bad, "section shows every counter of the report", name,
              ", ".join("%s %s != %s" % (f, counters.get(f), rep[f]) for f in bad))
    want_q = "%.4f" % rep["quality"] if has_text else "no text"
    doc_check(row.get("quality") == want_q and doc.get("quality", "").endswith(want_q),
              "quality (or 'no text') in the table and the section equals the report's", name,
              [want_q, row.get("quality"), doc.get("quality")])
    want_status = (["dropped:dropped"] if dropped else []) + ([] if has_text else ["no-text:no text"])
    doc_check(row.get("status") == want_status and doc.get("status") == want_status,
              "a 'dropped' badge exactly when --min-quality dropped it, 'no text' exactly when it has none",
              name, [want_status, row.get("status"), doc.get("status")])
    # A record's id is shown as written (null too); a record without one as "(no id)".
    want_id = [rep["id"]] if isinstance(rep["id"], str) else ["null", "(no id)"] if rep["id"] is None and \
        "has_text" in rep else ["(standard input)"] if rep["id"] is None else [json.dumps(rep["id"])]
    doc_check(row.get("id") in want_id and doc.get("heading") == row.get("id") and row.get("link") == "#doc-" + n,
              "table row names the document and links to its section", name,
              "%r, %r, %r" % (row.get("id"), doc.get("heading"), row.get("link")))
    if not doc.get("truncated"):
        bad = [k for k, f in TEXT_MARKS.items() if doc.get(k) != rep[f]]
        doc_check(not bad, "coloured text has as many words and marked segments as the report counts", name,
                  ", ".join("%s %s != %s" % (k, doc.get(k), rep[TEXT_MARKS[k]]) for k in bad))
    doc_check(not doc.get("unlabelled"), "every marked segment shows its label and reason", name,
              doc.get("unlabelled"))


def check_summary(page, report, explain):
    total = page.get("total", {})
    totals = page.get("totals", {})
    bad = [f for f in COUNTERS if totals.get(f) != str(sum(r[f] for r in report))]
    bad += [f for f in ROW_COUNTERS if total.get(f) != str(sum(r[f] for r in report))]
    check(not bad, "totals (summary and table foot) sum every counter of the report", bad)
    clean, scored = sum(r["clean_words"] for r in report), sum(r["scored_words"] for r in report)
    check(total.get("quality") == "%.4f" % (clean / scored if scored else 1.0), "totals row quality",
          total.get("quality"))
    bins = Counter(min(int(quality(r) * 10), 9) for r in report if r.get("has_text", True))
    want = [["%d documents: quality %.1f\u2013%.1f" % (bins[i], i / 10, (i + 1) / 10), bins[i]]
            for i in range(10) if bins[i]]
    no_text = sum(1 for r in report if not r.get("has_text", True))
    if no_text:
        want.append(["%d documents: no text" % no_text, no_text])
    check(page.get("hist") == want, "quality histogram counts the report's documents per band", page.get("hist"))
    hits = Counter()
    for r in report:
        hits.update(r.get("rules", {}))
    rules = page.get("rules", [])
    check(rules and all(hits[name] == n for name, n in rules) and [n for _, n in rules] ==
          sorted(hits.values(), reverse=True)[:len(rules)], "top rules: the most frequent rules with their hits",
          [rules[:5], hits.most_common(5)])
    if explain is not None:
        want = sorted(explain.items(), key=lambda kv: (-kv[1][0], kv[0]))[:len(page.get("reasons", []))]
        got = [(k, (s, d)) for k, s, d in page.get("reasons", [])]
        check(got and got == [(k, (s, len(d))) for k, (s, d) in want],
              "top reasons: label and rule (or word verdicts) with segment and document counts, as --explain has them",
              [got[:4], want[:4]])


def read_explain(path):
    reasons = defaultdict(lambda: [0, set()])
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            doc, label, rule = cols[:3]
            # the rule, else the kind of the model's evidence ("en-span:3@5" -> "en-span")
            evidence = cols[11] if len(cols) > 11 else "-"
            kind = re.split(r"[:@ ]", evidence)[0] if evidence not in ("-", "") else ""
            if label != "clean":
                r = reasons["%s \u00b7 %s" % (label, rule if rule != "-" else kind or "word verdicts")]
                r[0] += 1
                r[1].add(doc)
    return {k: (v[0], v[1]) for k, v in reasons.items()}


def main(argv):
    report_path, browser_path = argv[1], argv[2]
    texts, titles, explain, max_docs = [], [], None, 200
    rest = argv[3:]
    while rest:
        if rest[0] == "--explain":
            explain, rest = read_explain(rest[1]), rest[2:]
        elif rest[0] == "--max-docs":
            max_docs, rest = int(rest[1]), rest[2:]
        else:
            (texts if rest[0] == "--text" else titles).append((rest[1], rest[2]))
            rest = rest[3:]
    report = [json.loads(line) for line in open(report_path, encoding="utf-8")]
    seen = json.load(open(browser_path, encoding="utf-8"))
    page = seen.get("value") or {}
    check_page_basics(seen, page)

    ranked = worst_first(report)
    shown = ranked[:max_docs]
    want_order = [str(r["doc"]) for r in shown]
    kinds = [name for name, want in (("dropped", lambda r: r.get("dropped_document")),
                                     ("without text", lambda r: not r.get("has_text", True))) if any(map(want, shown))]
    if kinds:
        results.append("pass\tdocuments shown include some %s" % " and some ".join(kinds))
    check(page.get("order") == want_order and page.get("sections") == want_order,
          "the %d worst documents, worst first (ties in input order), in the table and as sections" % len(shown),
          [page.get("order", [])[:8], want_order[:8]])
    rows, docs = page.get("rows", {}), page.get("docs", {})
    for rep in shown:
        check_document(rep, rows.get(str(rep["doc"]), {}), docs.get(str(rep["doc"]), {}))
    report_doc_checks(len(shown))
    hidden = ranked[max_docs:]
    ns = page.get("not_shown")
    if hidden:
        low = min((quality(r) for r in hidden if r.get("has_text", True)), default=None)
        text = ns["text"] if ns else ""
        bound = float(text.split("\u2265 ")[1].split(",")[0].split(" ")[0]) if "\u2265 " in text else None
        check(ns and ns["count"] == len(hidden) and "and {:,} more document".format(len(hidden)) in text and
              (low is None or (bound is not None and bound <= low < bound + 0.0002)),
              "the %d documents not shown are counted, with the lowest quality among them" % len(hidden), [ns, low])
    else:
        check(ns is None, "no 'more documents' line when every document is shown", ns)
    check_summary(page, report, explain)

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
