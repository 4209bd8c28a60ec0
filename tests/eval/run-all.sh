#!/bin/sh
# make eval: every quality evaluation in tests/eval/, each printing mtclean's
# figures beside its peers' and exiting non-zero when one of its targets is
# missed. eval.py is the original fixture set; each NAME_eval.py is one more
# set (detection, boilerplate, repair, HTML extraction), run as
#   python3 NAME_eval.py MTCLEAN SRCDIR
# All are run even when one fails; the exit status says whether any did.
mtclean=$1 srcdir=$2
shift 2
status=0
python3 "$srcdir/tests/eval/eval.py" "$mtclean" "$srcdir" "$@" || status=1
for script in "$srcdir"/tests/eval/*_eval.py; do
    [ -e "$script" ] || continue
    echo
    echo "== $(basename "$script" .py)"
    python3 "$script" "$mtclean" "$srcdir" || status=1
done
exit $status
