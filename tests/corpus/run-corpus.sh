#!/bin/sh
# Run every program of tests/corpus/cases under the compiler + mujs (lyjs)
# and compare with the expected output checked in next to it:
#   NAME.js   the program; NAME.out  its stdout under node (exit 0)
#   NAME.err  instead of .out: lyjs must fail with exactly this stderr
# Where node is installed, the .out files are checked against it too
# (cjs-* cases run as CommonJS, the rest as ES modules), except for cases
# whose first line is "// lyjs-only" (k6 behaviour node does not have) or
# "// node-timing" (an order of real timers that node keeps only on a quiet
# machine; lyjs's clock is virtual, so its output never varies).
# Usage: run-corpus.sh [LYJS] ; srcdir and top_builddir come from make.
# Set CORPUS_REGEN=1 to rewrite the .out files from node.
srcdir=${srcdir:-.}
# Local time is UTC for every program, lyjs and node alike, whatever the
# machine's zone.
export TZ=UTC
lyjs=${1:-${top_builddir:-.}/tests/corpus/lyjs}
lyjs=$(cd "$(dirname "$lyjs")" && pwd)/$(basename "$lyjs")
cases=$(cd "$srcdir/tests/corpus/cases" && pwd)
skipfile=$cases/../skip.txt
pass=0 fail=0 skip=0
tmp=${TMPDIR:-/tmp}/corpus.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT INT TERM
node=$(command -v node 2>/dev/null || true)
to=$(command -v timeout 2>/dev/null || true)
[ -n "$to" ] && to="$to 20"

for f in "$cases"/*.js; do
	name=$(basename "$f" .js)
	if [ -f "$skipfile" ] && grep -qx "$name" "$skipfile"; then
		skip=$((skip + 1))
		continue
	fi
	# Run from the cases directory so names in messages are relative.
	if [ -f "$cases/$name.err" ]; then
		(cd "$cases" && $to "$lyjs" "$name.js") >"$tmp/out" 2>"$tmp/err"
		rc=$?
		if [ $rc -ne 0 ] && cmp -s "$tmp/err" "$cases/$name.err"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL $name (exit $rc)"
			diff "$cases/$name.err" "$tmp/err" | head -20
		fi
		continue
	fi
	if [ -n "$node" ] && ! head -1 "$f" | grep -q '^// \(lyjs-only\|node-timing\)'; then
		case $name in
		cjs-*) (cd "$cases" && $to "$node" "$name.js") >"$tmp/node" 2>&1 ;;
		*) (cd "$cases" && $to "$node" --experimental-default-type=module \
		    "$name.js") >"$tmp/node" 2>&1 ;;
		esac
		if [ -n "$CORPUS_REGEN" ]; then
			cp "$tmp/node" "$cases/$name.out"
		elif ! cmp -s "$tmp/node" "$cases/$name.out"; then
			fail=$((fail + 1))
			echo "FAIL $name: node output differs from $name.out"
			diff "$cases/$name.out" "$tmp/node" | head -10
			continue
		fi
	fi
	(cd "$cases" && $to "$lyjs" "$name.js") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 0 ] && cmp -s "$tmp/out" "$cases/$name.out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name (exit $rc)"
		diff "$cases/$name.out" "$tmp/out" | head -10
		head -5 "$tmp/err"
	fi
done
# The k6 scripts under examples/ must at least compile.
for f in "$srcdir"/examples/*.js; do
	[ -f "$f" ] || continue
	if "$lyjs" -b "$f" >/dev/null 2>"$tmp/err"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL compiling $f"
		head -5 "$tmp/err"
	fi
done
[ $skip -gt 0 ] && echo "$skip skipped (tests/corpus/skip.txt)"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
