// A bare return inside for-of (plain and in a loop body function)
// closes the iterator.
const log = [];
function make(n) { let i = 0; return { [Symbol.iterator]() { return this; }, next() { return i < n ? { value: i++, done: false } : { done: true }; }, return() { log.push("return"); return {}; } }; }
function bare() { for (const x of make(3)) { if (x === 1) return; log.push(x); } }
bare();
function wrapped() { for (const x of make(3)) { const f = () => x; if (x === 1) return; log.push(f()); } }
wrapped();
console.log(log.join(" "));
