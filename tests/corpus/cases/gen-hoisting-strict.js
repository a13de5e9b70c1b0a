// Hoisted functions in generators see the body's parameters and lets.
function* g(n) {
  yield double();
  let k = 3;
  yield triple();
  function double() { return n * 2; }
  function triple() { return k * 3; }
}
console.log(JSON.stringify([...g(4)]));
async function a() { await null; return helper(); function helper() { return typeof a; } }
a().then(console.log);
