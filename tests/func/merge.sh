#!/bin/bash
# lyocell merge: one test run whole and split into 2 and 3 execution
# segments against the local target; the merged parts must give the whole
# run's counts exactly, its percentiles (the same values, so the same
# exact answer or the same histogram buckets) and its threshold verdict;
# bad or mismatched exports are refused with exit 104.
set -u
. "${srcdir:-.}/tests/func/harness.sh" merge
start_target

# Every value depends on the iteration's number in the whole test, so the
# whole run and the parts together add the same values.  "big" gets 144000
# values, 72000 in each half: past the 65536 a Trend keeps exactly, so
# percentiles come from the histogram, in the whole run, in the halves'
# exports and in the merge alike.
cat >"$tmp/split.js" <<'EOF'
import http from 'k6/http';
import { check, group } from 'k6';
import exec from 'k6/execution';
import { Trend, Gauge } from 'k6/metrics';

const spread = new Trend('spread');
const big = new Trend('big');
const level = new Gauge('level');

export const options = {
	scenarios: {
		web: { executor: 'shared-iterations', vus: 6, iterations: 300, exec: 'web' },
		calc: { executor: 'shared-iterations', vus: 6, iterations: 24, exec: 'calc' },
	},
	thresholds: {
		http_reqs: ['count==600'],
		checks: ['rate>' + __ENV.RATE],
		'http_req_duration{status:200}': ['max<10000'],
		spread: ['p(95)<960', 'med>400'],
		big: ['p(99)<1000000'],
	},
};

export function web() {
	const n = exec.scenario.iterationInTest;

	group('g', () => {
		const r = http.get(`${__ENV.TARGET}/get`);
		check(r, { 'is 200': (x) => x.status === 200, 'not a third': () => n % 3 !== 0 });
	});
	http.get(`${__ENV.TARGET}/status/404`);
	spread.add((n * 7919) % 1000);
	level.add(1);
}

export function calc() {
	const n = exec.scenario.iterationInTest;

	for (let i = 0; i < 6000; i++)
		big.add(((n * 6000 + i) * 2654435761) % 1000003 / 7);
}
EOF

# run NAME RATE [ARGS...]: a (part of the) run writing $tmp/NAME.json,
# from the directory $dir (default $tmp) holding split.js.
run() {
	local name=$1 rate=$2
	shift 2
	(cd "${dir:-$tmp}" && "$LYOCELL" run -q --no-color -e TARGET="$TARGET" \
		-e RATE="$rate" --summary-export "$tmp/$name.json" "$@" split.js) \
		>"$tmp/$name.out" 2>"$tmp/err"
}

# merge WANT NAME FILES...: merge, expecting exit WANT.
merge() {
	local want=$1 name=$2 got
	shift 2
	(cd "$tmp" && "$LYOCELL" merge --no-color "$@") >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else notok "$name: exit $got, want $want"; fi
}

# same NAME WHOLE MERGED: the merged export agrees with the whole run's.
same() {
	{ printf '{"a":'; cat "$tmp/$2"; printf ',"b":'; cat "$tmp/$3"; printf '}'; } >"$tmp/pair.json"
	if "$JCHECK" "$tmp/pair.json" \
	    'data.a.metrics.http_reqs.count === 600 && data.b.metrics.http_reqs.count === 600' \
	    'data.a.metrics.iterations.count === data.b.metrics.iterations.count' \
	    'data.a.metrics.checks.passes === data.b.metrics.checks.passes' \
	    'data.a.metrics.checks.fails === data.b.metrics.checks.fails' \
	    'data.b.metrics.checks.fails === 100' \
	    'data.a.root_group.groups.g.checks["is 200"].passes === data.b.root_group.groups.g.checks["is 200"].passes' \
	    'data.b.root_group.groups.g.checks["not a third"].fails === 100' \
	    'data.a.metrics.http_req_failed.passes === data.b.metrics.http_req_failed.passes' \
	    'data.a.metrics.data_received.count === data.b.metrics.data_received.count' \
	    '["avg","min","med","max","p(90)","p(95)"].every(function (s) { return data.a.metrics.spread[s] === data.b.metrics.spread[s]; })' \
	    '["min","med","max","p(90)","p(95)"].every(function (s) { return data.a.metrics.big[s] === data.b.metrics.big[s]; })' \
	    'Math.abs(data.a.metrics.big.avg - data.b.metrics.big.avg) <= 1e-9 * data.a.metrics.big.avg' \
	    'data.a.metrics.level.value === 1 && data.b.metrics.level.value === 1' \
	    'data.b.metrics.spread.thresholds["p(95)<960"] === false' \
	    'JSON.stringify(data.a.metrics.checks.thresholds) === JSON.stringify(data.b.metrics.checks.thresholds)' \
	    'data.b.lyocell === undefined' >"$tmp/err" 2>&1; then
		ok "$1"
	else
		notok "$1"
	fi
}

# part NAME RATE ARGS...: a part judges only its share (exit 0 or 99, as
# k6 does) and writes its export.
part() {
	local name=$1
	run "$@"
	case $? in
	0|99) [ -s "$tmp/$name.json" ] || notok "the part $name writes its export" ;;
	*) notok "the part $name runs" ;;
	esac
}

if run whole 0.6; then ok "the whole run passes"; else notok "the whole run passes"; fi
part half1 0.6 --execution-segment 0:1/2
part half2 0.6 --execution-segment 1/2:1 --tag instance_id=2
# Another machine may keep the script elsewhere: the same script still.
mkdir "$tmp/elsewhere" && cp "$tmp/split.js" "$tmp/elsewhere/"
i=0
for s in 0:1/3 1/3:2/3 2/3:1; do
	[ $i = 2 ] && dir=$tmp/elsewhere
	part "third$i" 0.6 --execution-segment "$s" --execution-segment-sequence 0,1/3,2/3,1
	i=$((i + 1))
done
dir=
merge 0 "two halves pass as the whole run does" --summary-export halves.json half1.json half2.json
same "two halves add up to the whole run" whole.json halves.json
merge 0 "three thirds pass" --summary-export thirds.json third2.json third0.json third1.json
same "three thirds add up to the whole run" whole.json thirds.json
if grep -q "checks_total.*: 600 " "$tmp/out" && grep -q "THRESHOLDS" "$tmp/out" &&
    grep -q "http_reqs.*: 600 " "$tmp/out"; then
	ok "the merged summary is run's"
else
	cp "$tmp/out" "$tmp/err"; notok "the merged summary is run's"
fi
"$LYOCELL" compare --no-color "$tmp/whole.json" "$tmp/thirds.json" >"$tmp/out" 2>"$tmp/err"
case $? in
0|99) grep -q "^http_reqs  *count  *600  *600 " "$tmp/out" && ok "compare reads the exports" ||
	notok "compare reads the exports" ;;
*) notok "compare reads the exports" ;;
esac

# The summary flags apply to the whole test, as on one machine.
merge 0 "--summary-trend-stats" --summary-trend-stats 'p(99.9),count' --summary-time-unit ms \
	--summary-export stats.json third0.json third1.json third2.json
grep -q "spread.*: p(99.9)=[0-9.]* *count=300 *$" "$tmp/out" &&
	grep -q "iteration_duration.*: p(99.9)=[0-9.]*ms *count=324 *$" "$tmp/out" &&
	"$JCHECK" "$tmp/stats.json" 'm.big.count === 144000 && m.big["p(99.9)"] > 0' >"$tmp/err" 2>&1 &&
	ok "the merged summary has the flags' columns" || notok "the merged summary has the flags' columns"
merge 104 "a bad --summary-trend-stats" --summary-trend-stats 'p(101)' third0.json third1.json third2.json
merge 0 "--log-format json" --log-format json third0.json third1.json third2.json

# Gauges: a custom one takes the latest part's value; vus and vus_max
# add up, the parts' VUs running at once.
gauges() {
	sed "/\"lyocell\": /s/\"metrics\":{/\"metrics\":{\"vus\":{\"type\":\"gauge\",\"contains\":\"default\",\"thresholds\":[],\"sink\":{\"value\":$2,\"min\":1,\"max\":$2,\"time\":$3,\"n\":2}},\"temp\":{\"type\":\"gauge\",\"contains\":\"default\",\"thresholds\":[],\"sink\":{\"value\":$4,\"min\":$4,\"max\":$4,\"time\":$3,\"n\":1}},/" \
		"$tmp/$1.json" >"$tmp/$1-gauges.json"
}
gauges half1 3 200 5
gauges half2 4 100 7
merge 0 "gauges merge" --summary-export gauges.json half2-gauges.json half1-gauges.json
"$JCHECK" "$tmp/gauges.json" 'm.temp.value === 5 && m.temp.min === 5 && m.temp.max === 7' \
    'm.vus.value === 7 && m.vus.min === 2 && m.vus.max === 7' >"$tmp/err" 2>&1 &&
	ok "the latest gauge value, the sum of the VUs" || notok "the latest gauge value, the sum of the VUs"

# A failing threshold: 99 for the whole run and for its merged parts.
run whole-fail 0.9
[ $? -eq 99 ] && ok "the whole run fails its thresholds" || notok "the whole run fails its thresholds"
part half1-fail 0.9 --execution-segment 0:1/2
part half2-fail 0.9 --execution-segment 1/2:1
merge 99 "the merged halves fail as the whole run does" half1-fail.json half2-fail.json
grep -q "thresholds on metrics 'checks' have been crossed" "$tmp/err" &&
	ok "the failed metric is named" || notok "the failed metric is named"

# Exports that are not the parts of one test.
merge 104 "a missing part" third0.json third2.json
grep -q "no export covers the execution segment 1/3:2/3" "$tmp/err" &&
	ok "the missing segment is named" || notok "the missing segment is named"
merge 104 "a part twice" half1.json half1.json half2.json
grep -q "half1.json: the same execution segment 0:1/2 as half1.json" "$tmp/err" &&
	ok "the repeated part is named" || notok "the repeated part is named"
merge 104 "overlapping parts" half1.json third1.json third2.json
part third1-noseq 0.6 --execution-segment 1/3:2/3
part third2-noseq 0.6 --execution-segment 2/3:1
part third0-noseq 0.6 --execution-segment 0:1/3
merge 104 "three parts without a sequence" third1-noseq.json third0-noseq.json third2-noseq.json
grep -q "third1-noseq.json: the parts ran without --execution-segment-sequence.*such as 0,1/3,2/3,1" "$tmp/err" &&
	ok "the sequence to use is named" || notok "the sequence to use is named"
merge 104 "different thresholds" half1.json half2-fail.json
grep -q "half2-fail.json: different thresholds than half1.json" "$tmp/err" &&
	ok "the other thresholds are named" || notok "the other thresholds are named"
part half1-same-id 0.6 --execution-segment 0:1/2 --tag instance_id=2
merge 104 "the same instance twice" half1-same-id.json half2.json
grep -q "the same instance_id 2" "$tmp/err" && ok "the instance is named" ||
	notok "the instance is named"
sed 's/"instance":{/"instance":{"testrun_name":"b",/' "$tmp/half2.json" >"$tmp/run-b.json"
merge 104 "another test run" half1.json run-b.json
grep -q 'run-b.json: another test run (testrun_name b) than half1.json (none)' "$tmp/err" &&
	ok "the other test run is named" || notok "the other test run is named"
sed 's/"script":"sha256:/"script":"sha256:0/' "$tmp/half2.json" >"$tmp/other-script.json"
merge 104 "another script" half1.json other-script.json
grep -q "other-script.json: a different script than half1.json" "$tmp/err" &&
	ok "the other script is named" || notok "the other script is named"
head -c 2000 "$tmp/half2.json" >"$tmp/truncated.json"
merge 104 "a truncated export" half1.json truncated.json
grep -q "truncated.json: not valid JSON" "$tmp/err" && ok "the truncated file is named" ||
	notok "the truncated file is named"
cat >"$tmp/k6.json" <<'EOF'
{ "metrics": { "http_reqs": { "count": 10, "rate": 1 } },
  "root_group": { "name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e", "groups": {}, "checks": {} } }
EOF
merge 104 "an export without merge data" half1.json k6.json
grep -q "k6.json: a summary export without Lyocell's merge data" "$tmp/err" &&
	ok "the k6 export is named" || notok "the k6 export is named"
sed 's/"buckets":\[/"buckets":[999999999,/' "$tmp/whole.json" >"$tmp/damaged.json"
merge 104 "damaged histogram data" damaged.json
grep -q "damaged.json: damaged merge data for metric big" "$tmp/err" &&
	ok "the damaged metric is named" || notok "the damaged metric is named"
sed '/"lyocell": /s/"checks":\[{"group"/"checks":7,"x":[{"group"/' "$tmp/half2.json" \
	>"$tmp/no-checks.json"
merge 104 "damaged merge data" half1.json no-checks.json
grep -q "no-checks.json: damaged merge data" "$tmp/err" && ok "the damaged file is named" ||
	notok "the damaged file is named"
merge 104 "a file that is not there" half1.json nothere.json
merge 255 "no export at all"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
