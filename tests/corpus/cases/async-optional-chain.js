// await and yield after ?. links: the chain stops at a nullish base before
// evaluating what follows; o.f?.(x) calls f with this = o.
const log = [];
const tick = (v) => Promise.resolve(v).then((x) => (log.push('tick ' + x), x));
const o = { a: { b: [10, 20], f(x) { return 'f' + x + (this === o.a); } }, n: null };
async function main() {
  log.push(o.a?.b[await tick(1)]);
  log.push(o.n?.b[await tick(2)]);
  log.push(o.a?.f(await tick(3)));
  log.push(o.n?.f(await tick(4)));
  log.push(o.a.f?.(await tick(5)));
  log.push(o.a.g?.(await tick(6)));
  log.push((await tick(o))?.a?.b?.[1]);
  log.push((await tick(null))?.a.b);
  log.push(o?.[await tick('a')]?.b.length);
}
main().then(() => console.log(log.join('\n')));
function* g(o) {
  const a = o?.[yield 'key'];
  const b = o?.m?.(yield 'arg');
  return [a, b];
}
const it = g({ k: 'v', m(x) { return x + 1; } });
console.log(JSON.stringify([it.next(), it.next('k'), it.next(41)]));
const it2 = g(null);
console.log(JSON.stringify([it2.next(), it2.next()]));
