function* g() {
  try {
    yield 1;
    yield 2;
    yield 3;
  } finally {
    console.log("closed");
  }
}
for (const x of g()) {
  console.log(x);
  if (x === 2) break;
}
const [a, b] = g();
console.log(a, b);
try {
  for (const x of g()) throw new Error("in body " + x);
} catch (e) {
  console.log(e.message);
}
function first() {
  for (const x of g()) return x;
}
console.log(first());
