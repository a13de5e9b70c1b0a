#!/bin/bash
# The bash and zsh completion scripts (lyocell completion bash|zsh, which
# make install installs) complete every flag that 'lyocell help CMD'
# lists, the commands, the flags' choices and the right files.
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
LYOCELL=$(cd "$top_builddir" && pwd)/lyocell
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-completion.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
notok() { echo "not ok - $1"; failed=$((failed + 1)); }

"$LYOCELL" completion bash >"$tmp/lyocell.bash" && bash -n "$tmp/lyocell.bash" &&
	ok "completion bash writes a bash script" || notok "completion bash"
"$LYOCELL" completion fish >/dev/null 2>"$tmp/err"
[ $? = 255 ] && grep -q "bash or zsh" "$tmp/err" && ok "an unknown shell is a usage error" ||
	notok "completion fish: $(cat "$tmp/err")"

# The long flags of a command's help, from its option lines only.
flags_of() {
	"$LYOCELL" help "$1" | sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p' |
		sort -u
}

# shellcheck disable=SC1091
source "$tmp/lyocell.bash"
# comp WORD...: what bash offers for the last word.
comp() {
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMPREPLY=()
	_lyocell
	printf '%s\n' ${COMPREPLY[@]+"${COMPREPLY[@]}"}
}
# offers WANT WORD...: WANT is among the completions.
offers() {
	local want=$1
	shift
	if comp "$@" | grep -qxF -- "$want"; then
		ok "bash: '$*' offers $want"
	else
		notok "bash: '$*' does not offer $want (got: $(comp "$@" | tr '\n' ' '))"
	fi
}

for c in run inspect compare merge version; do
	missing=
	for flag in $(flags_of $c); do
		comp lyocell $c -- | grep -qxF -- "$flag" || missing="$missing $flag"
	done
	[ -z "$missing" ] && ok "bash: '$c --' offers every flag of 'lyocell help $c'" ||
		notok "bash: '$c --' lacks$missing"
done
offers run lyocell ru
offers compare lyocell comp
offers completion lyocell comp
offers --vus lyocell run --v
offers -u lyocell run -
offers --limit lyocell compare --li
offers merge lyocell mer
offers --summary-export lyocell merge --summary-e
offers --no-thresholds lyocell -c conf.json run --no-th
offers --no-thresholds lyocell --log-format json run --no-th
offers json lyocell run --log-format j
offers full lyocell run --summary-mode f
offers zsh lyocell completion z
offers inspect lyocell help i
comp lyocell version --li | grep -q . && notok "bash: version offers compare's --limit" ||
	ok "bash: a command offers only its own flags"
mkdir "$tmp/files" "$tmp/files/dir" && touch "$tmp/files/a.js" "$tmp/files/b.txt" \
	"$tmp/files/base.json"
(
	cd "$tmp/files" || exit 1
	r=$(comp lyocell run -u 2 '' | sort | tr '\n' ' ')
	[ "$r" = "a.js dir " ] || { echo "run offers: $r"; exit 1; }
	r=$(comp lyocell compare '' | sort | tr '\n' ' ')
	[ "$r" = "base.json dir " ] || { echo "compare offers: $r"; exit 1; }
	r=$(comp lyocell merge base.json '' | sort | tr '\n' ' ')
	[ "$r" = "base.json dir " ] || { echo "merge offers: $r"; exit 1; }
	r=$(comp lyocell run --summary-export '' | sort | tr '\n' ' ')
	[ "$r" = "a.js b.txt base.json dir " ] || { echo "--summary-export offers: $r"; exit 1; }
) >"$tmp/out" 2>&1 && ok "bash: scripts for run, exports for compare and merge, any file for a FILE" ||
	notok "bash: files: $(cat "$tmp/out")"

# zsh: the script parses, and each command's section names its flags.
"$LYOCELL" completion zsh >"$tmp/_lyocell"
head -1 "$tmp/_lyocell" | grep -qx '#compdef lyocell' && ok "zsh: a #compdef script" ||
	notok "zsh: no #compdef line"
if command -v zsh >/dev/null; then
	zsh -n "$tmp/_lyocell" && ok "zsh: the script parses" || notok "zsh: syntax error"
else
	echo "ok - zsh: not installed, syntax not checked # SKIP"
fi
for c in run inspect compare merge version; do
	missing=
	section=$(sed -n "/^\t\t$c)\$/,/&& ret=0 ;;\$/p" "$tmp/_lyocell")
	global=$(sed -n '/^\tglobal=(/,/^\t)/p' "$tmp/_lyocell")
	for flag in $(flags_of $c); do
		[ "$flag" = --help ] && continue
		printf '%s\n%s\n' "$section" "$global" | grep -qE -- "(^|[^a-z-])$flag([^a-z-]|\$)" ||
			missing="$missing $flag"
	done
	[ -z "$missing" ] && ok "zsh: '$c' has every flag of 'lyocell help $c'" ||
		notok "zsh: '$c' lacks$missing"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
