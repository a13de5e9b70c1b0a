#!/bin/sh
# Render every raw results file under tests/summary with lysum and compare
# with the expected output beside it:
#   NAME.MODE.txt        text summary, MODE compact, full or legacy
#   NAME.MODE.color.txt  the same on a terminal, with colours
#   NAME.export.json     --summary-export
#   NAME.data.json       handleSummary's data object
# and check the keys and nesting of data and export against files k6
# v0.48 wrote (k6-handleSummary-data.json, k6-summary-export.json).
# The last line is "N passed, M failed".
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
dir=$srcdir/tests/summary
lysum=$top_builddir/tests/summary/lysum
tmp=${TMPDIR:-/tmp}/run-summary.$$
pass=0 fail=0

trap 'rm -f "$tmp" "$tmp.want"' EXIT INT TERM

check() {
	label=$1 want=$2
	shift 2
	if "$lysum" "$@" >"$tmp" 2>&1 && cmp -s "$tmp" "$want"; then
		pass=$((pass + 1))
		echo "ok $label"
	else
		fail=$((fail + 1))
		echo "FAIL $label: lysum $*"
		diff -u "$want" "$tmp" | head -40
	fi
}

for expected in "$dir"/*.txt "$dir"/*.export.json "$dir"/*.data.json; do
	[ -f "$expected" ] || continue
	base=${expected##*/}
	name=${base%%.*}
	rest=${base#*.}
	mode=${rest%%.*}
	case $rest in
	*.color.txt) check "$base" "$expected" -c "$mode" "$dir/$name.json" ;;
	*) check "$base" "$expected" "$mode" "$dir/$name.json" ;;
	esac
done

for name in smoke groups; do
	printf 'same shape\n' >"$tmp.want"
	check "$name data shape" "$tmp.want" shape-data "$dir/$name.json" \
	    "$dir/k6-handleSummary-data.json"
	check "$name export shape" "$tmp.want" shape-export "$dir/$name.json" \
	    "$dir/k6-summary-export.json"
	rm -f "$tmp.want"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
