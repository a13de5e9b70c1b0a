#!/bin/bash
# The live display on a terminal (a tmux pane): log lines printed while it
# runs all stay on the screen, above it, and a narrow terminal keeps no
# stale pieces of it.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-display.XXXXXX")
sock=$tmp/tmux.sock
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; sed 's/^/#   /' "$tmp/screen" | tail -n 30; failed=$((failed + 1)); }

if ! command -v tmux >/dev/null 2>&1; then
	echo "ok - the live display # SKIP no tmux"
	echo "1 passed, 0 failed"
	exit 0
fi

cat >"$tmp/logs.js" <<'JS'
import { sleep } from 'k6';
export const options = { scenarios: {
	talk: { executor: 'per-vu-iterations', vus: 2, iterations: 9, exec: 'talk' },
	quiet: { executor: 'constant-vus', vus: 1, duration: '3s' },
} };
export function talk() {
	console.log('line ' + __ITER);
	sleep(0.3);
}
export default function () {
	sleep(0.3);
}
JS
# 50 columns: the status line is longer than that.
tmux -S "$sock" -f /dev/null new-session -d -x 50 -y 40 \
    "'$LYOCELL' run --no-summary --no-color '$tmp/logs.js' 2>&1; echo 'exit:'\$?; sleep 30"
for _ in $(seq 100); do
	tmux -S "$sock" capture-pane -p -S - >"$tmp/screen" 2>/dev/null
	grep -q '^exit:' "$tmp/screen" && break
	sleep 0.2
done
n=$(grep -c '] line [0-8] ' "$tmp/screen")
[ "$n" = 18 ] && ok "18 log lines of 18 on the screen" || notok "$n log lines of 18 on the screen"
s=$(grep -c '^running (' "$tmp/screen")
long=$(awk 'length($0) > 50' "$tmp/screen" | wc -l)
[ "$s" = 1 ] && [ "$long" = 0 ] &&
	ok "one status line, none wider than the terminal" ||
	notok "$s status lines, $long wider than the terminal"
grep -q '^exit:0' "$tmp/screen" && ok "exit 0" || notok "exit status"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
