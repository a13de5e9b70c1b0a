// Function declarations of generator and async bodies are hoisted: they
// can be called before the statement that declares them.
function* g(x) {
  yield f();
  yield typeof later;
  switch (x) {
  case 1:
    yield 'one ' + f();
    break;
  }
  yield 2;
  function f() { return 'f' + x; }
  yield later();
  function later() { return 'later'; }
}
console.log(JSON.stringify([...g(1)]));
async function a() {
  const r = h();
  await 0;
  return [r, h === h2(), typeof h2];
  function h() { return 'h'; }
  function h2() { return h; }
}
a().then((v) => console.log(JSON.stringify(v)));
const o = {
  async *m() {
    yield inner(1);
    for (const i of [2, 3]) yield await inner(i);
    function inner(n) { return n * 10; }
  },
};
(async () => {
  const out = [];
  for await (const v of o.m()) out.push(v);
  console.log(out.join());
})();
