#!/bin/sh
# make demo: start the local target on a free port, run a script against it,
# stop the target.  Usage: demo.sh LYOCELL TARGET-PROGRAM SCRIPT
set -eu
lyocell=$1 target=$2 script=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-demo.XXXXXX")
"$target" --port 0 --port-file "$tmp/port" --max-seconds 600 --quiet &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
while [ ! -s "$tmp/port" ]; do
	i=$((i + 1))
	[ $i -le 100 ] || { echo "demo: the local target did not start" >&2; exit 1; }
	sleep 0.05
done
TARGET=http://127.0.0.1:$(cat "$tmp/port")
echo "demo: local target at $TARGET"
"$lyocell" version
"$lyocell" run -e TARGET="$TARGET" "$script"
