#!/bin/bash
# k6-operator's runner contract, played on one machine (the operator's
# source: pkg/resources/jobs/{initializer,runner}.go, containers/
# curl_{start,stop}.go, internal/controller/k6_{start,finish,stopped_jobs}.go;
# the contract is summed up in the man page, KUBERNETES).  Runner i of N
# listens on 127.0.0.(i+1) as each pod has its own address; the port is
# one per test run instead of 6565 so that runs on one machine do not
# collide (free_port).  `k6` on PATH is lyocell, as in the runner image.
set -u
. "${srcdir:-.}/tests/operator/common.sh" contract
start_target
PORT=$(free_port)
name=contract
cp "$HERE"/contract-*.js "$tmp/"
BODY='{"data":{"attributes":{"paused":false,"stopped":false},"id":"default","type":"status"}}'
STOP='{"data":{"attributes":{"paused":false,"stopped":true},"id":"default","type":"status"}}'
declare -a pod

# pkg/segmentation: runner i of n gets (i-1)/n:i/n, fractions unreduced.
segs() {
	local i=$1 n=$2 k seq=0
	[ "$n" -le 1 ] && return
	frac() { if [ "$1" -eq 0 ]; then echo 0; elif [ "$1" -eq "$n" ]; then echo 1; else echo "$1/$n"; fi; }
	for k in $(seq 1 $((n - 1))); do seq="$seq,$k/$n"; done
	echo "--execution-segment=$(frac $((i - 1))):$(frac "$i") --execution-segment-sequence=$seq,1"
}

host() { echo "127.0.0.$(($1 + 1))"; }

# runner I N SCRIPT [PLZ args...]: NewRunnerJob's command line, with the
# user's arguments in ${user[@]}, in the pod's own directory.
runner() {
	local i=$1 n=$2 script=$3
	shift 3
	mkdir -p "$tmp/pod-$i"
	# shellcheck disable=SC2046
	(cd "$tmp/pod-$i" && exec k6 run --quiet $(segs "$i" "$n") ${user[@]+"${user[@]}"} \
		"$tmp/$script" --address="$(host "$i"):$PORT" --paused --tag "instance_id=$i" \
		--tag "testrun_name=$name" "$@") >"$tmp/pod-$i/log" 2>&1 </dev/null &
	pod[$i]=$!
	pids="$pids $!"
}

# api METHOD I PATH [BODY]: the status code; the body in $tmp/resp.  As
# k6's Go client: no Content-Type.
api() {
	local m=$1 h=$2 p=$3
	shift 3
	curl -s -m 5 -o "$tmp/resp" -w '%{http_code}' -X "$m" -H 'Content-Type:' \
		-H 'User-Agent: Go-http-client/1.1' ${1+--data-binary "$1"} "http://$h:$PORT$p"
}

# k6_start.go: every runner answers GET /v1/status below 400.
ready() {
	local i c
	for i in $(seq 1 "$1"); do
		c=$(curl -s -m 1 -o /dev/null -w '%{http_code}' "http://$(host "$i"):$PORT/v1/status")
		[ "$c" -ge 200 ] 2>/dev/null && [ "$c" -lt 400 ] || return 1
	done
}
wait_ready() {
	local t
	for t in $(seq 300); do
		ready "$1" && return 0
		sleep 0.1
	done
	return 1
}

# wait_paused I: runner i has made its VUs and waits (k6's status 4,
# after 1 while they are made); its status in $tmp/resp.
wait_paused() {
	local t
	for t in $(seq 300); do
		api GET "$(host "$1")" /v1/status >/dev/null
		grep -q '"status":4,' "$tmp/resp" && return 0
		sleep 0.1
	done
	return 1
}

# curl_start.go / curl_stop.go: one sh -c, one curl per runner in turn.
starter() {
	local body=$1 cmd= i
	for i in $(seq 1 "$2"); do
		cmd="$cmd${cmd:+;}curl --retry 3 -X PATCH -H 'Content-Type: application/json' http://$(host "$i"):$PORT/v1/status -d '$body' -s -w '\n{\"http_code\":%{http_code}}'"
	done
	sh -c "$cmd"
}

# The kubelet's probes (timeout 1 s, failureThreshold 3): no runner alive
# misses three in a row.  A miss right before its exit is no miss: the API
# closes as the process ends.
prober() {
	local i c
	local -a misses
	: >"$tmp/probe-failures"
	while :; do
		alive=0
		for i in $(seq 1 "$1"); do
			kill -0 "${pod[$i]}" 2>/dev/null || continue
			alive=1
			c=$(curl -s -m 1 -o /dev/null -w '%{http_code}' "http://$(host "$i"):$PORT/v1/status")
			if [ "$c" = 200 ]; then
				misses[$i]=0
				continue
			fi
			sleep 0.5
			kill -0 "${pod[$i]}" 2>/dev/null || continue
			misses[$i]=$((${misses[$i]:-0} + 1))
			[ "${misses[$i]}" -ge 3 ] &&
				echo "runner $i missed 3 probes in a row (last: $c)" >>"$tmp/probe-failures"
		done
		[ "$alive" = 1 ] || break
		sleep 0.3
	done
}

# wait_exit I WANT: runner i exits with WANT within a minute.
wait_exit() {
	local t rc
	for t in $(seq 600); do
		kill -0 "${pod[$1]}" 2>/dev/null || break
		sleep 0.1
	done
	if kill -KILL "${pod[$1]}" 2>/dev/null; then
		wait "${pod[$1]}"
		echo "runner $1 did not exit"
		return 1
	fi
	wait "${pod[$1]}"
	rc=$?
	[ "$rc" -eq "$2" ] || { echo "runner $1 exited $rc, expected $2"; return 1; }
}

##### The example TestRun: its script needs as many VUs as its runners.
par=$(sed -n 's/^  parallelism: *//p' "$srcdir/examples/kubernetes/testrun.yaml")
k6 inspect --execution-requirements "$srcdir/examples/kubernetes/test.js" >"$tmp/ex.json" 2>"$tmp/err"
if [ -n "$par" ] && check "$tmp/ex.json" "data.maxVUs >= $par" >>"$tmp/err" 2>&1; then
	ok "examples/kubernetes: maxVUs >= parallelism $par"
else
	notok "examples/kubernetes" "$tmp/err"
fi

##### Standard TestRun: parallelism 3, `--vus 6 --iterations 120`.
N=3
user=(--vus 6 --iterations 120 --summary-export summary.json --out json=out.json)
archive_args=(--vus 6 --iterations 120 --summary-export summary.json)	# ParseCLI drops --out

mkdir "$tmp/unsplit"
(cd "$tmp/unsplit" && k6 run --quiet --vus 6 --iterations 120 --summary-export summary.json \
	"$tmp/contract-test.js") >"$tmp/unsplit/log" 2>&1
unsplit_rc=$?
if [ $unsplit_rc -eq 99 ] && check "$tmp/unsplit/summary.json" 'm.http_reqs.count === 120' \
    >>"$tmp/unsplit/log" 2>&1; then
	ok "the unsplit run: 120 requests, its threshold count<100 crossed (99)"
else
	notok "the unsplit run: exit $unsplit_rc" "$tmp/unsplit/log"
fi

# The initializer (initializer.go): its exact shell, its log read as
# one JSON document, maxVUs against parallelism.
INIT_SH='if ! command -v k6 >/dev/null 2>&1; then
  echo '\''level=error msg="k6 executable not found in PATH; initializer image must contain k6"'\'' >&2
  exit 127
fi

logs=/tmp/k6logs
archive="$1"
shift

if ! mkdir -p "$(dirname "${archive}")"; then
  exit 1
fi

if ! "$@" 2> "${logs}"; then
  cat "${logs}"
  exit 1
fi

if ! k6 inspect --execution-requirements "${archive}" 2> "${logs}"; then
  cat "${logs}"
  exit 1
fi

if grep '\''level.*error'\'' "${logs}"; then
  exit 1
fi'
# /tmp/k6logs is the initializer pod's own; here, the test's.
INIT_SH=${INIT_SH//\/tmp\/k6logs/$tmp\/k6logs}
arc=$tmp/init/test.js.archived.tar
sh -c "$INIT_SH" sh "$arc" k6 archive "$tmp/contract-test.js" -O "$arc" "${archive_args[@]}" \
	>"$tmp/init.log" 2>&1
rc=$?
if [ $rc -eq 0 ] && check "$tmp/init.log" "data.maxVUs >= $N" 'data.maxVUs === 6' \
    'data.totalDuration === "10m30s"' >>"$tmp/k6logs" 2>&1; then
	ok "initializer: archive + inspect, one JSON document, maxVUs 6 >= $N"
else
	notok "initializer: exit $rc" "$tmp/init.log"
fi

for i in $(seq 1 $N); do
	runner "$i" $N contract-test.js
done
if wait_ready $N; then
	ok "$N runners ready: GET /v1/status < 400"
else
	notok "runners never became ready" "$tmp/pod-1/log"
fi
wait_paused 1
if check "$tmp/resp" 'data.data.attributes.running === false' \
    'data.data.attributes.paused === true' 'data.data.attributes.status === 4' \
    'data.data.attributes["vus-max"] === 2' \
    'data.data.type === "status" && data.data.id === "default"' >"$tmp/err" 2>&1 &&
    { [ ! -s "$tmp/pod-1/out.json" ] || ! grep -q '"type":"Point"' "$tmp/pod-1/out.json"; }; then
	ok "paused: status 4 with its 2 VUs made, not running, nothing measured"
else
	notok "paused status" "$tmp/err"
fi

# Bad input, answered as k6 does (api/v1, Go's ServeMux).
bad=
c=$(api GET "$(host 1)" /v1/nope); [ "$c" = 404 ] || bad="$bad unknown-endpoint=$c"
c=$(api DELETE "$(host 1)" /v1/status); [ "$c" = 405 ] || bad="$bad wrong-method=$c"
c=$(api PATCH "$(host 1)" /v1/status '{"data":'); [ "$c" = 400 ] &&
	check "$tmp/resp" 'data.errors[0].title === "Invalid data"' >/dev/null ||
	bad="$bad malformed=$c"
c=$(api PATCH "$(host 1)" /v1/status '{"data":{"attributes":{"paused":"no"}}}'); [ "$c" = 400 ] ||
	bad="$bad wrong-type=$c"
c=$(api PATCH "$(host 1)" /v1/status '{"data":{"attributes":{"paused":true}}}'); [ "$c" = 500 ] &&
	check "$tmp/resp" 'data.errors[0].title === "Pause error"' \
	'data.errors[0].detail === "execution is already paused"' >/dev/null || bad="$bad pause-again=$c"
c=$(api PATCH "$(host 1)" /v1/status '{"data":{"attributes":{"vus":2}}}'); [ "$c" = 500 ] &&
	check "$tmp/resp" 'data.errors[0].title === "Execution config error"' >/dev/null ||
	bad="$bad vus=$c"
c=$(api GET "$(host 1)" /ping); [ "$c" = 200 ] && [ "$(cat "$tmp/resp")" = ok ] || bad="$bad ping=$c"
# A HEAD answer says its length (Go's does), so a client that waits for
# the body it announces does not hang, and sends no body.
c=$(curl -s -m 2 -o /dev/null -w '%{http_code}' -X HEAD "http://$(host 1):$PORT/v1/status") &&
	[ "$c" = 405 ] || bad="$bad head=$c"
h=$(curl -s -m 2 -i -X HEAD "http://$(host 1):$PORT/ping" | tr -d '\r')
case $h in *"Content-Length: 2"*) ;; *) bad="$bad head-ping-length" ;; esac
[ "${h%ok}" = "$h" ] || bad="$bad head-ping-body"
if [ -z "$bad" ]; then
	ok "bad input as k6: 404, 405, 400 Invalid data, 500 Pause error, 500 VU changes"
else
	notok "bad input:$bad"
fi

prober $N &
prober_pid=$!
starter "$BODY" $N >"$tmp/starter.log" 2>&1
if [ "$(grep -c '"http_code":200' "$tmp/starter.log")" -eq $N ]; then
	ok "the starter's curl PATCH resumes every runner (200)"
else
	notok "starter" "$tmp/starter.log"
fi
c=$(api PATCH "$(host 1)" /v1/status "$BODY")
if [ "$c" = 500 ] && check "$tmp/resp" 'data.errors[0].title === "Pause error"' >/dev/null ||
    ! kill -0 "${pod[1]}" 2>/dev/null; then
	ok "resume twice: 500 Pause error"
else
	notok "resume twice: $c $(cat "$tmp/resp")"
fi
bad=
for i in $(seq 1 $N); do
	wait_exit "$i" 0 >>"$tmp/exits" || bad=1
done
wait "$prober_pid"
if [ -z "$bad" ]; then
	ok "every runner exits 0 at the end of its share"
else
	notok "runner exits" "$tmp/exits"
fi
if [ ! -s "$tmp/probe-failures" ]; then
	ok "GET /v1/status answered within 1 s all along, under load (no 3 misses in a row)"
else
	notok "probes failed" "$tmp/probe-failures"
fi
printf '[%s,%s,%s,%s]' "$(cat "$tmp/unsplit/summary.json")" "$(cat "$tmp/pod-1/summary.json")" \
	"$(cat "$tmp/pod-2/summary.json")" "$(cat "$tmp/pod-3/summary.json")" >"$tmp/all.json"
if check "$tmp/all.json" 'data[1].metrics.http_reqs.count + data[2].metrics.http_reqs.count + data[3].metrics.http_reqs.count === data[0].metrics.http_reqs.count' \
    'data[1].metrics.iterations.count + data[2].metrics.iterations.count + data[3].metrics.iterations.count === 120' \
    'data[1].metrics.http_reqs.count === 40' >"$tmp/err" 2>&1; then
	ok "the runners' requests add up exactly to the unsplit run's"
else
	notok "counts" "$tmp/err"
fi
bad=
for i in $(seq 1 $N); do
	grep '"type":"Point"' "$tmp/pod-$i/out.json" |
		grep -v "\"instance_id\":\"$i\"" | grep -q . && bad="$bad $i"
	grep '"type":"Point"' "$tmp/pod-$i/out.json" |
		grep -v "\"testrun_name\":\"$name\"" | grep -q . && bad="$bad $i"
done
if [ -z "$bad" ]; then
	ok "every sample tagged instance_id and testrun_name"
else
	notok "untagged samples on runners$bad"
fi

# One verdict across instances: each runner passed its share of the
# threshold; the merge of their exports judges the whole test as the
# unsplit run did.
(cd "$tmp" && "$LYOCELL" merge --summary-export merged.json pod-1/summary.json \
	pod-2/summary.json pod-3/summary.json) >"$tmp/merge.log" 2>&1
rc=$?
if [ $rc -eq "$unsplit_rc" ] && check "$tmp/merged.json" 'm.http_reqs.count === 120' \
    'm.iterations.count === 120' 'm.http_reqs.thresholds["count<100"] === true' \
    >>"$tmp/merge.log" 2>&1; then
	ok "lyocell merge of the runners' exports: 120 requests, exit $rc as the unsplit run"
else
	notok "merge: exit $rc, the unsplit run $unsplit_rc" "$tmp/merge.log"
fi

##### A standard runner with setup(): its VUs are made while paused,
##### setup() runs after the resume and its data reaches every VU.
N=1
user=(--vus 3 --iterations 9)
rm -rf "$tmp"/pod-*
runner 1 1 contract-plz.js
wait_ready 1
wait_paused 1
cp "$tmp/resp" "$tmp/paused.json"
before=$(grep -c 'setup ran' "$tmp/pod-1/log")
starter "$BODY" 1 >/dev/null 2>&1
if check "$tmp/paused.json" 'data.data.attributes["vus-max"] === 3' \
    'data.data.attributes.status === 4' >"$tmp/err" 2>&1 && [ "$before" -eq 0 ] &&
    wait_exit 1 0 >>"$tmp/err" && [ "$(grep -c 'setup ran' "$tmp/pod-1/log")" -eq 1 ]; then
	ok "paused with its VUs made (vus-max 3), setup() after the resume, its data in every VU"
else
	notok "VUs before the resume: $before setups while paused" "$tmp/err"
	sed 's/^/#   /' "$tmp/pod-1/log" | tail -n 10
fi

##### A slow VU init: ready meanwhile (k6's status 1, InitVUs), and the
##### starter's resume that comes during it is kept.
N=1
user=(--vus 2 --iterations 4 --summary-export summary.json)
rm -rf "$tmp"/pod-*
runner 1 1 contract-slow-init.js
wait_ready 1
api GET "$(host 1)" /v1/status >/dev/null
cp "$tmp/resp" "$tmp/init.json"
starter "$BODY" 1 >"$tmp/starter.log" 2>&1
wait_exit 1 0 >"$tmp/err"
rc=$?
if check "$tmp/init.json" 'data.data.attributes.status === 1' \
    'data.data.attributes["vus-max"] === 0' 'data.data.attributes.paused === true' \
    >>"$tmp/err" 2>&1 && grep -q '"http_code":200' "$tmp/starter.log" && [ $rc -eq 0 ] &&
    check "$tmp/pod-1/summary.json" 'm.iterations.count === 4' >>"$tmp/err" 2>&1; then
	ok "slow VU init: status 1 while the VUs are made, a resume meanwhile kept, 4 iterations"
else
	notok "resume during the VUs' init" "$tmp/err"
	sed 's/^/#   /' "$tmp/init.json" "$tmp/starter.log"
fi

##### vus-max while paused: the VUs made (an arrival rate's preAllocatedVUs),
##### not the most it may make.
N=1
user=()
rm -rf "$tmp"/pod-*
runner 1 1 contract-arrival.js
wait_ready 1
wait_paused 1
cp "$tmp/resp" "$tmp/arrival.json"
starter "$STOP" 1 >/dev/null 2>&1
wait_exit 1 103 >"$tmp/err"
rc=$?
if check "$tmp/arrival.json" 'data.data.attributes["vus-max"] === 2' >>"$tmp/err" 2>&1 &&
    [ $rc -eq 0 ]; then
	ok "paused arrival rate: vus-max 2, its preAllocatedVUs, not its maxVUs 5"
else
	notok "vus-max of an arrival rate while paused" "$tmp/err"
fi

##### PrivateLoadZone: setup once through the API, teardown once, --linger.
N=2
user=(--vus 2 --iterations 8)
rm -rf "$tmp"/pod-*
for i in $(seq 1 $N); do
	runner "$i" $N contract-plz.js --no-setup --no-teardown --linger -e "K6_CLOUDRUN_INSTANCE_ID=$i"
done
wait_ready $N || notok "PLZ runners never became ready" "$tmp/pod-1/log"
c=$(api POST "$(host 1)" /v1/setup)
cp "$tmp/resp" "$tmp/setup.json"
data=$(sed -e 's/^.*"attributes":{"data"://' -e 's/}}}$//' "$tmp/setup.json")
bad=
for i in $(seq 1 $N); do
	p=$(api PUT "$(host "$i")" /v1/setup "$data")
	[ "$p" = 200 ] || bad="$bad put$i=$p"
done
if [ "$c" = 200 ] && check "$tmp/setup.json" 'data.data.type === "setupData"' \
    'data.data.attributes.data.token === "abc"' >/dev/null && [ -z "$bad" ]; then
	ok "PLZ: POST /v1/setup on runner 1, PUT of its raw data on every runner"
else
	notok "PLZ setup hand-off: POST $c$bad $(cat "$tmp/setup.json")"
fi
starter "$BODY" $N >"$tmp/starter.log" 2>&1
# k6_stopped_jobs.go: poll until every runner says running:false.
for _ in $(seq 200); do
	done_=0
	for i in $(seq 1 $N); do
		api GET "$(host "$i")" /v1/status >/dev/null
		grep -q '"running":false' "$tmp/resp" && grep -q '"status":9' "$tmp/resp" &&
			done_=$((done_ + 1))
	done
	[ $done_ -eq $N ] && break
	sleep 0.2
done
c=$(api POST "$(host 1)" /v1/teardown)
sleep 0.5
alive=0
for i in $(seq 1 $N); do kill -0 "${pod[$i]}" 2>/dev/null && alive=$((alive + 1)); done
if [ $done_ -eq $N ] && [ "$c" = 200 ] && [ $alive -eq $N ]; then
	ok "PLZ: every runner ended (running:false), teardown on runner 1, still lingering"
else
	notok "PLZ end: ended $done_, teardown $c, alive $alive" "$tmp/pod-1/log"
fi
bad=
for i in $(seq 1 $N); do
	kill -TERM "${pod[$i]}"
	wait_exit "$i" 0 >>"$tmp/exits2" || bad=1
done
setups=$(cat "$tmp"/pod-*/log | grep -c 'setup ran')
teardowns=$(cat "$tmp"/pod-*/log | grep -c 'teardown ran with abc')
if [ -z "$bad" ] && [ "$setups" -eq 1 ] && [ "$teardowns" -eq 1 ] &&
    grep -q 'setup ran' "$tmp/pod-1/log"; then
	ok "PLZ: setup() and teardown() ran once, every VU had the data, exit 0 on SIGTERM"
else
	notok "PLZ: setups $setups, teardowns $teardowns" "$tmp/exits2"
	sed 's/^/#   /' "$tmp/pod-2/log" | tail -n 20
fi

##### PLZ: a failing setup() is k6's "Error executing setup"; the stopper.
N=1
user=()
rm -rf "$tmp"/pod-*
runner 1 1 contract-setup-fails.js --no-setup --no-teardown --linger
wait_ready 1
c=$(api POST "$(host 1)" /v1/setup)
if [ "$c" = 500 ] && check "$tmp/resp" 'data.errors.length === 1' \
    'data.errors[0].title === "Error executing setup"' \
    '/no token/.test(data.errors[0].detail)' >/dev/null; then
	ok "a failing setup(): 500, errors[0].title Error executing setup"
else
	notok "failing setup: $c $(cat "$tmp/resp")"
fi
# k6 keeps lingering after a stop; the deletion of the TestRun ends it.
starter "$STOP" 1 >/dev/null 2>&1
sleep 0.5
api GET "$(host 1)" /v1/status >/dev/null
if kill -0 "${pod[1]}" 2>/dev/null && grep -q '"stopped":true' "$tmp/resp" &&
    kill -TERM "${pod[1]}" && wait_exit 1 103 >"$tmp/err"; then
	ok "the stopper while paused: stopped:true, lingering, exit 103 on SIGTERM"
else
	notok "stop while paused and lingering" "$tmp/err"
fi

##### A stop during the run: exit 103, promptly.
rm -rf "$tmp"/pod-*
runner 1 1 contract-long.js
wait_ready 1
starter "$BODY" 1 >/dev/null 2>&1
sleep 2.5
# k6's ids: the MD5 of the group path, "::outer"; of the root, "".
outer=$(printf '::outer' | md5sum | cut -c1-32)
root=$(printf '' | md5sum | cut -c1-32)
m=$(api GET "$(host 1)" /v1/metrics)
cp "$tmp/resp" "$tmp/metrics.json"
g=$(api GET "$(host 1)" /v1/groups)
cp "$tmp/resp" "$tmp/groups.json"
g1=$(api GET "$(host 1)" "/v1/groups/$outer")
cp "$tmp/resp" "$tmp/group.json"
m1=$(api GET "$(host 1)" /v1/metrics/nope)
api GET "$(host 1)" /v1/status >/dev/null
cp "$tmp/resp" "$tmp/tainted.json"
if [ "$m$g$g1$m1" = 200200200404 ] &&
    check "$tmp/tainted.json" 'data.data.attributes.tainted === true' >"$tmp/err" 2>&1 && check "$tmp/metrics.json" \
    'data.data.some(function (d) { return d.type === "metrics" && d.id === "vus" && d.attributes.type === "gauge" && d.attributes.sample.value === 2; })' \
    'data.data.some(function (d) { return d.id === "checks" && d.attributes.sample.rate === 1; })' \
    >>"$tmp/err" 2>&1 && check "$tmp/groups.json" "data.data[0].id === '$root'" \
    "data.data[1].id === '$outer' && data.data[1].attributes.name === 'outer'" \
    "data.data[1].relationships.parent.data.id === '$root'" \
    "data.data[0].relationships.groups.data[0].id === '$outer'" >>"$tmp/err" 2>&1 &&
    check "$tmp/group.json" 'data.data.attributes.checks[0].name === "one is one"' \
    'data.data.attributes.checks[0].passes > 0' >>"$tmp/err" 2>&1; then
	ok "GET /v1/metrics, /v1/groups, /v1/groups/ID during the run, 404 for none; tainted"
else
	notok "metrics and groups: $m $g $g1 $m1" "$tmp/err"
fi
t0=$(date +%s)
starter "$STOP" 1 >"$tmp/stop.log" 2>&1
if wait_exit 1 103 >"$tmp/err" && [ $(($(date +%s) - t0)) -le 10 ] &&
    grep -q '"stopped":true' "$tmp/stop.log"; then
	ok "PATCH stopped:true during the run: stopped:true answered, exit 103"
else
	notok "stop during the run" "$tmp/err"
fi

##### --address=0.0.0.0 listens on IPv4 and IPv6, as Go does.
P2=$((PORT + 1))
(cd "$tmp" && exec k6 run --quiet contract-long.js --address=0.0.0.0:$P2 --paused) \
	>"$tmp/dual.log" 2>&1 &
dual=$!
pids="$pids $dual"
for _ in $(seq 100); do
	[ "$(curl -s -m 1 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$P2/v1/status")" = 200 ] && break
	sleep 0.1
done
v4=$(curl -s -m 1 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$P2/v1/status")
if grep -q '^00000000000000000000000000000001 ' /proc/net/if_inet6 2>/dev/null; then
	v6=$(curl -s -m 1 -o /dev/null -w '%{http_code}' "http://[::1]:$P2/v1/status")
else
	v6=200	# no IPv6 loopback on this machine
fi
curl -s -m 5 -o /dev/null -X PATCH "http://127.0.0.1:$P2/v1/status" -d "$STOP"
pod[9]=$dual
wait_exit 9 103 >"$tmp/err"
rc=$?
[ $rc -eq 0 ] && rc=103
if [ "$v4" = 200 ] && [ "$v6" = 200 ] && [ $rc -eq 103 ]; then
	ok "--address=0.0.0.0: answers on 127.0.0.1 and [::1]"
else
	notok "dual stack: v4 $v4, v6 $v6, exit $rc" "$tmp/dual.log"
fi
finish
