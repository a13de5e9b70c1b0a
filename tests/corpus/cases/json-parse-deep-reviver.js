// lyjs-only
// JSON.parse's reviver on values 100,000 levels deep, which node's
// recursion does not reach (k6's does): called once a value, innermost
// first, as at shallow depths (json-parse-deep).
const N = 100000;
let count = 0, keys = {}, holders = 0;
const big = JSON.parse('['.repeat(N) + '7' + ']'.repeat(N), function (k, v) {
  count++;
  keys[k] = (keys[k] || 0) + 1;
  if (Array.isArray(this) || k === '') holders++;
  return Array.isArray(v) && v.length === 1 ? v[0] : v;
});
console.log('arrays', count, JSON.stringify(keys), holders, JSON.stringify(big));
count = 0;
const ob = JSON.parse('{"a":'.repeat(N) + '{"q":1,"r":2}' + '}'.repeat(N), function (k, v) {
  count++;
  if (k === 'r') return undefined;
  return k === 'q' ? v + 1 : v;
});
let d = 0, x = ob;
while (x.a) { x = x.a; d++; }
console.log('objects', count, d, JSON.stringify(x));
// The reviver throws at the bottom: the error reaches the caller.
try {
  JSON.parse('['.repeat(N) + '1' + ']'.repeat(N), function (k, v) { if (v === 1) throw new RangeError('at ' + k); return v; });
} catch (e) { console.log('thrown', e.name, e.message); }
