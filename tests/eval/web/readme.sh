#!/bin/sh
# Regenerate README.md from README.in, check.py counts and the example list.
set -e
cd "$(dirname "$0")"
python3 check.py > /tmp/web_counts.txt
python3 make_readme_examples.py > /tmp/web_examples.md
python3 - <<'EOF'
t = open("README.in", encoding="utf-8").read()
c = open("/tmp/web_counts.txt", encoding="utf-8").read().rstrip("\n")
e = open("/tmp/web_examples.md", encoding="utf-8").read()
open("README.md", "w", encoding="utf-8").write(t.replace("@COUNTS@", c).replace("@EXAMPLES@", e))
EOF
