#!/bin/bash
# k6/net/grpc against a real gRPC server: tests/grpc/server.py (Python's
# grpcio, Debian python3-grpcio and python3-grpc-tools) on 127.0.0.1,
# plaintext, TLS with a self-signed certificate made here, and TLS that
# requires a client certificate, with server reflection.  Each
# tests/grpc/*.js must exit 0: its thresholds hold its checks at 100%,
# and it logs no error and only the warnings it expects (its
# "// expect-warning: TEXT" lines); examples/grpc*.js too.  Without the
# server's packages the test fails: CI installs them (.ci/packages).
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
PYTHON=${PYTHON:-/usr/bin/python3}
only=${1:-}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-grpc.XXXXXX")
server_pid=
cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
cp -R "$srcdir/tests/grpc" "$tmp/grpc"
chmod -R u+w "$tmp/grpc"

if ! "$PYTHON" -c 'import grpc, grpc_tools' 2>"$tmp/py.err"; then
	echo "not ok - the gRPC test server needs python3-grpcio and python3-grpc-tools"
	cat "$tmp/py.err"
	exit 1
fi
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
	-addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>"$tmp/openssl.err" || {
	echo "not ok - openssl could not make a certificate"; cat "$tmp/openssl.err"; exit 1; }
# A client certificate for the port that requires one, and its key
# encrypted as k6 takes it (legacy PEM encryption) and as PKCS #8.
{ openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=client \
	-keyout "$tmp/client-key.pem" -out "$tmp/client-cert.pem" &&
openssl rsa -in "$tmp/client-key.pem" -aes256 -traditional -passout pass:s3cret \
	-out "$tmp/client-key-enc.pem" &&
openssl pkcs8 -topk8 -in "$tmp/client-key.pem" -v2 aes256 -passout pass:s3cret \
	-out "$tmp/client-key-pkcs8.pem"; } 2>"$tmp/openssl.err" || {
	echo "not ok - openssl could not make a client certificate"; cat "$tmp/openssl.err"; exit 1; }
"$PYTHON" "$tmp/grpc/server.py" --dir "$tmp/grpc" --port-file "$tmp/port" \
	--tls-port-file "$tmp/tlsport" --cert "$tmp/cert.pem" --key "$tmp/key.pem" \
	--mtls-port-file "$tmp/mtlsport" --client-ca "$tmp/client-cert.pem" \
	--protoset "$tmp/route.protoset" --silent-port-file "$tmp/silentport" \
	--max-seconds 600 2>"$tmp/server.err" &
server_pid=$!
for _ in $(seq 200); do
	[ -s "$tmp/port" ] && break
	sleep 0.05
done
if ! [ -s "$tmp/port" ]; then
	echo "not ok - the gRPC test server did not start"; cat "$tmp/server.err"
	exit 1
fi
export GRPC_ADDR="127.0.0.1:$(cat "$tmp/port")"
export GRPC_TLS_ADDR="127.0.0.1:$(cat "$tmp/tlsport")"
export GRPC_MTLS_ADDR="127.0.0.1:$(cat "$tmp/mtlsport")"
export GRPC_CLIENT_CERT="$tmp/client-cert.pem" GRPC_CLIENT_KEY="$tmp/client-key.pem"
export GRPC_CLIENT_KEY_ENC="$tmp/client-key-enc.pem"
export GRPC_CLIENT_KEY_PKCS8="$tmp/client-key-pkcs8.pem"
export GRPC_SILENT_ADDR="127.0.0.1:$(cat "$tmp/silentport")"
export GRPC_DEAD_ADDR="127.0.0.1:$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export GRPC_CA="$tmp/cert.pem" GRPC_PROTOSET="$tmp/route.protoset"
# a name for options.dns's resolver (dns.js), read with the system's hosts
printf '127.0.0.1 grpc.lyocell.test\n::1 grpc6.lyocell.test\n' >"$tmp/hosts"
export LYOCELL_DNS_HOSTS="$tmp/hosts"

for ex in "$srcdir"/examples/grpc*.js; do
	cp "$ex" "$tmp/grpc/example-$(basename "$ex")"
done
# The warnings a script logs are those its "// expect-warning: TEXT"
# lines name, each at least once.
warnings_as_expected() {
	local want w ok=0
	want=$(sed -n 's|^// expect-warning: ||p' "$1")
	while IFS= read -r w; do
		[ -z "$w" ] && continue
		grep 'level=warning' "$tmp/err" | grep -qF -- "$w" || {
			echo "# expected warning not logged: $w"; ok=1; }
	done <<<"$want"
	while IFS= read -r w; do
		[ -z "$w" ] && continue
		printf '%s\n' "$want" | grep -v '^$' | while IFS= read -r x; do
			case $w in *"$x"*) echo match;; esac
		done | grep -q match || { echo "# unexpected: $w"; ok=1; }
	done < <(grep 'level=warning' "$tmp/err")
	return $ok
}
passed=0 failed=0
for js in "$tmp"/grpc/*.js; do
	name=$(basename "$js" .js)
	[ -n "$only" ] && [ "$only" != "$name" ] && continue
	(cd "$tmp/grpc" && timeout 120 "$LYOCELL" run --no-color "$name.js") \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc -eq 0 ] && ! grep -q 'level=error' "$tmp/err" && warnings_as_expected "$js"; then
		echo "ok - $name"
		passed=$((passed + 1))
	else
		echo "not ok - $name (exit $rc)"
		grep -E '✗|level=' "$tmp/out" "$tmp/err" | tail -n 20 | sed 's/^/#   /'
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
