#!/bin/bash
# Signals and dying workers: Ctrl-C once stops gracefully (teardown, summary,
# exit 105) even VUs busy in JavaScript, twice stops at once; a worker killed mid-test is reported and
# the test ends with what the others measured.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
JCHECK=$(cd "$top_builddir" && pwd)/tests/func/jcheck
CASES=$(cd "$srcdir/tests/func/cases" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-sig.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; sed 's/^/#   /' "$tmp/err" | tail -n 20; failed=$((failed + 1)); }

start() {
	script=${script:-long-run.js}
	(cd "$CASES" && exec "$LYOCELL" run "$@" "$script") >"$tmp/out" 2>"$tmp/err" </dev/null &
	pid=$!
	sleep 1.5
}

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

# 3. A worker killed mid-test: reported, the test goes on with the other.
start --workers 2 --duration 3s --summary-export "$tmp/e3.json"
child=$(pgrep -P $pid | head -n 1)
[ -n "$child" ] && kill -KILL "$child"
wait $pid; rc=$?
if [ -n "$child" ] && grep -q "died: killed by signal 9" "$tmp/err" &&
    "$JCHECK" "$tmp/e3.json" 'm.iterations.count > 20'; then
	ok "a killed worker is reported and the others' results are kept"
else
	notok "a killed worker is reported and the others' results are kept (exit $rc)"
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
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
