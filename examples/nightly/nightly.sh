#!/bin/sh
# nightly.sh SCRIPT [RESULTS]: one scheduled run of a soak test.
#
# Writes RESULTS/YYYY-MM-DDTHHMMSSZ/ (summary.json from --summary-export,
# samples.json.gz from --out json, report.html from the web dashboard's
# export, to open in a browser, summary.txt, run.log, compare.txt),
# points RESULTS/latest at it, and compares it with RESULTS/baseline.json
# (the first run's export becomes the baseline; copy a good night's
# summary.json over it to move it).  RESULTS/limits, when present, holds
# the limits of lyocell compare, one METRIC.STAT=[+|-]N[%] a line.
#
# Silent when all is well, so cron mails only failures; otherwise it
# prints what failed and exits with the status that says why:
#   0   the test passed and nothing regressed
#   99  a threshold was crossed, or compare found a regression
#   75  the previous run still holds the lock (flock): not started
#   other  lyocell's own exit status (see man lyocell, EXIT STATUS)
# Environment: LYOCELL (the program, default lyocell), HEARTBEAT (the
# --heartbeat period, default 60s), KEEP_DAYS (delete older results),
# DASHBOARD_PORT (serve the web dashboard there while the test runs;
# default none).
set -u
script=${1:?usage: nightly.sh SCRIPT [RESULTS]}
results=${2:-${HOME:-/tmp}/lyocell-results}
lyocell=${LYOCELL:-lyocell}

mkdir -p "$results" || exit 1
# One run at a time: a night that runs long must not overlap the next.
exec 9>"$results/.lock"
if ! flock -n 9; then
	echo "nightly.sh: an earlier run still holds $results/.lock; not started" >&2
	exit 75
fi

dir=$results/$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir -p "$dir" || exit 1
ln -sfn "$(basename "$dir")" "$results/latest"

"$lyocell" run --quiet --heartbeat "${HEARTBEAT:-60s}" \
	--summary-export "$dir/summary.json" --out "json=$dir/samples.json.gz" \
	--out "web-dashboard=port=${DASHBOARD_PORT:--1}&export=$dir/report.html" \
	--log-output "file=$dir/run.log" "$script" >"$dir/summary.txt" 2>>"$dir/run.log"
run=$?

status=$run
if [ -s "$dir/summary.json" ]; then
	if [ -f "$results/baseline.json" ]; then
		set --
		if [ -f "$results/limits" ]; then
			while IFS= read -r limit; do
				case $limit in ''|'#'*) continue ;; esac
				set -- "$@" --limit "$limit"
			done <"$results/limits"
		fi
		"$lyocell" compare --no-color "$@" "$results/baseline.json" "$dir/summary.json" \
			>"$dir/compare.txt" 2>&1
		cmp=$?
		[ "$status" = 0 ] && status=$cmp
	else
		cp "$dir/summary.json" "$results/baseline.json"
		cmp=0
	fi
else
	cmp=
fi

if [ "$status" != 0 ]; then
	echo "lyocell nightly run of $script failed (exit $status): $dir"
	echo "run: exit $run${cmp:+, compare: exit $cmp}"
	echo
	cat "$dir/summary.txt"
	[ -f "$dir/compare.txt" ] && { echo; cat "$dir/compare.txt"; }
	echo
	echo "last lines of $dir/run.log:"
	tail -n 20 "$dir/run.log"
fi

if [ -n "${KEEP_DAYS:-}" ]; then
	find "$results" -mindepth 1 -maxdepth 1 -type d -name '20*' \
		-mtime +"$KEEP_DAYS" -exec rm -rf {} +
fi
exit "$status"
