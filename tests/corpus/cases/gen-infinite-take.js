function* fib() {
  let [a, b] = [0, 1];
  for (;;) {
    yield a;
    [a, b] = [b, a + b];
  }
}
function* take(it, n) {
  if (n <= 0) return;
  for (const v of it) {
    yield v;
    if (--n === 0) return;
  }
}
console.log([...take(fib(), 10)].join(" "));
const m = new Map([["x", 1], ["y", 2]]);
function* entries() { yield* m; }
console.log(JSON.stringify([...entries()]));
console.log(Array.from(take(fib(), 5), (x) => x * 2).join(","));
