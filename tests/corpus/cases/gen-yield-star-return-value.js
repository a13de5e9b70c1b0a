// yield* gives the inner return value; delegating to arrays, strings, Sets.
function* inner() { yield 'i'; return 'inner-ret'; }
function* outer() {
  const r = yield* inner();
  yield r;
  yield* 'ab';
  yield* new Set([1, 1, 2]);
  return yield* [];
}
console.log(JSON.stringify([...outer()]));
const it = outer();
let s, out = [];
while (!(s = it.next()).done) out.push(s.value);
console.log(JSON.stringify(out), s.value);
