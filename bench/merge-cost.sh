#!/bin/bash
# What a test split over machines costs at its end: a script whose three
# VUs each add 65,536 values of 1 to 144 ms to one Trend runs as three
# execution segments with --summary-export; prints each export's size,
# then the instructions (callgrind, whole process) and the time of
# `lyocell merge` of the three.
#
#   bench/merge-cost.sh [BUILD_DIR]      (KEEP=DIR keeps the exports)
#
# bench/perf.md has the results.
set -eu
build=$(cd "${1:-.}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-mergecost.XXXXXX")
cleanup() {
	[ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$tmp"/part*.json "$KEEP"/ 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
command -v valgrind >/dev/null || { echo "merge-cost: valgrind is not installed" >&2; exit 1; }

cat >"$tmp/script.js" <<'JS'
import { Trend } from 'k6/metrics';
const t = new Trend('latency', true);
export const options = { vus: 3, iterations: 3 };
export default function () {
  for (let i = 0; i < 65536; i++)
    t.add(1 + 143 * (((__ITER * 65536 + i) * 0.6180339887498949) % 1));
}
JS

i=0
for s in 0:1/3 1/3:2/3 2/3:1; do
	"$build/lyocell" run -q --execution-segment "$s" \
	    --execution-segment-sequence 0,1/3,2/3,1 \
	    --summary-export "$tmp/part$i.json" "$tmp/script.js" >/dev/null 2>"$tmp/err" || {
		echo "merge-cost: the run of segment $s failed:" >&2; tail -5 "$tmp/err" >&2; exit 1; }
	echo "segment $s: $(wc -c <"$tmp/part$i.json") bytes of --summary-export"
	i=$((i + 1))
done
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" \
    "$build/lyocell" merge "$tmp"/part*.json >/dev/null 2>"$tmp/err" || {
	echo "merge-cost: lyocell merge failed:" >&2; tail -5 "$tmp/err" >&2; exit 1; }
echo "lyocell merge: $(sed -n 's/^summary: //p' "$tmp/cg") instructions"
start=$(date +%s%N)
"$build/lyocell" merge "$tmp"/part*.json >/dev/null
echo "lyocell merge: $(( ($(date +%s%N) - start) / 1000000 )) ms"
