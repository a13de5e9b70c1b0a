#!/bin/bash
# Where one request's instructions go: Lyocell (1 VU, http.get + one
# check, one worker) and bench/curl-floor (1 connection) against the same
# local nginx, each under valgrind --tool=callgrind for N and then 2N
# requests; the difference divided by N is the cost of one request, with
# start-up and exit cancelled out.  Each function's own instructions, with
# those it spends in libc and src/util (malloc, memcpy, buf_*) split
# among its callers, are summed into groups (see group() below).  Kernel
# time (send/recv on loopback) is not in callgrind's counts.
#
#   bench/request-cost.sh [BUILD_DIR] [N]      (N = 1000; VUS=1 VUs and
#                                   connections; KEEP=DIR keeps the files;
#                                   SUMMARY="ARGS" replaces --no-summary;
#                                   HANDLE_SUMMARY=1 adds a handleSummary
#                                   that prints nothing; FLOOR_ARGS, by
#                                   default -u: the URL parsed once, as
#                                   Lyocell hands it to libcurl; ALLOC=LIB.so
#                                   preloads another malloc into Lyocell and
#                                   the floor: callgrind, unlike memcheck,
#                                   replaces no malloc, so LD_PRELOAD works)
#
# Prints a markdown table per program; bench/perf.md has the results.
set -eu
build=$(cd "${1:-.}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
n=${2:-1000}
VUS=${VUS:-1}
SUMMARY=${SUMMARY:---no-summary}
FLOOR_ARGS=${FLOOR_ARGS--u}
command -v valgrind >/dev/null || { echo "request-cost: valgrind is not installed" >&2; exit 1; }
session_end() {	# KEEP=DIR keeps the callgrind files
	[ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$tmp"/cg.* "$KEEP"/ 2>/dev/null
	return 0
}
# shellcheck source=bench/nginx.sh
. "$here/nginx.sh"
nginx_session reqcost || exit 1

get_check_script "$tmp/script.js"

if [ -n "${HANDLE_SUMMARY:-}" ]; then
	echo "export function handleSummary(data) { return { stdout: '' }; }" >>"$tmp/script.js"
fi

cg() {	# cg TAG CMD...: callgrind files $tmp/cg.TAG.PID, every process
	${ALLOC:+env LD_PRELOAD="$ALLOC"} valgrind --tool=callgrind --trace-children=yes \
	    --callgrind-out-file="$tmp/cg.$1.%p" "${@:2}" >/dev/null 2>"$tmp/err" || {
		echo "request-cost: $2 failed:" >&2; tail -5 "$tmp/err" >&2; exit 1; }
}
# shellcheck disable=SC2086
cg ly1 "$build/lyocell" run -q $SUMMARY --workers 1 -e VUS="$VUS" -e N="$n" -e URL="$NGINX_URL" "$tmp/script.js"
# shellcheck disable=SC2086
cg ly2 "$build/lyocell" run -q $SUMMARY --workers 1 -e VUS="$VUS" -e N=$((2 * n)) -e URL="$NGINX_URL" "$tmp/script.js"
# shellcheck disable=SC2086
cg fl1 "$build/bench/curl-floor" $FLOOR_ARGS -c "$VUS" -n "$n" "$NGINX_URL"
# shellcheck disable=SC2086
cg fl2 "$build/bench/curl-floor" $FLOOR_ARGS -c "$VUS" -n $((2 * n)) "$NGINX_URL"

python3 - "$tmp" "$n" "$VUS" "$FLOOR_ARGS" <<'PY'
import collections, glob, re, sys

tmp, n, vus = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def parse(path):
    """Each function's own Ir, and the inclusive Ir of each call edge."""
    names = {'ob': {}, 'fl': {}, 'fn': {}}
    cur = {'ob': '', 'fl': '', 'fn': ''}
    cob = cfl = cfn = None
    own = collections.Counter()
    calls = collections.defaultdict(collections.Counter)
    pending = False

    def name(kind, v):
        m = re.match(r'\((\d+)\)(?: (.*))?', v)
        if not m:
            return v
        if m.group(2) is not None:
            names[kind][m.group(1)] = m.group(2)
        return names[kind].get(m.group(1), v)

    for line in open(path):
        line = line.rstrip('\n')
        if not line:
            continue
        if line[0].isdigit() or line[0] in '+-*':
            parts = line.split()
            ir = int(parts[1]) if len(parts) > 1 else 0
            key = (cur['ob'], cur['fl'], cur['fn'])
            if pending:
                calls[key][(cob, cfl, cfn)] += ir
                pending = False
                # cob= and cfi= name the callee of one call only
                cob, cfl = cur['ob'], cur['fl']
            else:
                own[key] += ir
            continue
        k, _, v = line.partition('=')
        if k in ('ob', 'fl', 'fn'):
            cur[k] = name(k, v)
            if k == 'fn':
                cob, cfl = cur['ob'], cur['fl']
        elif k in ('fi', 'fe'):
            name('fl', v)
        elif k == 'cob':
            cob = name('ob', v)
        elif k in ('cfi', 'cfl'):
            cfl = name('fl', v)
        elif k == 'cfn':
            cfn = name('fn', v)
        elif k == 'calls':
            pending = True
    return own, calls

MALLOC_LIBS = ('mimalloc', 'jemalloc', 'tcmalloc')
MALLOC_FNS = re.compile(r'^(__libc_|_int_|__GI___libc_|__)?(malloc|free|calloc|'
                        r'realloc|memalign|posix_memalign|aligned_alloc)(\b|_)|'
                        r'^(malloc_consolidate|unlink_chunk|sysmalloc|tcache_|'
                        r'alloc_perturb|free_perturb|systrim|heap_trim|ptmalloc_)')

def is_malloc(f):
    """The allocator's own functions: glibc's in libc, or a preloaded one."""
    ob, fl, fn = f
    base = ob.rsplit('/', 1)[-1]
    if any(m in base for m in MALLOC_LIBS):
        return True
    # tcmalloc's malloc and free lie in a section of their own, which
    # callgrind names no object for
    return ('libc.so' in ob or base in ('', '???')) and \
        MALLOC_FNS.match(fn) is not None

def neutral(f):
    ob, fl, fn = f
    # not ld.so: its lazy-binding trampoline is the caller of record of
    # whole call trees, which would pull their libc share into a cycle
    return ('libc.so' in ob or 'libm.so' in ob or '/src/util/' in fl or
            is_malloc(f))

def attribute(own, calls):
    """Give the own Ir of neutral functions (libc, src/util) to their
    callers, in proportion to what each call cost."""
    callers = collections.defaultdict(dict)
    for g, callees in calls.items():
        for h, v in callees.items():
            if neutral(h) and g != h:
                callers[h][g] = callers[h].get(g, 0) + v
    out = collections.Counter()
    pending = collections.Counter()
    for f, v in own.items():
        (pending if neutral(f) else out)[f] += v
    for _ in range(100):
        if not pending:
            break
        nxt = collections.Counter()
        for h, amt in pending.items():
            cs = callers.get(h)
            tot = sum(cs.values()) if cs else 0
            if tot <= 0:
                out[h] += amt
                continue
            for g, w in cs.items():
                (nxt if neutral(g) else out)[g] += amt * w / tot
        pending = nxt
    for h, amt in pending.items():
        out[h] += amt
    return out

JS = ('intern.c', 'proporder.c', 'mujs-layout.c', 'runtime.c', 'number.c',
      'regexp.c')
TIMINGS = {'timings', 'us_ms', 'prereq_cb', 'debug_cb', 'verbose_off',
           'thread_cpu', 'untimed', 'engine_now'}
SAMPLES = {'emit_metrics', 'emit_inner', 'engine_emit', 'engine_emit_at',
           'engine_emit_n', 'emit_samples', 'vu_emit', 'vu_emit_n'}
TAGS = {'hop_tags', 'emit_tags', 'engine_tags_with', 'engine_system_tag'}
SETUP = {'setup_easy', 'cookie_header', 'add_cookie_str', 'has_hdr', 'hv_easy',
         'req_start', 'opensocket_cb', 'net_start', 'net_cancel',
         'curl-floor.c:start', 'curl-floor.c:setup'}
LOOP = {'action', 'drain', 'sock_cb', 'socket_fn', 'timer_fn', 'timer_cb'}
CURL_SETUP = {'curl_easy_setopt', 'curl_easy_reset', 'curl_slist_append',
              'curl_slist_free_all', 'curl_multi_add_handle',
              'curl_multi_remove_handle', 'curl_easy_init'}
CURL_INFO = {'curl_easy_getinfo'}

MALLOC = 'malloc'

def group(f):
    ob, fl, fn = f
    fn = re.sub(r"(\.constprop|\.isra|\.part)[.0-9]*|'\d+$", '', fn)
    base = fl.rsplit('/', 1)[-1]
    if any(m in ob.rsplit('/', 1)[-1] for m in MALLOC_LIBS):
        return 'the preloaded malloc (ALLOC)'
    if 'libmujs' in ob or base in JS:
        return 'mujs interpreter (incl. intern, property order)'
    if base == 'vualloc.c' or fn == 'vu_alloc':
        return 'JS allocations (the VU allocator hook)'
    if base == 'http-response.c':
        return 'the Response object'
    if fn in TIMINGS:
        return 'timings (clocks, verbose toggle, prereq/debug callbacks)'
    if base == 'k6.c':
        return 'check()'
    if fn in SAMPLES or '/src/metrics/' in fl and base != 'tagset.c':
        return 'metrics: samples, msgpack encoding, ring'
    if fn in TAGS or base == 'tagset.c':
        return 'tag sets'
    if fn in SETUP or base + ':' + fn in SETUP or base == 'http-cookie.c':
        return 'curl per-transfer setup (options, header list, cookies)'
    if 'libcurl' in ob:
        return 'libcurl itself'
    if 'libevent' in ob or fn in LOOP:
        return 'libevent and the socket/timer glue (net.c)'
    if base in ('http.c', 'http-url.c'):
        return 'k6/http binding (arguments, URL, request state, callbacks)'
    if base == 'curl-floor.c':
        return "the floor's own loop and callbacks"
    if '/src/engine/' in fl:
        return 'engine: scheduler, VU, coroutines'
    return 'other (' + (ob.rsplit('/', 1)[-1] or '?') + ')'

def groups(tag):
    files = sorted(glob.glob('%s/cg.%s.*' % (tmp, tag)))
    res = {}
    for path in files:
        own, calls = parse(path)
        att = attribute(own, calls)
        g = collections.Counter()
        for f, v in att.items():
            g[group(f)] += v
        g[MALLOC] = sum(v for f, v in own.items() if is_malloc(f))
        # Lyocell's calls that set up a transfer or read its results run
        # inside libcurl: move them out of "libcurl itself".
        for caller, callees in calls.items():
            if 'libcurl' in caller[0]:
                continue
            for h, v in callees.items():
                if 'libcurl' not in h[0]:
                    continue
                if h[2] in CURL_SETUP:
                    dst = 'curl per-transfer setup (options, header list, cookies)'
                elif h[2] in CURL_INFO:
                    dst = 'curl_easy_getinfo (timings, sizes, status)'
                else:
                    continue
                g[dst] += v
                g['libcurl itself'] -= v
        worker = any(f[2] == 'curl_multi_socket_action' for f in own)
        res['worker' if worker else 'coordinator'] = g
    return res

def table(title, a, b):
    print('### %s: instructions per request (callgrind, (%d - %d requests) / %d)'
          % (title, 2 * n, n, n))
    print()
    print('| group | Ir per request | share |')
    print('|---|---:|---:|')
    d = {k: (b['worker'][k] - a['worker'].get(k, 0)) / n for k in b['worker']}
    m = d.pop(MALLOC, 0)
    tot = sum(d.values())
    for k, v in sorted(d.items(), key=lambda kv: -kv[1]):
        if abs(v) >= 100:
            print('| %s | %.0f | %.1f%% |' % (k, v, 100 * v / tot))
    print('| **total, the process doing the requests** | **%.0f** | |' % tot)
    print('| malloc itself (glibc\'s or ALLOC\'s functions), in the rows above | %.0f | %.1f%% |'
          % (m, 100 * m / tot))
    if 'coordinator' in b:
        c = (sum(v for k, v in b['coordinator'].items() if k != MALLOC) -
             sum(v for k, v in a['coordinator'].items() if k != MALLOC)) / n
        print('| coordinator (aggregation), not in the total | %.0f | |' % c)
    print()
    return tot

ly = table('Lyocell, %d VUs, http.get + one check' % vus, groups('ly1'), groups('ly2'))
fl = table('curl-floor %s, %d connections' % (sys.argv[4], vus), groups('fl1'), groups('fl2'))
print('Lyocell / floor, instructions per request: %.2f' % (ly / fl))
PY
