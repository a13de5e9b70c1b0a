#!/bin/bash
# CPU per new TLS connection: bench/tls-connect.sh [BUILD_DIR] [N]
# N requests, each on a new connection (noConnectionReuse), to the local
# target's TLS port, verified against the system CA bundle with the
# target's certificate appended (SSL_CERT_FILE), as a real bundle costs;
# prints user + system CPU per connection of the lyocell process tree.
set -eu
build=$(cd "${1:-.}" && pwd)
n=${2:-200}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-tls.XXXXXX")
"$build/tests/target/lyocell-target" --port 0 --tls-port 0 --port-file "$tmp/port" \
	--tls-port-file "$tmp/tls" --cert-out "$tmp/cert.pem" --quiet --max-seconds 600 &
pid=$!
trap 'kill $pid; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do [ -s "$tmp/tls" ] && break; sleep 0.05; done
cat /etc/ssl/certs/ca-certificates.crt "$tmp/cert.pem" >"$tmp/bundle.pem"
cat >"$tmp/tls.js" <<'JS'
import http from 'k6/http';
export const options = { iterations: Number(__ENV.N), noConnectionReuse: true,
    thresholds: { http_req_failed: ['rate==0'] } };
export default function () { http.get(`${__ENV.B}/get`); }
JS
SSL_CERT_FILE=$tmp/bundle.pem /usr/bin/time -f "%U %S" "$build/lyocell" run -q \
    --no-summary --workers 1 -e N="$n" -e B="https://127.0.0.1:$(cat "$tmp/tls")" \
    "$tmp/tls.js" 2>&1 >/dev/null | tail -1 |
    awk -v n="$n" '{ printf "%d TLS connections: %.1f ms of CPU each\n", n, ($1 + $2) / n * 1000 }'
