#!/bin/bash
# HTTP speed: Lyocell, wrk and (if $K6 names a binary) k6 against the same
# local nginx, one after another, each for $DURATION seconds with $VUS
# virtual users / connections doing http.get + one check, no sleep.
#
#   bench/http-bench.sh [BUILD_DIR]        (K6=/path/to/k6 DURATION=10 VUS=50)
#
# The figure of merit is requests completed per CPU-second of the load
# generator (user + system time of it and its children), so the result does
# not depend on how much of the 2 cores nginx takes.  Prints a markdown
# table and writes it, with the machine and the command, to bench/http.md
# (OUT= overrides).  Only 127.0.0.1 is used.
set -eu
build=$(cd "${1:-.}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
ly=$build/lyocell
DURATION=${DURATION:-10}
VUS=${VUS:-50}
OUT=${OUT:-$here/http.md}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-httpbench.XXXXXX")
nginx_pid=
cleanup() {
	[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "http-bench: wrk is not installed" >&2; exit 1; }
# shellcheck source=bench/nginx.sh
. "$here/nginx.sh"
start_nginx "$tmp" || exit 1
nginx_pid=$NGINX_PID
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

# cpu_of CMD...: run it, print "user+sys seconds" of it and its children.
cpu_of() {
	/usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || {
		echo "http-bench: $1 failed:" >&2; tail -5 "$tmp/err" >&2; return 1; }
	awk '{ printf "%.2f\n", $1 + $2 }' "$tmp/time"
}

json_count() {
	python3 -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["metrics"]["http_reqs"]["count"]))' "$1"
}

rows=()
row() {	# name requests cpu
	local rps
	rps=$(awk -v n="$2" -v c="$3" 'BEGIN { printf "%.0f", (c > 0 ? n / c : 0) }')
	rows+=("$1|$2|$3|$rps")
}

cpu=$(cpu_of wrk -t2 -c"$VUS" -d"${DURATION}s" "$url")
n=$(awk '/requests in/ { print $1 }' "$tmp/out")
row "wrk $(wrk -v 2>&1 | awk 'NR == 1 { sub(/.*\//, "", $2); print $2 }') (-t2 -c$VUS)" "$n" "$cpu"
wrk_rps=$(echo "${rows[0]}" | cut -d'|' -f4)

cpu=$(cpu_of "$ly" run -q --summary-export "$tmp/ly.json" \
	-e URL="$url" -e VUS="$VUS" -e DURATION="$DURATION" "$tmp/script.js")
row "Lyocell $("$ly" version 2>/dev/null | head -1 | awk '{ print $2 }')" "$(json_count "$tmp/ly.json")" "$cpu"

if [ -n "${K6:-}" ]; then
	cpu=$(cpu_of "$K6" run -q --summary-export "$tmp/k6.json" \
		-e URL="$url" -e VUS="$VUS" -e DURATION="$DURATION" "$tmp/script.js")
	row "k6 $("$K6" version 2>/dev/null | awk '{ print $2 }')" "$(json_count "$tmp/k6.json")" "$cpu"
fi

{
	echo "| load generator | requests | CPU s | req per CPU-s | vs wrk |"
	echo "|---|---:|---:|---:|---:|"
	for r in "${rows[@]}"; do
		IFS='|' read -r name n c rps <<<"$r"
		printf '| %s | %s | %s | %s | %s |\n' "$name" "$n" "$c" "$rps" \
		    "$(awk -v a="$rps" -v b="$wrk_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
	done
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
	echo "- command: \`DURATION=$DURATION VUS=$VUS${K6:+ K6=$K6} bench/http-bench.sh BUILD_DIR\`"
	echo
	cat "$tmp/table"
	echo
	echo "Where the time per request goes, and what to do next: bench/README-http.md."
} >"$OUT"
