#!/bin/bash
# --out json and csv from the real binary: the lines agree with the summary.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
JCHECK=$(cd "$top_builddir" && pwd)/tests/func/jcheck
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-out.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; failed=$((failed + 1)); }

script=$srcdir/tests/func/cases/out-json-csv.js
if "$LYOCELL" run -q --summary-export "$tmp/e.json" --out "json=$tmp/o.json" \
    --out "csv=$tmp/o.csv.gz" "$script" >"$tmp/out" 2>&1; then
	ok "run with --out json and csv"
else
	notok "run with --out json and csv: $(tail -3 "$tmp/out")"
fi
n=$(grep -c '"metric":"iterations","type":"Point"' "$tmp/o.json")
"$JCHECK" "$tmp/e.json" "m.iterations.count === $n && $n === 10" &&
	ok "json: one iterations Point per iteration ($n)" || notok "json: $n iterations Points"
grep -q '^{"type":"Metric","data":{"name":"checks","type":"rate","contains":"default"' "$tmp/o.json" &&
	ok "json: a Metric line for checks" || notok "json: no Metric line for checks"
c=$(gzip -dc "$tmp/o.csv.gz" | grep -c '^checks,')
[ "$c" = 10 ] && ok "csv: ten checks rows, gzipped" || notok "csv: $c checks rows"
gzip -dc "$tmp/o.csv.gz" | head -1 | grep -q '^metric_name,timestamp,metric_value,' &&
	ok "csv: k6's header" || notok "csv: header"
# exec.vu.metrics.metadata reaches the json and csv lines, not the tags.
meta=$srcdir/tests/func/cases/out-metadata.js
if "$LYOCELL" run -q --summary-export "$tmp/m.json" --out "json=$tmp/m.out.json" \
    --out "csv=$tmp/m.csv" "$meta" >"$tmp/out" 2>&1 &&
    "$JCHECK" "$tmp/m.json" "m.checks.fails === 0 && m.checks.passes === 9"; then
	ok "metadata: set, read back, deleted, objects refused"
else
	notok "metadata: $(tail -3 "$tmp/out")"
fi
grep -q '"metric":"marked","type":"Point".*"tags":{[^}]*},"metadata":{"n":"7","trace_id":"trace-0"}' "$tmp/m.out.json" &&
grep -q '"metric":"marked","type":"Point".*"metadata":{"trace_id":"trace-2"}' "$tmp/m.out.json" &&
! grep -q '"tags":{[^}]*trace_id' "$tmp/m.out.json" &&
	ok "metadata: json lines carry it, tags do not" || notok "metadata: json lines"
grep -q '^marked,.*,n=7&trace_id=trace-1$' "$tmp/m.csv" &&
	ok "metadata: csv metadata column" || notok "metadata: csv: $(grep '^marked' "$tmp/m.csv" | head -2)"
if "$LYOCELL" run -q --out "bogus=x" "$script" >"$tmp/out" 2>&1; then
	notok "an unknown output is refused"
else
	grep -q "invalid output type 'bogus'" "$tmp/out" && ok "an unknown output is refused" ||
	    notok "an unknown output is refused: $(cat "$tmp/out")"
fi
# The summary on a full stdout: said on stderr, exit 109.
"$LYOCELL" run -q "$script" >/dev/full 2>"$tmp/out"
rc=$?
if [ "$rc" = 109 ] && grep -q "the end-of-test summary: cannot write stdout: No space left on device" "$tmp/out"; then
	ok "the summary on a full stdout: exit 109"
else
	notok "the summary on a full stdout: exit $rc: $(tail -3 "$tmp/out")"
fi
# Results on a disk that fills up mid-way (a 4 KiB tmpfs, where one can
# be mounted): each loss is reported and the run does not exit 0.
mnt=$tmp/tiny
mkdir "$mnt"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=4k tmpfs "$mnt" 2>/dev/null; then
	"$LYOCELL" run -q --summary-export "$mnt/e.json" --out "json=$mnt/o.json" \
	    "$script" >"$tmp/out" 2>&1
	rc=$?
	umount "$mnt"
	if [ "$rc" = 109 ] &&
	    grep -q "json: cannot write $mnt/o.json: No space left on device; [0-9]* samples were not written" "$tmp/out" &&
	    grep -q -- "--summary-export: cannot write $mnt/e.json: No space left on device" "$tmp/out"; then
		ok "a full disk: lost results reported, exit 109"
	else
		notok "a full disk: exit $rc: $(tail -3 "$tmp/out")"
	fi
else
	echo "ok - a full disk # SKIP cannot mount a tmpfs"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
