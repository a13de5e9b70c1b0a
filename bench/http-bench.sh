#!/bin/bash
# HTTP speed: wrk, the floor (bench/curl-floor: libcurl multi on libevent
# with Lyocell's options, no JavaScript), Lyocell and k6 (if $K6 names a
# binary or `k6` is on PATH) against the same local nginx, one after
# another, each for $DURATION seconds with $VUS virtual users / connections
# doing http.get + one check, no sleep; all of it $RUNS times.
#
#   bench/http-bench.sh [BUILD_DIR]  (K6=/path/to/k6 DURATION=10 VUS=50 RUNS=1
#                                     FLOOR_ARGS=-u ALLOC=LIB.so)
#
# ALLOC names a malloc library (libmimalloc.so.2, ...): each run then also
# runs the floor and Lyocell with it preloaded (LD_PRELOAD, which forked
# workers inherit), after the same two without it.
#
# The floor runs with FLOOR_ARGS, by default -u: Lyocell hands libcurl
# each URL parsed once (CURLOPT_CURLU), and so does the floor with it.
# The figure of merit is requests completed per CPU-second of the load
# generator (user + system time of it and its children), so the result does
# not depend on how much of the 2 cores nginx takes.  Prints a markdown
# table, with Lyocell/floor and Lyocell/wrk of each run, and writes it, with
# the machine and the command, to bench/http.md (OUT= overrides).  Only
# 127.0.0.1 is used.
set -eu
build=$(cd "${1:-.}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
ly=$build/lyocell
DURATION=${DURATION:-10}
VUS=${VUS:-50}
RUNS=${RUNS:-1}
FLOOR_ARGS=${FLOOR_ARGS--u}
floor=$build/bench/curl-floor
OUT=${OUT:-$here/http.md}
command -v wrk >/dev/null || { echo "http-bench: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -x "$floor" ] || { echo "http-bench: $floor is not built (make bench/curl-floor)" >&2; exit 1; }
K6=${K6:-$(command -v k6 || true)}
# shellcheck source=bench/nginx.sh
. "$here/nginx.sh"
nginx_session httpbench || exit 1
url=$NGINX_URL

cat >"$tmp/script.js" <<'JS'
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  vus: Number(__ENV.VUS),
  duration: __ENV.DURATION + 's',
};

export default function () {
  const res = http.get(__ENV.URL);
  check(res, { 'status is 200': (r) => r.status === 200 });
}
JS

# cpu_of CMD...: run it, print "user+sys seconds" of it and its children
# and its wall seconds.
cpu_of() {
	/usr/bin/time -f '%U %S %e' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || {
		echo "http-bench: $1 failed:" >&2; tail -5 "$tmp/err" >&2; return 1; }
	awk '{ printf "%.2f %.2f\n", $1 + $2, $3 }' "$tmp/time"
}

json_count() {
	python3 -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["metrics"]["http_reqs"]["count"]))' "$1"
}

rows=()
row() {	# name requests "cpu wall"
	local rps cpu wall
	read -r cpu wall <<<"$3"
	rps=$(awk -v n="$2" -v c="$cpu" 'BEGIN { printf "%.0f", (c > 0 ? n / c : 0) }')
	rows+=("$1|$2|$cpu|$(awk -v n="$2" -v w="$wall" 'BEGIN { printf "%.0f", (w > 0 ? n / w : 0) }')|$rps")
	last=$rps
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

wrk_name="wrk $(wrk -v 2>&1 | awk 'NR == 1 { sub(/.*\//, "", $2); print $2 }') (-t2 -c$VUS)"
ly_name="Lyocell $("$ly" version 2>/dev/null | head -1 | awk '{ print $2 }')"
ratios=()
for run in $(seq "$RUNS"); do
	sfx=
	[ "$RUNS" -gt 1 ] && sfx=" #$run"

	t=$(cpu_of wrk -t2 -c"$VUS" -d"${DURATION}s" "$url")
	row "$wrk_name$sfx" "$(awk '/requests in/ { print $1 }' "$tmp/out")" "$t"
	wrk_rps=$last

	# shellcheck disable=SC2086
	t=$(cpu_of "$floor" $FLOOR_ARGS -c "$VUS" -d "$DURATION" "$url")
	row "curl-floor, libcurl $(curl-config --version 2>/dev/null | awk '{ print $2 }') ($FLOOR_ARGS -c $VUS)$sfx" \
	    "$(awk '{ print $1 }' "$tmp/out")" "$t"
	floor_rps=$last

	t=$(cpu_of "$ly" run -q --summary-export "$tmp/ly.json" \
		-e URL="$url" -e VUS="$VUS" -e DURATION="$DURATION" "$tmp/script.js")
	row "$ly_name$sfx" "$(json_count "$tmp/ly.json")" "$t"
	ratios+=("Lyocell/floor $(ratio "$last" "$floor_rps"), Lyocell/wrk $(ratio "$last" "$wrk_rps")$sfx")

	if [ -n "${ALLOC:-}" ]; then
		with=" + ${ALLOC##*/}"
		# shellcheck disable=SC2086
		t=$(cpu_of env LD_PRELOAD="$ALLOC" "$floor" $FLOOR_ARGS -c "$VUS" -d "$DURATION" "$url")
		row "curl-floor ($FLOOR_ARGS -c $VUS)$with$sfx" "$(awk '{ print $1 }' "$tmp/out")" "$t"
		afloor_rps=$last
		t=$(cpu_of env LD_PRELOAD="$ALLOC" "$ly" run -q --summary-export "$tmp/ly.json" \
			-e URL="$url" -e VUS="$VUS" -e DURATION="$DURATION" "$tmp/script.js")
		row "$ly_name$with$sfx" "$(json_count "$tmp/ly.json")" "$t"
		ratios+=("Lyocell$with/floor$with $(ratio "$last" "$afloor_rps"), Lyocell$with/floor $(ratio "$last" "$floor_rps")$sfx")
	fi

	if [ -n "$K6" ]; then
		t=$(cpu_of "$K6" run -q --summary-export "$tmp/k6.json" \
			-e URL="$url" -e VUS="$VUS" -e DURATION="$DURATION" "$tmp/script.js")
		row "k6 $("$K6" version 2>/dev/null | awk '{ print $2 }')$sfx" "$(json_count "$tmp/k6.json")" "$t"
	fi
done

{
	echo "| load generator | requests | CPU s | req/s | req per CPU-s | vs wrk |"
	echo "|---|---:|---:|---:|---:|---:|"
	for r in "${rows[@]}"; do
		IFS='|' read -r name n c rs rps <<<"$r"
		case $name in wrk*) wrk_rps=$rps ;; esac
		printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$n" "$c" "$rs" "$rps" \
		    "$(ratio "$rps" "$wrk_rps")"
	done
	echo
	for r in "${ratios[@]}"; do
		echo "- $r"
	done
	[ -n "$K6" ] || echo "- k6: no k6 binary on PATH and K6 not set, not measured"
} >"$tmp/table"
cat "$tmp/table"

{
	echo "# HTTP speed: requests per CPU-second of the load generator"
	echo
	echo "Written by \`bench/http-bench.sh\`; do not edit by hand."
	echo
	echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
	echo "- machine: $(nproc) x $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(uname -sr)"
	echo "- target: nginx $("$(command -v nginx || echo /usr/sbin/nginx)" -v 2>&1 | sed 's/.*nginx\///'), 2 workers, a 612-byte static file, keep-alive, on 127.0.0.1"
	echo "- load: $VUS VUs / connections, ${DURATION} s each, \`http.get\` + one \`check\`, no sleep"
	echo "- command: \`DURATION=$DURATION VUS=$VUS RUNS=$RUNS${K6:+ K6=$K6}${ALLOC:+ ALLOC=$ALLOC} bench/http-bench.sh BUILD_DIR\`"
	echo
	cat "$tmp/table"
	echo
	echo "Where the time per request goes, and what to do next: bench/perf.md"
	echo "(and the history in bench/README-http.md)."
} >"$OUT"
