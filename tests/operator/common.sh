# What the operator tests share, sourced with the scratch directory's name
# as $1: LYOCELL, a PATH whose `k6` is lyocell (as in the runner image),
# tmp (removed at exit with every process started), ok/notok counting,
# check (jcheck on a JSON file) and the local target as $TARGET.
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
TARGETBIN=$(cd "$top_builddir" && pwd)/tests/target/lyocell-target
JCHECK=$(cd "$top_builddir" && pwd)/tests/func/jcheck
HERE=$(cd "$srcdir/tests/operator" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-$1.XXXXXX")
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
mkdir "$tmp/bin"
ln -s "$LYOCELL" "$tmp/bin/k6"
PATH=$tmp/bin:$PATH
export PATH
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() {
	echo "not ok - $1"
	[ -n "${2:-}" ] && [ -f "$2" ] && sed 's/^/#   /' "$2" | tail -n 20
	failed=$((failed + 1))
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# check FILE EXPR...: jcheck's JavaScript expressions on a JSON file.
check() { "$JCHECK" "$@"; }

start_target() {
	"$TARGETBIN" --port 0 --port-file "$tmp/port" --max-seconds 600 --quiet \
		2>"$tmp/target.err" &
	pids="$pids $!"
	for _ in $(seq 100); do
		[ -s "$tmp/port" ] && break
		sleep 0.05
	done
	TARGET="http://127.0.0.1:$(cat "$tmp/port")"
	export TARGET
}

# free_port: a port for the runners' API that no socket holds, it and the
# next one, below the kernel's ephemeral range: a port in that range can
# be taken at any moment by an outgoing connection (make check's load
# tests open thousands), and --address=0.0.0.0 then fails to bind.
free_port() {
	local low p tries
	read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || low=32768
	[ "$low" -gt 12000 ] 2>/dev/null || low=32768
	p=$((10000 + $$ % (low - 10002)))
	for tries in $(seq 100); do
		if ! port_held "$p" && ! port_held $((p + 1)); then
			echo "$p"
			return 0
		fi
		p=$((10000 + (p - 10000 + 7919) % (low - 10002)))
	done
	echo "$p"
}

# port_held P: a TCP socket (v4 or v6) is bound to port P.
port_held() {
	local hex
	hex=$(printf ':%04X ' "$1")
	cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '{ print $2 }' | grep -q "${hex% }\$"
}
