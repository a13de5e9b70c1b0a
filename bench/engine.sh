#!/bin/bash
# Engine benchmarks (issue 4's targets), run against the built tree:
#   bench/engine.sh [BUILD_DIR]
# Prints a markdown table; bench/engine.md keeps the results with the date.
# Each measurement runs a small generated script; nothing leaves 127.0.0.1.
set -eu
build=$(cd "${1:-.}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
ly=$build/lyocell
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-bench.XXXXXX")
# shellcheck source=bench/nginx.sh
. "$here/nginx.sh"
trap 'stop_nginx; rm -rf "$tmp"' EXIT
cd "$tmp"

# Sum of the proportional set size of a process and its children, in MiB,
# sampled every 0.2 s until it exits: fork shares pages, PSS counts them once.
peak_pss() {
	local pid=$1 peak=0 sum p
	while kill -0 "$pid" 2>/dev/null; do
		sum=0
		for p in $pid $(pgrep -P "$pid"); do
			v=$(awk '/^Pss:/ { print $2 }' /proc/$p/smaps_rollup 2>/dev/null || echo 0)
			sum=$((sum + ${v:-0}))
		done
		[ $sum -gt $peak ] && peak=$sum
		sleep 0.2
	done
	echo $((peak / 1024))
}

echo "| measurement | result |"
echo "|---|---|"

# 1. A 1-VU, 1-iteration run, wall time (median of 21).
cat >one.js <<'JS'
import { check } from 'k6';
export default function () { check(1, { ok: () => true }); }
JS
for i in $(seq 21); do
	s=$(date +%s%N); "$ly" run -q --no-summary one.js >/dev/null 2>&1; e=$(date +%s%N)
	echo $(( (e - s) / 1000000 ))
done | sort -n | sed -n 11p | xargs printf '| 1 VU, 1 iteration, wall time (median of 21) | %s ms |\n'

# 2. VU initialisation: N VUs, one no-op iteration each, on all cores.
n=${VUS_INIT:-8000}
cat >init.js <<JS
export const options = { scenarios: { s: { executor: 'per-vu-iterations', vus: $n, iterations: 1 } } };
export default function () {}
JS
s=$(date +%s%N); "$ly" run -q --no-summary init.js >/dev/null 2>&1; e=$(date +%s%N)
cores=$(nproc)
echo "| $n VUs initialised (and run once), $cores cores | $(( (e - s) / 1000000 )) ms: $(( n * 1000000000 / (e - s) / cores )) VUs/s per core |"

# 3. Idle VUs: memory of the whole process tree.
m=${VUS_IDLE:-10000}
cat >idle.js <<JS
import { sleep, check } from 'k6';
export const options = { vus: $m, duration: '20s' };
export default function () { check(1, { ok: () => true }); sleep(1); }
JS
"$ly" run -q --summary-export idle.json idle.js >idle.out 2>&1 &
pid=$!
pss=$(peak_pss $pid)
wait $pid || true
its=$(tr -d '\n ' <idle.json | sed -n 's/.*"iterations":{[^}]*"rate":\([0-9.]*\).*/\1/p')
p95=$(tr -d '\n ' <idle.json | sed -n 's/.*"iteration_duration":{[^}]*"p(95)":\([0-9.]*\).*/\1/p')
echo "| $m VUs, check + sleep(1), 20 s: iterations/s | ${its:-?} |"
echo "| same: iteration_duration p(95) | ${p95:-?} ms |"
echo "| same: peak PSS of the process tree | $pss MiB |"

# 4. constant-arrival-rate at 5000/s for 10 s.
cat >rate.js <<'JS'
export const options = { scenarios: { r: { executor: 'constant-arrival-rate', rate: 5000,
  duration: '10s', preAllocatedVUs: 200 } } };
export default function () {}
JS
"$ly" run -q --summary-export rate.json rate.js >/dev/null 2>&1 || true
count=$(tr -d '\n ' <rate.json | sed -n 's/.*"iterations":{"count":\([0-9]*\).*/\1/p')
drop=$(tr -d '\n ' <rate.json | sed -n 's/.*"dropped_iterations":{"count":\([0-9]*\).*/\1/p')
echo "| constant-arrival-rate 5000/s for 10 s: iterations (want 50000) | ${count:-?}, dropped ${drop:-0} |"

# 5. The target of issue 4: 10,000 VUs doing http.get + check + sleep(1)
#    for 20 s against a local nginx.
h=${VUS_HTTP:-10000}
if start_nginx "$tmp/nginx" 2>nginx-start.err; then
	cat >http.js <<JS
import http from 'k6/http';
import { check, sleep } from 'k6';
export const options = { vus: $h, duration: '20s' };
export default function () {
  const r = http.get('$NGINX_URL');
  check(r, { 'status is 200': (x) => x.status === 200 });
  sleep(1);
}
JS
	"$ly" run -q --summary-export http.json http.js >http.out 2>&1 &
	pid=$!
	pss=$(peak_pss $pid)
	wait $pid || true
	its=$(tr -d '\n ' <http.json | sed -n 's/.*"iterations":{[^}]*"rate":\([0-9.]*\).*/\1/p')
	p95=$(tr -d '\n ' <http.json | sed -n 's/.*"iteration_duration":{[^}]*"p(95)":\([0-9.]*\).*/\1/p')
	failed=$(tr -d '\n ' <http.json | sed -n 's/.*"http_req_failed":{[^}]*"value":\([0-9.e-]*\).*/\1/p')
	echo "| $h VUs, http.get + check + sleep(1), 20 s: iterations/s | ${its:-?} |"
	echo "| same: iteration_duration p(95) | ${p95:-?} ms |"
	echo "| same: http_req_failed rate | ${failed:-?} |"
	echo "| same: peak PSS of the process tree | $pss MiB |"
	stop_nginx
else
	echo "| $h VUs with HTTP | skipped: nginx did not start: $(tail -1 nginx-start.err) |"
fi
