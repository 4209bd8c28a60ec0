#!/bin/sh
# Build the CLD2 / CLD2+Hunspell peer labeller.
#   sh tests/eval/peers/build.sh [OUT]      (default OUT: tests/eval/peers/cld2-label)
# Needs g++, libcld2-dev (header cld2/public/compact_lang_det.h, lib libcld2.so)
# and libhunspell-dev (lib libhunspell-1.7.so); at run time hunspell-fr and
# hunspell-en-us for --fastspell.
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/cld2-label}
CXX=${CXX:-g++}
fail() { echo "peers/build.sh: $*" >&2; exit 1; }
printf 'int main(){return 0;}\n' | $CXX -x c++ -o /dev/null - 2>/dev/null ||
  fail "no working C++ compiler ($CXX): apt-get install g++"
printf '#include <cstdio>\n#include <cld2/public/compact_lang_det.h>\nint main(){return 0;}\n' |
  $CXX -x c++ -o /dev/null - -lcld2 2>/dev/null ||
  fail "libcld2 is missing (need the header cld2/public/compact_lang_det.h and -lcld2): apt-get install libcld2-dev"
printf '#include <hunspell/hunspell.h>\nint main(){return 0;}\n' |
  $CXX -x c++ -o /dev/null - -lhunspell-1.7 2>/dev/null ||
  fail "libhunspell is missing (need hunspell/hunspell.h and -lhunspell-1.7): apt-get install libhunspell-dev"
$CXX -O2 -Wall -o "$out" "$here/cld2-label.cc" -lcld2 -lhunspell-1.7
echo "built $out"
