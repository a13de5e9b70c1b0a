#!/bin/bash
# What data shared by the VUs costs the machine: the peak PSS of the whole
# process tree (coordinator and workers) of a run whose 50 VUs on 2
# workers all use the same SIZE_MB MiB of data, minus that of the same run
# with none.  One copy per machine means the difference is about the
# data's size; a copy per VU would be 50 times that.
#   fs:     a file opened with k6/experimental/fs, read whole by every VU
#   csv:    csv.parse of a CSV file, a few records read by every VU
#   shared: a SharedArray of the file's lines (open() of k6), likewise
# Usage: bench/shared-memory.sh [BUILD_DIR [SIZE_MB [fs|csv|shared]]];
# results in bench/shared-memory.md.
set -eu
build=$(cd "${1:-.}" && pwd)
size=${2:-100}
mode=${3:-fs}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-shmem.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/fs.js" <<'JS'
import { open } from 'k6/experimental/fs';
import { sleep } from 'k6';
export const options = { vus: 50, iterations: 50 };
const fileP = open(__ENV.FILE);
export default async function () {
  const file = await fileP;
  const buf = new Uint8Array(1 << 16);
  let n, total = 0;
  while ((n = await file.read(buf)) !== null) total += n;
  if (total !== (await file.stat()).size) throw new Error('short read');
  sleep(2);	/* every VU alive at once while PSS is sampled */
}
JS
cat >"$tmp/csv.js" <<'JS'
import { open } from 'k6/experimental/fs';
import csv from 'k6/experimental/csv';
import { sleep } from 'k6';
export const options = { vus: 50, iterations: 50 };
let rows;
open(__ENV.FILE).then(async (f) => { rows = await csv.parse(f); });
export default function () {
  for (let i = 0; i < 100 && rows.length > 0; i++) rows[(i * 7919) % rows.length];
  sleep(2);
}
JS
cat >"$tmp/shared.js" <<'JS'
import { SharedArray } from 'k6/data';
import { sleep } from 'k6';
export const options = { vus: 50, iterations: 50 };
const lines = new SharedArray('lines', () => open(__ENV.FILE).split('\n'));
export default function () {
  for (let i = 0; i < 100 && lines.length > 0; i++) lines[(i * 7919) % lines.length];
  sleep(2);
}
JS
# CSV-like lines of about 32 bytes.
awk -v n=$(((size << 20) / 32)) 'BEGIN { srand(1); for (i = 0; i < n; i++)
	printf "%08d,%s,%d\n", i, "value " int(rand() * 1e9), int(rand() * 1e6) }' \
	>"$tmp/data"
: >"$tmp/empty"

# Peak of the sum of PSS over the run's processes, sampled every 100 ms
# while the workers run (the coordinator's init pass, before them, makes
# the data and its garbage: a passing cost of one process, not counted).
peak_pss() {
	local pid=$1 peak=0 sum p v kids
	while kill -0 "$pid" 2>/dev/null; do
		sum=0
		kids=$(pgrep -P "$pid" || true)
		if [ -z "$kids" ]; then
			sleep 0.1
			continue
		fi
		for p in $pid $kids; do
			v=$(awk '/^Pss:/ {print $2}' /proc/"$p"/smaps_rollup 2>/dev/null || echo 0)
			sum=$((sum + ${v:-0}))
		done
		[ "$sum" -gt "$peak" ] && peak=$sum
		sleep 0.1
	done
	echo "$peak"
}

run() {
	"$build/lyocell" run -q --no-summary --workers 2 -e FILE="$1" "$tmp/$mode.js" \
		>/dev/null 2>"$tmp/err" &
	peak_pss $!
}
start=$(date +%s)
with=$(run "$tmp/data")
secs=$(($(date +%s) - start))
without=$(run "$tmp/empty")
echo "$mode: $(($(stat -c %s "$tmp/data") >> 20)) MiB, 50 VUs on 2 workers, ${secs} s"
echo "peak PSS with the data:  $((with / 1024)) MiB"
echo "peak PSS without it:     $((without / 1024)) MiB"
echo "the data costs:          $(((with - without) / 1024)) MiB"
