const g1 = function* named() { yield typeof named; };
console.log(g1().next().value);
const anon = function* () { yield 1; };
console.log(anon().next().value);
function* withFn() {
  function helper(x) { return x * 3; }
  yield helper(2);
}
console.log(withFn().next().value);
function* closures() {
  const fns = [];
  for (let i = 0; i < 3; i++) {
    fns.push(() => i);
  }
  yield fns.map((f) => f()).join("");
  let x = 1;
  const get = () => x;
  yield get();
  x = 2;
  yield get();
}
console.log([...closures()].join(","));
