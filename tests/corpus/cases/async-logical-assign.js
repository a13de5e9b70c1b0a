// Logical assignment with await and yield in the value or the target.
const log = [];
const tick = (v) => Promise.resolve(v).then((x) => (log.push('tick ' + x), x));
const o = {
  _a: 0,
  get a() { log.push('get a'); return this._a; },
  set a(v) { log.push('set a ' + v); this._a = v; },
  b: 1, c: null, d: 'keep',
};
async function main() {
  o.a ||= await tick(5);
  o.a ||= await tick(6);
  o.b &&= await tick(7);
  o.c ??= await tick(8);
  o.d ??= await tick(9);
  let x = 0, y = 2, z;
  x ||= await tick('x');
  y &&= await tick('y');
  z ??= await tick('z');
  const key = 'k';
  const p = {};
  p[await tick(key)] ||= await tick(10);
  p[await tick(key)] &&= await tick(11);
  log.push(JSON.stringify([o._a, o.b, o.c, o.d, x, y, z, p]));
}
function* gen() {
  let v = 0;
  v ||= yield 'first';
  v &&= yield 'second';
  const q = { n: null };
  q.n ??= yield 'third';
  return [v, q.n];
}
main().then(() => {
  console.log(log.join('\n'));
  const it = gen();
  console.log(JSON.stringify([it.next(), it.next(3), it.next(4), it.next(5)]));
});
