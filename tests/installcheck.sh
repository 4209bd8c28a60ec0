#!/bin/sh
# Checks an installed mtclean: the files are where they belong, the installed
# binary finds its installed data with no flag (and the flags override it),
# the man page renders, and a C program builds against the installed header
# and pkg-config file and cleans a buffer. TAP output; exit 1 on a failure.
#
# Environment: BINDIR MANDIR PKGDATADIR INCLUDEDIR LIBDIR VERSION (where
# `make install` put things), SRCDIR (fixtures and expected outputs), CC.
# MODIFY_INSTALL=yes (make check-install, whose prefix is a scratch
# directory) also changes the installed data to prove which copy is read.
set -u
: "${BINDIR:?}" "${MANDIR:?}" "${PKGDATADIR:?}" "${INCLUDEDIR:?}" "${LIBDIR:?}" "${VERSION:?}" "${SRCDIR:?}"
CC=${CC:-cc}
unset MTCLEAN_DATADIR
bin="$BINDIR/mtclean"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mtclean-installcheck.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
ok() {
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
show() { sed 's/^/# /' "$1" | head -10; }

# Layout.
[ -x "$bin" ]
ok $? "binary installed: $bin"
[ -r "$MANDIR/man1/mtclean.1" ]
ok $? "man page installed: $MANDIR/man1/mtclean.1"
for f in default.conf html.conf boilerplate.rules repair.rules flag.rules; do
    cmp -s "$PKGDATADIR/rules/$f" "$SRCDIR/rules/$f"
    ok $? "rules/$f installed under $PKGDATADIR"
done
for f in "$SRCDIR"/dicts/*.txt; do
    cmp -s "$PKGDATADIR/dicts/${f##*/}" "$f"
    ok $? "dicts/${f##*/} installed under $PKGDATADIR"
done
[ -r "$INCLUDEDIR/mtclean.h" ] && [ -r "$LIBDIR/pkgconfig/mtclean.pc" ] && ls "$LIBDIR"/libmtclean.* >/dev/null 2>&1
ok $? "library, header and pkg-config file installed"

# The installed binary, run from elsewhere with no flag, on a copy of a fixture
# (a relative name, so the report matches the expected one).
mkdir "$tmp/work" && cp "$SRCDIR/fixtures/corrupted-lepoint.txt" "$tmp/work/"
cd "$tmp/work" || exit 1
"$bin" --version >"$tmp/version" && grep -qx "mtclean $VERSION" "$tmp/version"
ok $? "installed binary runs: mtclean $VERSION"
for mode in flag repair; do
    "$bin" --mode=$mode --report="$tmp/$mode.json" corrupted-lepoint.txt >"$tmp/$mode.out" 2>"$tmp/err"
    ok $? "--mode=$mode exits 0 with the installed data"
    show "$tmp/err"
    cmp -s "$tmp/$mode.out" "$SRCDIR/tests/expected/corrupted-lepoint.$mode"
    ok $? "  output exactly as expected"
done
cmp -s "$tmp/repair.json" "$SRCDIR/tests/expected/corrupted-lepoint.json"
ok $? "report exactly as expected"
"$bin" --html="$tmp/page.html" corrupted-lepoint.txt >/dev/null && grep -q '</html>' "$tmp/page.html"
ok $? "--html writes a page"
"$bin" --mode=flag <"$SRCDIR/tests/html/fr-actu.html" >"$tmp/page.txt" && grep -q "^À Saumur, le fleuve" "$tmp/page.txt" &&
    ! grep -q "cookies" "$tmp/page.txt"
ok $? "an HTML page on stdin gives its article text (installed rules/html.conf)"

# The flags override the installed data.
printf 'Une phrase bien française avec zzsonde dedans, comme il se doit.\n' >"$tmp/probe.txt"
cp -R "$PKGDATADIR/rules" "$tmp/rules"
printf 'flag /\\bzzsonde\\b/ name installcheck-probe\n' >"$tmp/rules/zz-probe.rules"
"$bin" --mode=flag --rules-dir="$tmp/rules" "$tmp/probe.txt" | grep -q '^⟦mixed|Une phrase'
ok $? "--rules-dir replaces the installed rules"
cp -R "$PKGDATADIR/dicts" "$tmp/dicts"
echo zzsonde >>"$tmp/dicts/mt-junk.txt"
"$bin" --mode=flag --words-dir="$tmp/dicts" "$tmp/probe.txt" | grep -q '^⟦mixed|Une phrase'
ok $? "--words-dir replaces the installed word lists"
"$bin" --mode=flag "$tmp/probe.txt" | grep -q '^Une phrase'
ok $? "  (without them the probe sentence is clean)"
mkdir "$tmp/nodict"
"$bin" --dict-dir="$tmp/nodict" "$tmp/probe.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -qF "$tmp/nodict/fr.aff: cannot open Hunspell dictionary" "$tmp/err"
ok $? "--dict-dir replaces the Hunspell directory"

if [ "${MODIFY_INSTALL:-}" = yes ]; then
    # The installed copy is the one read: a rule added there takes effect...
    cp "$tmp/rules/zz-probe.rules" "$PKGDATADIR/rules/"
    "$bin" --mode=flag "$tmp/probe.txt" | grep -q '^⟦mixed|Une phrase'
    ok $? "a rule added to the installed rules takes effect"
    rm -f "$PKGDATADIR/rules/zz-probe.rules"
    # ...and without it nothing else is found (the source tree is hidden).
    mv "$PKGDATADIR" "$PKGDATADIR.hidden"
    "$bin" "$tmp/probe.txt" >/dev/null 2>"$tmp/err"
    [ $? -eq 2 ] && grep -q 'default.conf' "$tmp/err"
    ok $? "with the installed data gone, mtclean fails instead of finding other data"
    show "$tmp/err"
    mv "$PKGDATADIR.hidden" "$PKGDATADIR"
fi

# The man page, as man shows it.
if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man -l "$MANDIR/man1/mtclean.1" 2>/dev/null >"$tmp/man.txt"
    grep -q 'find and repair machine.translation corruption' "$tmp/man.txt" && grep -qF "$PKGDATADIR/rules/" "$tmp/man.txt"
    ok $? "man shows the installed man page, naming the installed data directory"
fi

# A C program against the installed header and pkg-config file.
export PKG_CONFIG_PATH="$LIBDIR/pkgconfig"
[ "$(pkg-config --modversion mtclean)" = "$VERSION" ]
ok $? "pkg-config finds mtclean $VERSION"
cflags=$(pkg-config --cflags mtclean) && libs=$(pkg-config --libs mtclean)
ok $? "pkg-config --cflags --libs mtclean"
# shellcheck disable=SC2086 # word splitting of the flags is intended
$CC -std=c11 -Wall -Wextra -Werror $cflags -o "$tmp/embed" "$SRCDIR/tests/embed.c" $libs 2>"$tmp/err"
ok $? "a C program compiles and links with them (no --static needed)"
show "$tmp/err"
# (with --enable-shared it runs on the installed libmtclean.so)
LD_LIBRARY_PATH="$LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$tmp/embed" corrupted-lepoint.txt >"$tmp/embed.out" 2>"$tmp/embed.err"
ok $? "it cleans a buffer with the installed data"
show "$tmp/embed.err"
cmp -s "$tmp/embed.out" "$SRCDIR/tests/expected/corrupted-lepoint.repair"
ok $? "  its output equals mtclean's repair output"
field() { grep -o "\"$1\":[0-9.]*" "$SRCDIR/tests/expected/corrupted-lepoint.json" | cut -d: -f2; }
want="mtclean $VERSION: segments=$(field segments) mixed=$(field mixed_segments) hook_mixed=$(field mixed_segments)"
grep -qx "$want quality=$(field quality)" "$tmp/embed.err"
ok $? "  its counters and segment hook agree with the report"
# shellcheck disable=SC2046
$CC -std=c11 -o "$tmp/embed-static" "$SRCDIR/tests/embed.c" $(pkg-config --cflags --static --libs mtclean) 2>"$tmp/err"
ok $? "pkg-config --static --libs links too"
show "$tmp/err"

# Only the API is visible: the static archive and the shared library (when
# built) define no global symbol but mtc_*, so the program above, which has
# its own buf_append and tokenize, links with either.
for lib in "$LIBDIR/libmtclean.a" "$LIBDIR/libmtclean.so"; do
    [ -e "$lib" ] || continue
    opt=-g && case $lib in *.so) opt=-D ;; esac
    nm $opt --defined-only "$lib" | awk 'NF >= 3 && $2 ~ /^[A-Z]$/ && $2 != "U" { print $3 }' | sort -u >"$tmp/syms"
    grep -v '^mtc_' "$tmp/syms" >"$tmp/others"
    [ -s "$tmp/syms" ] && [ ! -s "$tmp/others" ]
    ok $? "${lib##*/} exports only mtc_ symbols ($(wc -l <"$tmp/syms") of them)"
    show "$tmp/others"
done
if [ -e "$LIBDIR/libmtclean.a" ]; then
    # shellcheck disable=SC2046
    $CC -std=c11 -o "$tmp/embed-archive" "$SRCDIR/tests/embed.c" -I"$INCLUDEDIR" "$LIBDIR/libmtclean.a" \
        $(pkg-config --static --libs mtclean | sed 's/-lmtclean//') 2>"$tmp/err" &&
        "$tmp/embed-archive" corrupted-lepoint.txt 2>/dev/null | cmp -s - "$SRCDIR/tests/expected/corrupted-lepoint.repair"
    ok $? "a program with its own buf_append and tokenize links libmtclean.a and cleans"
    show "$tmp/err"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
