#!/bin/bash
# CPU per request of two builds of Lyocell, measured in turns against the
# same local nginx: http.get + one check, VUS virtual users, a fixed
# number of requests (so the count, not the machine's speed, sets the
# work), A then B, ROUNDS times.  On a shared machine the load moves from
# minute to minute; taking turns puts A and B under the same load, and
# the median of each cancels most of what is left.
#
#   bench/request-ab.sh BUILD_A BUILD_B [N]   (N = 200000 requests;
#                                  VUS=50 ROUNDS=5)
#
# Prints each run's user and system time per request (µs, of the process
# and its children) and the medians.  Only 127.0.0.1 is used.
set -eu
a=$(cd "$1" && pwd)
b=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
n=${3:-200000}
VUS=${VUS:-50}
ROUNDS=${ROUNDS:-5}
# shellcheck source=bench/nginx.sh
. "$here/nginx.sh"
nginx_session reqab || exit 1

get_check_script "$tmp/script.js"

run() {	# run BUILD: "user_us sys_us" per request
	/usr/bin/time -f '%U %S' -o "$tmp/time" "$1/lyocell" run -q --no-summary \
	    -e VUS="$VUS" -e N="$n" -e URL="$NGINX_URL" "$tmp/script.js" \
	    >/dev/null 2>"$tmp/err" || {
		echo "request-ab: $1/lyocell failed:" >&2; tail -5 "$tmp/err" >&2; exit 1; }
	awk -v n="$n" '{ printf "%.2f %.2f\n", $1 * 1e6 / n, $2 * 1e6 / n }' "$tmp/time"
}

echo "| round | A user µs | A sys µs | A total | B user µs | B sys µs | B total |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
: >"$tmp/a"
: >"$tmp/b"
for r in $(seq "$ROUNDS"); do
	read -r au as <<<"$(run "$a")"
	read -r bu bs <<<"$(run "$b")"
	echo "$au $as" >>"$tmp/a"
	echo "$bu $bs" >>"$tmp/b"
	awk -v r="$r" -v au="$au" -v as="$as" -v bu="$bu" -v bs="$bs" 'BEGIN {
		printf "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
		    r, au, as, au + as, bu, bs, bu + bs }'
done
median() {	# median FILE AWK-EXPR: of the expression over "user sys" lines
	awk "{ print $2 }" "$1" | sort -n | awk '{ v[NR] = $1 }
	    END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo
echo "A: $a"
echo "B: $b"
for what in 'user:$1' 'sys:$2' 'total:$1 + $2'; do
	ma=$(median "$tmp/a" "${what#*:}")
	mb=$(median "$tmp/b" "${what#*:}")
	awk -v w="${what%%:*}" -v a="$ma" -v b="$mb" 'BEGIN {
		printf "median %s µs per request: A %.2f, B %.2f, B/A %.3f\n", w, a, b, b / a }'
done
