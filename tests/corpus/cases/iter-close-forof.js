// for...of closes the iterator when the loop is left early.
const log = [];
function make(name, n, opts = {}) {
  let i = 0;
  const it = {
    [Symbol.iterator]() { return this; },
    next() {
      log.push(name + ".next");
      if (opts.nextThrows && i === opts.nextThrows)
        throw new Error("next failed");
      return i < n ? { value: i++, done: false } : { value: undefined, done: true };
    },
  };
  if (!opts.noReturn)
    it.return = function () {
      log.push(name + ".return");
      if (opts.returnThrows)
        throw new Error("return failed");
      return opts.returnValue !== undefined ? opts.returnValue : {};
    };
  return it;
}
function show(title) {
  console.log(title + ": " + log.join(" "));
  log.length = 0;
}

for (const x of make("a", 3)) { }
show("exhausted");

for (const x of make("a", 3)) { if (x === 1) break; }
show("break");

function ret() {
  for (const x of make("a", 3))
    if (x === 0) return x;
  return -1;
}
ret();
show("return");

outer: for (const y of make("o", 2)) {
  for (const x of make("i", 3)) {
    if (x === 1) continue outer;
  }
}
show("continue outer");

outer2: for (const y of make("o", 2)) {
  for (const x of make("i", 3)) {
    if (x === 1) break outer2;
  }
}
show("break outer");

for (const y of make("o", 2)) {
  for (const x of make("i", 3)) {
    if (x === 1) break;
  }
}
show("break inner");

try {
  for (const x of make("a", 3)) throw new Error("boom");
} catch (e) {
  log.push("caught " + e.message);
}
show("throw");

try {
  for (const x of make("a", 3, { returnThrows: true })) throw new Error("boom");
} catch (e) {
  log.push("caught " + e.message);
}
show("throw wins over return");

try {
  for (const x of make("a", 3, { returnThrows: true })) break;
} catch (e) {
  log.push("caught " + e.message);
}
show("return throws on break");

try {
  for (const x of make("a", 3, { returnValue: 5 })) break;
} catch (e) {
  log.push("caught TypeError " + (e instanceof TypeError));
}
show("return gives no object");

for (const x of make("a", 3, { noReturn: true })) break;
show("no return method");

try {
  for (const x of make("a", 3, { nextThrows: 1 })) { }
} catch (e) {
  log.push("caught " + e.message);
}
show("next throws");

let n = 0;
for (const x of make("a", 3)) { if (x === 0) continue; n++; }
show("continue " + n);

lbl: for (const x of make("a", 3)) { if (x === 1) continue lbl; if (x === 2) break lbl; }
show("labelled");

const fns = [];
for (const x of make("a", 3)) {
  let y = x * 2;
  fns.push(() => y);
  if (x === 1) break;
}
show("closure body " + fns.map((f) => f()).join());

function wrappedReturn() {
  for (const x of make("a", 3)) {
    let z = x;
    fns.push(() => z);
    if (x === 1) return "r" + x;
  }
}
console.log(wrappedReturn());
show("closure body return");
