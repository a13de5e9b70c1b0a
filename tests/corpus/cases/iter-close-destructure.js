// Array destructuring takes only the values it needs, then closes the
// iterator; rest and spread run it to the end.
const log = [];
function make(name, n) {
  let i = 0;
  return {
    [Symbol.iterator]() { log.push(name + ".iter"); return this; },
    next() {
      log.push(name + ".next");
      return i < n ? { value: i++, done: false } : { value: undefined, done: true };
    },
    return() { log.push(name + ".return"); return {}; },
  };
}
function show(title, v) {
  console.log(title + ": " + JSON.stringify(v) + " " + log.join(" "));
  log.length = 0;
}

const [a, b] = make("x", 5);
show("two of five", [a, b]);

const [c, d, e] = make("x", 2);
show("three of two", [c, d, e]);

const [f, g] = make("x", 2);
show("two of two", [f, g]);

const [, h] = make("x", 5);
show("hole", h);

const [] = make("x", 5);
show("empty", 0);

const [i, ...rest] = make("x", 3);
show("rest", [i, rest]);

let p, q;
[p, q] = make("x", 4);
show("assignment", [p, q]);

function params([m, n2]) { return m + n2; }
show("parameter", params(make("x", 9)));

show("spread", [...make("x", 2)]);

show("call spread", Math.max(...make("x", 3)));

const pairs = [make("x", 3), make("y", 3)];
for (const [u, v] of pairs)
  log.push(u + v);
show("for-of head", 0);

const [[j, k], l] = [make("x", 3), 1];
show("nested", [j, k, l]);

// Infinite iterators work with a fixed pattern.
const naturals = { [Symbol.iterator]() { let n = 0; return { next: () => ({ value: n++, done: false }) }; } };
const [z0, z1, z2] = naturals;
show("infinite", [z0, z1, z2]);
