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

body() {
	case $1 in
	new) echo 'for (let i = 0; i < N; i++) e = new Error("x");' ;;
	caught) echo 'for (let i = 0; i < N; i++) try { o.x.y; } catch (t) { e = t; }' ;;
	stack) echo 'for (let i = 0; i < N; i++) s = new Error("x").stack;' ;;
	names) echo 'for (let i = 0; i < N; i++) s = Object.getOwnPropertyNames(new Error("x"));' ;;
	*) echo "unknown case $1" >&2; exit 1 ;;
	esac
}

program() {	# program CASE ROUNDS
	echo "const N = $2;"
	echo 'let e, s, o = {};'
	echo 'function f() {'
	body "$1"
	echo '}'
	echo 'f();'
	echo 'console.log(typeof e, typeof s);'
}

. "$(dirname "$0")/loop-cost.sh"
shift || true
loop_cost "${N:-100000}" ${*:-new caught stack names}
