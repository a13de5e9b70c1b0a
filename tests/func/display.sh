#!/bin/bash
# The live display on a terminal (a tmux pane, a real pseudo-terminal):
# laid out as k6's (a bar per scenario with its VUs, iterations or rate,
# time, "waiting" before its startTime and ✓ when done), narrower bars on
# a narrow terminal and no line wider than it, log lines printed while it
# runs all kept above it, one copy of it on the screen at the end, and
# nothing of it when stdout is not a terminal.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-display.XXXXXX")
sock=
trap 'for s in "$tmp"/tmux.*; do tmux -S "$s" kill-server 2>/dev/null; done; rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; sed 's/^/#   /' "$tmp/screen" | tail -n 30; failed=$((failed + 1)); }
export LC_ALL=C.UTF-8

if ! command -v tmux >/dev/null 2>&1; then
	echo "not ok - the live display needs tmux (.ci/packages)"
	echo "0 passed, 1 failed"
	exit 1
fi

cat >"$tmp/logs.js" <<'JS'
import { sleep } from 'k6';
export const options = { scenarios: {
	talk: { executor: 'per-vu-iterations', vus: 2, iterations: 9, exec: 'talk' },
	quiet: { executor: 'constant-vus', vus: 1, duration: '3s' },
	later: { executor: 'shared-iterations', vus: 2, iterations: 6, startTime: '2500ms' },
	ramp: { executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '2s', target: 3 }] },
	rate: { executor: 'constant-arrival-rate', rate: 4, timeUnit: '1s', duration: '2s',
		preAllocatedVUs: 2 },
} };
export function talk() {
	console.log('line ' + __ITER);
	sleep(0.3);
}
export default function () {
	sleep(0.3);
}
JS

# run WIDTH: the test in a WIDTH-column pane; $tmp/early is the screen
# when the display is first drawn, $tmp/screen the whole pane at the end.
# A server of its own each time: kill-server returns before the old one
# has let go of its socket.
run() {
	[ -n "$sock" ] && tmux -S "$sock" kill-server 2>/dev/null
	sock=$tmp/tmux.$1
	tmux -S "$sock" -f /dev/null new-session -d -x "$1" -y 50 \
	    "'$LYOCELL' run --no-summary --no-color '$tmp/logs.js' 2>&1; echo 'exit:'\$?; sleep 30"
	for _ in $(seq 50); do
		tmux -S "$sock" capture-pane -p >"$tmp/early" 2>/dev/null
		grep -q '^running (' "$tmp/early" && break
		sleep 0.05
	done
	for _ in $(seq 100); do
		tmux -S "$sock" capture-pane -p -S - >"$tmp/screen" 2>/dev/null
		grep -q '^exit:' "$tmp/screen" && break
		sleep 0.2
	done
}
# Lines wider than $1 characters.
wide() {
	n=0
	while IFS= read -r l; do [ ${#l} -gt "$1" ] && n=$((n + 1)); done <"$tmp/screen"
	echo $n
}

# 50 columns: the status line is longer than that.
run 50
n=$(grep -c '] line [0-8] ' "$tmp/screen")
[ "$n" = 18 ] && ok "18 log lines of 18 on the screen" || notok "$n log lines of 18 on the screen"
s=$(grep -c '^running (' "$tmp/screen")
long=$(wide 50)
[ "$s" = 1 ] && [ "$long" = 0 ] &&
	ok "one status line, none wider than the terminal" ||
	notok "$s status lines, $long wider than the terminal"
grep -q '^exit:0' "$tmp/screen" && ok "exit 0" || notok "exit status"
grep -Eq '^talk +✓ \[ 100% \]' "$tmp/screen" &&
	ok "too narrow for bars: percentages, as k6" || notok "narrow bars"

# 110 columns: every column of k6's layout.
run 110
cp "$tmp/screen" "$tmp/screen.end"
cp "$tmp/early" "$tmp/screen"
grep -Eq '^running \(00m0[0-9]\.[0-9]s\), [0-9]{2}/[0-9]{2} VUs, [0-9]+ complete and 0 interrupted iterations' "$tmp/early" &&
	ok "the status line: elapsed time, VUs, iterations" || notok "status line"
grep -Eq '^later +• \[-{38}\] waiting +0?[0-9]\.[0-9]s' "$tmp/early" &&
	ok "a scenario before its startTime is waiting, with the time left" ||
	notok "no waiting scenario"
grep -Eq '^talk +\[=*>?-*\] 2 VUs +00m0[0-9]\.[0-9]s/10m0s +[0-9]{2}/18 iters, 9 per VU' "$tmp/early" &&
	grep -Eq '^quiet +\[=*>?-*\] 1 VUs +[0-9]\.[0-9]s/3s' "$tmp/early" &&
	grep -Eq '^ramp +\[=*>?-*\] [0-3]/3 VUs +[0-9]\.[0-9]s/2\.0s' "$tmp/early" &&
	grep -Eq '^rate +\[=*>?-*\] [0-2]/[0-2] VUs +[0-9]\.[0-9]s/2s +4\.00 iters/s' "$tmp/early" &&
	ok "each executor's columns, as k6 shows them" || notok "running columns"
cp "$tmp/screen.end" "$tmp/screen"
# An iterations scenario that ends early keeps the time it took, as
# k6's bar freezes when its executor returns.
grep -Eq '^talk +✓ \[={38}\] 2 VUs +00m0[1-4]\.[0-9]s/10m0s +18/18 iters, 9 per VU' "$tmp/screen" &&
	grep -Eq '^later +✓ \[={38}\] 2 VUs +00m0[0-2]\.[0-9]s/10m0s +6/6 shared iters' "$tmp/screen" &&
	grep -Eq '^quiet +✓ \[={38}\] 1 VUs +3s' "$tmp/screen" &&
	grep -Eq '^ramp +✓ \[={38}\] 0/3 VUs +2s' "$tmp/screen" &&
	ok "every scenario done: ✓ and full bars" || notok "done lines"
[ "$(wide 110)" = 0 ] && ok "no line wider than 110 columns" || notok "wide lines"

# Ctrl+C: the scenario still running is interrupted (✗) at the time it
# stopped; the one done before keeps its ✓ and its time.
cat >"$tmp/stop.js" <<'JS'
import { sleep } from 'k6';
export const options = { scenarios: {
	long: { executor: 'constant-vus', vus: 2, duration: '20s' },
	short: { executor: 'per-vu-iterations', vus: 2, iterations: 2 },
} };
export default function () {
	sleep(0.2);
}
JS
tmux -S "$sock" kill-server 2>/dev/null
sock=$tmp/tmux.stop
tmux -S "$sock" -f /dev/null new-session -d -x 110 -y 50 \
    "'$LYOCELL' run --no-summary --no-color '$tmp/stop.js' 2>&1; echo 'exit:'\$?; sleep 30"
for _ in $(seq 100); do
	tmux -S "$sock" capture-pane -p >"$tmp/screen" 2>/dev/null
	grep -q '^long .*0[2-9]\.[0-9]s/20s' "$tmp/screen" && break
	sleep 0.1
done
tmux -S "$sock" send-keys C-c
for _ in $(seq 100); do
	tmux -S "$sock" capture-pane -p -S - >"$tmp/screen" 2>/dev/null
	grep -q '^exit:' "$tmp/screen" && break
	sleep 0.2
done
grep -Eq '^long +✗ \[=+>?-+\] 2 VUs +0[2-9]\.[0-9]s/20s' "$tmp/screen" &&
	grep -Eq '^short +✓ \[={38}\] 2 VUs +00m0[0-1]\.[0-9]s/10m0s +4/4 iters, 2 per VU' "$tmp/screen" &&
	ok "stopped: ✗ where it stopped, ✓ kept by a scenario done before" ||
	notok "stopped lines"

# Without a terminal, none of it.
"$LYOCELL" run --no-summary --no-color "$tmp/logs.js" >"$tmp/out" 2>&1 </dev/null
grep -q 'running (' "$tmp/out" || grep -q $'\033' "$tmp/out" &&
	notok "the display was drawn without a terminal: $(head -3 "$tmp/out")" ||
	ok "nothing of the display when stdout is not a terminal"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
