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
