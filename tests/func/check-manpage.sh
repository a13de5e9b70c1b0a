#!/bin/sh
# Every long option that --help shows must be documented in man/lyocell.1
# (as an mdoc "Fl \-name" macro).
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
man=$srcdir/man/lyocell.1
ly=$top_builddir/lyocell
tmp=${TMPDIR:-/tmp}/check-manpage.$$
trap 'rm -f "$tmp".*' EXIT
{ "$ly" --help; for c in run inspect compare version completion; do "$ly" help $c; done; } |
	grep -o -- '--[a-z][a-z0-9-]*' | sort -u >"$tmp.help"
grep -o -- 'Fl \\-[a-z][a-z0-9-]*' "$man" | sed 's/^Fl \\-/--/' | sort -u >"$tmp.man"
passed=$(comm -12 "$tmp.help" "$tmp.man" | wc -l)
failed=0
for opt in $(comm -23 "$tmp.help" "$tmp.man"); do
	echo "not ok - $opt is in --help but not in man/lyocell.1"
	failed=$((failed + 1))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 10 ]
