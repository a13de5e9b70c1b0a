#!/bin/bash
# Large scripts load: one of more than 65,535 lines (mujs numbers lines
# in 16 bits: "integer overflow in instruction coding"), and a literal of
# 40,000 records (plain data, compiled as JSON.parse of one string), and
# one of more positions than stack frames can number.  The
# compiler's speed on large scripts is in bench/compile.sh.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-large.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; sed 's/^/#   /' "$tmp/err" | tail -n 5; failed=$((failed + 1)); }

{
	echo "export const options = { iterations: 1 };"
	echo "let x = 0;"
	awk 'BEGIN { for (i = 0; i < 70000; i++) print "" }'
	echo "x = 1;"
	echo "export default function () { console.log('x is ' + x); }"
} >"$tmp/lines.js"
timeout -k 5 60 "$LYOCELL" run -q --no-summary "$tmp/lines.js" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" = 0 ] && grep -q 'x is 1' "$tmp/err" && ok "a script of 70,004 lines" ||
	notok "a script of 70,004 lines: exit $rc"

{
	echo "export const options = { iterations: 1 };"
	echo "const data = ["
	awk 'BEGIN { for (i = 0; i < 40000; i++)
		printf "  { id: %d, name: \"n%d\", tags: [\"a\", \"b\"], score: -%d.5 },\n", i, i, i }'
	echo "];"
	echo "export default function () { console.log('records ' + data.length + ' ' + data[39999].score); }"
} >"$tmp/data.js"
timeout -k 5 60 "$LYOCELL" run -q --no-summary "$tmp/data.js" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" = 0 ] && grep -q 'records 40000 -39999.5' "$tmp/err" &&
	ok "a literal of 40,000 records ($(wc -c <"$tmp/data.js") bytes)" ||
	notok "a literal of 40,000 records: exit $rc"

# More positions than a frame's 16-bit number leaves them (32,767 with
# the lines): the first ones keep k6's columns, the rest their lines.
{
	echo "export const options = { iterations: 2, vus: 1 };"
	awk 'BEGIN { for (i = 1; i <= 6000; i++)
		printf "function f%d(o) { return o.a.b(o.c, o.d.e); }\n", i }'
	echo "export default function () { if (__ITER === 0) f1(null); else f6000(null); }"
} >"$tmp/positions.js"
timeout -k 5 60 "$LYOCELL" run -q --no-summary "$tmp/positions.js" >/dev/null 2>"$tmp/err"
grep -q 'at f1 (file://[^)]*positions.js:2:27)' "$tmp/err" &&
	grep -q 'at f6000 (file://[^)]*positions.js:6001:1)' "$tmp/err" &&
	ok "36,000 positions: the first ones with columns" ||
	notok "36,000 positions: the first ones with columns"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
