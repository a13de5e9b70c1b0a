#!/bin/bash
# What an async iteration costs: CPU instructions (callgrind, every
# process of the run) per VU iteration of http.get + check against the
# local target, written as a plain default function and as an async one
# that awaits the request (and, for comparison, one that awaits a timer
# of 0 ms too, and one that awaits http.asyncRequest instead).  Each figure is the difference of two runs (N and 2N
# iterations) divided by N, so start-up and exit cancel out.  The second
# figure leaves out libcurl and libevent, whose share moves from run to
# run; its difference is given over the whole synchronous figure.
# Usage: bench/async-cost.sh [BUILD_DIR [N]]; results in bench/engine.md.
# KEEP=DIR keeps each run's callgrind files there (DIR/SCRIPT-ITERATIONS.PID)
# for callgrind_annotate.
set -eu
build=$(cd "${1:-.}" && pwd)
n=${2:-400}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-async.XXXXXX")
target_pid=
trap '[ -n "$target_pid" ] && kill $target_pid; rm -rf "$tmp"' EXIT
cat >"$tmp/sync.js" <<'JS'
import http from 'k6/http';
import { check } from 'k6';
export const options = { vus: 1, iterations: Number(__ENV.N) };
export default function () {
  const r = http.get(`${__ENV.T}/get`);
  check(r, { 'status is 200': (x) => x.status === 200 });
}
JS
cat >"$tmp/async.js" <<'JS'
import http from 'k6/http';
import { check } from 'k6';
export const options = { vus: 1, iterations: Number(__ENV.N) };
export default async function () {
  const r = await http.get(`${__ENV.T}/get`);
  check(r, { 'status is 200': (x) => x.status === 200 });
}
JS
cat >"$tmp/timer.js" <<'JS'
import http from 'k6/http';
import { check } from 'k6';
export const options = { vus: 1, iterations: Number(__ENV.N) };
const tick = () => new Promise((r) => setTimeout(r, 0));
export default async function () {
  const r = await http.get(`${__ENV.T}/get`);
  await tick();
  check(r, { 'status is 200': (x) => x.status === 200 });
}
JS
cat >"$tmp/areq.js" <<'JS'
import http from 'k6/http';
import { check } from 'k6';
export const options = { vus: 1, iterations: Number(__ENV.N) };
export default async function () {
  const r = await http.asyncRequest('GET', `${__ENV.T}/get`);
  check(r, { 'status is 200': (x) => x.status === 200 });
}
JS
"$build/tests/target/lyocell-target" --port 0 --port-file "$tmp/port" --quiet &
target_pid=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
T=http://127.0.0.1:$(cat "$tmp/port")

# Instructions of a whole run (all processes), and of the same less
# libcurl's and libevent's: how many turns of the event loop a request
# takes (whether the target's answer is there at libcurl's first read)
# moves those by thousands per request from run to run.
ir() {	# ir NAME ARGS...
	local name=$1 f all net
	shift
	rm -f "$tmp"/cg.*
	valgrind --tool=callgrind --trace-children=yes \
	    --callgrind-out-file="$tmp/cg.%p" "$build/lyocell" run -q --no-summary \
	    --workers 1 "$@" >/dev/null 2>&1
	all=$(cat "$tmp"/cg.* | awk '/^totals:/ { s += $2 } END { print s }')
	net=0
	for f in "$tmp"/cg.*; do
		net=$((net + $(callgrind_annotate --auto=no --threshold=100 "$f" |
		    awk '/\[.*\/lib(curl|event)[^\/]*\]$/ { gsub(",", "", $1); s += $1 }
		    END { print s + 0 }')))
	done
	echo "$all $((all - net))"
	if [ -n "${KEEP:-}" ]; then
		mkdir -p "$KEEP"
		for f in "$tmp"/cg.*; do cp "$f" "$KEEP/$name.${f##*/cg.}"; done
	fi
}
per() {	# per SCRIPT: both figures per iteration
	local a b
	a=($(ir "${1%.js}-$n" -e N=$n -e T=$T "$tmp/$1"))
	b=($(ir "${1%.js}-$((2 * n))" -e N=$((2 * n)) -e T=$T "$tmp/$1"))
	echo $(( (b[0] - a[0]) / n )) $(( (b[1] - a[1]) / n ))
}
pct() { echo "($1 - $2) * 100 / $2" | bc -l; }
s=($(per sync.js))
printf '%-6s %8s instructions per VU iteration; %6s without libcurl and libevent\n' \
    sync "${s[0]}" "${s[1]}"
for k in async timer areq; do
	a=($(per $k.js))
	# the steady part's difference, over the whole sync figure
	printf '%-6s %8s instructions per VU iteration (%+.1f%%); %6s (%+.1f%% of sync)\n' \
	    $k "${a[0]}" "$(pct "${a[0]}" "${s[0]}")" "${a[1]}" \
	    "$(echo "(${a[1]} - ${s[1]}) * 100 / ${s[0]}" | bc -l)"
done
