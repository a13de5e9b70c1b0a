#!/bin/sh
# Run every tests/runtime/*.js under lyrt (mujs + the runtime library) and
# compare its output with the expected NAME.out, which node generated; when
# node is installed, check that node still agrees with NAME.out too.
#
# Usage: run-runtime.sh [CASE.js...]    (srcdir and top_builddir from the
# environment, as make check sets them; defaults suit a run from the top of
# the source tree)
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
lyrt=${LYRT:-$top_builddir/tests/runtime/lyrt}
node=${NODE:-$(command -v node 2>/dev/null)}
tmp=${TMPDIR:-/tmp}/lyrt.$$
pass=0
fail=0

trap 'rm -f "$tmp.out" "$tmp.node"' EXIT INT TERM
if [ $# -eq 0 ]; then
	set -- "$srcdir"/tests/runtime/*.js
fi
for js in "$@"; do
	name=$(basename "$js" .js)
	exp=${js%.js}.out
	why=
	if [ ! -f "$exp" ]; then
		why="no $exp"
	elif ! "$lyrt" "$js" >"$tmp.out" 2>&1; then
		why="lyrt failed"
	elif ! cmp -s "$tmp.out" "$exp"; then
		why="lyrt output differs"
	elif [ -n "$node" ] && { "$node" "$js" >"$tmp.node" 2>&1; ! cmp -s "$tmp.node" "$exp"; }; then
		why="node output differs from $name.out"
	fi
	if [ -z "$why" ]; then
		echo "ok - $name"
		pass=$((pass + 1))
	else
		echo "not ok - $name: $why"
		[ -f "$exp" ] && diff "$exp" "$tmp.out" | sed 's/^/#   /' | head -20
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
