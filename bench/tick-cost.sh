#!/bin/bash
# What the interruption checks cost (__ly_tick at loop back-edges,
# function entries and catch clauses): CPU instructions (callgrind, every
# process of the run) per loop iteration of a few tight loops, and per VU
# iteration of an ordinary script (http.get + check against the local
# target).  Each figure is the difference of two runs (N and 2N rounds)
# divided by N, so start-up and exit cancel out.
# Usage: bench/tick-cost.sh [BUILD_DIR [CASE...]], CASE one of empty, sum,
# call, closure, http (default: all); results in bench/engine.md.
set -eu
build=$(cd "${1:-.}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-tick.XXXXXX")
target_pid=
trap '[ -n "$target_pid" ] && kill $target_pid; rm -rf "$tmp"' EXIT
cat >"$tmp/loops.js" <<'JS'
const N = Number(__ENV.N);
const a = [1, 2, 3, 4, 5, 6, 7, 8];
function inc(x) { return x + 1; }
export const options = { vus: 1, iterations: 1 };
export default function () {
  let s = 0;
  switch (__ENV.K) {
  case 'empty': for (let i = 0; i < N; i++) {} break;
  case 'sum': for (let i = 0; i < N; i++) s += a[i & 7]; break;
  case 'call': for (let i = 0; i < N; i++) s = inc(s); break;
  case 'closure': for (let i = 0; i < N; i++) a.forEach(() => {}); break;
  }
}
JS
cat >"$tmp/http.js" <<'JS'
import http from 'k6/http';
import { check } from 'k6';
export const options = { vus: 1, iterations: Number(__ENV.N) };
export default function () {
  const r = http.get(`${__ENV.T}/get`);
  check(r, { 'status is 200': (x) => x.status === 200, 'has body': (x) => x.body.length > 0 });
}
JS
"$build/tests/target/lyocell-target" --port 0 --port-file "$tmp/port" --quiet &
target_pid=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
T=http://127.0.0.1:$(cat "$tmp/port")

# Instructions of a whole run (all processes).
ir() {
	rm -f "$tmp"/cg.*
	valgrind --tool=callgrind --trace-children=yes \
	    --callgrind-out-file="$tmp/cg.%p" "$build/lyocell" run -q --no-summary \
	    --workers 1 "$@" >/dev/null 2>&1
	cat "$tmp"/cg.* | awk '/^totals:/ { s += $2 } END { print s }'
}
per() {	# per ROUNDS SCRIPT [ARGS...]
	local n=$1 s=$2 a b
	shift 2
	a=$(ir -e N=$n "$@" "$tmp/$s")
	b=$(ir -e N=$((2 * n)) "$@" "$tmp/$s")
	echo $(( (b - a) / n ))
}
shift || true
for k in ${*:-empty sum call closure http}; do
	case $k in
	http)	printf '%-8s %8s instructions per VU iteration\n' http \
		    "$(per 400 http.js -e T=$T)" ;;
	closure) printf '%-8s %8s instructions per loop iteration\n' $k \
		    "$(per 20000 loops.js -e K=$k)" ;;
	*)	printf '%-8s %8s instructions per loop iteration\n' $k \
		    "$(per 100000 loops.js -e K=$k)" ;;
	esac
done
