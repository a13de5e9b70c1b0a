#!/bin/bash
# What making an error costs: CPU instructions (callgrind,
# tests/corpus/lyjs) per iteration of a loop that makes one.  Each figure
# is the difference of two runs (N and 2N rounds) divided by N, so
# start-up and exit cancel out.
# Usage: bench/error-cost.sh [BUILD_DIR [CASE...]], CASE one of new
# (new Error('x')), caught (a TypeError the engine throws, caught), stack
# (new Error('x').stack), names (Object.getOwnPropertyNames of one)
# (default: all); results in bench/engine.md.
set -eu
build=$(cd "${1:-.}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-err.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

body() {
	case $1 in
	new) echo 'for (let i = 0; i < N; i++) e = new Error("x");' ;;
	caught) echo 'for (let i = 0; i < N; i++) try { o.x.y; } catch (t) { e = t; }' ;;
	stack) echo 'for (let i = 0; i < N; i++) s = new Error("x").stack;' ;;
	names) echo 'for (let i = 0; i < N; i++) s = Object.getOwnPropertyNames(new Error("x"));' ;;
	*) echo "unknown case $1" >&2; exit 1 ;;
	esac
}

ir() {	# ir CASE ROUNDS
	{
		echo "const N = $2;"
		echo 'let e, s, o = {};'
		echo 'function f() {'
		body "$1"
		echo '}'
		echo 'f();'
		echo 'console.log(typeof e, typeof s);'
	} >"$tmp/loop.js"
	rm -f "$tmp"/cg.*
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
	    "$build/tests/corpus/lyjs" "$tmp/loop.js" >/dev/null 2>&1
	awk '/^totals:/ { print $2 }' "$tmp/cg.out"
}

n=${N:-100000}
shift || true
for k in ${*:-new caught stack names}; do
	a=$(ir "$k" "$n")
	b=$(ir "$k" $((2 * n)))
	echo "$k $(( (b - a) / n ))"
done
