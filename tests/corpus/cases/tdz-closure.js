// A function that may run before a declaration tests the binding; one
// that runs after it sees the value.  (The message is k6's engine's, not
// node's: see errors-k6-words.js.)
function attempt(title, f) {
  try {
    console.log(title, "->", f());
  } catch (e) {
    console.log(title, "->", e instanceof ReferenceError, e.name);
  }
}

attempt("arrow called early", () => {
  const get = () => late;
  const r = get();
  const late = 1;
  return r;
});
attempt("arrow called later", () => {
  const get = () => late;
  const late = 1;
  return get();
});
attempt("hoisted function called early", () => {
  const r = f();
  let v = 2;
  function f() { return v; }
  return r;
});
attempt("hoisted function called later", () => {
  let v = 2;
  function f() { return v; }
  return f();
});
attempt("write from a closure, early", () => {
  const set = (x) => { n = x; };
  set(1);
  let n = 0;
  return n;
});
attempt("write from a closure, later", () => {
  const set = (x) => { n = x; };
  let n = 0;
  set(5);
  return n;
});
attempt("update from a closure", () => {
  const inc = () => ++count;
  let count = 0;
  inc();
  return inc();
});
attempt("recursive const arrow", () => {
  const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));
  return fib(15);
});
attempt("class method uses a later const", () => {
  class A { get v() { return LIMIT; } }
  const a = new A();
  try { a.v; } catch (e) { return "early: " + e.name; }
  const LIMIT = 3;
  return a.v;
});
attempt("const class expression names itself", () => {
  const K = class { static make() { return new K(); } };
  return K.make() instanceof K;
});
attempt("closure in its own initialiser", () => {
  const o = { get: () => o.value, value: 7 };
  return o.get();
});
attempt("callback before declaration", () => {
  const results = [];
  [1, 2].forEach((x) => results.push(x * factor));
  const factor = 10;
  return results.join();
});
attempt("called in its own initialiser", () => {
  const z = (() => typeof z)();
  return z;
});
attempt("object method names its object", () => {
  const api = { v: 3, get() { return api.v; } };
  return api.get();
});
attempt("class static field reads the class early", () => {
  const S = class { static self = S; };
  return S.self === S;
});
attempt("switch case skipped", () => {
  function pick(k) {
    switch (k) {
    case 0:
      let s = "zero";
      return s;
    case 1:
      return s;
    }
  }
  const a = pick(0);
  return a + " " + pick(1);
});

// In loops: every iteration has its own binding, in the dead zone until
// its declaration runs.
const fns = [];
for (let i = 0; i < 3; i++) {
  fns.push(() => later);
  if (i === 1) {
    try { fns[i](); } catch (e) { console.log("loop iteration", i, e.name); }
  }
  const later = i * 10;
}
console.log(fns.map((f) => f()).join());
let total = 0;
for (const x of [1, 2, 3]) {
  const twice = () => y * 2;
  const y = x;
  total += twice();
}
console.log("total", total);
let rounds = 0;
while (rounds < 2) {
  try { console.log(early); } catch (e) { console.log("while", rounds, e.name); }
  let early = rounds;
  rounds++;
}

// Module level: a hoisted function used after the declaration, as k6's
// default function is.
const BASE = "http://localhost";
export default function main() { return BASE + "/x"; }
console.log(main());
function used() { return LATE; }
try { used(); } catch (e) { console.log("module", e.name); }
const LATE = "late";
console.log(used());
