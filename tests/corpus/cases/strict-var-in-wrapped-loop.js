// var inside a loop body whose let bindings closures capture belongs to
// the function around the loop: no global, no error in strict code.
function collect() {
  const fns = [];
  for (let i = 0; i < 3; i++) {
    var last = i;
    fns.push(() => i);
  }
  for (const x of [1, 2]) {
    var total = (total || 0) + x;
    fns.push(() => x);
    for (var j in { a: 1 }) fns.push(() => j + x);
  }
  return [last, total, j, fns.length, fns.map((f) => f()).join(" ")];
}
console.log(collect().join(), typeof globalThis.last, typeof globalThis.total);
export {};
