// for-in over a destructuring pattern: a key taken apart, per iteration
// bindings, labels, generators and async bodies.
const o = { ab: 1, cd: 2 };
for (const [x, y] in o) console.log(x, y);
let a, b;
for ([a, b] in o) { console.log('assign', a, b); }
for (var { length } in o) console.log('len', length);
const fns = [];
for (let [c] in o) fns.push(() => c);
console.log(fns.map((f) => f()).join());
for (const { 0: first, ...rest } in { xyz: 1 }) console.log(first, JSON.stringify(rest));
label: for (const [p] in o) { for (const [q] in o) { if (q === 'c') continue label; console.log(p, q); } }
function* gen() { for (const [k] in o) yield k; }
console.log([...gen()].join());
async function af() { for (const [k, l] in o) { await null; console.log('async', k, l); } }
af();
