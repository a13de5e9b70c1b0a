#!/bin/bash
# What a k6/experimental/fs file costs the machine: the peak PSS of the
# whole process tree (coordinator and workers) of a run whose 50 VUs on 2
# workers each open and read the same file of SIZE_MB MiB, minus that of
# the same run with an empty file.  One copy per machine means the
# difference is about SIZE_MB; a copy per VU would be 50 times that.
# Usage: bench/fs-memory.sh [BUILD_DIR [SIZE_MB]]; results in bench/fs.md.
set -eu
build=$(cd "${1:-.}" && pwd)
size=${2:-100}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-fsmem.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/read.js" <<'JS'
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
head -c $((size << 20)) /dev/urandom >"$tmp/big"
: >"$tmp/empty"

# Peak of the sum of PSS over the run's processes, sampled every 100 ms.
peak_pss() {
	local pid=$1 peak=0 sum p
	while kill -0 "$pid" 2>/dev/null; do
		sum=0
		for p in $pid $(pgrep -P "$pid" || true); do
			v=$(awk '/^Pss:/ {print $2}' /proc/"$p"/smaps_rollup 2>/dev/null || echo 0)
			sum=$((sum + ${v:-0}))
		done
		[ "$sum" -gt "$peak" ] && peak=$sum
		sleep 0.1
	done
	echo "$peak"
}

run() {
	"$build/lyocell" run -q --no-summary --workers 2 -e FILE="$1" "$tmp/read.js" \
		>/dev/null 2>"$tmp/err" &
	peak_pss $!
}
with=$(run "$tmp/big")
without=$(run "$tmp/empty")
echo "file: $size MiB, 50 VUs on 2 workers"
echo "peak PSS with the file:  $((with / 1024)) MiB"
echo "peak PSS with it empty:  $((without / 1024)) MiB"
echo "the file costs:          $(((with - without) / 1024)) MiB"
