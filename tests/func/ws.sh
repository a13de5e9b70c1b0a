#!/bin/bash
# k6/ws and k6/websockets against a real WebSocket server: python3-websockets (Debian's
# python3-websockets, in .ci/packages), started here on 127.0.0.1; its
# compressed session keeps data_sent under the 110 kB of the messages.  A
# missing package fails the test: CI installs it.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
JCHECK=$(cd "$top_builddir" && pwd)/tests/func/jcheck
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-ws.XXXXXX")
server=
target=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	[ -n "$target" ] && kill "$target" 2>/dev/null && wait "$target" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
# Debian's python, not a user's pyenv without the package.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import websockets' 2>"$tmp/err"; then
	echo "not ok - python3-websockets is missing (apt-get install python3-websockets)"
	exit 1
fi
"$PY" "$srcdir/tests/func/ws/server.py" >"$tmp/port" 2>"$tmp/server.err" &
server=$!
for _ in $(seq 100); do
	[ -s "$tmp/port" ] && break
	sleep 0.05
done
if ! [ -s "$tmp/port" ]; then
	echo "not ok - the python3-websockets server did not start"; cat "$tmp/server.err"
	exit 1
fi
failed=0
read -r wsport proxyport socksport <"$tmp/port"
url="ws://127.0.0.1:$wsport"
# run TITLE ENV SCRIPT [MORE-ARGS... --] CHECK...: run SCRIPT with ENV
# against the server and check its exported summary with jcheck.
run() {
	title=$1 env=$2 script=$3
	shift 3
	more=()
	if [ "${1:-}" = -e ]; then
		while [ "$1" != -- ]; do more+=("$1"); shift; done
		shift
	fi
	if "$LYOCELL" run -q -e "$env" "${more[@]}" --summary-export "$tmp/s.json" \
	    "$srcdir/$script" >"$tmp/out" 2>&1 && "$JCHECK" "$tmp/s.json" "$@"; then
		echo "ok - $title"
	else
		echo "not ok - $title"
		sed 's/^/#   /' "$tmp/out" | tail -n 30
		failed=1
	fi
}
# The examples against python3-websockets too: any echo server does.
run "examples/ws.js against python3-websockets" "WS_URL=$url/echo" examples/ws.js \
    'm.checks.fails === 0 && m.checks.passes === 4' \
    'm.ws_sessions.count === 2 && m.ws_msgs_sent.count >= 6 && m.ws_ping.max > 0'
run "examples/websockets.js against python3-websockets" "WS_URL=$url/echo" \
    examples/websockets.js 'm.checks.fails === 0 && m.checks.passes === 6' \
    'm.ws_sessions.count === 6 && m.ws_msgs_sent.count === m.ws_msgs_received.count'
run "sockets cut by the graceful stop send their close frame" "WS_SERVER=$url" \
    tests/func/cases/ws-goodbye.js 'm.checks.fails === 0 && m.checks.passes === 2'
run "k6/ws against python3-websockets" "WS_SERVER=$url" tests/func/cases/ws-python.js \
    'm.checks.fails === 0 && m.checks.passes === 9' \
    'm.ws_sessions.count === 4 && m.ws_msgs_sent.count === 5 && m.ws_msgs_received.count === 4' \
    'm.data_sent.count < 100000'
run "k6/websockets against python3-websockets" "WS_SERVER=$url" \
    tests/func/cases/websockets-python.js 'm.checks.fails === 0 && m.checks.passes === 5' \
    'm.ws_msgs_sent.count === 2 && m.ws_msgs_received.count === 2' \
    'm.data_sent.count < 10000'
# The proxy: the local target's TLS port for wss:// (its certificate is
# for 127.0.0.1, hence insecureSkipTLSVerify in the script).
TARGETBIN=$(cd "$top_builddir" && pwd)/tests/target/lyocell-target
"$TARGETBIN" --port 0 --tls-port 0 --port-file "$tmp/tport" --tls-port-file "$tmp/tlsport" \
    --max-seconds 120 --quiet 2>"$tmp/target.err" &
target=$!
for _ in $(seq 100); do
	[ -s "$tmp/tlsport" ] && break
	sleep 0.05
done
HTTP_PROXY="http://user:pw@127.0.0.1:$proxyport" HTTPS_PROXY="127.0.0.1:$proxyport" \
    NO_PROXY="other.test, skip.test" \
    run "k6/ws and k6/websockets through the environment's proxy" \
    "WS_PORT=$wsport" tests/func/cases/ws-proxy.js \
    -e "TLS_PORT=$(cat "$tmp/tlsport")" -- \
    'm.checks.fails === 0 && m.checks.passes === 7' 'm.ws_sessions.count === 7'
HTTP_PROXY="socks5://user:pw@127.0.0.1:$socksport" HTTPS_PROXY="socks5://127.0.0.1:$socksport" \
    NO_PROXY="other.test, skip.test" \
    run "k6/ws and k6/websockets through the environment's SOCKS5 proxy" \
    "WS_PORT=$wsport" tests/func/cases/ws-proxy.js \
    -e "TLS_PORT=$(cat "$tmp/tlsport")" -e SOCKS=1 -e "PROXY_PORT=$socksport" -- \
    'm.checks.fails === 0 && m.checks.passes === 7' 'm.ws_sessions.count === 7'
# The same under valgrind: a connection's memory is not touched once it
# is freed, though libevent frees its sockets later (through the proxy,
# wss:// left the socket under the TLS filter counting into freed memory).
if ! command -v valgrind >/dev/null; then
	echo "not ok - valgrind is missing (apt-get install valgrind)"
	failed=1
elif HTTP_PROXY="http://user:pw@127.0.0.1:$proxyport" HTTPS_PROXY="127.0.0.1:$proxyport" \
    NO_PROXY="other.test, skip.test" valgrind -q --trace-children=yes --leak-check=no \
    "$LYOCELL" run -q --no-summary -e "WS_PORT=$wsport" -e "TLS_PORT=$(cat "$tmp/tlsport")" \
    "$srcdir/tests/func/cases/ws-proxy.js" >"$tmp/out" 2>&1 &&
    ! grep -q '^==[0-9]*== [A-Z]' "$tmp/out"; then
	echo "ok - k6/ws and k6/websockets through the proxy under valgrind"
else
	echo "not ok - k6/ws and k6/websockets through the proxy under valgrind"
	sed 's/^/#   /' "$tmp/out" | head -n 40
	failed=1
fi
exit $failed
