#!/bin/bash
# The web dashboard and its report in a real browser (Debian's chromium,
# headless): the live page fills its charts from the server-sent events,
# the SSE stream carries k6's events, and the exported report opens
# without a network, draws every series and looks like charts (a
# screenshot checked by size and colours by pngcheck.py, not by eye).
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
TARGETBIN=$(cd "$top_builddir" && pwd)/tests/target/lyocell-target
PNGCHECK=$(cd "$srcdir" && pwd)/tests/func/pngcheck.py
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-dashboard.XXXXXX")
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
	[ -n "${KEEP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; failed=$((failed + 1)); }

CHROMIUM=$(command -v chromium || command -v chromium-browser)
if [ -z "$CHROMIUM" ] || ! command -v python3 >/dev/null || ! command -v curl >/dev/null; then
	echo "not ok - chromium, python3 and curl are needed (.ci/packages)"
	echo "0 passed, 1 failed"
	exit 1
fi
# The DOM once the page loaded and its scripts ran.
browse() {	# URL OUT
	timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--user-data-dir="$tmp/profile" --virtual-time-budget=1000 \
		--dump-dom "$1" >"$2" 2>"$2.err"
}

"$TARGETBIN" --port 0 --port-file "$tmp/port" --max-seconds 120 --quiet 2>/dev/null &
pids="$pids $!"
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
export T="http://127.0.0.1:$(cat "$tmp/port")"

cat >"$tmp/dash.js" <<'JS'
import http from 'k6/http';
import { check, group, sleep } from 'k6';
export const options = {
	scenarios: {
		browse: { executor: 'constant-vus', vus: 2, duration: '8s' },
		api: { executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s',
			duration: '4s', startTime: '1s', preAllocatedVUs: 2, exec: 'api' },
	},
	thresholds: { http_req_duration: ['p(95)<2000'], http_req_failed: ['rate<0.1'] },
};
export default function () {
	group('front page', () => {
		check(http.get(`${__ENV.T}/get`), { 'is 200': (r) => r.status === 200 });
	});
	sleep(0.1);
}
export function api() { http.get(`${__ENV.T}/status/503`); }
JS

# Port 0: a free one, which the banner names.
K6_WEB_DASHBOARD=true K6_WEB_DASHBOARD_HOST=127.0.0.1 K6_WEB_DASHBOARD_PORT=0 \
K6_WEB_DASHBOARD_PERIOD=1s K6_WEB_DASHBOARD_EXPORT="$tmp/report.html" \
	"$LYOCELL" run --no-color "$tmp/dash.js" >"$tmp/out" 2>"$tmp/err" &
run=$!
for _ in $(seq 100); do grep -q '^ web dashboard: http' "$tmp/out" 2>/dev/null && break; sleep 0.05; done
url=$(sed -n 's/^ web dashboard: \(http:.*\)/\1/p' "$tmp/out")
[ -n "$url" ] && ok "the banner names the dashboard's address ($url)" ||
	notok "no address in the banner: $(head -12 "$tmp/out")"
sleep 1
# The live page follows the events until the stream ends with the test
# (virtual time waits for the open connection): everything it draws came
# through /events, since the live page carries no data of its own.
timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile-live" \
	--virtual-time-budget=60000 --dump-dom "$url/" >"$tmp/live.html" 2>"$tmp/live.err" &
live=$!
timeout 3 curl -sN "$url/events" >"$tmp/events"
for e in config param start metric series snapshot cumulative; do
	grep -q "^event: $e\$" "$tmp/events" || missing="${missing:-} $e"
done
[ -z "${missing:-}" ] && ok "the SSE stream has k6's events and the series" ||
	notok "events missing:$missing: $(grep '^event' "$tmp/events" | sort | uniq -c)"
grep '^event: snapshot' -A1 "$tmp/events" | grep -q '"http_reqs":{"count":' &&
	ok "  a snapshot has http_reqs as k6's REST API shapes it" ||
	notok "  snapshot: $(grep '^event: snapshot' -A1 "$tmp/events" | head -c 300)"
wait "$run"
rc=$?
wait "$live"
n=$(grep -o 'data-points="[1-9][0-9]*"' "$tmp/live.html" | wc -l)
grep -q 'id="status" class="">finished' "$tmp/live.html" &&
	grep -q 'data-rendered="[1-9]' "$tmp/live.html" && ! grep -q 'data-error=' "$tmp/live.html" &&
	[ "$n" -ge 20 ] && ok "the live page draws $n series from the events to the end, without errors" ||
	notok "live page: $n series drawn; $(grep -o 'data-error="[^"]*"\|id="status"[^<]*' "$tmp/live.html")"
[ "$rc" = 99 ] && ok "the run ends with its thresholds crossed (99)" ||
	notok "run exit $rc: $(tail -5 "$tmp/err")"

[ -s "$tmp/report.html" ] && ok "the report is written" || notok "no report"
grep -Eq '(src|href)="?(https?:)?//' "$tmp/report.html" &&
	notok "  the report loads something from the network" ||
	ok "  it needs no network (nothing loaded from elsewhere)"
browse "file://$tmp/report.html" "$tmp/report.dom"
for s in 'test::http_reqs' 'test::http_req_duration.p95' 'test::http_req_failed' \
    'test::vus' 'test::data_received' 'test::checks' 'scenario:browse:http_reqs' \
    'scenario:api:http_req_failed' 'group:::front page:http_req_duration.p95' \
    'threshold:http_req_failed:rate&lt;0.1'; do
	grep -q "data-series=\"$s\" data-points=\"[1-9]" "$tmp/report.dom" || nodraw="${nodraw:-} $s"
done
grep -q 'data-rendered="[1-9]' "$tmp/report.dom" && ! grep -q 'data-error=' "$tmp/report.dom" &&
	[ -z "${nodraw:-}" ] && ok "  it draws every chart, per scenario, group and threshold" ||
	notok "  report: not drawn:${nodraw:-}; $(grep -o 'data-error="[^"]*"' "$tmp/report.dom")"
grep -q 'class="fail">✗ crossed' "$tmp/report.dom" && grep -q 'class="ok">✓ ok' "$tmp/report.dom" &&
	ok "  its threshold table says which was crossed" || notok "  threshold table"
timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" \
	--virtual-time-budget=1000 --window-size=1000,1400 --screenshot="$tmp/report.png" "file://$tmp/report.html" \
	>/dev/null 2>&1
# The series colours of the page: lines, not a blank or broken page.
python3 "$PNGCHECK" "$tmp/report.png" 1000 1400 '#3f51b5:2000' '#e91e63:400' >"$tmp/png" 2>&1 &&
	ok "  its screenshot has the charts' colours ($(head -1 "$tmp/png" | cut -d' ' -f2-))" ||
	notok "  screenshot: $(cat "$tmp/png")"

# A bad option is a usage error naming it.
"$LYOCELL" run --out 'web-dashboard=port=http' "$tmp/dash.js" >/dev/null 2>"$tmp/bad"
rc=$?
[ "$rc" = 255 ] && grep -q "web-dashboard=port=http: invalid port .http." "$tmp/bad" &&
	ok "a bad option is named (exit $rc)" || notok "bad option: exit $rc: $(cat "$tmp/bad")"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
