#!/bin/bash
# What telling symbols from strings costs the operators that convert
# values: CPU instructions (callgrind, tests/corpus/lyjs) per iteration of
# a loop doing one kind of conversion.  Each figure is the difference of
# two runs (N and 2N rounds) divided by N, so start-up and exit cancel out.
# Usage: bench/symbol-cost.sh [BUILD_DIR [CASE...]], CASE one of empty,
# concat, template, template1, arith, equal (default: all); results in
# bench/engine.md.
set -eu
build=$(cd "${1:-.}" && pwd)

body() {
	case $1 in
	empty) echo 'for (let i = 0; i < N; i++) {}' ;;
	concat) echo 'for (let i = 0; i < N; i++) s = "k" + a[i & 7] + "-";' ;;
	template) echo 'for (let i = 0; i < N; i++) s = `k${a[i & 7]}-${i}`;' ;;
	template1) echo 'for (let i = 0; i < N; i++) s = `${a[i & 7]}`;' ;;
	arith) echo 'for (let i = 0; i < N; i++) x = x * 1.5 - i / 3 + -x % 7;' ;;
	equal) echo 'for (let i = 0; i < N; i++) x += a[i & 7] == "b" ? 1 : i == 3;' ;;
	*) echo "unknown case $1" >&2; exit 1 ;;
	esac
}

program() {	# program CASE ROUNDS
	echo "const N = $2;"
	echo 'const a = ["a", "b", "c", "d", 1, 2, 3, 4];'
	echo 'let s = "", x = 1;'
	body "$1"
	echo 'console.log(s.length, x > 0);'
}

. "$(dirname "$0")/loop-cost.sh"
shift || true
loop_cost "${N:-200000}" ${*:-empty concat template template1 arith equal}
