// import() of modules the bundle resolves: a promise of the namespace,
// the module evaluated once and shared with static imports; live
// bindings; CommonJS modules as their default; a missing file rejects.
import { count } from './lib/counter.js';

console.log('start', count);
const p = import('./lib/counter.js');
console.log('sync part done', typeof p.then, p instanceof Promise);
(async () => {
  const ns = await p;
  ns.inc();
  console.log(ns.count, count, ns.name, ns.default('you'), Object.keys(ns).sort().join());
  const again = await import('./lib/counter.js');
  console.log('same namespace', again === ns);
  const cjs = await import('./lib/helper.cjs');
  console.log('cjs', cjs.default.twice(21), typeof cjs.twice);
  const { Square, unit } = await import('./lib/shapes.js');
  console.log(new Square(3).area() + unit);
  try {
    await import('./lib/no-such-module.js');
  } catch (e) {
    console.log('missing rejects', e instanceof Error);
  }
})();
