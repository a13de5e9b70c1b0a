#!/bin/sh
# bench/nightly-soak.sh [MINUTES]: the nightly soak of examples/nightly against the
# local target, with the web dashboard (a browser-like SSE client reading
# it all the time) and the experimental-prometheus-rw output into a real
# Prometheus, sampling the coordinator's RSS and PSS every minute.
# Prints one line per sample and the results directory; bench/soak.md has
# a run written down.  Run from the build directory.
set -u
minutes=${1:-30}
top=$(pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-soak.XXXXXX")
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
}
trap cleanup EXIT
trap 'exit 1' INT TERM

"$top/tests/target/lyocell-target" --port 0 --port-file "$tmp/port" \
	--max-seconds $((minutes * 60 + 600)) --quiet 2>/dev/null &
pids="$pids $!"
PROMPORT=$("$top/tests/output/outfeed" -p) && DASHPORT=$("$top/tests/output/outfeed" -p) || exit 1
printf 'global:\n  scrape_interval: 1h\n' >"$tmp/prometheus.yml"
prometheus --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/prom" \
	--web.listen-address="127.0.0.1:$PROMPORT" --web.enable-remote-write-receiver \
	>"$tmp/prometheus.log" 2>&1 &
pids="$pids $!"
for _ in $(seq 300); do
	[ -s "$tmp/port" ] && curl -sf "http://127.0.0.1:$PROMPORT/-/ready" >/dev/null && break
	sleep 0.1
done

# lyocell as nightly.sh calls it, plus the two outputs; it writes its pid
# so that the sampler finds the coordinator.
cat >"$tmp/lyocell" <<WRAP
#!/bin/sh
if [ "\$1" = run ]; then
	shift
	echo \$\$ >"$tmp/coordinator.pid"
	exec "$top/lyocell" run --out experimental-prometheus-rw "\$@"
fi
exec "$top/lyocell" "\$@"
WRAP
chmod +x "$tmp/lyocell"

export LYOCELL=$tmp/lyocell TARGET="http://127.0.0.1:$(cat "$tmp/port")"
export SOAK_DURATION=${minutes}m SOAK_VUS=20 SOAK_SLEEP=0.05 HEARTBEAT=60s
export K6_PROMETHEUS_RW_SERVER_URL=http://127.0.0.1:$PROMPORT/api/v1/write
export K6_WEB_DASHBOARD=true K6_WEB_DASHBOARD_HOST=127.0.0.1
export DASHBOARD_PORT=$DASHPORT K6_WEB_DASHBOARD_PERIOD=2s
"$src/examples/nightly/nightly.sh" "$src/examples/nightly/soak.js" "$tmp/results" \
	>"$tmp/nightly.out" 2>&1 &
night=$!
for _ in $(seq 100); do [ -s "$tmp/coordinator.pid" ] && break; sleep 0.1; done
pid=$(cat "$tmp/coordinator.pid")
sleep 2
curl -sN "http://127.0.0.1:$DASHPORT/events" >"$tmp/events" 2>/dev/null &
pids="$pids $!"

# cpu_s: the coordinator's CPU seconds (user + system) so far.
hz=$(getconf CLK_TCK)
echo "minute	rss_kib	pss_kib	cpu_s	sse_bytes"
m=0
while kill -0 "$pid" 2>/dev/null; do
	rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
	pss=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null)
	cpu=$(awk -v hz="$hz" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat" 2>/dev/null)
	[ -n "$rss" ] && printf '%s\t%s\t%s\t%s\t%s\n' "$m" "$rss" "$pss" "$cpu" \
		"$(wc -c <"$tmp/events")"
	m=$((m + 1))
	i=0
	while [ $i -lt 60 ] && kill -0 "$pid" 2>/dev/null; do sleep 1; i=$((i + 1)); done
done
wait "$night"
echo "nightly.sh exit $?; results in $tmp/results"
ls -l "$tmp/results/latest/"
echo "series events: $(grep -c '^event: series' "$tmp/events")"
curl -s -G "http://127.0.0.1:$PROMPORT/api/v1/query" \
	--data-urlencode 'query=sum(k6_http_reqs_total)'
echo
