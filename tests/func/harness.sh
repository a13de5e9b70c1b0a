# What the shell tests of running tests share: sourced by signals.sh,
# workers.sh and merge.sh with the name of their scratch directory as
# $1.  It sets LYOCELL, JCHECK, CASES and tmp (removed at exit), counts with ok and
# notok (which shows the run's stderr), and start runs $script (default
# long-run.js) in the background with the arguments given, as pid.
# start_target starts the local target and sets TARGET (stopped at exit).
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
JCHECK=$(cd "$top_builddir" && pwd)/tests/func/jcheck
CASES=$(cd "$srcdir/tests/func/cases" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-$1.XXXXXX")
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

start_target() {
	"$(cd "$top_builddir" && pwd)/tests/target/lyocell-target" --port 0 \
		--port-file "$tmp/port" --max-seconds 300 --quiet 2>/dev/null &
	target_pid=$!
	trap 'kill "$target_pid" 2>/dev/null; wait "$target_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
	for _ in $(seq 100); do
		[ -s "$tmp/port" ] && break
		sleep 0.05
	done
	if ! [ -s "$tmp/port" ]; then
		echo "not ok - the local target did not start"
		echo "0 passed, 1 failed"
		exit 1
	fi
	TARGET="http://127.0.0.1:$(cat "$tmp/port")"
}
