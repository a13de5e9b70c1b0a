// Jumps out of nested loops, labelled blocks and loop body functions
// close exactly the iterators they leave.
const log = [];
function make(name, n) {
  let i = 0;
  return { [Symbol.iterator]() { return this; },
    next() { log.push(name + ".next"); return i < n ? { value: i++, done: false } : { done: true }; },
    return() { log.push(name + ".return"); return {}; } };
}
function show(t) { console.log(t + ": " + log.join(" ")); log.length = 0; }
for (const x of make("a", 3)) { switch (x) { case 0: break; case 1: continue; } log.push("body" + x); }
show("switch break/continue");
lbl: { for (const x of make("a", 3)) { if (x === 1) break lbl; } log.push("not here"); }
show("break labelled block");
outer: for (const y of make("o", 2)) {
  for (const x of make("i", 3)) {
    const f = () => x;
    if (x === 1) continue outer;
    if (y === 5) break outer;
  }
}
show("wrapped continue outer");
function r() {
  for (const y of make("o", 2)) {
    for (const x of make("i", 3)) {
      const f = () => x + y;
      if (x === 1) return f();
    }
  }
}
log.push(r());
show("wrapped return");
for (const y of make("o", 2)) {
  let k = 0;
  while (true) { if (++k > 2) break; }
  for (let j = 0; j < 2; j++) { const g = () => j; if (j === 1) break; }
}
show("inner loops break");
try { for (const x of make("a", 3)) { try { throw 1; } finally { log.push("fin"); } } } catch (e) { log.push("caught"); }
show("throw through finally");
a: b: for (const x of make("a", 3)) { if (x === 0) continue a; if (x === 1) break b; }
show("two labels");
