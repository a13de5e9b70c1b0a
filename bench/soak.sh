#!/bin/bash
# Coordinator memory over a long run: constant-arrival-rate at $RATE
# requests/s against a local nginx for $MINUTES minutes; the coordinator's
# RSS after the first minute and at the end (issue 6: at most 5 MiB more,
# since Trend metrics are histograms, not every sample).  Also the CPU the
# coordinator used, as a share of one core.
#   bench/soak.sh [BUILD_DIR]     (RATE=5000 MINUTES=10)
set -eu
build=$(cd "${1:-.}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
RATE=${RATE:-5000}
MINUTES=${MINUTES:-10}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-soak.XXXXXX")
# shellcheck source=bench/nginx.sh
. "$here/nginx.sh"
trap 'stop_nginx; rm -rf "$tmp"' EXIT
start_nginx "$tmp/nginx"
cat >"$tmp/soak.js" <<JS
import http from 'k6/http';
import { check } from 'k6';
export const options = {
  scenarios: { soak: { executor: 'constant-arrival-rate', rate: $RATE, timeUnit: '1s',
    duration: '${MINUTES}m', preAllocatedVUs: 200, maxVUs: 400 } },
  thresholds: { http_req_duration: ['p(95)<500'], 'http_req_duration{status:200}': ['p(99)<1000'] },
};
export default function () {
  const r = http.get('$NGINX_URL');
  check(r, { 'status is 200': (x) => x.status === 200 });
}
JS
"$build/lyocell" run -q --summary-export "$tmp/soak.json" "$tmp/soak.js" >"$tmp/out" 2>&1 &
pid=$!
rss() { awk '/^VmRSS:/ { print $2 }' /proc/$1/status; }
cpu() { awk '{ print $14 + $15 }' /proc/$1/stat; }	# utime + stime, ticks
sleep 60
rss1=$(rss $pid)
cpu1=$(cpu $pid)
t1=$(date +%s)
last=$rss1
while kill -0 $pid 2>/dev/null; do
	r=$(rss $pid 2>/dev/null || echo "$last")
	last=${r:-$last}
	c=$(cpu $pid 2>/dev/null || echo "")
	[ -n "$c" ] && cpu2=$c && t2=$(date +%s)
	sleep 2
done
wait $pid || true
hz=$(getconf CLK_TCK)
reqs=$(tr -d '\n ' <"$tmp/soak.json" | sed -n 's/.*"http_reqs":{"count":\([0-9]*\).*/\1/p')
echo "| coordinator RSS after 1 minute | $((rss1 / 1024)) MiB |"
echo "| coordinator RSS at the end ($MINUTES minutes, $RATE req/s) | $((last / 1024)) MiB (+$(( (last - rss1) / 1024 )) MiB) |"
echo "| coordinator CPU from minute 1 to the end | $(awk -v c=$((cpu2 - cpu1)) -v hz=$hz -v s=$((t2 - t1)) 'BEGIN { printf "%.1f%% of one core", 100 * c / hz / s }') |"
echo "| requests | ${reqs:-?} |"
