#!/bin/bash
# The malloc configure chose (--with-allocator, config.h's LY_ALLOCATOR)
# is the one the lyocell program's calls and its libraries' (libcurl's,
# libevent's, mujs's) find: the dynamic linker's bindings of malloc and
# free say where each went (a forked worker keeps its parent's).
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-alloc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failed=0

want=$(sed -n 's/^#define LY_ALLOCATOR "\(.*\)"$/\1/p' "$top_builddir/config.h")
case $want in
mimalloc) lib=libmimalloc ;;
jemalloc) lib=libjemalloc ;;
tcmalloc) lib=libtcmalloc_minimal ;;
*) lib=libc ;;
esac

cat >"$tmp/t.js" <<'JS'
import http from 'k6/http';
export const options = { iterations: 1 };
export default function () {
	try { http.get('http://127.0.0.1:1/'); } catch (e) { }
}
JS
LD_DEBUG=bindings LD_DEBUG_OUTPUT="$tmp/ld" "$LYOCELL" run -q --no-summary \
    --workers 1 "$tmp/t.js" >/dev/null 2>"$tmp/err"
# "binding file F [0] to L [0]: normal symbol `malloc' [GLIBC_2.2.5]"
cat "$tmp"/ld.* 2>/dev/null | grep -E "symbol \`(malloc|free|calloc|realloc)'" \
    >"$tmp/bindings"
elsewhere=$(grep -v " to [^ ]*/$lib\.so[.0-9]* " "$tmp/bindings" | head -n 5)
if [ -s "$tmp/bindings" ] && [ -z "$elsewhere" ] &&
    grep -q "binding file [^ ]*libcurl" "$tmp/bindings"; then
	echo "ok - malloc is ${want:-glibc} ($lib) for lyocell and libcurl"
else
	echo "not ok - malloc is ${want:-glibc} ($lib)"
	echo "$elsewhere" | sed 's/^/#   /'
	sed 's/^/#   /' "$tmp/err" | tail -n 10
	failed=1
fi
exit $failed
