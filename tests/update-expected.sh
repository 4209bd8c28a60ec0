#!/bin/sh
# Regenerates tests/expected/ from the built binary after a deliberate change
# to rules or scoring. Review the diff (git diff tests/expected) before committing.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${MTCLEAN:-$top/mtclean}
mkdir -p "$top/tests/expected"
cd "$top/fixtures"
# The fixtures tests/fixtures.test compares (hostile-html.txt is html.test's).
for name in clean-fr-1 clean-fr-3 clean-fr-4 clean-fr-forbes-boilerplate corrupted-lepoint; do
    in=$name.txt
    for mode in flag drop repair; do
        "$bin" --mode=$mode --report="$top/tests/expected/$name.json" "$in" >"$top/tests/expected/$name.$mode"
    done
done
# HTML input (tests/html-input.test): the extractor's text and the report's html member.
mkdir -p "$top/tests/expected/html"
for page in "$top"/tests/html/*.html; do
    name=$(basename "$page" .html)
    "$top/tests/html-extract" "$page" >"$top/tests/expected/html/$name.txt"
    "$bin" --report="$top/tests/expected/html/$name.json.tmp" "$page" >/dev/null
    grep -o '"html":{.*}' "$top/tests/expected/html/$name.json.tmp" >"$top/tests/expected/html/$name.meta"
    rm -f "$top/tests/expected/html/$name.json.tmp"
done
