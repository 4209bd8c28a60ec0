#!/bin/sh
# Builds dicts/en-common.txt: the common English words (SCOWL size 35, as
# Debian's wamerican-small packages them), lower case, no possessives. The
# word labeller takes an English word outside it for a rarer, technical one:
# French borrows those ("groupware", "webmaster"); MT leaves the common ones
# ("tool", "equally"). Usage: sh dicts/build-en-common.sh > dicts/en-common.txt
set -e
echo "# Common English words: wamerican-small (SCOWL 35); made by dicts/build-en-common.sh"
grep -v "'" /usr/share/dict/american-english-small | grep -x '[a-z]\{3,\}' | LC_ALL=C sort -u
