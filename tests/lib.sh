# TAP helpers for the shell tests. Each test file sources this.
set -u
: "${MTCLEAN:?run through make check}" "${srcdir:?}" "${builddir:?}"
fixtures="$srcdir/fixtures"
expected="$srcdir/tests/expected"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mtclean-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
tap_n=0
tap_failed=0

ok() { # ok CONDITION-STATUS DESCRIPTION
    tap_n=$((tap_n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $tap_n - $2"
    else
        echo "not ok $tap_n - $2"
        tap_failed=$((tap_failed + 1))
    fi
}

skip() { # skip DESCRIPTION REASON: a test that cannot run here
    tap_n=$((tap_n + 1))
    echo "ok $tap_n # SKIP $1 ($2)"
}

# same_file GOT WANT DESCRIPTION: byte-exact comparison, diff shown on failure.
same_file() {
    if cmp -s "$1" "$2"; then
        ok 0 "$3"
    else
        ok 1 "$3"
        diff -u "$2" "$1" | head -40 | sed 's/^/# /'
    fi
}

# exits_with CODE DESCRIPTION -- COMMAND...: checks the exit status.
exits_with() {
    want=$1 desc=$2
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    [ "$got" -eq "$want" ]
    ok $? "$desc (exit $got, want $want)"
    [ "$got" -eq "$want" ] || sed 's/^/# stderr: /' "$tmp/err" | head -5
}

# stderr_has TEXT DESCRIPTION: the last command's stderr contains TEXT.
stderr_has() {
    grep -qF -- "$1" "$tmp/err"
    ok $? "$2"
    grep -qF -- "$1" "$tmp/err" || sed 's/^/# stderr: /' "$tmp/err" | head -5
}

# json_field FILE LINE FIELD: a numeric field of one report line.
json_field() {
    sed -n "${2}p" "$1" | grep -o "\"$3\":[0-9.]*" | head -1 | cut -d: -f2
}

finish() {
    echo "1..$tap_n"
    [ "$tap_failed" -eq 0 ]
}
