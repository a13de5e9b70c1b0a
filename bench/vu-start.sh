#!/bin/bash
# CPU per VU start: bench/vu-start.sh [BUILD_DIR] [N]   (ALLOC=LIB.so preloads
# another malloc into Lyocell)
# Runs N VUs and 1 VU of a script that imports k6 and k6/http and does one
# empty iteration each, and prints (CPU(N) - CPU(1)) / (N - 1), user +
# system time of the whole process tree: load on the machine disturbs
# this far less than wall time (bench/engine.sh measures that).
set -eu
build=$(cd "${1:-.}" && pwd)
n=${2:-4000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-vustart.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/init.js" <<'JS'
import http from 'k6/http';
import { check, sleep } from 'k6';
export const options = { scenarios: { s: { executor: 'per-vu-iterations',
    vus: Number(__ENV.N), iterations: 1 } } };
export default function () {}
JS
cpu() {
	/usr/bin/time -f "%U %S" ${ALLOC:+env LD_PRELOAD="$ALLOC"} "$build/lyocell" run -q --no-summary -e N="$1" \
	    "$tmp/init.js" 2>&1 >/dev/null | tail -1
}
one=$(cpu 1)
many=$(cpu "$n")
echo "$one $many" | awk -v n="$n" '{
	us = (($3 + $4) - ($1 + $2)) / (n - 1) * 1e6
	printf "%d VUs: %.0f us of CPU per VU start, %.0f VUs/s per core\n", n, us, 1e6 / us }'
