#!/bin/sh
# The oracle for tests/func/cases/webcrypto-vectors.js: its known answers
# must hold under node's WebCrypto too, so that a wrong vector cannot pass
# as Lyocell's truth.  Skipped (77) without node >= 20.
srcdir=${srcdir:-.}
node=${NODE:-$(command -v node 2>/dev/null)}
[ -n "$node" ] || exit 77
"$node" -e 'process.exit(globalThis.crypto && crypto.subtle ? 0 : 1)' 2>/dev/null || exit 77
"$node" --input-type=module -e "$(cat "$srcdir/tests/func/cases/webcrypto-vectors.js")
const r = await vectors(globalThis.crypto);
let bad = 0;
for (const [name, ok, got] of r)
  if (!ok) { console.log('not ok - ' + name + ': node gives ' + got); bad++; }
console.log(r.length - bad + ' of ' + r.length + ' vectors agree with node');
process.exit(bad ? 1 : 0);"
