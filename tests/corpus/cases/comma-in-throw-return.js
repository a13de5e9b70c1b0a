// A comma expression as the operand of throw and return, also where a
// loop body runs as a function of its own (closures over let).
let n = 0;
try {
  throw n++, new Error("second");
} catch (e) {
  console.log(e.message, n);
}
function f(xs) {
  for (const x of xs) {
    const g = () => x;
    if (x > 1) return n++, g() * 10;
  }
  return n++, -1;
}
console.log(f([1, 2, 3]), f([0]), n);
function h() {
  for (let i = 0; i < 3; i++) {
    setTimeout(() => i);
    if (i === 1) throw i, new RangeError("r" + i);
  }
}
try { h(); } catch (e) { console.log(e.name, e.message); }
