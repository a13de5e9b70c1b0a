// JSON.stringify of values nested deeper than the engine's value stack
// (256 values, about 110 levels): the same text as node's, through every
// option.
function nest(n, leaf) { let o = leaf; for (let i = 0; i < n; i++) o = { v: o, i: i, a: [i, 'x'] }; return o; }
function sum(s) { const q = Math.floor(s.length / 4); return s.length + ' ' + [q, 2 * q, 3 * q].map((k) => s.slice(k, k + 12)).join('|'); }
function leaf(s) { const i = s.lastIndexOf('{"v":'); return s.slice(i, i + 60); }
for (const n of [50, 150, 1000, 3000]) console.log(n, sum(JSON.stringify(nest(n, null))));
let arr = [];
for (let i = 0; i < 3000; i++) arr = [arr, i];
console.log('arrays', sum(JSON.stringify(arr)));
console.log('indent', sum(JSON.stringify(nest(200, 'leaf'), null, 2)), sum(JSON.stringify(nest(200, 'x'), null, '\t')));
console.log('indent 20', sum(JSON.stringify(nest(200, [[]]), null, 20)), sum(JSON.stringify(nest(200, {}), null, 'abcdefghijklmn')));
console.log('replacer', sum(JSON.stringify(nest(300, 1), (k, v) => (k === 'i' ? undefined : v))));
console.log('list', sum(JSON.stringify(nest(300, { v: 1, q: 2 }), ['v', 'a', 0])));
console.log('toJSON', leaf(JSON.stringify(nest(300, { toJSON(k) { return 'T' + k; } }))));
console.log('date', leaf(JSON.stringify(nest(300, new Date(0)))));
console.log('wrappers', leaf(JSON.stringify(nest(300, [new Number(3), new String('s'), new Boolean(false), undefined, function () {}, NaN, -0]))));
console.log('skipped', leaf(JSON.stringify(nest(300, { f() {}, u: undefined, n: null }))));
const c = nest(300, null);
let x = c;
while (x.v) x = x.v;
x.v = c;
try { JSON.stringify(c); } catch (e) { console.log('cycle', e.name); }
try { JSON.stringify(nest(300, { toJSON() { throw new Error('own'); } })); } catch (e) { console.log('throws', e.message); }
console.log('surrogate', leaf(JSON.stringify(nest(200, '\ud800x\ud83d\ude00"\n'))));
console.log('keys', leaf(JSON.stringify(nest(150, { b: 1, a: 2, 2: 'x', 1: 'y' }))));
