// Async generator requests queue: next() calls before the first settles.
async function* g() {
  const a = yield 1;
  console.log('got', a);
  const b = yield await new Promise((r) => setTimeout(() => r(2), 2));
  console.log('got', b);
  return 3;
}
const it = g();
Promise.all([it.next('ignored'), it.next('A'), it.next('B'), it.next('C')]).then((rs) => console.log(JSON.stringify(rs)));
