#!/bin/bash
# System calls and context switches per request: Lyocell (http.get + one
# check, VUS virtual users) and bench/curl-floor (VUS connections, -u)
# over the same number of requests against one local nginx, counted by
# the kernel's tracepoints (perf stat), which unlike strace leave the
# timing, and so the loop's batching, as it is.
#
#   bench/request-syscalls.sh BUILD [N]   (N = 100000 requests; VUS=50
#                                          ROUNDS=3)
#
# Needs perf and the syscalls tracepoints (root, or perf_event_paranoid
# -1).  Only 127.0.0.1 is used.
set -eu
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
n=${2:-100000}
VUS=${VUS:-50}
ROUNDS=${ROUNDS:-3}
floor=$build/bench/curl-floor
[ -x "$floor" ] || { echo "request-syscalls: $floor is not built (make bench/curl-floor)" >&2; exit 1; }
command -v perf >/dev/null || { echo "request-syscalls: perf is not installed" >&2; exit 1; }
calls="epoll_ctl epoll_wait timerfd_settime clock_gettime poll sendto recvfrom write read futex"
events=raw_syscalls:sys_enter,context-switches
for c in $calls; do events=$events,syscalls:sys_enter_$c; done
perf stat -x, -e "$events" true >/dev/null 2>&1 || {
	echo "request-syscalls: perf cannot count the syscalls tracepoints (run as root)" >&2; exit 1; }
# shellcheck source=bench/nginx.sh
. "$here/nginx.sh"
nginx_session reqsys || exit 1
get_check_script "$tmp/script.js"

count() {	# count NAME COMMAND...: one row, each event per request
	local name=$1
	shift
	perf stat -x, -o "$tmp/stat" -e "$events" -- "$@" >/dev/null 2>"$tmp/err" || {
		echo "request-syscalls: $name failed:" >&2; tail -5 "$tmp/err" >&2; exit 1; }
	awk -F, -v n="$n" -v name="$name" '
	    /^#/ || NF < 3 { next }
	    { ev = $3; sub(/^syscalls:sys_enter_/, "", ev); sub(/^raw_syscalls:sys_enter$/, "all", ev)
	      v[ev] = $1 / n; order[++k] = ev }
	    END { printf "| %s |", name
	          for (i = 1; i <= k; i++) printf " %.3f |", v[order[i]]
	          printf "\n" }' "$tmp/stat"
}

printf "| per request | all | context switches |"
for c in $calls; do printf " %s |" "$c"; done
printf "\n|---|"
for c in all cs $calls; do printf -- "---:|"; done
printf "\n"
for r in $(seq "$ROUNDS"); do
	count "Lyocell #$r" "$build/lyocell" run -q --no-summary -e VUS="$VUS" -e N="$n" \
	    -e URL="$NGINX_URL" "$tmp/script.js"
	count "curl-floor -u #$r" "$floor" -u -c "$VUS" -n "$n" "$NGINX_URL"
done
