#!/bin/bash
# Limits of the system, under ulimit: a worker that cannot get memory or
# files is reported as such (exit 109), not as a script exception.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-limits.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; sed 's/^/#   /' "$tmp/err" | tail -n 10; failed=$((failed + 1)); }

cat >"$tmp/idle.js" <<'JS'
import { sleep } from 'k6';
export const options = { scenarios: { s: { executor: 'constant-vus',
    vus: +__ENV.VUS, duration: __ENV.D || '1s', gracefulStop: '0s' } } };
export default function () { sleep(0.5); }
JS

# No files for the worker's event loop.
(ulimit -n 9; exec timeout -k 5 20 "$LYOCELL" run -q --no-summary --workers 1 \
    -e VUS=10 "$tmp/idle.js") >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" = 109 ] && grep -q "Too many open files" "$tmp/err" &&
    grep -q "worker 0 exited before the test started" "$tmp/err" &&
    ! grep -q "script exception" "$tmp/err"; then
	ok "no files: exit 109, said"
else
	notok "no files: exit $rc"
fi

# No address space for the VUs' stacks.
(ulimit -v 400000; exec timeout -k 5 20 "$LYOCELL" run -q --no-summary --workers 1 \
    -e VUS=4000 "$tmp/idle.js") >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" = 109 ] &&
    grep -q "worker 0: VU [0-9]*: cannot map a [0-9]* KiB coroutine stack: Cannot allocate memory" "$tmp/err" &&
    ! grep -q "script exception" "$tmp/err"; then
	ok "no memory: exit 109, naming the VU"
else
	notok "no memory: exit $rc"
fi

# Many idle VUs in little address space: 3,000 in one worker under 1.4 GB
# (with 516 KiB stacks they needed 1.5 GB for the stacks alone).
(ulimit -v 1400000; exec timeout -k 5 30 "$LYOCELL" run -q --no-summary --workers 1 \
    -e VUS=3000 "$tmp/idle.js") >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" = 0 ]; then
	ok "3000 idle VUs under ulimit -v 1400000"
else
	notok "3000 idle VUs under ulimit -v 1400000: exit $rc"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
