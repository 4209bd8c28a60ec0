#!/bin/sh
# Checks that two mtclean binaries behave the same, byte for byte: a
# refactoring must not change any output. Runs OLD and NEW over the fixtures
# (each alone), a generated JSON Lines corpus (tests/gen-corpus.py) and a
# generated text corpus of --doc-sep documents (bench/gencorpus.py), in the
# three modes, writing the text, --report, --explain, --summary and --html,
# at 1 and 2 threads; the text corpus also once with a small --max-buffer
# (its big documents streamed) and once with --min-quality (documents
# dropped, the streamed ones through the spill file). Every file written is
# compared with cmp, and so is the exit status.
#
# usage: tests/compare-outputs.sh OLD_MTCLEAN NEW_MTCLEAN [SRCDIR]
# Environment: COMPARE_MB (size of each generated corpus, default 5),
# COMPARE_DIR (scratch directory, default a new one in $TMPDIR, removed).
# Build the old binary once from the commit to compare with, e.g.
#   git archive 7bbe41d | tar -x -C /tmp/base && cd /tmp/base &&
#   autoreconf -fi && ./configure -q && make -j2
# Exit 0 when every output is identical, 1 otherwise.
set -u
old=${1:?usage: compare-outputs.sh OLD NEW [SRCDIR]} new=${2:?usage: compare-outputs.sh OLD NEW [SRCDIR]}
srcdir=${3:-$(dirname "$0")/..}
mb=${COMPARE_MB:-5}
if [ -n "${COMPARE_DIR:-}" ]; then
    tmp=$COMPARE_DIR && mkdir -p "$tmp"
else
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/mtclean-compare.XXXXXX") && trap 'rm -rf "$tmp"' EXIT
fi
same=0 differ=0

# run NAME INPUT ARGS...: both binaries, every output into $tmp/{old,new}/NAME.*
run() {
    name=$1 input=$2
    shift 2
    for which in old new; do
        bin=$old
        [ $which = new ] && bin=$new
        d="$tmp/$which" && mkdir -p "$d"
        # The html page and the report name the input: the same relative name for both.
        (cd "$(dirname "$input")" && "$bin" --no-progress "$@" -o "$d/$name.out" --report="$d/$name.report" \
            --explain="$d/$name.explain" --html="$d/$name.html" --summary="$d/$name.summary" \
            "$(basename "$input")" 2>"$d/$name.stderr"; echo $? >"$d/$name.rc")
    done
    for ext in out report explain html summary stderr rc; do
        if cmp -s "$tmp/old/$name.$ext" "$tmp/new/$name.$ext"; then
            same=$((same + 1))
        else
            differ=$((differ + 1))
            echo "DIFFER: $name.$ext ($*)"
        fi
    done
}

mkdir -p "$tmp/in"
cp "$srcdir"/fixtures/*.txt "$tmp/in/"
python3 "$srcdir/tests/gen-corpus.py" --docs $((mb * 1800)) "$srcdir/fixtures" >"$tmp/in/corpus.jsonl"
python3 "$srcdir/bench/gencorpus.py" "$srcdir/fixtures" $((mb * 1048576)) >"$tmp/in/corpus.txt"
ff=$(printf '\f')

for mode in flag repair drop; do
    for f in "$srcdir"/fixtures/*.txt; do
        base=$(basename "$f" .txt)
        run "$base.$mode" "$tmp/in/$base.txt" --mode=$mode -j1
    done
    for j in 1 2; do
        run "jsonl.$mode.j$j" "$tmp/in/corpus.jsonl" --mode=$mode --jsonl -j$j
        run "text.$mode.j$j" "$tmp/in/corpus.txt" --mode=$mode --doc-sep="$ff" -j$j
    done
    run "stream.$mode" "$tmp/in/corpus.txt" --mode=$mode -j2 --max-buffer=64K
    run "minq.$mode" "$tmp/in/corpus.txt" --mode=$mode -j2 --doc-sep="$ff" --min-quality=0.8 --max-buffer=64K
done
echo "compare-outputs: $same files identical, $differ different ($(du -sh "$tmp/new" | cut -f1) of output per binary)"
[ "$differ" -eq 0 ]
