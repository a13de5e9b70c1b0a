#!/bin/bash
# A VU's memory between iterations: VUs that make garbage in every
# iteration are collected between iterations (src/engine/vu.c, collect)
# once each holds its share of the worker's garbage budget (32 MiB over
# 1,000 VUs here), so their heaps stay near what they keep, where mujs
# alone let them grow to about five times that.  Read from the worker's
# debug line.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-mem.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; sed 's/^/#   /' "$tmp/err" | tail -n 20; failed=$((failed + 1)); }

cat >"$tmp/garbage.js" <<'JS'
export const options = { scenarios: { s: { executor: 'per-vu-iterations',
    vus: 1000, iterations: 20 } } };
export default function () {
	var a = [];
	for (var i = 0; i < 50; i++)
		a.push({ x: i, s: 'v' + i });
}
JS
"$LYOCELL" run -q --no-summary -v --workers 1 "$tmp/garbage.js" >/dev/null 2>"$tmp/err"
line=$(grep -o '[0-9]* collections between iterations; largest VU heap at an iteration.s end [0-9]* KiB' "$tmp/err")
n=$(echo "$line" | awk '{ print $1 }')
kib=$(echo "$line" | awk '{ print $(NF - 1) }')
# About 115 KiB kept, 8 KiB of garbage an iteration, a 32 KiB share:
# without the collections the largest heap came near 280 KiB.
if [ -n "$n" ] && [ "$n" -ge 1000 ] && [ "$kib" -lt 200 ]; then
	ok "garbage collected between iterations ($n collections, largest heap $kib KiB)"
else
	notok "garbage collected between iterations (line: ${line:-none})"
fi

cat >"$tmp/idle.js" <<'JS'
export const options = { scenarios: { s: { executor: 'per-vu-iterations',
    vus: 2, iterations: 200 } } };
export default function () { return 1; }
JS
"$LYOCELL" run -q --no-summary -v --workers 1 "$tmp/idle.js" >/dev/null 2>"$tmp/err"
n=$(grep -o '[0-9]* collections between iterations' "$tmp/err" | awk '{ print $1 }')
# An iteration that leaves almost nothing behind costs no collection.
if [ -n "$n" ] && [ "$n" -le 2 ]; then
	ok "no collection without garbage ($n)"
else
	notok "no collection without garbage (${n:-no line})"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
