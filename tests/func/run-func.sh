#!/bin/bash
# Functional tests: run the built lyocell on every tests/func/cases/*.case.
#
# A case is a text file of "key: value" lines:
#   args:     the command line after "lyocell" (shell words; $TARGET is the
#             local target's http:// base URL, $TARGET_TLS its https:// one,
#             $TARGET_CA the CA file that verifies it, $TARGET_MTLS its
#             https:// port that requires a client certificate, and
#             $TARGET_CLIENT the directory of client certificates for it:
#             client-a.pem, client-b.pem (key password "lyocell"), rogue.pem
#             and their NAME-key.pem; $TARGET_HOSTS a hosts file naming
#             the target's addresses for the dns option's cases, whose
#             port also listens on 127.0.0.2, 127.0.0.3 and, when
#             $TARGET_IPV6 is 1, ::1)
#   exit:     the expected exit code (default 0)
#   stdout:   a substring stdout must contain (repeatable)
#   stderr:   a substring stderr must contain (repeatable; $CASES is the
#             folder the cases run in, as in stack frames' file:// URLs)
#   no-stderr: a substring stderr must not contain (repeatable)
#   check:    a JavaScript expression that must hold on the --summary-export
#             JSON (`data` is the document, `m` its metrics, `keys(o)` o's
#             names in the file's order); repeatable,
#             and any check adds --summary-export to the command line
#   env:      NAME=VALUE for the run (repeatable; $TARGET and friends are
#             expanded)
#   timeout:  seconds before the run counts as hung (default 60)
#   stdin:    a file of the cases' folder to give the run as standard input
#             (default /dev/null)
# Lines starting with # are comments.  Adding a case needs no C.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
TARGETBIN=$(cd "$top_builddir" && pwd)/tests/target/lyocell-target
JCHECK=$(cd "$top_builddir" && pwd)/tests/func/jcheck
only=${1:-}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-func.XXXXXX")
# The cases run in a copy: scripts may write files, and the source tree
# is read-only under make distcheck.
cp -R "$srcdir/tests/func/cases" "$tmp/cases"
chmod -R u+w "$tmp/cases"
CASES=$tmp/cases
target_pid=
cleanup() {
	[ -n "$target_pid" ] && kill "$target_pid" 2>/dev/null && wait "$target_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

mkdir "$tmp/client"
# Names for options.dns (read with LYOCELL_DNS_HOSTS): several addresses,
# both families where the machine has IPv6.
export TARGET_IPV6=0 TARGET_HOSTS="$tmp/hosts"
also=(--also 127.0.0.2 --also 127.0.0.3)
if grep -q '^00000000000000000000000000000001 ' /proc/net/if_inet6 2>/dev/null; then
	TARGET_IPV6=1
	also+=(--also ::1)
fi
{
	printf '127.0.0.%s three.lyocell.test\n' 1 2 3
	[ "$TARGET_IPV6" = 1 ] && printf '::1 %s\n' both.lyocell.test v6.lyocell.test localhost
	echo '127.0.0.1 both.lyocell.test'
} >"$TARGET_HOSTS"
"$TARGETBIN" --port 0 --tls-port 0 --port-file "$tmp/port" --tls-port-file "$tmp/tlsport" \
	--cert-out "$tmp/cert.pem" --mtls-port 0 --mtls-port-file "$tmp/mtlsport" \
	--client-dir "$tmp/client" "${also[@]}" --max-seconds 1800 --quiet 2>"$tmp/target.err" &
target_pid=$!
for _ in $(seq 100); do
	[ -s "$tmp/port" ] && [ -s "$tmp/tlsport" ] && [ -s "$tmp/mtlsport" ] && break
	sleep 0.05
done
if ! [ -s "$tmp/port" ]; then
	echo "not ok - the local target did not start"; cat "$tmp/target.err"
	echo "0 passed, 1 failed"; exit 1
fi
export TARGET="http://127.0.0.1:$(cat "$tmp/port")"
export TARGET_TLS="https://127.0.0.1:$(cat "$tmp/tlsport")"
export TARGET_CA="$tmp/cert.pem"
export TARGET_MTLS="https://127.0.0.1:$(cat "$tmp/mtlsport")"
export TARGET_CLIENT="$tmp/client"

passed=0 failed=0
for case in "$CASES"/*.case; do
	name=$(basename "$case" .case)
	[ -n "$only" ] && [ "$name" != "$only" ] && continue
	args= want_exit=0 timeout=60 input=/dev/null
	outs=() errs=() noerrs=() checks=() envs=()
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
		''|'#'*) continue ;;
		esac
		key=${line%%:*} val=${line#*:}
		val=${val# }
		case $key in
		args) args=$val ;;
		exit) want_exit=$val ;;
		stdout) outs+=("$val") ;;
		stderr) errs+=("${val//\$CASES/$CASES}") ;;
		no-stderr) noerrs+=("$val") ;;
		check) checks+=("$val") ;;
		env) envs+=("$(eval "printf '%s' \"$val\"")") ;;
		timeout) timeout=$val ;;
		stdin) input=$CASES/$val ;;
		*) echo "not ok - $name: unknown key '$key'"; failed=$((failed + 1)); continue 2 ;;
		esac
	done <"$case"
	eval "set -- $args"
	[ ${#checks[@]} -gt 0 ] && set -- "$@" --summary-export "$tmp/export.json"
	rm -f "$tmp/export.json"
	(cd "$CASES" && exec env ${envs[@]+"${envs[@]}"} timeout -k 5 "$timeout" "$LYOCELL" "$@") \
		>"$tmp/out" 2>"$tmp/err" <"$input"
	rc=$?
	why=
	[ "$rc" = "$want_exit" ] || why="exit $rc, expected $want_exit"
	for s in ${outs[@]+"${outs[@]}"}; do
		[ -n "$why" ] || grep -qF -- "$s" "$tmp/out" || why="stdout lacks '$s'"
	done
	for s in ${errs[@]+"${errs[@]}"}; do
		[ -n "$why" ] || grep -qF -- "$s" "$tmp/err" || why="stderr lacks '$s'"
	done
	for s in ${noerrs[@]+"${noerrs[@]}"}; do
		[ -n "$why" ] || ! grep -qF -- "$s" "$tmp/err" || why="stderr has '$s'"
	done
	if [ -z "$why" ] && [ ${#checks[@]} -gt 0 ]; then
		"$JCHECK" "$tmp/export.json" "${checks[@]}" 2>"$tmp/check" || why=$(tr '\n' ' ' <"$tmp/check")
	fi
	if [ -z "$why" ]; then
		echo "ok - $name"
		passed=$((passed + 1))
	else
		echo "not ok - $name: $why"
		sed 's/^/#   stdout: /' "$tmp/out" | tail -n 15
		sed 's/^/#   stderr: /' "$tmp/err" | tail -n 15
		failed=$((failed + 1))
	fi
done
if ! kill -0 "$target_pid" 2>/dev/null; then
	echo "not ok - the local target died during the tests"; cat "$tmp/target.err"
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
