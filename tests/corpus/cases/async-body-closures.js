// closures made in async and generator bodies see the enclosing variables
async function a(x) {
  const fs = [];
  for (let i = 0; i < 3; i++) { fs.push(() => i * x); await null; }
  const own = 'user';
  const g = () => own + eval('x');
  return fs.map((f) => f()).join(',') + ' ' + g() + ' ' + (await (async () => own)());
}
function* gen(y) { const v = yield y; yield () => v + y; }
a(2).then((s) => console.log(s));
const it = gen(1); it.next(); console.log(it.next(41).value());
