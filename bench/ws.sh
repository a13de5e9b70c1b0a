#!/bin/bash
# WebSockets at scale: N VUs (default 5000) each hold one k6/ws socket to
# the local target's /ws/echo and send a message a second on it (the
# target echoes it), for DURATION seconds (default 40).  Once every socket
# is open, it samples for WINDOW seconds (default 20): the CPU the
# lyocell process tree and the target used (utime + stime of each
# process, /proc/PID/stat), and the largest PSS of the lyocell tree
# (/proc/PID/smaps_rollup).  Prints those, per VU and per message;
# bench/ws.md has the results.
#
#   bench/ws.sh [BUILD_DIR] [N]        (DURATION=40 WINDOW=20 API=ws|websockets)
set -eu
build=$(cd "${1:-.}" && pwd)
n=${2:-5000}
DURATION=${DURATION:-40}
WINDOW=${WINDOW:-20}
API=${API:-ws}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-wsbench.XXXXXX")
target_pid= run_pid=
cleanup() {
	[ -n "$run_pid" ] && kill "$run_pid" 2>/dev/null && wait "$run_pid" 2>/dev/null
	[ -n "$target_pid" ] && kill "$target_pid" 2>/dev/null && wait "$target_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)"

"$build/tests/target/lyocell-target" --port 0 --port-file "$tmp/port" \
	--max-seconds $((DURATION + 120)) --quiet &
target_pid=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
url="ws://127.0.0.1:$(cat "$tmp/port")/ws/echo"

# Each VU opens one socket and keeps it to the end of the test (the
# graceful stop closes it); a message a second from setInterval.
if [ "$API" = ws ]; then
	cat >"$tmp/s.js" <<'JS'
import ws from 'k6/ws';
export const options = {
	scenarios: { hold: { executor: 'constant-vus', vus: Number(__ENV.N),
	    duration: __ENV.D + 's', gracefulStop: '2s' } },
};
export default function () {
	ws.connect(__ENV.URL, function (socket) {
		socket.on('open', () => socket.setInterval(() => socket.send('ping ' + __VU), 1000));
	});
}
JS
else
	cat >"$tmp/s.js" <<'JS'
import { WebSocket } from 'k6/websockets';
export const options = {
	scenarios: { hold: { executor: 'constant-vus', vus: Number(__ENV.N),
	    duration: __ENV.D + 's', gracefulStop: '2s' } },
};
export default function () {
	const ws = new WebSocket(__ENV.URL);
	ws.onopen = () => setInterval(() => ws.send('ping ' + __VU), 1000);
}
JS
fi

tree() {
	local p=$1 c
	echo "$p"
	for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do
		tree "$c"
	done
}
# cpu PIDS...: clock ticks of user + system time
cpu() {
	local p t=0 a
	for p in "$@"; do
		a=$(awk '{ print $14 + $15 }' /proc/"$p"/stat 2>/dev/null || echo 0)
		t=$((t + ${a:-0}))
	done
	echo $t
}
pss() {
	local p t=0 a
	for p in "$@"; do
		a=$(awk '/^Pss:/ { print $2 }' /proc/"$p"/smaps_rollup 2>/dev/null || echo 0)
		t=$((t + ${a:-0}))
	done
	echo $t
}
# established connections to the target's port
open_socks() {
	ss -Htn state established "( sport = :$(cat "$tmp/port") )" 2>/dev/null | wc -l
}

start=$(date +%s.%N)
"$build/lyocell" run -q -e N="$n" -e D="$DURATION" -e URL="$url" \
	--summary-export "$tmp/e.json" "$tmp/s.js" >"$tmp/out" 2>&1 &
run_pid=$!
for _ in $(seq 600); do
	[ "$(open_socks)" -ge "$n" ] && break
	sleep 0.1
done
ready=$(date +%s.%N)
echo "all $n sockets open after $(echo "$ready - $start" | bc) s"
sleep 2
pids=$(tree "$run_pid")
c0=$(cpu $pids) t0=$(cpu "$target_pid") w0=$(date +%s.%N)
peak=0
for _ in $(seq "$WINDOW"); do
	sleep 1
	p=$(pss $(tree "$run_pid"))
	[ "$p" -gt "$peak" ] && peak=$p
done
c1=$(cpu $(tree "$run_pid")) t1=$(cpu "$target_pid") w1=$(date +%s.%N)
wait "$run_pid" || true
run_pid=
hz=$(getconf CLK_TCK)
wall=$(echo "$w1 - $w0" | bc)
lcpu=$(echo "scale=3; ($c1 - $c0) / $hz" | bc)
tcpu=$(echo "scale=3; ($t1 - $t0) / $hz" | bc)
echo "window: $wall s, sockets open: $(open_socks) at the end"
echo "lyocell CPU: $lcpu s ($(echo "scale=1; 100 * $lcpu / $wall" | bc)% of a core)," \
	"$(echo "scale=2; 1000000 * $lcpu / $wall / $n" | bc) µs per message sent and echoed"
echo "target CPU: $tcpu s ($(echo "scale=1; 100 * $tcpu / $wall" | bc)% of a core)"
echo "lyocell peak PSS: $((peak / 1024)) MiB, $((peak / n)) KiB per VU"
grep -E 'ws_(sessions|msgs_sent|msgs_received|connecting)' "$tmp/out" | sed 's/^ */  /'
