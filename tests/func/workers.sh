#!/bin/bash
# Workers that die or hang: a worker killed mid-test, or stopped past
# --worker-timeout, is reported (number, pid, cause, VUs), its VUs leave the
# vus gauge, the others' results are kept and the run exits 109; a worker
# held up drops no arrivals its VUs can take; workers die with their
# coordinator, even busy in JavaScript.
set -u
. "${srcdir:-.}/tests/func/harness.sh" wrk

# 1. kill -9 of a worker: reported with its pid and VUs, exit 109, the
# other worker's iterations kept, and the vus gauge ends at its 2 VUs.
start --workers 2 --duration 4s --summary-export "$tmp/e1.json"
child=$(pgrep -P $pid | head -n 1)
[ -n "$child" ] && kill -KILL "$child"
wait $pid; rc=$?
if [ -n "$child" ] && [ $rc -eq 109 ] &&
    grep -q "(pid $child, 2 VUs) died: killed by signal 9" "$tmp/err" &&
    "$JCHECK" "$tmp/e1.json" 'm.iterations.count > 20' 'm.vus.value === 2'; then
	ok "a killed worker fails the run with 109 and keeps the others' results"
else
	notok "a killed worker fails the run with 109 and keeps the others' results (exit $rc)"
fi

# 2. SIGSTOP of a worker: killed after --worker-timeout, not waited for.
start --workers 2 --duration 4s --worker-timeout 2s --summary-export "$tmp/e2.json"
child=$(pgrep -P $pid | head -n 1)
[ -n "$child" ] && kill -STOP "$child"
t0=$(date +%s)
wait $pid; rc=$?
if [ -n "$child" ] && [ $rc -eq 109 ] && [ $(( $(date +%s) - t0 )) -lt 10 ] &&
    grep -q "(pid $child, 2 VUs) gave no sign of life for" "$tmp/err" &&
    "$JCHECK" "$tmp/e2.json" 'm.iterations.count > 20'; then
	ok "a stopped worker is killed after --worker-timeout, exit 109"
else
	notok "a stopped worker is killed after --worker-timeout, exit 109 (exit $rc)"
fi

# 3. A worker held up (SIGSTOP) for 0.5 s finds 25 arrivals due and 2 VUs
# free: it deals them as its VUs come back, as k6's VUs would have taken
# them at their times; none is dropped.
script=arrival-held.js start --workers 1 --summary-export "$tmp/e3.json"
child=$(pgrep -P $pid | head -n 1)
[ -n "$child" ] && kill -STOP "$child" && sleep 0.5 && kill -CONT "$child"
wait $pid; rc=$?
if [ -n "$child" ] && [ $rc -eq 0 ] &&
    "$JCHECK" "$tmp/e3.json" 'm.iterations.count === 200' '!m.dropped_iterations'; then
	ok "a worker held up deals the arrivals due meanwhile, none dropped"
else
	notok "a worker held up deals the arrivals due meanwhile, none dropped (exit $rc)"
fi

# 4. kill -9 of the coordinator while its VUs spin: no worker is left.
script=spin.js start --workers 2
children=$(pgrep -P $pid)
kill -KILL $pid
wait $pid 2>/dev/null
sleep 1
left=
# A zombie (no init reaps it in some containers) is gone too.
for c in $children; do
	case $(ps -o stat= -p "$c" 2>/dev/null) in
	''|Z*) ;;
	*) left="$left $c" ;;
	esac
done
if [ -n "$children" ] && [ -z "$left" ]; then
	ok "workers die with their coordinator"
else
	notok "workers die with their coordinator (left:$left)"
	for c in $left; do kill -KILL "$c"; done
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
