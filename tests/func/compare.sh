#!/bin/bash
# lyocell compare: two summary exports, the limits, the exit codes, --json,
# and one real pair of exports from the binary.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
JCHECK=$(cd "$top_builddir" && pwd)/tests/func/jcheck
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; failed=$((failed + 1)); }

# export P95 CHECKS FAILED: a small export as run --summary-export writes it.
export_file() {
	cat <<JSON
{ "metrics": {
	"checks": { "passes": 98, "fails": 2, "value": $2 },
	"http_req_duration": { "avg": 50, "min": 1, "med": 40, "max": 400,
		"p(90)": 90, "p(95)": $1, "thresholds": { "p(95)<500": false } },
	"http_req_failed": { "passes": 1, "fails": 99, "value": $3 },
	"http_reqs": { "count": 1000, "rate": 100 },
	"vus": { "value": 10, "min": 1, "max": 10 }
}, "root_group": { "name": "", "path": "", "groups": [], "checks": [] } }
JSON
}
export_file 100 0.98 0.01 >"$tmp/base.json"
export_file 100 0.98 0.01 >"$tmp/same.json"
export_file 120 0.98 0.01 >"$tmp/slower.json"
export_file 105 0.95 0.01 >"$tmp/fewer.json"
export_file 100 0.98 0.03 >"$tmp/errors.json"
sed 's/"http_reqs": { "count": 1000, "rate": 100 },//' "$tmp/base.json" >"$tmp/noreqs.json"

# expect WANT-EXIT NAME ARGS...: run compare, keep stdout and stderr.
expect() {
	local want=$1 name=$2 got
	shift 2
	"$LYOCELL" compare "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ]; then
		ok "$name (exit $got)"
		return 0
	fi
	notok "$name: exit $got, not $want: $(cat "$tmp/err") $(tail -2 "$tmp/out")"
	return 1
}
has() { grep -q -- "$2" "$tmp/$1" && ok "  $1 has: $2" || notok "  $1 lacks: $2"; }

expect 0 "identical exports, default limits" "$tmp/base.json" "$tmp/same.json" &&
	has out "no regression beyond the limits"
has out "http_req_duration  avg"
has out "http_reqs          count"
expect 99 "p(95) 20% slower breaks the default +10%" "$tmp/base.json" "$tmp/slower.json"
has out "p(95)  *100  *120  *+20.0%  +10%  ✗ regression"
has out "^1 regression beyond the limits"
expect 0 "a wider limit lets it pass" --limit 'http_req_duration.p(95)=+25%' \
	"$tmp/base.json" "$tmp/slower.json"
expect 0 "only the limits given apply, not the defaults" --limit 'http_reqs.count=-5%' \
	"$tmp/base.json" "$tmp/slower.json"
expect 99 "checks.value=-1% sees 0.98 -> 0.95" --limit 'checks.value=-1%' \
	--limit 'http_req_duration.p(95)=+10%' "$tmp/base.json" "$tmp/fewer.json"
has out "checks  *value  *0.98  *0.95  *-3.1%  -1%  ✗ regression"
has out "p(95)  *100  *105  *+5.0%  +10%  ✓"
expect 0 "a rise does not break a limit on falls" --limit 'checks.value=-1%' \
	"$tmp/fewer.json" "$tmp/base.json"
expect 99 "an absolute limit: errors 0.01 -> 0.03 beyond +0.01" "$tmp/base.json" "$tmp/errors.json"
expect 0 "an absolute limit that holds" --limit 'http_req_failed.value=+0.05' \
	"$tmp/base.json" "$tmp/errors.json"
expect 99 "no sign bounds both ways" --limit 'http_req_duration.p(95)=3%' \
	"$tmp/slower.json" "$tmp/base.json"
expect 99 "a glob over metrics and stats" --limit '*.p(9?)=+10%' \
	"$tmp/base.json" "$tmp/slower.json"
expect 99 "a limited metric missing tonight is a regression" --limit 'http_reqs.count=-5%' \
	"$tmp/base.json" "$tmp/noreqs.json"
has out "http_reqs  *count  *1000  *-  *gone"
expect 0 "a limit that matches nothing is a warning" --limit 'nope.p(95)=+1%' \
	"$tmp/base.json" "$tmp/same.json"
has err "nope.p(95)=+1% matches no metric"

expect 99 "--json" --json "$tmp/base.json" "$tmp/slower.json"
"$JCHECK" "$tmp/out" 'data.regressions === 1' \
	'data.metrics.filter(function (r) { return r.regression; })[0].stat === "p(95)"' \
	'data.metrics.filter(function (r) { return r.stat === "p(95)"; })[0].change_pct === 20' \
	'data.metrics.filter(function (r) { return r.metric === "vus"; }).length === 1' \
	'data.metrics.filter(function (r) { return r.metric === "http_reqs"; }).length === 2' \
	>"$tmp/j" 2>&1 && ok "  --json: one regression, its change, a row per shown stat" ||
	notok "  --json: $(cat "$tmp/j")"

expect 255 "a bad limit" --limit 'http_req_duration.p(95)=ten' "$tmp/base.json" "$tmp/same.json"
has err '--limit "http_req_duration.p(95)=ten": the limit "ten" is not'
expect 255 "a limit without a stat" --limit 'checks=-1%' "$tmp/base.json" "$tmp/same.json"
expect 255 "one file only" "$tmp/base.json"
has err "compare needs two summary exports"
expect 104 "a missing file" "$tmp/base.json" "$tmp/none.json"
has err "cannot read .*none.json"
echo '{"metrics":' >"$tmp/bad.json"
expect 104 "a file that is not JSON" "$tmp/bad.json" "$tmp/base.json"
has err "bad.json: not JSON"
echo '[1]' >"$tmp/arr.json"
expect 104 "JSON that is not an export" "$tmp/base.json" "$tmp/arr.json"
has err "arr.json: not a summary export"
expect 255 "a mistyped flag" --limt x "$tmp/base.json" "$tmp/same.json"
has err "did you mean --limit?"

# Two real exports of the same script compare without error.
script=$srcdir/tests/func/cases/cli-suggest.js
"$LYOCELL" run -q -i 3 --summary-export "$tmp/r1.json" "$script" >/dev/null 2>&1
"$LYOCELL" run -q -i 3 --summary-export "$tmp/r2.json" "$script" >/dev/null 2>&1
expect 0 "two real exports" --limit 'iterations.count=-1%' "$tmp/r1.json" "$tmp/r2.json"
has out "iteration_duration  avg"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
