#!/bin/bash
# Large scripts load: one of more than 65,535 lines (mujs numbers lines
# in 16 bits: "integer overflow in instruction coding"), and a literal of
# 40,000 records (plain data, compiled as JSON.parse of one string).  The
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

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
