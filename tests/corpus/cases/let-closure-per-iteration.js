const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map(f => f()).join(','));
const gs = [];
for (const x of ['a', 'b']) { gs.push(() => x); if (x === 'b') break; }
console.log(gs.map(f => f()).join(','));
function find(arr) {
  for (const [k, v] of arr) {
    const f = () => v;
    if (k === 2) return f();
    if (k === 1) continue;
  }
  return 'none';
}
console.log(find([[1, 'a'], [2, 'b']]), find([]));
const hs = [];
outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    hs.push(() => i * 10 + j);
    if (j === 1) continue outer;
  }
}
console.log(hs.map(f => f()).join(','));
const o = { v: 'this-ok', m() { const r = []; for (let i = 0; i < 2; i++) r.push(() => this.v + i + arguments.length); return r.map(f => f()).join(','); } };
console.log(o.m(1, 2));
for (let i = 0; i < 3; i++) { var lastVar = i; setTimeoutLike(() => i); }
function setTimeoutLike(f) { return f(); }
console.log(lastVar);
const ks = [];
for (const k in { p: 1, q: 2 }) ks.push(() => k);
console.log(ks.map(f => f()).join(','));
