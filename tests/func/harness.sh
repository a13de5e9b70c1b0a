# What the shell tests of running tests share: sourced by signals.sh and
# workers.sh with the name of their scratch directory as $1.  It sets
# LYOCELL, JCHECK, CASES and tmp (removed at exit), counts with ok and
# notok (which shows the run's stderr), and start runs $script (default
# long-run.js) in the background with the arguments given, as pid.
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
