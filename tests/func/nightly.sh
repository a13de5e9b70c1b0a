#!/bin/bash
# examples/nightly: nightly.sh against the local target, as cron runs it
# (no terminal): the dated results, the baseline, the comparison, the
# lock against overlap, and silence unless the night failed.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
export LYOCELL
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
TARGETBIN=$(cd "$top_builddir" && pwd)/tests/target/lyocell-target
JCHECK=$(cd "$top_builddir" && pwd)/tests/func/jcheck
ex=$(cd "$srcdir/examples/nightly" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-nightly.XXXXXX")
target_pid=
cleanup() {
	[ -n "$target_pid" ] && kill "$target_pid" 2>/dev/null && wait "$target_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; failed=$((failed + 1)); }

"$TARGETBIN" --port 0 --port-file "$tmp/port" --max-seconds 300 --quiet 2>/dev/null &
target_pid=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
export TARGET="http://127.0.0.1:$(cat "$tmp/port")"
export SOAK_DURATION=2s SOAK_VUS=2 SOAK_SLEEP=0.1 HEARTBEAT=1s
res=$tmp/results

# night N: run nightly.sh with stdout in $tmp/outN, its exit in $rc.
night() {
	"$ex/nightly.sh" "$ex/soak.js" "$res" >"$tmp/out$1" 2>"$tmp/err$1" </dev/null
	rc=$?
}

night 1
[ "$rc" = 0 ] && ok "first night passes (exit 0)" || notok "first night: exit $rc: $(cat "$tmp/out1" "$tmp/err1")"
[ ! -s "$tmp/out1" ] && ok "  and prints nothing, so cron mails nothing" ||
	notok "  it printed: $(head -5 "$tmp/out1")"
d=$res/latest
for f in summary.json samples.json.gz report.html summary.txt run.log; do
	[ -s "$d/$f" ] && ok "  latest/$f is written" || notok "  latest/$f is missing"
done
basename "$(readlink "$d")" | grep -Eq '^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{6}Z$' &&
	ok "  latest points at a dated directory" || notok "  latest -> $(readlink "$d")"
cmp -s "$d/summary.json" "$res/baseline.json" && ok "  the first export becomes the baseline" ||
	notok "  no baseline"
grep -q 'msg="heartbeat: 1s elapsed, 2/2 VUs' "$d/run.log" && ok "  run.log has the heartbeat" ||
	notok "  no heartbeat in run.log: $(head -3 "$d/run.log")"
"$JCHECK" "$d/summary.json" 'm.http_reqs.count > 0 && m.checks.value === 1' >/dev/null &&
	ok "  the export counts the requests" || notok "  export"
[ "$(gzip -dc "$d/samples.json.gz" | grep -c '"metric":"http_reqs","type":"Point"')" -gt 0 ] &&
	ok "  samples.json.gz has the requests" || notok "  samples.json.gz"

# Latency on a shared machine varies: this test's limits are on errors.
printf '# errors and checks only\nhttp_req_failed.value=+0.01\nchecks.value=-1%%\n' >"$res/limits"
sleep 1	# a new second, a new directory
night 2
[ "$rc" = 0 ] && ok "second night compares with the baseline and passes" ||
	notok "second night: exit $rc: $(cat "$tmp/out2")"
grep -q "no regression beyond the limits" "$res/latest/compare.txt" &&
	ok "  latest/compare.txt says so" || notok "  compare.txt: $(cat "$res/latest/compare.txt")"
[ "$(ls -d "$res"/20* | wc -l)" = 2 ] && ok "  two dated directories" || notok "  $(ls "$res")"

# A night whose requests fail: thresholds and compare both fail it, and
# the report goes to stdout for the mail.
sleep 1
SOAK_PATH=/status/503 night 3
[ "$rc" = 99 ] && ok "a failing night exits 99" || notok "failing night: exit $rc"
grep -q "failed (exit 99)" "$tmp/out3" && grep -q "http_req_failed" "$tmp/out3" &&
	grep -q "✗ regression" "$tmp/out3" &&
	ok "  and prints the summary and the regression, for the mail" ||
	notok "  report: $(head -20 "$tmp/out3")"

# A run still going holds the lock: the next gives up at once, exit 75.
flock "$res/.lock" sleep 3 &
holder=$!
sleep 0.3
start=$(date +%s)
night 4
took=$(($(date +%s) - start))
wait "$holder"
[ "$rc" = 75 ] && [ "$took" -lt 2 ] && grep -q "still holds" "$tmp/err4" &&
	ok "an overlapping night is refused at once (exit 75)" ||
	notok "overlap: exit $rc: $(cat "$tmp/err4")"

# The timer and the crontab line run the same script.
grep -q 'nightly.sh' "$ex/crontab" && grep -q '^ExecStart=.*nightly.sh' "$ex/lyocell-nightly.service" &&
	grep -q '^OnCalendar=' "$ex/lyocell-nightly.timer" && ok "crontab and systemd units run nightly.sh" ||
	notok "crontab or units"
if command -v systemd-analyze >/dev/null && [ -d /run/systemd/system ]; then
	cp "$ex"/lyocell-nightly* "$tmp/"
	systemd-analyze verify "$tmp/lyocell-nightly.timer" >"$tmp/verify" 2>&1 &&
		ok "systemd-analyze verify" || echo "ok - systemd-analyze: $(head -2 "$tmp/verify") # SKIP"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
