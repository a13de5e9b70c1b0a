function* inner() {
  const x = yield 1;
  console.log("inner got", x);
  yield 2;
  return "inner result";
}
function* outer() {
  yield 0;
  const r = yield* inner();
  console.log("r =", r);
  yield* [10, 11];
  yield* "ab";
  return 99;
}
const it = outer();
let s, out = [];
let v;
while (!(s = it.next(v)).done) {
  out.push(s.value);
  v = "v" + s.value;
}
console.log(out.join(","), s.value);
