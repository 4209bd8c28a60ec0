#!/bin/sh
# make bench: mtclean throughput per mode at 1 and 2 threads on a generated
# French news-like corpus (>= 200 MB), next to `uconv -x any-nfc` and `cat`
# on the same bytes, and peak RSS on 20 MB vs 200 MB of input.
#
# Environment (all optional except MTCLEAN and srcdir, which make sets):
#   BENCH_DIR      where the corpus and results go (default ./bench-data, git-ignored)
#   BENCH_MB       size of the big corpus in MiB (default 200)
#   BENCH_SMALL_MB size of the small corpus in MiB (default 20)
#   BENCH_REPEAT   runs per measurement; the best is kept (default 3)
#   BENCH_SEED     generator seed (default: the generator's own)
#
# Timing: /usr/bin/time (Debian package "time"). Wall-clock time is noisy on
# a shared machine, so every line also shows CPU time (user + sys) and a
# per-core throughput computed from it.
set -eu
: "${MTCLEAN:?set MTCLEAN to the mtclean binary (make bench does)}" "${srcdir:?set srcdir (make bench does)}"
BENCH_DIR=${BENCH_DIR:-bench-data}
BENCH_MB=${BENCH_MB:-200}
BENCH_SMALL_MB=${BENCH_SMALL_MB:-20}
BENCH_REPEAT=${BENCH_REPEAT:-3}
BENCH_SEED=${BENCH_SEED:-}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: $TIME not found (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: python3 is needed for the corpus generator" >&2; exit 2; }
mkdir -p "$BENCH_DIR"
FF=$(printf '\f')

# --- corpus, cached: regenerated only when the generator, the fixtures, the
# size or the seed change.
corpus_for() { # MiB -> path of the corpus file, generated if needed
    mib=$1
    file="$BENCH_DIR/corpus-${mib}MiB.txt"
    stamp=$(cat "$srcdir/bench/gencorpus.py" "$srcdir"/fixtures/*.txt | cksum | cut -d' ' -f1)-$mib-$BENCH_SEED
    if [ ! -f "$file" ] || [ "$(cat "$file.stamp" 2>/dev/null)" != "$stamp" ]; then
        echo "bench: generating $file ..." >&2
        python3 "$srcdir/bench/gencorpus.py" "$srcdir/fixtures" $((mib * 1048576)) $BENCH_SEED >"$file.tmp"
        mv "$file.tmp" "$file"
        echo "$stamp" >"$file.stamp"
    fi
    echo "$file"
}
big=$(corpus_for "$BENCH_MB")
small=$(corpus_for "$BENCH_SMALL_MB")

# Two halves of the big corpus, cut after a separator line near the middle,
# for measuring "2 threads" as two processes when mtclean has no --threads.
halves() {
    if [ ! -f "$1.h2" ] || [ "$1.h2" -ot "$1" ]; then
        python3 - "$1" <<'EOF'
import sys
path = sys.argv[1]
data = open(path, "rb").read()
cut = data.index(b"\n\f\n", len(data) // 2) + 3
open(path + ".h1", "wb").write(data[:cut])
open(path + ".h2", "wb").write(data[cut:])
EOF
    fi
}
if "$MTCLEAN" --help 2>&1 | grep -q -- '--threads'; then
    have_threads=yes
else
    have_threads=no
    halves "$big"
    halves "$small"
fi

bytes_of() { wc -c <"$1" | tr -d ' '; }
BIG_BYTES=$(bytes_of "$big")
SMALL_BYTES=$(bytes_of "$small")

# --- measuring. Each measurement appends "wall cpu rss_kb" of its best run
# (smallest wall time; cpu is the smallest of the runs) to stdout.
best_of() { # file with "wall user sys rss" lines -> "wall cpu rss"
    awk 'NR == 1 || $1 < w { w = $1 } { c = $2 + $3; if (NR == 1 || c < cpu) cpu = c; if ($4 > rss) rss = $4 }
         END { printf "%.3f %.3f %d\n", w, cpu, rss }' "$1"
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

one_run() { # command... : appends "wall user sys rss" to $runs
    t0=$(now)
    "$TIME" -f '%U %S %M' -o "$BENCH_DIR/time.1" "$@" >/dev/null
    echo "$(elapsed "$t0" "$(now)") $(cat "$BENCH_DIR/time.1")" >>"$runs"
}

two_procs() { # mode input: two processes on the halves, in parallel
    t0=$(now)
    "$TIME" -f '%e %U %S %M' -o "$BENCH_DIR/time.a" "$MTCLEAN" --mode="$1" --doc-sep="$FF" \
        --report="$BENCH_DIR/report.a" "$2.h1" >/dev/null &
    "$TIME" -f '%e %U %S %M' -o "$BENCH_DIR/time.b" "$MTCLEAN" --mode="$1" --doc-sep="$FF" \
        --report="$BENCH_DIR/report.b" "$2.h2" >/dev/null &
    wait
    wall=$(elapsed "$t0" "$(now)")
    # wall: both done; cpu: both processes; RSS: the two processes together.
    awk -v w="$wall" 'NR == FNR { u = $2; s = $3; m = $4; next }
        { printf "%s %.2f %.2f %d\n", w, u + $2, s + $3, m + $4 }' "$BENCH_DIR/time.a" "$BENCH_DIR/time.b" >>"$runs"
    cat "$BENCH_DIR/report.a" "$BENCH_DIR/report.b" >"$BENCH_DIR/report.last"
}

measure() { # label command... : runs it BENCH_REPEAT times, prints "wall cpu rss"
    runs="$BENCH_DIR/runs.$1"
    shift
    : >"$runs"
    i=0
    while [ $i -lt "$BENCH_REPEAT" ]; do
        "$@"
        i=$((i + 1))
    done
    best_of "$runs"
}

mtclean_1() {
    # Without --threads=1 mtclean would use every core.
    if [ "$have_threads" = yes ]; then
        one_run "$MTCLEAN" --threads=1 --mode="$1" --doc-sep="$FF" --report="$BENCH_DIR/report.last" "$2"
    else
        one_run "$MTCLEAN" --mode="$1" --doc-sep="$FF" --report="$BENCH_DIR/report.last" "$2"
    fi
}
mtclean_2() {
    if [ "$have_threads" = yes ]; then
        one_run "$MTCLEAN" --threads=2 --mode="$1" --doc-sep="$FF" --report="$BENCH_DIR/report.last" "$2"
    else
        two_procs "$1" "$2"
    fi
}
segments_in_report() { sed -n 's/.*"segments":\([0-9]*\).*/\1/p' "$BENCH_DIR/report.last" | awk '{ s += $1 } END { print s + 0 }'; }

row() { # name bytes "wall cpu rss" [segments]
    echo "$2 $3 ${4:--}" | awk -v name="$1" '{
        mb = $1 / 1e6
        seg = ($5 == "-") ? "-" : sprintf("%.0f", $5 / $2)
        core = ($3 > 0) ? sprintf("%.1f", mb / $3) : "-"
        printf "%-26s %7.1f %7.2f %7.2f %8.1f %9s %10s %8.1f\n", name, mb, $2, $3, mb / $2, core, seg, $4 / 1024 }' |
        tee -a "$RESULTS"
}

RESULTS="$BENCH_DIR/results.txt"
: >"$RESULTS"
{
    echo "mtclean benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: wall times are noisy, CPU times less so)"
    echo "input: $big, $BIG_BYTES bytes, $(grep -c "^$FF\$" "$big") documents separated by form-feed lines; best of $BENCH_REPEAT runs"
    if [ "$have_threads" = yes ]; then
        echo "2 threads: mtclean --threads=2"
    else
        echo "2 threads: mtclean has no --threads yet, so two mtclean processes run in parallel on the two halves"
        echo "  of the input (cut after a separator line), whose outputs concatenated in order are the 1-thread output;"
        echo "  wall = until both finish, CPU and RSS = both processes together"
    fi
    echo "MB = 10^6 bytes; MB/s per core = MB / CPU seconds (user + sys); RSS = peak resident set size"
    echo
    printf "%-26s %7s %7s %7s %8s %9s %10s %8s\n" "run" "MB" "wall s" "CPU s" "MB/s" "MB/s/core" "segments/s" "RSS MiB"
} | tee "$RESULTS"

cat "$big" >/dev/null # page cache
for mode in repair flag drop; do
    r=$(measure "$mode-1" mtclean_1 "$mode" "$big")
    row "mtclean $mode 1 thread" "$BIG_BYTES" "$r" "$(segments_in_report)"
    eval "res_${mode}_1=\"\$r\""
    r=$(measure "$mode-2" mtclean_2 "$mode" "$big")
    row "mtclean $mode 2 threads" "$BIG_BYTES" "$r" "$(segments_in_report)"
done
if command -v uconv >/dev/null; then
    uconv_r=$(measure uconv one_run uconv -f utf-8 -t utf-8 -x any-nfc "$big")
    row "uconv -x any-nfc" "$BIG_BYTES" "$uconv_r"
else
    uconv_r=""
    echo "uconv not installed (apt-get install icu-devtools): no uconv reference" | tee -a "$RESULTS"
fi
cat_r=$(measure cat one_run cat "$big")
row "cat" "$BIG_BYTES" "$cat_r"
small_r=$(measure small mtclean_1 repair "$small")
row "mtclean repair ${BENCH_SMALL_MB} MiB" "$SMALL_BYTES" "$small_r" "$(segments_in_report)"

# Halves check: the two-process figures are only fair if the halves give
# the same text as one run.
if [ "$have_threads" = no ]; then
    "$MTCLEAN" --doc-sep="$FF" "$small" >"$BENCH_DIR/whole.out"
    { "$MTCLEAN" --doc-sep="$FF" "$small.h1"; "$MTCLEAN" --doc-sep="$FF" "$small.h2"; } >"$BENCH_DIR/halves.out"
    if cmp -s "$BENCH_DIR/whole.out" "$BENCH_DIR/halves.out"; then verdict=identical; else verdict=DIFFERENT; fi
    echo "halves check (${BENCH_SMALL_MB} MiB, repair): output of the two halves concatenated is $verdict to one run" |
        tee -a "$RESULTS"
    rm -f "$BENCH_DIR/whole.out" "$BENCH_DIR/halves.out"
fi

# HTML extraction alone (tests/html-extract, one core): the benchmark pages
# of tests/eval/html-bench, five passes, pages/s and MB/s of HTML.
extract="$(dirname "$MTCLEAN")/tests/html-extract"
if [ -x "$extract" ] && [ -d "$srcdir/tests/eval/html-bench/html" ]; then
    set -- "$srcdir"/tests/eval/html-bench/html/*.html.gz
    mkdir -p "$BENCH_DIR/html-out"
    "$extract" --time --out-dir "$BENCH_DIR/html-out" "$@" "$@" "$@" "$@" "$@" 2>&1 >/dev/null |
        sed 's/^html-extract: /html extraction (1 core): /' | tee -a "$RESULTS"
    rm -rf "$BENCH_DIR/html-out"
fi

# Real text beside the peer: the debian-handbook French edition, ten
# copies, one paragraph a line (bench/handbook.py); mtclean --mode=flag on one
# thread and CLD2 (tests/eval/peers/cld2-label, built here, one label a line)
# on the same lines, best of BENCH_REPEAT, CPU time. Skipped with a note when
# the package or libcld2-dev is missing.
handbook="$BENCH_DIR/handbook-fr-x10.txt"
cld2="$BENCH_DIR/cld2-label"
if [ ! -s "$handbook" ]; then
    python3 "$srcdir/bench/handbook.py" 10 >"$handbook.tmp" 2>"$BENCH_DIR/handbook.err" &&
        mv "$handbook.tmp" "$handbook" || { rm -f "$handbook.tmp"; sed 's/^/bench: /' "$BENCH_DIR/handbook.err" >&2; }
fi
[ -x "$cld2" ] || sh "$srcdir/tests/eval/peers/build.sh" "$cld2" >/dev/null 2>"$BENCH_DIR/cld2.err" ||
    sed 's/^/bench: /' "$BENCH_DIR/cld2.err" >&2
if [ -s "$handbook" ] && [ -x "$cld2" ]; then
    hb_bytes=$(bytes_of "$handbook")
    hb_flag=$(measure hb_flag one_run "$MTCLEAN" --threads=1 --mode=flag "$handbook")
    hb_repair=$(measure hb_repair one_run "$MTCLEAN" --threads=1 "$handbook")
    hb_cld2=$(measure hb_cld2 one_run sh -c 'exec "$0" <"$1"' "$cld2" "$handbook")
    echo | tee -a "$RESULTS"
    echo "real text: debian-handbook fr-FR x10, $hb_bytes bytes, $(wc -l <"$handbook" | tr -d ' ') paragraphs, 1 thread" | tee -a "$RESULTS"
    row "mtclean flag handbook" "$hb_bytes" "$hb_flag"
    row "mtclean repair handbook" "$hb_bytes" "$hb_repair"
    row "cld2 (peer) handbook" "$hb_bytes" "$hb_cld2"
    echo "$hb_flag $hb_repair $hb_cld2" | awk '{
        printf "ratio handbook (CPU): mtclean flag/cld2 %.2f, mtclean repair/cld2 %.2f (above 1: mtclean faster)\n", $8 / $2, $8 / $5
        printf "target: mtclean flag at least as fast as CLD2 on the handbook (CPU): %s\n", ($2 <= $8 ? "met" : "NOT met") }' |
        tee -a "$RESULTS"
fi

# Ratios and targets.
echo | tee -a "$RESULTS"
for mode in repair flag drop; do
    eval "r=\$res_${mode}_1"
    echo "$r ${uconv_r:-0 0 0} $cat_r" | awk -v mode="$mode" '{
        line = sprintf("ratio %s 1 thread (wall MB/s):", mode)
        if ($4 > 0) line = line sprintf(" mtclean/uconv %.2f,", $4 / $1)
        printf "%s mtclean/cat %.4f\n", line, $7 / $1 }'
done | tee -a "$RESULTS"
echo "$BIG_BYTES $res_repair_1 ${uconv_r:-0 0 0} $SMALL_BYTES $small_r" | awk '{
    mb = $1 / 1e6; wall = $2; cpu = $3; rss = $4; uw = $5; smb = $8 / 1e6; srss = $11
    core = mb / cpu
    printf "target: repair >= 20 MB/s per core (1 thread): %.1f MB/s per core (%.1f MB/s wall): %s\n", core, mb / wall, (core >= 20 ? "met" : "NOT met")
    if (uw > 0) printf "target: mtclean/uconv >= 0.1 (repair, 1 thread, wall): %.2f (uconv %.1f MB/s): %s\n", uw / wall, mb / uw, (uw / wall >= 0.1 ? "met" : "NOT met")
    g = (rss - srss) / srss * 100
    printf "target: peak RSS independent of input size (within 10%%): %.1f MiB at %.0f MB vs %.1f MiB at %.0f MB (%+.1f%%): %s\n", rss / 1024, mb, srss / 1024, smb, g, ((g <= 10 && g >= -10) ? "met" : "NOT met")
}' | tee -a "$RESULTS"
echo "results saved in $RESULTS" >&2
