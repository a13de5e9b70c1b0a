#!/bin/bash
# Memory per VU: N VUs (default 10000) that each run an iteration and
# sleep(1), for DURATION seconds, and the PSS of the whole process tree
# (coordinator and workers, /proc/PID/smaps_rollup) once every VU has
# started, the largest of a sample every second.  Also the coroutine
# stacks' resident pages (the MAP_STACK mappings of coro.c, from
# /proc/PID/smaps) and the largest VU heap mujs reported (-v).
#
#   bench/vu-memory.sh [BUILD_DIR] [N]        (DURATION=30 CASES="..."
#                                             ALLOC=LIB.so, preloaded)
#
# Cases: empty (sleep only), check (check() + sleep(1)), http (http.get
# of a local nginx on one keep-alive connection per VU + check() +
# sleep(1)), and only when named in CASES, bundle (check() + sleep(1) in
# a script that imports the library LIB, by default Debian's d3.min.js,
# 242 KB: about 870 KiB per VU, so give it 1,000 VUs, not 10,000).
# Prints PSS / N, and (PSS(N) - PSS(1)) / (N - 1) so the process's own
# start-up does not count.  bench/perf.md has the results.
set -eu
build=$(cd "${1:-.}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
n=${2:-10000}
DURATION=${DURATION:-30}
LIB=${LIB:-/usr/share/javascript/d3/d3.min.js}
CASES=${CASES:-empty check http}
# shellcheck source=bench/nginx.sh
. "$here/nginx.sh"
nginx_session vumem || exit 1

case " $CASES " in
*" bundle "*) cp "$LIB" "$tmp/lib.js" ;;
esac
for c in empty check http bundle; do
	{
		echo "import http from 'k6/http';"
		echo "import { check, sleep } from 'k6';"
		[ "$c" = bundle ] && echo "import lib from './lib.js';"
		echo "export const options = { vus: Number(__ENV.N), duration: __ENV.D + 's' };"
		echo "export default function () {"
		case $c in
		check) echo "  check(1, { 'ok': (x) => x === 1 });" ;;
		bundle) echo "  check(lib, { 'ok': (x) => x !== undefined });" ;;
		http) echo "  check(http.get(__ENV.URL), { 'ok': (r) => r.status === 200 });" ;;
		esac
		echo "  sleep(1);"
		echo "}"
	} >"$tmp/$c.js"
done

# tree PID: the PIDs of PID and its descendants
tree() {
	local p=$1 c
	echo "$p"
	for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do
		tree "$c"
	done
}

# kib PIDS...: total PSS, and the resident KiB of the coroutine stacks
kib() {
	local p pss=0 stk=0 a b
	for p in "$@"; do
		a=$(awk '/^Pss:/ { print $2 }' /proc/"$p"/smaps_rollup 2>/dev/null || echo 0)
		# coro.c maps each stack alone, flagged MAP_STACK ("sd" ... in
		# VmFlags is not shown for it), a guard page below: count the
		# anonymous mappings right above a PROT_NONE page.
		b=$(awk '
			/^[0-9a-f]+-[0-9a-f]+ / { guard = prev_none; prev_none = ($2 ~ /^---/); anon = (NF == 5); next }
			/^Pss:/ { if (guard && anon) s += $2 }
			END { print s + 0 }' /proc/"$p"/smaps 2>/dev/null || echo 0)
		pss=$((pss + ${a:-0}))
		stk=$((stk + ${b:-0}))
	done
	echo "$pss $stk"
}

# measure CASE VUS: "pss_kib stack_kib heap_kib"
measure() {
	local c=$1 vus=$2 pid best=0 bstk=0 t pss stk heap
	${ALLOC:+env LD_PRELOAD="$ALLOC"} "$build/lyocell" run -q --no-summary -v -e N="$vus" -e D="$DURATION" \
	    -e URL="$NGINX_URL" "$tmp/$c.js" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	for t in $(seq $((DURATION - 2))); do
		sleep 1
		# shellcheck disable=SC2046
		read -r pss stk <<<"$(kib $(tree "$pid"))"
		if [ "$pss" -gt "$best" ]; then best=$pss; bstk=$stk; fi
	done
	wait "$pid" || { echo "vu-memory: $c with $vus VUs failed:" >&2; tail -5 "$tmp/err" >&2; return 1; }
	heap=$(sed -n 's/.*largest VU heap at an iteration.s end \([0-9]*\) KiB.*/\1/p' \
	    "$tmp/err" | sort -n | tail -1)
	echo "$best $bstk ${heap:-?}"
}

echo "| case | VUs | PSS KiB | PSS / VU | (PSS(N) - PSS(1)) / (N - 1) | stacks' PSS / VU | largest VU heap KiB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for c in $CASES; do
	read -r p1 _ _ <<<"$(measure "$c" 1)"
	read -r pn sn heap <<<"$(measure "$c" "$n")"
	awk -v c="$c" -v n="$n" -v p1="$p1" -v pn="$pn" -v sn="$sn" -v h="$heap" 'BEGIN {
		printf "| %s | %d | %d | %.1f | %.1f | %.1f | %s |\n", c, n, pn, pn / n,
		    (pn - p1) / (n - 1), sn / n, h }'
done
