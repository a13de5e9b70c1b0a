// The value each await or yield resumes with, after a throw into a catch,
// in keys and values of one assignment, and undefined and null sent in.
function* g() {
  let a, b;
  try { a = yield 1; yield 2; } catch (e) { b = yield 'c' + e; }
  return [a, b, yield];
}
const it = g();
it.next(); it.next('A');
console.log(JSON.stringify(it.throw('E')), JSON.stringify(it.next('B')),
    JSON.stringify(it.next()));
async function f() {
  const r = [];
  try { r.push(await Promise.reject(1)); } catch (e) { r.push('caught', e, await e + 1); }
  r.push(await 2, await null, await undefined);
  const o = {};
  o[await 'k'] = await 'v';
  o[await 'j'] = (await 'w') + (await 'x');
  r.push(JSON.stringify(o), [await 3, await 4].join());
  return r;
}
f().then((r) => console.log(JSON.stringify(r)));
