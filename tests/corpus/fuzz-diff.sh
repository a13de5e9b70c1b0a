#!/bin/sh
# Run programs the fuzzer made (make fuzz leaves them in fuzz-corpus/)
# under lyjs and node and list where they part: lyjs dying of a signal,
# or a program node runs to exit 0 whose output lyjs does not give.
# Programs the compiler refuses (exit 107) are not run under node.
# Usage: fuzz-diff.sh [DIR] ; the programs found go to DIR.found/.
dir=${1:-fuzz-corpus}
lyjs=${LYJS:-${top_builddir:-.}/tests/corpus/lyjs}
lyjs=$(cd "$(dirname "$lyjs")" && pwd)/$(basename "$lyjs")
node=$(command -v node) || { echo "fuzz-diff: node is needed" >&2; exit 1; }
found=$dir.found
tmp=${TMPDIR:-/tmp}/fuzz-diff.$$
mkdir -p "$found" "$tmp"
# The corpus's modules, for the programs made from those that import them.
cases=$(cd "${srcdir:-.}/tests/corpus/cases" && pwd)
ln -s "$cases/lib" "$tmp/lib"
ln -s "$cases/node_modules" "$tmp/node_modules"
trap 'rm -rf "$tmp"' EXIT INT TERM
export TZ=UTC
n=0 compiled=0 same=0 differ=0 nodefail=0 crash=0
for f in "$dir"/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	cp "$f" "$tmp/p.js"
	(cd "$tmp" && timeout 10 "$lyjs" p.js) >"$tmp/l" 2>&1
	rc=$?
	if [ $rc -gt 128 ] && [ $rc -ne 124 ] && [ $rc -ne 137 ]; then
		crash=$((crash + 1))
		cp "$f" "$found/crash-$(basename "$f").js"
		continue
	fi
	[ $rc -eq 107 ] && continue
	compiled=$((compiled + 1))
	(cd "$tmp" && timeout 10 "$node" --experimental-default-type=module \
	    p.js) >"$tmp/n" 2>/dev/null
	if [ $? -ne 0 ]; then
		nodefail=$((nodefail + 1))
	elif [ $rc -eq 0 ] && cmp -s "$tmp/n" "$tmp/l"; then
		same=$((same + 1))
	else
		differ=$((differ + 1))
		cp "$f" "$found/differ-$(basename "$f").js"
	fi
done
echo "fuzz-diff: $n programs, $compiled compiled, $same as node," \
    "$differ differ, $nodefail fail under node, $crash crash lyjs"
[ $crash -eq 0 ]
