#!/bin/sh
# The influxdb output against a real InfluxDB 1.x (Debian's influxdb
# package): our own influxd on free 127.0.0.1 ports with its files in a
# temporary directory, samples fed by outfeed, counts and tags queried
# back.  Also a server that is down and one that never answers.  Skips
# (77) without influxd or curl.
top_builddir=${top_builddir:-.}
OUTFEED=$top_builddir/tests/output/outfeed
INFLUXD=$(command -v influxd 2>/dev/null || echo /usr/bin/influxd)
[ -x "$INFLUXD" ] || { echo "SKIP: influxd not installed (apt-get install influxdb)"; exit 77; }
command -v curl >/dev/null 2>&1 || { echo "SKIP: curl not installed"; exit 77; }
[ -x "$OUTFEED" ] || { echo "FAIL: $OUTFEED not built"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-influx.XXXXXX") || exit 1
pid=
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
			sleep 0.1; i=$((i + 1))
		done
		kill -9 "$pid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

HTTP=$("$OUTFEED" -p) && RPC=$("$OUTFEED" -p) && DEAD=$("$OUTFEED" -p) || exit 1
cat > "$tmp/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$RPC"
[meta]
  dir = "$tmp/meta"
  logging-enabled = false
[data]
  dir = "$tmp/data"
  wal-dir = "$tmp/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
[subscriber]
  enabled = false
[http]
  enabled = true
  bind-address = "127.0.0.1:$HTTP"
  log-enabled = false
  unix-socket-enabled = false
  pprof-enabled = false
CONF
"$INFLUXD" -config "$tmp/influxdb.conf" > "$tmp/influxd.log" 2>&1 &
pid=$!
BASE=http://127.0.0.1:$HTTP
i=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/ping")" = 204 ]; do
	i=$((i + 1))
	if [ $i -gt 150 ] || ! kill -0 "$pid" 2>/dev/null; then
		echo "FAIL: influxd did not answer /ping within 15 s"
		tail -20 "$tmp/influxd.log"
		exit 1
	fi
	sleep 0.1
done

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }

# The first number in a query's one-row answer.
query() {
	curl -s -G "$BASE/query" --data-urlencode "db=$1" --data-urlencode "q=$2" |
	    sed -n 's/.*"values":\[\["[^"]*",\([-0-9.e+]*\)\]\].*/\1/p'
}
expect() {	# name db query want
	got=$(query "$2" "$3")
	if [ "$got" = "$4" ]; then ok "$1 ($got)"; else ko "$1: got '$got', want '$4'"; fi
}

# 1. 3000 samples in 10 rounds with 100 ms pushes, then stop.
out=$("$OUTFEED" -n 3000 -r 10 -w 60 -t 10000 \
    "influxdb=$BASE/lytest?pushInterval=100ms&concurrentWrites=2" 2>&1)
if [ "$out" = "added 3000
stop: ok" ]; then ok "write 3000 samples"; else ko "write 3000 samples: $out"; fi
expect "http_reqs count" lytest 'SELECT count(value) FROM http_reqs' 1000
expect "http_req_duration count" lytest 'SELECT count(value) FROM http_req_duration' 1000
expect "checks count" lytest 'SELECT count(value) FROM checks' 1000
expect "status tag 500" lytest "SELECT count(value) FROM http_reqs WHERE status='500'" 500
expect "method tag" lytest "SELECT count(value) FROM checks WHERE method='GET' AND scenario='default'" 1000
expect "checks passed" lytest 'SELECT sum(value) FROM checks' 500
# vu = i % 10 + 1 over i = 0, 3, 6, ...: an integer field.
expect "vu field sum" lytest 'SELECT sum(vu) FROM http_reqs' 5500
expect "url field" lytest "SELECT count(value) FROM http_reqs WHERE url='http://127.0.0.1/x?i=7'" 1
types=$(curl -s -G "$BASE/query" --data-urlencode db=lytest \
    --data-urlencode 'q=SHOW FIELD KEYS FROM http_reqs')
case $types in
*'["iter","integer"],["url","string"],["value","float"],["vu","integer"]'*)
	ok "field types" ;;
*)	ko "field types: $types" ;;
esac
tagkeys=$(curl -s -G "$BASE/query" --data-urlencode db=lytest \
    --data-urlencode 'q=SHOW TAG KEYS FROM http_reqs')
case $tagkeys in
*'[["method"],["name"],["scenario"],["status"]]'*) ok "tag keys" ;;
*)	ko "tag keys: $tagkeys" ;;
esac

# 2. Precision, a database name that needs escaping, the environment.
out=$(K6_INFLUXDB_PUSH_INTERVAL=50ms "$OUTFEED" -n 300 -t 10000 \
    "influxdb=$BASE/ly%20db?precision=ms" 2>&1)
if [ "$out" = "added 300
stop: ok" ]; then ok "write with precision=ms"; else ko "precision=ms: $out"; fi
expect "count in ly db" "ly db" 'SELECT count(value) FROM http_reqs' 100
ts=$(curl -s -G "$BASE/query" --data-urlencode "db=ly db" --data-urlencode epoch=ns \
    --data-urlencode 'q=SELECT value FROM http_reqs LIMIT 1' |
    sed -n 's/.*"values":\[\[\([0-9]*\),.*/\1/p')
if [ -n "$ts" ] && [ $((ts % 1000000)) = 0 ] && [ $((ts / 1000000000)) -gt 1600000000 ]; then
	ok "ms timestamps ($ts)"
else
	ko "ms timestamps: got '$ts'"
fi

# 3. The server is down: every sample is reported lost, nothing hangs.
out=$("$OUTFEED" -n 300 -r 3 -w 150 -t 2000 \
    "influxdb=http://127.0.0.1:$DEAD/lytest?pushInterval=100ms" 2>&1)
rc=$?
case $out in
*"stop: influxdb: 300 samples were not written: cannot reach http://127.0.0.1:$DEAD"*)
	[ $rc = 1 ] && ok "server down reported" || ko "server down: exit $rc" ;;
*)	ko "server down: $out" ;;
esac

# 4. A server that accepts and never answers: the queue is capped, the
# oldest batches are dropped, the rest times out at stop.
start=$(date +%s)
out=$("$OUTFEED" -B -n 6000 -r 60 -w 20 -t 500 \
    "influxdb=http://127.0.0.1:PORT/lytest?pushInterval=10ms&concurrentWrites=1" 2>&1)
rc=$?
end=$(date +%s)
case $out in
*"stop: influxdb: 6000 samples were not written: http://127.0.0.1:"*" is too slow or down: the oldest batches were dropped"*)
	[ $rc = 1 ] && ok "hung server: queue capped" || ko "hung server: exit $rc" ;;
*)	ko "hung server: $out" ;;
esac
if [ $((end - start)) -le 10 ]; then ok "hung server: stop bounded"; else ko "hung server took $((end - start)) s"; fi

# 5. lyocell run --out influxdb: what was written agrees with the summary.
LYOCELL=$top_builddir/lyocell
JCHECK=$top_builddir/tests/func/jcheck
cat > "$tmp/run.js" <<'JS'
import { check, group } from 'k6';
export const options = { vus: 3, iterations: 30 };
export default function () {
  group('g', function () { check(__ITER, { 'even': (i) => i % 2 === 0 }); });
}
JS
if "$LYOCELL" run -q --summary-export "$tmp/run.json" \
    --out "influxdb=$BASE/lyrun?pushInterval=200ms" "$tmp/run.js" >"$tmp/run.out" 2>&1; then
	expect "run: iterations written" lyrun 'SELECT count(value) FROM iterations' 30
	expect "run: checks written" lyrun 'SELECT count(value) FROM checks' 30
	expect "run: checks in group ::g tagged" lyrun \
	    "SELECT count(value) FROM checks WHERE \"group\" = '::g' AND \"check\" = 'even'" 30
	if "$JCHECK" "$tmp/run.json" 'm.iterations.count === 30 && m.checks.passes + m.checks.fails === 30'; then
		ok "run: the summary agrees"
	else
		ko "run: the summary disagrees"
	fi
else
	ko "run: lyocell failed: $(tail -5 "$tmp/run.out")"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
