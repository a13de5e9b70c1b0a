#!/bin/bash
# gRPC unary call rate per CPU-second of the load generator: Lyocell, and
# k6 if $K6 names a binary or `k6` is on PATH, against the same
# tests/grpc/server.py (Python's grpcio) on 127.0.0.1, one after the
# other, each for $DURATION seconds with $VUS VUs doing one
# RouteGuide/GetFeature invoke and one check per iteration, no sleep, on
# one connection per VU.
#
#   bench/grpc.sh [BUILD_DIR]  (K6=/path/to/k6 DURATION=10 VUS=20 WORKERS=1)
#
# The figure of merit is calls per CPU-second (user + system time of the
# load generator and its children), which does not depend on how much of
# the machine the Python server takes; with 2 cores the server is the
# ceiling of the call rate.  Prints a markdown table; OUT=FILE also writes
# it there with the machine and the command (bench/grpc.md).
set -eu
build=$(cd "${1:-.}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
ly=$build/lyocell
DURATION=${DURATION:-10}
VUS=${VUS:-20}
WORKERS=${WORKERS:-1}
PYTHON=${PYTHON:-/usr/bin/python3}
OUT=${OUT:-}
K6=${K6:-$(command -v k6 || true)}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-grpcbench.XXXXXX")
server_pid=
cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

"$PYTHON" "$src/tests/grpc/server.py" --dir "$src/tests/grpc" --port-file "$tmp/port" \
	--workers 16 --max-seconds $((DURATION * 3 + 60)) 2>"$tmp/server.err" &
server_pid=$!
for _ in $(seq 200); do [ -s "$tmp/port" ] && break; sleep 0.05; done
[ -s "$tmp/port" ] || { echo "grpc-bench: the server did not start" >&2; cat "$tmp/server.err" >&2; exit 1; }
addr=127.0.0.1:$(cat "$tmp/port")

cat >"$tmp/bench.js" <<JS
import grpc from 'k6/net/grpc';
import { check } from 'k6';
export const options = { vus: $VUS, duration: '${DURATION}s' };
const client = new grpc.Client();
client.load(['$src/tests/grpc'], 'route.proto');
let connected = false;
export default function () {
	if (!connected) {
		client.connect('$addr', { plaintext: true });
		connected = true;
	}
	const r = client.invoke('lyocell.test.RouteGuide/GetFeature',
	    { latitude: 409146138, longitude: -746188906 });
	check(r, { 'status is OK': (x) => x.status === grpc.StatusOK });
}
JS

# run NAME CMD...: the calls, CPU seconds and grpc_req_duration of one run.
rows=
run() {
	name=$1
	shift
	/usr/bin/time -f '%U %S' -o "$tmp/time" "$@" --summary-export "$tmp/sum.json" \
		"$tmp/bench.js" >"$tmp/out" 2>"$tmp/err" || true
	cpu=$(awk '{ print $1 + $2 }' "$tmp/time")
	read -r calls avg p95 < <("$PYTHON" -c '
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
d = m["grpc_req_duration"]
print(m["checks"]["passes"], d["avg"], d["p(95)"])' "$tmp/sum.json")
	rate=$(awk -v c="$calls" -v t="$cpu" 'BEGIN { printf "%.0f", c / t }')
	wall=$(awk -v c="$calls" -v d="$DURATION" 'BEGIN { printf "%.0f", c / d }')
	rows="$rows| $name | $calls | $wall | $cpu | $rate | $(printf '%.2f' "$avg") | $(printf '%.2f' "$p95") |
"
}

run lyocell "$ly" run -q --workers "$WORKERS"
if [ -n "$K6" ]; then
	run k6 "$K6" run -q
fi
table="| tool | calls | calls/s | CPU s | calls per CPU-second | grpc_req_duration avg ms | p(95) ms |
|---|---|---|---|---|---|---|
$rows"
echo "$table"
if [ -n "$OUT" ]; then
	{
		echo "# gRPC unary calls per CPU-second"
		echo
		echo "\`DURATION=$DURATION VUS=$VUS WORKERS=$WORKERS bench/grpc.sh\` on $(uname -sm),"
		echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"
		echo "$(date -u +%Y-%m-%d); server: tests/grpc/server.py (grpcio $("$PYTHON" -c 'import grpc; print(grpc.__version__)'))."
		echo
		echo "$table"
	} >"$OUT"
fi
