#!/bin/bash
# Signals: Ctrl-C once stops gracefully (teardown, summary, exit 105) even
# VUs busy in JavaScript, twice stops at once.  Dying workers are
# workers.sh's.
set -u
. "${srcdir:-.}/tests/func/harness.sh" sig

# 1. SIGINT once: graceful stop, teardown and summary, exit 105.
start --summary-export "$tmp/e1.json"
kill -INT $pid
t0=$(date +%s)
wait $pid; rc=$?
if [ $rc -eq 105 ] && grep -q "teardown ran" "$tmp/err" && grep -q "iterations" "$tmp/out" &&
    [ $(( $(date +%s) - t0 )) -lt 10 ] && "$JCHECK" "$tmp/e1.json" 'm.iterations.count > 20'; then
	ok "SIGINT stops gracefully with exit 105"
else
	notok "SIGINT stops gracefully with exit 105 (exit $rc)"
fi

# twice SIGNAL SCRIPT MARK WHAT: signal once, wait for MARK on stderr, signal
# again: exit 105 within 5 s.
twice() {
	script=$2 start
	kill -"$1" $pid
	for _ in $(seq 50); do grep -q "$3" "$tmp/err" && break; sleep 0.1; done
	t0=$(date +%s)
	kill -"$1" $pid
	wait $pid; rc=$?
	if [ $rc -eq 105 ] && grep -q "$3" "$tmp/err" && [ $(( $(date +%s) - t0 )) -lt 5 ]; then
		ok "$4"
	else
		notok "$4 (exit $rc)"
	fi
}

# 2. SIGTERM twice: the second cuts a 20 s teardown short, exit 105.
twice TERM slow-teardown.js "teardown started" "a second SIGTERM stops at once"

# 3. Init code that loops forever: the second SIGINT ends it, exit 105.
script=init-loop.js start
kill -INT $pid
sleep 0.3
kill -INT $pid
t0=$(date +%s)
wait $pid; rc=$?
if [ $rc -eq 105 ] && [ $(( $(date +%s) - t0 )) -lt 5 ]; then
	ok "a second SIGINT ends init code that loops forever"
else
	notok "a second SIGINT ends init code that loops forever (exit $rc)"
	kill -KILL $pid 2>/dev/null
fi

# 4. Both signals during teardown (the test ended by itself): the second
# cuts it short.
script=slow-teardown.js start --duration 1s
for _ in $(seq 50); do grep -q "teardown started" "$tmp/err" && break; sleep 0.1; done
kill -TERM $pid
sleep 0.3
kill -TERM $pid
t0=$(date +%s)
wait $pid; rc=$?
if [ $rc -eq 105 ] && grep -q "teardown started" "$tmp/err" && [ $(( $(date +%s) - t0 )) -lt 5 ]; then
	ok "signals during teardown: the second stops at once"
else
	notok "signals during teardown: the second stops at once (exit $rc)"
fi
# 4. SIGINT while every VU spins in JavaScript: the same graceful stop.
script=busy-run.js start
kill -INT $pid
t0=$(date +%s)
wait $pid; rc=$?
if [ $rc -eq 105 ] && grep -q "teardown ran" "$tmp/err" && grep -q "vus_max" "$tmp/out" &&
    [ $(( $(date +%s) - t0 )) -lt 5 ]; then
	ok "SIGINT stops VUs busy in JavaScript gracefully"
else
	notok "SIGINT stops VUs busy in JavaScript gracefully (exit $rc)"
fi

# 5. ... and a second SIGINT stops a handleSummary that spins.
twice INT busy-summary.js "summary started" "a second SIGINT stops a busy handleSummary"
# 6. SIGTERM to the whole process group, as timeout(1) and systemd's stop
# of a service send it: the workers leave the stop to the coordinator, as
# they do SIGINT's; none is reported dead, the stop is graceful.
(cd "$CASES" && exec setsid "$LYOCELL" run --summary-export "$tmp/e6.json" long-run.js) \
    >"$tmp/out" 2>"$tmp/err" </dev/null &
pid=$!
sleep 1.5
kill -TERM -- -$pid
wait $pid; rc=$?
if [ $rc -eq 105 ] && ! grep -q "died" "$tmp/err" && grep -q "teardown ran" "$tmp/err" &&
    "$JCHECK" "$tmp/e6.json" 'm.iterations.count > 20'; then
	ok "SIGTERM to the process group stops gracefully with exit 105"
else
	notok "SIGTERM to the process group stops gracefully with exit 105 (exit $rc)"
	grep "died" "$tmp/err"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
