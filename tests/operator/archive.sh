#!/bin/bash
# k6 archives: `lyocell archive` as k6-operator's initializer calls it,
# inspect and run of the archive elsewhere, an archive laid out as k6
# writes it (hard link to data, every option null but the set ones), and
# archives that must be refused.
set -u
. "${srcdir:-.}/tests/operator/common.sh" archive

# runs COUNT NAME ARCHIVE [FLAGS...]: run ARCHIVE where its files are not;
# it must exit 0 after COUNT iterations.
runs() {
	local want=$1 what=$2 rc
	shift 2
	(cd "$tmp/elsewhere" && k6 run -q "$@" --summary-export "$tmp/s.json") \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 0 ] && check "$tmp/s.json" "m.iterations.count === $want" \
	    >>"$tmp/err" 2>&1; then
		ok "$what"
	else
		notok "$what: exit $rc" "$tmp/err"
		return 1
	fi
}

mkdir -p "$tmp/src" "$tmp/elsewhere" "$tmp/t"
# Where the runs unpack their archives: empty again at the end.
TMPDIR=$tmp/t
export TMPDIR
cp -R "$HERE/archive-main.js" "$HERE/lib" "$tmp/src/"

# archive prints nothing on stdout; the flags and -e go into the archive.
(cd "$tmp/src" && k6 archive archive-main.js -e WHERE=archive -O "$tmp/a.tar" \
	--vus 4 --iterations 12) >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$tmp/out" ] && [ -s "$tmp/a.tar" ]; then
	ok "archive writes the file and nothing on stdout"
else
	notok "archive: exit $rc" "$tmp/err"
fi
list=$(tar tf "$tmp/a.tar" 2>&1)
case $list in
metadata.json*data*file/*archive-main.js*) ;;
*) list= ;;
esac
if [ -n "$list" ] && echo "$list" | grep -q 'lib/greet.js$' &&
    echo "$list" | grep -q 'lib/payload.txt$'; then
	ok "k6's layout: metadata.json, data, the script, its import and open()ed file"
else
	notok "archive layout" "$tmp/err"; tar tvf "$tmp/a.tar" | sed 's/^/#   /'
fi
tar xOf "$tmp/a.tar" metadata.json >"$tmp/meta.json" 2>/dev/null
if check "$tmp/meta.json" 'data.options.vus === 4' 'data.options.iterations === 12' \
    'data.env.WHERE === "archive"' 'data.type === "js"' \
    '/^file:\/\/\/.*\/archive-main\.js$/.test(data.filename)' >"$tmp/err" 2>&1; then
	ok "metadata.json keeps the flags' options and -e variables"
else
	notok "metadata.json" "$tmp/err"
fi

# The initializer reads inspect's whole output as one JSON document.
(cd "$tmp/elsewhere" && k6 inspect --execution-requirements "$tmp/a.tar") \
	>"$tmp/inspect.json" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && check "$tmp/inspect.json" 'data.maxVUs === 4' \
    'typeof data.totalDuration !== "undefined"' >>"$tmp/err" 2>&1; then
	ok "inspect --execution-requirements of the archive: maxVUs from its flags"
else
	notok "inspect of the archive: exit $rc" "$tmp/err"
fi

# Run where neither the script nor its files are.
runs 12 "run of the archive elsewhere: its files, options and variables" "$tmp/a.tar"
runs 5 "the run's flags override the archive's options" "$tmp/a.tar" --iterations 5 \
	-e WHERE=archive
# An archive as k6 writes it (lib/archive.go): the main script a hard
# link to data, a home directory anonymised, every option present.
k=$tmp/k6made
mkdir -p "$k/file/home/nobody/t/lib"
cp "$HERE/archive-main.js" "$k/data"
cp "$HERE/lib/greet.js" "$HERE/lib/payload.txt" "$k/file/home/nobody/t/lib/"
ln "$k/data" "$k/file/home/nobody/t/archive-main.js"
cat >"$k/metadata.json" <<'EOS'
{
  "type": "js",
  "options": {
    "paused": null, "vus": 2, "duration": null, "iterations": 6, "stages": null,
    "scenarios": null, "executionSegment": null, "noSetup": null,
    "dns": { "ttl": null, "select": null, "policy": null },
    "thresholds": null, "tags": null,
    "summaryTrendStats": ["avg", "min", "med", "max", "p(90)", "p(95)"]
  },
  "filename": "file:///home/nobody/t/archive-main.js",
  "pwd": "file:///home/nobody/t",
  "env": { "WHERE": "archive" },
  "compatibilityMode": "extended",
  "k6version": "2.2.0",
  "goos": "linux"
}
EOS
(cd "$k" && tar cf "$tmp/k6.tar" --format=ustar metadata.json data file)
runs 6 "an archive in k6's layout runs, its null options unset" "$tmp/k6.tar" &&
	grep -q 'level=warning' "$tmp/err" && notok "k6's layout: warnings" "$tmp/err"

# Only "data" holds the main script (archives of older k6).
rm "$k/file/home/nobody/t/archive-main.js"
(cd "$k" && tar cf "$tmp/k6data.tar" --format=ustar metadata.json data file)
runs 6 "the main script from data alone" "$tmp/k6data.tar"

# A script's scenarios, as k6 archives them: every field, null when unset.
sed -i 's/"vus": 2, "duration": null, "iterations": 6, "stages": null,/"vus": null, "duration": null, "iterations": null, "stages": null,/
s/"scenarios": null,/"scenarios": { "default": { "executor": "shared-iterations", "startTime": null, "gracefulStop": null, "env": null, "exec": null, "tags": null, "vus": 2, "iterations": 6, "maxDuration": null } },/' \
	"$k/metadata.json"
(cd "$k" && tar cf "$tmp/k6sc.tar" --format=ustar metadata.json data file)
runs 6 "an archive's scenarios with k6's null fields" "$tmp/k6sc.tar"

# Remote modules, as k6 archives them under https/HOST/PATH (jslib.k6.io
# in most scripts): read from the archive, never fetched (the host is
# unresolvable), a relative import inside one resolving to its URL.
r=$tmp/k6remote
mkdir -p "$r/https/lyocell.invalid/lib/1.0"
cat >"$r/data" <<'EOS'
import { greet } from 'https://lyocell.invalid/lib/1.0/index.js';
export default function () {
	if (greet() !== 'hello from afar')
		throw new Error('not the archived module: ' + greet());
}
EOS
echo "export { greet } from './greet.js';" >"$r/https/lyocell.invalid/lib/1.0/index.js"
echo "export function greet() { return 'hello from afar'; }" \
	>"$r/https/lyocell.invalid/lib/1.0/greet.js"
cat >"$r/metadata.json" <<'EOS'
{"type":"js","options":{"iterations":3,"scenarios":null,"dns":{"ttl":null}},
 "filename":"file:///home/nobody/t/remote.js","pwd":"file:///home/nobody/t",
 "env":{},"compatibilityMode":"extended","k6version":"2.2.0","goos":"linux"}
EOS
(cd "$r" && tar cf "$tmp/k6remote.tar" --format=pax metadata.json data https)
runs 3 "remote modules read from the archive's https/ tree" "$tmp/k6remote.tar"
sed -i 's,1.0/index.js,1.0/missing.js,' "$r/data"
(cd "$r" && tar cf "$tmp/k6missing.tar" --format=pax metadata.json data https)
(cd "$tmp/elsewhere" && k6 inspect --execution-requirements "$tmp/k6missing.tar") \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 107 ] && grep -q 'https://lyocell.invalid/lib/1.0/missing.js: it is not in the archive' \
    "$tmp/err"; then
	ok "a remote module missing from the archive: exit 107, named, not fetched"
else
	notok "missing remote module: exit $rc" "$tmp/err"
fi

# archive keeps the remote modules it fetched, under SCHEME/HOST/PATH as
# k6 does, and the run reads them from it.
start_target
mkdir -p "$tmp/rsrc"
printf "import { answer } from '%s/module';\nexport default function () {\n\tif (answer !== 42)\n\t\tthrow new Error('answer ' + answer);\n}\n" \
	"$TARGET" >"$tmp/rsrc/remote.js"
(cd "$tmp/rsrc" && k6 archive remote.js -O "$tmp/remote.tar" --iterations 2) \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
entry=http/${TARGET#http://}/module
if [ $rc -eq 0 ] && tar tf "$tmp/remote.tar" | grep -qx "$entry" &&
    [ "$(tar xOf "$tmp/remote.tar" "$entry")" = "export const answer = 42;" ]; then
	ok "archive keeps a remote module under http/HOST:PORT/PATH"
else
	notok "archive of a remote module: exit $rc" "$tmp/err"
	tar tf "$tmp/remote.tar" 2>&1 | sed 's/^/#   /'
fi
runs 2 "the run of that archive reads it from there" "$tmp/remote.tar"

# Refused: not an archive, an entry leaving the directory.
echo 'not a tar' >"$tmp/bad.tar"
(cd "$tmp/elsewhere" && k6 run -q -t archive "$tmp/bad.tar") >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 104 ] && grep -q 'bad.tar' "$tmp/err"; then
	ok "a file that is not an archive: exit 104, named"
else
	notok "bad archive: exit $rc" "$tmp/err"
fi
mkdir -p "$tmp/evil/file/x"
cp "$k/metadata.json" "$k/data" "$tmp/evil/"
echo 'owned' >"$tmp/evil/file/x/evil"
(cd "$tmp/evil" && tar cf "$tmp/evil.tar" --format=ustar \
	--transform 's,^file/x/evil,file/../../evil,' metadata.json data file/x/evil)
(cd "$tmp/elsewhere" && k6 run -q "$tmp/evil.tar") >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 104 ] && grep -q 'leaves the archive' "$tmp/err"; then
	ok "an entry outside the archive's directory is refused"
else
	notok "path escape: exit $rc" "$tmp/err"
fi
if [ -z "$(ls -A "$tmp/t")" ]; then
	ok "every unpacked archive is removed, failed runs' too"
else
	notok "unpacked archives left behind: $(ls "$tmp/t")"
fi
finish
