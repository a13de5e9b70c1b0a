#!/bin/bash
# Compile speed: a generated 5,000-line modern script (classes with private
# and static fields, arrows, destructuring with defaults and rest,
# templates, spread, optional chaining, ??, **, for-of), compiled by
# `lyocell inspect --bundle`: the best wall time of 7 runs, process start
# included.  Usage: bench/compile.sh [BUILD_DIR]; results in bench/compile.md.
set -eu
build=$(cd "${1:-.}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lyocell-compile.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
{
	echo "import http from 'k6/http';"
	echo "import { check } from 'k6';"
	for i in $(seq 0 248); do
		cat <<JS
class Thing$i extends Object {
  #secret = $i;
  static count = 0;
  constructor({ a = 1, b: [c, ...rest] = [2, 3] } = {}, ...more) {
    super();
    this.total = a + c + rest.length + more.length + this.#secret;
  }
  get label() { return \`thing \${this.total} of \${Thing$i.count}\`; }
  describe(opts) {
    const { name = 'x', tags: { env } = {} } = opts ?? {};
    return [...Object.keys(opts ?? {}), name, env?.toUpperCase() ?? 'none'];
  }
}
export const make$i = (n) => {
  let sum = 0;
  for (const [k, v] of Object.entries({ one: 1, two: 2 })) sum += v * n;
  const t = new Thing$i({ a: n, b: [n, n + 1, n + 2] }, 'x', 'y');
  return { sum, label: t.label, parts: t.describe({ name: \`n\${n}\` }), pow: n ** 2 };
};

JS
	done
	echo "export default function () { check(make0(1), { ok: (r) => r.sum === 3 }); }"
} >"$tmp/big.js"
lines=$(wc -l <"$tmp/big.js")
best=
for _ in 1 2 3 4 5 6 7; do
	s=$(date +%s%N)
	"$build/lyocell" inspect --bundle "$tmp/big.js" >"$tmp/out.js"
	e=$(date +%s%N)
	t=$(( (e - s) / 1000000 ))
	[ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
done
echo "| compile a $lines-line script ($(wc -c <"$tmp/big.js") bytes) with lyocell inspect --bundle, best of 7 | $best ms |"
# The compiled script must run.
"$build/lyocell" run -q --no-summary "$tmp/big.js" >/dev/null 2>&1 &&
	echo "| the compiled script runs | yes |" || echo "| the compiled script runs | NO |"

# Large scripts: N top-level declarations (about 90 bytes each), and an
# array literal of N records, compiled with inspect --bundle (one run).
for n in 11000 110000; do
	awk -v n=$n 'BEGIN { print "let total = 0;"; for (i = 0; i < n; i++)
		printf "const v%d = { a: %d, b: \"s%d\", c: [1, 2, 3] }; total += v%d.a;\n", i, i, i, i
		print "export default function () {}" }' >"$tmp/decl.js"
	s=$(date +%s%N)
	"$build/lyocell" inspect --bundle "$tmp/decl.js" >/dev/null
	e=$(date +%s%N)
	echo "| compile $n top-level declarations ($(wc -c <"$tmp/decl.js") bytes) | $(( (e - s) / 1000000 )) ms |"
done
awk 'BEGIN { print "const data = ["; for (i = 0; i < 190000; i++)
	printf "  { id: %d, name: \"n%d\", tags: [\"a\", \"b\"] },\n", i, i
	print "];"; print "export default function () {}" }' >"$tmp/data.js"
s=$(date +%s%N)
"$build/lyocell" run -q --no-summary "$tmp/data.js" >/dev/null 2>&1 && r=runs || r=fails
e=$(date +%s%N)
echo "| run a literal of 190,000 records ($(wc -c <"$tmp/data.js") bytes) | $r, $(( (e - s) / 1000000 )) ms |"
