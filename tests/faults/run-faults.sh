#!/bin/bash
# The fault suite: lyocell against the target's /fault/* modes (reset,
# stall, garbage, close-after, dribble) must give k6's results: failed
# requests, error codes, exit codes, and nothing hangs (each run is under
# a timeout).  Then the integrity test: requests counted by the summary,
# by --out json and by the target itself agree.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=${LYOCELL:-$(cd "$top_builddir" && pwd)/lyocell}
TARGETBIN=$(cd "$top_builddir" && pwd)/tests/target/lyocell-target
JCHECK=$(cd "$top_builddir" && pwd)/tests/func/jcheck
DIR=$(cd "$srcdir/tests/faults" && pwd)
only=${1:-}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-faults.XXXXXX")
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; failed=$((failed + 1)); }

# start NAME [taskset args]: a target whose base URL is in $NAME_URL
start() {
	local name=$1; shift
	"$@" "$TARGETBIN" --port 0 --port-file "$tmp/$name.port" --max-seconds 300 \
		--quiet 2>"$tmp/$name.err" &
	pids="$pids $!"
	for _ in $(seq 100); do [ -s "$tmp/$name.port" ] && break; sleep 0.05; done
	[ -s "$tmp/$name.port" ] || { echo "not ok - the target did not start"; exit 1; }
	eval "${name}_URL=http://127.0.0.1:$(cat "$tmp/$name.port")"
}

# run NAME EXIT SCRIPT [lyocell args] -- CHECK...: a run under a timeout,
# its exit code, and checks on its --summary-export (jcheck: m is the
# metrics).
run() {
	local name=$1 want=$2 script=$3 rc why=
	shift 3
	local args=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	[ -n "$only" ] && [ "$only" != "$name" ] && return
	rm -f "$tmp/e.json"
	timeout -k 5 60 ${PIN-} "$LYOCELL" run -q -e TARGET="$TARGET" ${args[@]+"${args[@]}"} \
		--summary-export "$tmp/e.json" "$DIR/$script" >"$tmp/out" 2>&1 </dev/null
	rc=$?
	[ "$rc" = "$want" ] || why="exit $rc, expected $want"
	[ -n "$why" ] || [ $# -eq 0 ] || "$JCHECK" "$tmp/e.json" "$@" 2>"$tmp/check" ||
		why=$(tr '\n' ' ' <"$tmp/check")
	if [ -z "$why" ]; then ok "$name"; else
		notok "$name: $why"; tail -n 8 "$tmp/out" | sed 's/^/#   /'
	fi
}

start main
TARGET=$main_URL
run reset 99 reset.js -- "m['http_reqs{error_code:1220}'].count === 20" \
	"m.http_req_failed.passes === 20" "m.checks.fails === 0 && m.checks.passes === 20"
run garbage 0 garbage.js -- "m['http_reqs{error_code:1000}'].count === 10" \
	"m.checks.fails === 0 && m.checks.passes === 10"
run stall 0 stall.js -- "m['http_reqs{error_code:1050}'].count === 6" \
	"m.checks.fails === 0 && m.checks.passes === 6"
run dribble 0 dribble.js -- "m['http_reqs{error_code:1050}'].count === 2" \
	"m.checks.fails === 0 && m.checks.passes === 6"
run close-after 0 close-after.js --workers 2 -- "m.http_reqs.count === 3000" \
	"m.http_req_failed.passes === 0"
run waiting 0 waiting.js -- "m.http_reqs.count === 200"

# Both on one CPU: the target runs inside lyocell's writes.
if [ -z "$only" ] || [ "$only" = pinned ]; then
	if taskset -c 0 true 2>/dev/null; then
		start pinned taskset -c 0
		TARGET=$pinned_URL PIN="taskset -c 0" run pinned 0 pinned.js --workers 1 -- \
			"m.http_reqs.count === 1000" \
			"m.http_req_waiting.med > m.http_req_sending.med"
	else
		ok "pinned # SKIP no taskset"
	fi
fi

# Integrity: 3000 requests from 8 VUs on 2 workers, counted by the
# summary, by the json output's http_reqs points and by the target.
if [ -z "$only" ] || [ "$only" = integrity ]; then
	stats() {
		"$LYOCELL" run -q --no-summary -e TARGET="$main_URL" "$DIR/stats.js" 2>&1 |
		    sed -n 's/.*stats=\([0-9]*\).*/\1/p'
	}
	before=$(stats)
	timeout -k 5 60 "$LYOCELL" run -q --workers 2 -e TARGET="$main_URL" \
		--summary-export "$tmp/i.json" --out "json=$tmp/i.out" \
		"$DIR/integrity.js" >"$tmp/out" 2>&1 </dev/null
	rc=$?
	after=$(stats)
	json=$(grep -c '"metric":"http_reqs","type":"Point"' "$tmp/i.out")
	# /stats does not count itself
	served=$(( ${after:-0} - ${before:-0} ))
	if [ "$rc" = 0 ] && "$JCHECK" "$tmp/i.json" "m.http_reqs.count === 3000" \
	    "m.http_reqs.count === $json" "m.http_reqs.count === $served" 2>"$tmp/check"; then
		ok "integrity: summary, json and target count 3000"
	else
		notok "integrity: exit $rc, json $json, target $served: $(cat "$tmp/check")"
	fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
