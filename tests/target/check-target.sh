#!/bin/bash
# Checks every endpoint of lyocell-target with the curl command line tool.
# usage: check-target.sh [PATH-TO-lyocell-target]
# Without an argument (automake's TESTS) it uses the program built next to
# this script or under tests/target/ in the current (build) directory.
# Conditions are single-quoted on purpose: t() evaluates them after req() has
# set $code, $rc and $secs.
# shellcheck disable=SC2016,SC2034
set -eu

bin=${1:-}
if [ -z "$bin" ]; then
	for b in tests/target/lyocell-target "$(dirname "$0")/lyocell-target"; do
		if [ -x "$b" ]; then bin=$b; break; fi
	done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
	echo "usage: $0 PATH-TO-lyocell-target (no program found)" >&2
	exit 2
fi
if ! command -v curl >/dev/null; then
	echo "curl not found: skipping"
	exit 77
fi
tmp=$(mktemp -d)
pid=
pass=0
fail=0

cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

ok() { pass=$((pass + 1)); echo "ok - $1"; }
nok() { fail=$((fail + 1)); echo "not ok - $1"; }
# t DESCRIPTION CONDITION: CONDITION is evaluated now, as shell code
t() { if eval "$2"; then ok "$1"; else nok "$1"; fi; }

# req CURL-ARGS...: status in $code (or curl-N when curl fails), headers in
# $tmp/h, body in $tmp/b, curl's exit status in $rc, time in $secs
req() {
	rc=0
	out=$(curl -sS --max-time 10 -D "$tmp/h" -o "$tmp/b" \
	    -w '%{http_code} %{time_total}' "$@" 2>"$tmp/curlerr") || rc=$?
	code=${out% *}
	secs=${out#* }
	if [ "$rc" != 0 ]; then code=curl-$rc; fi
}
body() { cat "$tmp/b"; }
has() { grep -qF -- "$1" "$tmp/b"; }
hdr() { tr -d '\r' <"$tmp/h" | grep -qi -- "^$1"; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }

mkdir "$tmp/client"
"$bin" --port 0 --tls-port 0 --port-file "$tmp/p" --tls-port-file "$tmp/tp" \
    --cert-out "$tmp/cert.pem" --mtls-port 0 --mtls-port-file "$tmp/mp" \
    --client-dir "$tmp/client" --max-seconds 120 --quiet 2>"$tmp/stderr" &
pid=$!
for _ in $(seq 50); do
	[ -s "$tmp/p" ] && [ -s "$tmp/tp" ] && [ -s "$tmp/mp" ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
if ! [ -s "$tmp/p" ] || ! [ -s "$tmp/tp" ]; then
	echo "not ok - server did not write its port files"
	cat "$tmp/stderr"
	echo "0 passed, 1 failed"
	exit 1
fi
P=$(cat "$tmp/p")
TP=$(cat "$tmp/tp")
u=http://127.0.0.1:$P
s=https://127.0.0.1:$TP
ok "server listening on $P (http) and $TP (https)"

req "$u/"
t "GET / is 200 ok" '[ "$code" = 200 ] && [ "$(body)" = ok ]'

req "$u/get?a=1&a=2&b=x%20y" -H 'X-Test: yes'
t "/get is 200 JSON" '[ "$code" = 200 ] && hdr "Content-Type: application/json"'
t "/get args, repeated keys as arrays" 'has "\"args\": {\"a\": [\"1\", \"2\"], \"b\": \"x y\"}"'
t "/get echoes headers" 'has "\"X-Test\": \"yes\""'
t "/get origin and url" 'has "\"origin\": \"127.0.0.1\"" && has "\"url\": \"$u/get?a=1&a=2&b=x%20y\""'
t "/get has Content-Length" 'hdr "Content-Length: $(wc -c <"$tmp/b")"'
req -X POST "$u/get"
t "POST /get is 405" '[ "$code" = 405 ]'
req -I "$u/get"
t "HEAD /get is 200 with a length" '[ "$code" = 200 ] && hdr "Content-Length: [1-9]"'
# a body after the HEAD response would garble the next one on the connection
v=$(curl -s --max-time 10 -I -o /dev/null "$u/get" --next --max-time 10 -s "$u/" || true)
t "HEAD /get sends no body" '[ "$v" = ok ]'
req -X OPTIONS "$u/get"
t "OPTIONS /get lists allowed methods" '[ "$code" = 200 ] && hdr "Allow: .*POST"'

req -d 'a=1&b=2&b=3' "$u/post"
t "/post form" '[ "$code" = 200 ] && has "\"form\": {\"a\": \"1\", \"b\": [\"2\", \"3\"]}"'
t "/post data and method" 'has "\"data\": \"a=1&b=2&b=3\"" && has "\"method\": \"POST\""'
req -H 'Content-Type: application/json' -d '{"k": [1, 2.5e3, true, null, "v"]}' "$u/post"
t "/post json" 'has "\"json\": {\"k\": [1, 2.5e3, true, null, \"v\"]}"'
req -H 'Content-Type: application/json' -d '{"k": }' "$u/post"
t "/post invalid json is null" 'has "\"json\": null"'
printf 'file content\n' >"$tmp/up.txt"
req -F "f=@$tmp/up.txt" -F name=val "$u/post"
t "/post multipart" 'has "\"files\": {\"f\": \"file content\\n\"}" && has "\"form\": {\"name\": \"val\"}"'
printf 'a\001\377\042\134' >"$tmp/bin"
req --data-binary "@$tmp/bin" "$u/post"
t "/post escapes binary data" 'has "\"data\": \"a\\u0001\\u00ff\\\"\\\\\""'
head -c 1048576 /dev/zero | tr '\0' x >"$tmp/big"
req --data-binary "@$tmp/big" -H 'Content-Type: text/plain' "$u/post"
t "/post 1 MiB body" '[ "$code" = 200 ] && [ "$(grep -o x "$tmp/b" | wc -l)" -ge 1048576 ]'
for m in PUT PATCH DELETE; do
	lm=$(echo "$m" | tr '[:upper:]' '[:lower:]')
	req -X "$m" -d "body-$lm" "$u/$lm"
	t "/$lm echoes its body" '[ "$code" = 200 ] && has "\"data\": \"body-$lm\"" && has "\"method\": \"$m\""'
	req "$u/$lm"
	t "GET /$lm is 405" '[ "$code" = 405 ]'
done
req -X PUT -d x "$u/anything/foo/bar?q=1"
t "/anything/... any method" '[ "$code" = 200 ] && has "\"method\": \"PUT\"" && has "\"args\": {\"q\": \"1\"}"'
req -X DELETE "$u/anything"
t "/anything DELETE" '[ "$code" = 200 ] && has "\"method\": \"DELETE\""'

req "$u/status/418"
t "/status/418" '[ "$code" = 418 ]'
req "$u/status/302"
t "/status/302 redirects to /get" '[ "$code" = 302 ] && hdr "Location: /get"'
req "$u/status/401"
t "/status/401 asks for Basic auth" '[ "$code" = 401 ] && hdr "WWW-Authenticate: Basic realm=\"Fake Realm\""'
req "$u/status/204"
t "/status/204" '[ "$code" = 204 ]'
req "$u/status/abc"
t "/status/abc is 400" '[ "$code" = 400 ]'

req "$u/delay/300?x=1"
t "/delay/300 waits and echoes" '[ "$code" = 200 ] && at_least "$secs" 0.29 && has "\"args\": {\"x\": \"1\"}"'
req --max-time 0.1 "$u/delay/500"
t "client gives up on /delay/500" '[ "$rc" = 28 ]'
req --max-time 0.1 "$u/slow-body?ms=600"
t "client gives up on /slow-body" '[ "$rc" = 28 ]'
sleep 0.7
req "$u/"
t "server survives clients that left" '[ "$code" = 200 ]'

req "$u/bytes/1000?seed=7"
cp "$tmp/b" "$tmp/b7"
t "/bytes/1000" '[ "$code" = 200 ] && [ "$(wc -c <"$tmp/b")" = 1000 ] && hdr "Content-Type: application/octet-stream"'
req "$u/bytes/1000?seed=7"
t "/bytes is deterministic" 'cmp -s "$tmp/b" "$tmp/b7"'
req "$u/bytes/1000?seed=8"
t "/bytes seed matters" '! cmp -s "$tmp/b" "$tmp/b7"'
req "$u/bytes/0"
t "/bytes/0" '[ "$code" = 200 ] && [ ! -s "$tmp/b" ]'
req "$u/bytes/3000000"
t "/bytes/3000000" '[ "$(wc -c <"$tmp/b")" = 3000000 ]'

req -H 'X-Foo: bar' "$u/headers"
t "/headers" '[ "$code" = 200 ] && has "\"headers\": {" && has "\"X-Foo\": \"bar\""'
req -A 'lyocell-check/1.0' "$u/user-agent"
t "/user-agent" 'has "\"user-agent\": \"lyocell-check/1.0\""'
req "$u/ip"
t "/ip" 'has "\"origin\": \"127.0.0.1\""'

req -b 'a=1; b=two' "$u/cookies"
t "/cookies" 'has "\"cookies\": {\"a\": \"1\", \"b\": \"two\"}"'
req "$u/cookies/set?k=v&k2=v2"
t "/cookies/set" '[ "$code" = 302 ] && hdr "Location: /cookies" && hdr "Set-Cookie: k=v; Path=/" && hdr "Set-Cookie: k2=v2; Path=/"'
req -L -c "$tmp/jar" -b "$tmp/jar" "$u/cookies/set?session=abc"
t "/cookies/set followed with a cookie jar" 'has "\"session\": \"abc\""'
req "$u/cookies/delete?k"
t "/cookies/delete" '[ "$code" = 302 ] && hdr "Set-Cookie: k=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"'

req "$u/redirect/3"
t "/redirect/3" '[ "$code" = 302 ] && hdr "Location: /redirect/2"'
req "$u/redirect/1"
t "/redirect/1 goes to /get" 'hdr "Location: /get"'
req -L "$u/redirect/3"
t "/redirect/3 followed ends at /get" '[ "$code" = 200 ] && has "\"url\": \"$u/get\""'
req "$u/redirect-to?url=%2Fheaders&status_code=307"
t "/redirect-to" '[ "$code" = 307 ] && hdr "Location: /headers"'
req "$u/redirect-to?url=http://example.invalid/"
t "/redirect-to defaults to 302" '[ "$code" = 302 ] && hdr "Location: http://example.invalid/"'
req "$u/absolute-redirect/2"
t "/absolute-redirect/2" '[ "$code" = 302 ] && hdr "Location: $u/absolute-redirect/1"'
req -L "$u/absolute-redirect/2"
t "/absolute-redirect/2 followed" '[ "$code" = 200 ] && has "\"url\": \"$u/get\""'

req -u user:pass "$u/basic-auth/user/pass"
t "/basic-auth ok" '[ "$code" = 200 ] && has "\"authenticated\": true" && has "\"user\": \"user\""'
req -u user:wrong "$u/basic-auth/user/pass"
t "/basic-auth wrong password is 401" '[ "$code" = 401 ] && hdr "WWW-Authenticate: Basic realm=\"Fake Realm\""'
req "$u/digest-auth/auth/user/pass"
t "/digest-auth challenge" '[ "$code" = 401 ] && hdr "WWW-Authenticate: Digest realm=\"me@kennethreitz.com\", nonce=\"[0-9a-f]*\", qop=\"auth\", opaque=\"[0-9a-f]*\", algorithm=MD5, stale=FALSE"'
req --digest -u user:pass "$u/digest-auth/auth/user/pass"
t "/digest-auth ok" '[ "$code" = 200 ] && has "\"authenticated\": true" && has "\"user\": \"user\""'
req --digest -u user:wrong "$u/digest-auth/auth/user/pass"
t "/digest-auth wrong password is 401" '[ "$code" = 401 ]'
req -H 'Authorization: Digest username="user", realm="me@kennethreitz.com", nonce="00000000000000000000000000000000000000000000000000000000000000000", uri="/digest-auth/auth/user/pass", response="0", qop=auth, nc=00000001, cnonce="x"' "$u/digest-auth/auth/user/pass"
t "/digest-auth forged nonce is 401" '[ "$code" = 401 ]'

req --compressed "$u/gzip"
t "/gzip decodes" '[ "$code" = 200 ] && hdr "Content-Encoding: gzip" && has "\"gzipped\": true" && has "\"method\": \"GET\""'
if command -v gzip >/dev/null; then
	req "$u/gzip"
	t "/gzip is a valid gzip member" 'gzip -t <"$tmp/b"'
fi
printf 'a\000b\377' >"$tmp/bin"
req --data-binary @"$tmp/bin" "$u/inspect"
t "/inspect raw bytes" '[ "$code" = 200 ] && has "\"length\": 4," && has "\"base64\": \"YQBi/w==\"" && has "\"sha256\": \"$(sha256sum <"$tmp/bin" | cut -c1-64)\""'
if command -v gzip >/dev/null; then
	printf 'hello hello hello' | gzip >"$tmp/gz"
	req --data-binary @"$tmp/gz" -H 'Content-Encoding: gzip' "$u/inspect"
	t "/inspect gunzips" '[ "$code" = 200 ] && has "\"decoded_base64\": \"aGVsbG8gaGVsbG8gaGVsbG8=\"" && has "\"decode_error\": null"'
fi
req --data-binary 'xx' -H 'Content-Encoding: gzip' "$u/inspect"
t "/inspect reports a body that does not decompress" '[ "$code" = 200 ] && has "\"decode_error\": \"the body does not decompress\""'
req -X PUT -F "f=@$tmp/bin;type=image/png;filename=x.bin" -F 'k=v' "$u/inspect"
t "/inspect multipart parts" '[ "$code" = 200 ] && has "{\"name\": \"f\", \"filename\": \"x.bin\", \"content_type\": \"image/png\", \"length\": 4," && has "{\"name\": \"k\", \"filename\": null, \"content_type\": null, \"length\": 1," && has "\"closed\": true" && has "\"method\": \"PUT\""'
req --compressed "$u/deflate"
t "/deflate decodes" '[ "$code" = 200 ] && hdr "Content-Encoding: deflate" && has "\"deflated\": true"'
req --compressed "$u/brotli"
t "/brotli decodes" '[ "$code" = 200 ] && hdr "Content-Encoding: br" && has "\"brotli\": true"'
req --compressed "$u/zstd"
t "/zstd decodes" '[ "$code" = 200 ] && hdr "Content-Encoding: zstd" && has "\"zstd\": true"'

req "$u/json"
t "/json" '[ "$code" = 200 ] && hdr "Content-Type: application/json" && has "\"title\": \"Sample Slide Show\"" && has "Why <em>WonderWidgets</em> are great"'
req "$u/html"
t "/html" '[ "$code" = 200 ] && hdr "Content-Type: text/html; charset=utf-8" && has "<h1>" && has "name=\"csrf\" value=\"a1b2c3d4e5f60718293a4b5c6d7e8f90\"" && has "<form action=\"/post\" method=\"post\">"'
req "$u/big-html?kb=200"
t "/big-html?kb=200 is about 200 KiB" 'n=$(wc -c <"$tmp/b"); [ "$n" -ge 200000 ] && [ "$n" -le 220000 ]'
t "/big-html has the csrf input near its end" 'tail -c 1024 "$tmp/b" | grep -qF "value=\"a1b2c3d4e5f60718293a4b5c6d7e8f90\""'
req "$u/big-html"
t "/big-html defaults to 100 KiB" 'n=$(wc -c <"$tmp/b"); [ "$n" -ge 100000 ] && [ "$n" -le 110000 ]'

req "$u/response-headers?X-One=1&X-Two=two"
t "/response-headers sets headers" '[ "$code" = 200 ] && hdr "X-One: 1" && hdr "X-Two: two"'
t "/response-headers JSON" 'has "{\"Content-Type\": \"application/json\", \"X-One\": \"1\", \"X-Two\": \"two\"}"'

req "$u/close"
t "/close: empty reply (curl exit 52)" '[ "$rc" = 52 ]'
req "$u/truncated"
t "/truncated: partial transfer (curl exit 18)" '[ "$rc" = 18 ] && [ "$(wc -c <"$tmp/b")" = 10 ]'
req "$u/slow-body?ms=300"
t "/slow-body?ms=300" '[ "$code" = 200 ] && at_least "$secs" 0.25 && [ "$(wc -l <"$tmp/b")" = 10 ] && has "piece 10/10"'

req "$u/fault/reset"
t "/fault/reset: connection reset (curl exit 56)" '[ "$rc" = 56 ]'
req "$u/fault/garbage"
t "/fault/garbage: not HTTP (curl exit 1)" '[ "$rc" = 1 ]'
req "$u/fault/stall?ms=300"
t "/fault/stall?ms=300" '[ "$code" = 200 ] && at_least "$secs" 0.25'
req "$u/fault/dribble?bytes=5&ms=60"
t "/fault/dribble?bytes=5&ms=60" '[ "$code" = 200 ] && at_least "$secs" 0.25 && has "xxxxx"'
v=$(curl -sv --max-time 10 -o /dev/null "$u/fault/close-after?n=2" -o /dev/null "$u/fault/close-after?n=2" -o /dev/null "$u/fault/close-after?n=2" 2>&1 || true)
t "/fault/close-after?n=2: the third request finds it closed" 'echo "$v" | grep -q "Connection died, retrying"'
v=$(curl -sv --max-time 10 -o /dev/null "$u/fault/close-after?n=1&header=1" 2>&1 || true)
t "/fault/close-after?n=1&header=1 says close" 'echo "$v" | grep -qi "< Connection: close"'
req "$u/stats"
t "/stats counts requests" '[ "$code" = 200 ] && has "{\"requests\": "'

req "$u/nope"
t "unknown path is 404 JSON" '[ "$code" = 404 ] && has "{\"error\": \"not found\"}"'

v=$(curl -sv --max-time 10 -o /dev/null "$u/get" -o /dev/null "$u/json" 2>&1 || true)
t "keep-alive: second URL reuses the connection" 'echo "$v" | grep -q "Re-using existing connection"'

req --ntlm -u bob:secret "$u/ntlm-auth/bob"
t "ntlm-auth: negotiate, challenge, authenticate" '[ "$code" = 200 ] && has "\"authenticated\": true"'
req "$u/ntlm-auth/bob"
t "ntlm-auth: 401 asking for NTLM" '[ "$code" = 401 ] && hdr "WWW-Authenticate: NTLM"'
req --ntlm -u alice:secret "$u/ntlm-auth/bob"
t "ntlm-auth: another user is refused" '[ "$code" = 401 ]'

req --cacert "$tmp/cert.pem" "$s/get?t=1"
t "https /get with the generated CA" '[ "$code" = 200 ] && has "\"url\": \"$s/get?t=1\""'
req --cacert "$tmp/cert.pem" "https://localhost:$TP/"
t "https by name localhost" '[ "$code" = 200 ] && [ "$(body)" = ok ]'
req "$s/"
t "https without the CA fails verification" '[ "$rc" = 60 ]'
v=$(curl -sv --max-time 10 --cacert "$tmp/cert.pem" -o /dev/null "$s/" -o /dev/null "$s/ip" 2>&1 || true)
t "https ALPN http/1.1" 'echo "$v" | grep -Eqi "ALPN.*accepted.*http/1.1"'
t "https keep-alive" 'echo "$v" | grep -q "Re-using existing connection"'
req --cacert "$tmp/cert.pem" -d 'x=1' "$s/post"
t "https /post" '[ "$code" = 200 ] && has "\"form\": {\"x\": \"1\"}"'
req --cacert "$tmp/cert.pem" "$s/truncated"
t "https /truncated (curl exit 18)" '[ "$rc" = 18 ]'

m=https://127.0.0.1:$(cat "$tmp/mp")
c=$tmp/client
req --cacert "$tmp/cert.pem" --cert "$c/client-a.pem" --key "$c/client-a-key.pem" "$m/get"
t "mtls with client-a" '[ "$code" = 200 ] && hdr "X-Client-Cert: client-a"'
req --cacert "$tmp/cert.pem" --cert "$c/client-b.pem" --key "$c/client-b-key.pem" \
    --pass lyocell "$m/get"
t "mtls with client-b (encrypted key)" '[ "$code" = 200 ] && hdr "X-Client-Cert: client-b"'
req --cacert "$tmp/cert.pem" "$m/get"
t "mtls without a client certificate fails" '[ "$rc" != 0 ]'
req --cacert "$tmp/cert.pem" --cert "$c/rogue.pem" --key "$c/rogue-key.pem" "$m/get"
t "mtls with a certificate of another CA fails" '[ "$rc" != 0 ]'
req --cacert "$tmp/cert.pem" "$s/get"
t "no X-Client-Cert on the plain TLS port" '[ "$code" = 200 ] && ! hdr "X-Client-Cert"'

req "$u/"
t "server still up" '[ "$code" = 200 ]'

kill -TERM "$pid"
src=0
wait "$pid" || src=$?
pid=
t "SIGTERM exits 0" '[ "$src" = 0 ]'
t "server stderr is empty (no sanitizer reports)" '[ ! -s "$tmp/stderr" ]'

if [ "$fail" -gt 0 ] && [ -s "$tmp/stderr" ]; then
	echo "--- server stderr:"
	cat "$tmp/stderr"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
