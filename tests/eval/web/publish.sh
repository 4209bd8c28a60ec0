#!/bin/sh
# Rebuild, check, and copy the current output to $WEB_DEST (default /work/data/web) with a STATUS line.
set -e
cd "$(dirname "$0")"
DEST="${WEB_DEST:-/work/data/web}"
python3 build.py
./readme.sh
python3 check.py > /tmp/web_check.out
cat /tmp/web_check.out
mkdir -p "$DEST"
rm -rf "$DEST/pages" "$DEST/src"
cp -r pages src pages.tsv labels.tsv check.py build.py README.md README.in readme.sh make_readme_examples.py publish.sh "$DEST"/
{ echo "updated: $(date -u +%FT%TZ)"; echo "state: ${1:-in progress}"; cat /tmp/web_check.out; } > "$DEST/STATUS"
