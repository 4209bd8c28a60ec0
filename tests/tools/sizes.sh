#!/bin/sh
# Lists the functions longer than MAX_FUNC lines (default 60, from the line
# that names the function to its closing brace) and the files longer than
# MAX_FILE lines (default 600) among the C files given, or under filter/.
# The project's style puts a function's closing brace alone in column 0,
# which is what this reads; a definition is a line in column 0 holding "("
# and no "=" (not an initialiser) whose body opens with "{" on it or alone
# on the next line. Exit 1 when anything is listed.
# usage: tests/tools/sizes.sh [FILE.c ...]
max_func=${MAX_FUNC:-60} max_file=${MAX_FILE:-600}
[ $# -gt 0 ] || set -- $(find "$(dirname "$0")/../../filter" -name '*.[ch]' | sort)
awk -v maxf="$max_func" -v maxl="$max_file" '
function file_size() { if (prev_lines > maxl) { printf "%s: %d lines\n", prev_file, prev_lines; bad = 1 } }
FNR == 1 { file_size(); start = 0; name = ""; inside = 0 }
{ prev_file = FILENAME; prev_lines = FNR }
!inside && /^[A-Za-z_]/ && /\(/ && !/=/ && !/;[ \t]*$/ {
    start = FNR; name = $0; sub(/\(.*/, "", name); sub(/.*[ *]/, "", name)
}
!inside && start && /^\{/ { inside = 1 }
!inside && start && /\)[ \t]*\{[ \t]*$/ && FNR == start { inside = 1 }
inside && /^\}/ {
    if (FNR - start + 1 > maxf) { printf "%s:%d: %s: %d lines\n", FILENAME, start, name, FNR - start + 1; bad = 1 }
    inside = 0; start = 0
}
!inside && /;[ \t]*$/ { start = 0 } # a declaration, not a definition
END { file_size(); exit bad }
' "$@"
