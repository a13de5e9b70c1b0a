#!/bin/sh
# The experimental-prometheus-rw output against a real Prometheus (Debian's
# prometheus package): our own server on a free 127.0.0.1 port with
# --web.enable-remote-write-receiver and native histograms, its storage in
# a temporary directory; what outfeed and lyocell run wrote is queried
# back through /api/v1/query.  Skips (77) without prometheus or curl.
top_builddir=${top_builddir:-.}
OUTFEED=$top_builddir/tests/output/outfeed
LYOCELL=$top_builddir/lyocell
JCHECK=$top_builddir/tests/func/jcheck
TARGETBIN=$top_builddir/tests/target/lyocell-target
PROMETHEUS=$(command -v prometheus 2>/dev/null || echo /usr/bin/prometheus)
[ -x "$PROMETHEUS" ] || { echo "SKIP: prometheus not installed (apt-get install prometheus)"; exit 77; }
command -v curl >/dev/null 2>&1 || { echo "SKIP: curl not installed"; exit 77; }
for p in "$OUTFEED" "$LYOCELL" "$JCHECK" "$TARGETBIN"; do
	[ -x "$p" ] || { echo "FAIL: $p not built"; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-prom.XXXXXX") || exit 1
pid=
tpid=
stop_pid() {
	[ -n "$1" ] || return 0
	kill "$1" 2>/dev/null
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1))
	done
	kill -9 "$1" 2>/dev/null
}
cleanup() {
	stop_pid "$pid"
	stop_pid "$tpid"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

PORT=$("$OUTFEED" -p) && DEAD=$("$OUTFEED" -p) || exit 1
printf 'global:\n  scrape_interval: 1h\n' > "$tmp/prometheus.yml"
"$PROMETHEUS" --config.file="$tmp/prometheus.yml" \
    --storage.tsdb.path="$tmp/data" --web.listen-address="127.0.0.1:$PORT" \
    --web.enable-remote-write-receiver --enable-feature=native-histograms \
    > "$tmp/prometheus.log" 2>&1 &
pid=$!
BASE=http://127.0.0.1:$PORT
WRITE=$BASE/api/v1/write
i=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/-/ready")" = 200 ]; do
	i=$((i + 1))
	if [ $i -gt 300 ] || ! kill -0 "$pid" 2>/dev/null; then
		echo "FAIL: prometheus was not ready within 30 s"
		tail -20 "$tmp/prometheus.log"
		exit 1
	fi
	sleep 0.1
done

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }

# The value of a query's one-element answer ("" when empty).
query() {
	curl -s -G "$BASE/api/v1/query" --data-urlencode "query=$1" |
	    sed -n 's/.*"value":\[[0-9.e+]*,"\([^"]*\)"\].*/\1/p'
}
expect() {	# name query want
	got=$(query "$2")
	if [ "$got" = "$3" ]; then ok "$1 ($got)"; else ko "$1: got '$got', want '$3'"; fi
}

# 1. 3000 samples (1000 each of http_reqs, http_req_duration, checks over
# 1000 urls) in 10 rounds with 100 ms pushes.
out=$(K6_PROMETHEUS_RW_SERVER_URL=$WRITE K6_PROMETHEUS_RW_PUSH_INTERVAL=100ms \
    K6_PROMETHEUS_RW_TREND_STATS='count,sum,max,p(99.9)' \
    K6_PROMETHEUS_RW_LABELS=testid=feed1 \
    "$OUTFEED" -n 3000 -r 10 -w 60 -t 10000 experimental-prometheus-rw 2>&1)
if [ "$out" = "added 3000
stop: ok" ]; then ok "write 3000 samples"; else ko "write 3000 samples: $out"; fi
expect "http_reqs total" 'sum(k6_http_reqs_total{testid="feed1"})' 1000
expect "one series per url" 'count(k6_http_reqs_total{testid="feed1"})' 1000
expect "status label" 'sum(k6_http_reqs_total{testid="feed1",status="500"})' 500
expect "checks rate" 'sum(k6_checks_rate{testid="feed1",method="GET",scenario="default"})' 500
expect "trend count" 'sum(k6_http_req_duration_count{testid="feed1"})' 1000
# http_req_duration is i % 100 + 0.5 ms for i = 1, 4, 7 ...: 50 s in all.
expect "trend sum in seconds" 'round(sum(k6_http_req_duration_sum{testid="feed1"}))' 50
expect "p(99.9) is p999" 'count(k6_http_req_duration_p999{testid="feed1"})' 1000
expect "max in seconds" 'max(k6_http_req_duration_max{testid="feed1"})' 0.0995
expect "no empty group label" 'count(k6_http_reqs_total{testid="feed1",group!=""})' ""

# 2. Native histograms and stale markers.
out=$(K6_PROMETHEUS_RW_SERVER_URL=$WRITE K6_PROMETHEUS_RW_PUSH_INTERVAL=100ms \
    K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM=true K6_PROMETHEUS_RW_LABELS=testid=feed2 \
    "$OUTFEED" -n 300 -r 3 -w 150 -t 10000 experimental-prometheus-rw 2>&1)
if [ "$out" = "added 300
stop: ok" ]; then ok "native histograms written"; else ko "native histograms: $out"; fi
expect "histogram count" 'sum(histogram_count(k6_http_req_duration_seconds{testid="feed2"}))' 100
# Values 0.5 .. 99.5 ms: the median is within a bucket (9%) of 50 ms.
med=$(query 'histogram_quantile(0.5, sum(k6_http_req_duration_seconds{testid="feed2"}))')
case $med in
0.04[6-9]*|0.05[0-4]*) ok "histogram median ($med)" ;;
*)	ko "histogram median: got '$med'" ;;
esac
out=$(K6_PROMETHEUS_RW_SERVER_URL=$WRITE K6_PROMETHEUS_RW_STALE_MARKERS=true \
    K6_PROMETHEUS_RW_LABELS=testid=feed3 \
    "$OUTFEED" -n 30 -t 10000 experimental-prometheus-rw 2>&1)
if [ "$out" = "added 30
stop: ok" ]; then ok "stale markers written"; else ko "stale markers: $out"; fi
expect "stale series are gone" 'count(k6_http_reqs_total{testid="feed3"})' ""
expect "but were there" 'count(last_over_time(k6_http_reqs_total{testid="feed3"}[5m]))' 10

# 3. Bad settings and a server that is down.
out=$(K6_PROMETHEUS_RW_TREND_STATS='p(101)' "$OUTFEED" experimental-prometheus-rw 2>&1)
case $out in
*"experimental-prometheus-rw: K6_PROMETHEUS_RW_TREND_STATS:"*) ok "bad trend stat refused" ;;
*)	ko "bad trend stat: $out" ;;
esac
out=$(K6_PROMETHEUS_RW_HTTP_HEADERS='a:b,c' "$OUTFEED" experimental-prometheus-rw 2>&1)
case $out in
*"the provided header (c) does not respect the expected format <header key>:<value>"*)
	ok "bad header refused" ;;
*)	ko "bad header: $out" ;;
esac
out=$(K6_PROMETHEUS_RW_SERVER_URL=http://127.0.0.1:$DEAD/api/v1/write \
    "$OUTFEED" -n 300 -t 2000 experimental-prometheus-rw 2>&1)
rc=$?
case $out in
*"stop: experimental-prometheus-rw: "*" samples were not written: cannot reach http://127.0.0.1:$DEAD"*)
	[ $rc = 1 ] && ok "server down reported" || ko "server down: exit $rc" ;;
*)	ko "server down: $out" ;;
esac

# 4. lyocell run against the local target: what Prometheus holds agrees
# with the summary.
"$TARGETBIN" --port 0 --port-file "$tmp/tport" --max-seconds 120 --quiet \
    2>"$tmp/target.err" &
tpid=$!
i=0
while ! [ -s "$tmp/tport" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
TARGET=http://127.0.0.1:$(cat "$tmp/tport")
cat > "$tmp/run.js" <<JS
import http from 'k6/http';
import { check } from 'k6';
export const options = { vus: 4, duration: '1500ms' };
export default function () {
  const r = http.get('$TARGET/get?id=' + __ITER, { tags: { name: 'get' } });
  check(r, { 'is 200': (x) => x.status === 200 });
}
JS
if K6_PROMETHEUS_RW_SERVER_URL=$WRITE K6_PROMETHEUS_RW_PUSH_INTERVAL=200ms \
    "$LYOCELL" run -q --tag testid=run1 --summary-export "$tmp/run.json" \
    --out experimental-prometheus-rw "$tmp/run.js" >"$tmp/run.out" 2>&1; then
	total=$(query 'sum(k6_http_reqs_total{testid="run1"})')
	if [ -n "$total" ] && "$JCHECK" "$tmp/run.json" \
	    "m.http_reqs.count === $total && m.iterations.count === $total && \
	    m.checks.passes === $total && $total > 10"; then
		ok "run: http_reqs total equals the summary's ($total)"
	else
		ko "run: http_reqs total '$total' is not the summary's"
	fi
	expect "run: one series for the name tag" \
	    'count(k6_http_reqs_total{testid="run1",name="get"})' 1
	expect "run: the url tag is the name" \
	    'count(k6_http_reqs_total{testid="run1",url="get"})' 1
	expect "run: iterations" 'sum(k6_iterations_total{testid="run1"})' "$total"
	expect "run: checks" 'sum(k6_checks_rate{testid="run1"})' 1
else
	ko "run: lyocell failed: $(tail -5 "$tmp/run.out")"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
