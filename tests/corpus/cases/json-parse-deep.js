// JSON.parse of texts nested deeper than the engine's value stack (256
// values): arrays, objects and both, 100,000 levels deep, with the same
// values, key order and reviver calls as node (whose reviver stops
// before 3,000 levels: json-parse-deep-reviver goes deeper).
function depth(v) {
  let d = 0;
  while (v !== null && typeof v === 'object') {
    const k = Array.isArray(v) ? v.length - 1 : Object.keys(v).pop();
    if (k === undefined || k === -1) break;
    v = v[k];
    d++;
  }
  return d + ' ' + JSON.stringify(v);
}
const N = 100000;
console.log('arrays', depth(JSON.parse('['.repeat(500) + ']'.repeat(500))));
console.log('arrays', N, depth(JSON.parse('['.repeat(N) + '1' + ']'.repeat(N))));
console.log('objects', N, depth(JSON.parse('{"a":'.repeat(N) + '"x"' + '}'.repeat(N))));
const parts = [];
for (let i = 0; i < N; i++) parts.push(i % 2 ? '{"k' + i + '":' : '[' + i + ',');
parts.push('null');
for (let i = N - 1; i >= 0; i--) parts.push(i % 2 ? '}' : ']');
const m = JSON.parse(parts.join(''));
console.log('mixed', depth(m), Object.keys(m[1].k1[1]).join(), m[1].k1[1].k3[0]);
// Siblings at every level, values of every kind, escapes.
let t = '';
for (let i = 0; i < 300; i++)
  t += '{"n":' + (i * 1.5) + ',"s":"a\\u00e9\\ud83d\\ude00\\n' + i + '","t":true,"f":false,"z":null,' +
    '"e":[],"o":{},"b":"x","b":"y' + i + '","2":2,"1":1,"v":[' + i + ',-1e3,';
t += '"leaf"';
for (let i = 0; i < 300; i++) t += ']}';
const d = JSON.parse(t);
let x = d, keys = [];
for (let i = 0; i < 299; i++) x = x.v[2];
console.log('kinds', Object.keys(x).join(), JSON.stringify(x).length, JSON.stringify(x).slice(0, 120));
console.log('same as stringify', JSON.stringify(JSON.parse(JSON.stringify(d))) === JSON.stringify(d));
// The reviver: called depth first, keys in order, this the holder.
const calls = [];
const r = JSON.parse('[{"b":[1,{"c":2}],"a":3,"1":4},' + '['.repeat(400) + '5' + ']'.repeat(400) + ']', function (k, v) {
  calls.push(k + (Array.isArray(this) ? '@a' : '@o'));
  if (k === 'a') return undefined;
  if (typeof v === 'number') return v * 10;
  return v;
});
console.log('reviver', calls.length, calls.slice(0, 12).join(' '), calls.slice(-4).join(' '));
console.log('revived', JSON.stringify(r[0]), depth(r[1]));
let count = 0, last = '';
const big = JSON.parse('['.repeat(2000) + '7' + ']'.repeat(2000), function (k, v) { count++; last = k; return Array.isArray(v) && v.length === 1 ? v[0] : v; });
console.log('reviver', 2000, count, last, JSON.stringify(big));
const ob = JSON.parse('{"a":'.repeat(2000) + '{"q":1,"r":2}' + '}'.repeat(2000), function (k, v) { count++; return k === 'r' ? undefined : v; });
console.log('reviver objects', count, depth(ob));
