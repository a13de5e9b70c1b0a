// yield* in async generators: to async and sync iterables, values sent in,
// return() and throw() passed on, finally blocks run, the inner result.
const log = [];
async function* inner() {
  try {
    log.push('inner start');
    const x = yield 1;
    log.push('inner got ' + x);
    yield await Promise.resolve(2);
    return 'inner result';
  } finally {
    log.push('inner finally');
  }
}
async function* outer() {
  const r = yield* inner();
  log.push('outer got ' + r);
  yield* [3, Promise.resolve(4)];
  const s = yield* (function* () { yield 5; return 'sync result'; })();
  log.push('outer got ' + s);
  return 'done';
}
async function main() {
  const it = outer();
  log.push(JSON.stringify(await it.next('ignored')));
  log.push(JSON.stringify(await it.next('A')));
  for (let i = 0; i < 5; i++) log.push(JSON.stringify(await it.next()));
  const it2 = outer();
  await it2.next();
  log.push(JSON.stringify(await it2.return('early')));
  const it3 = outer();
  await it3.next();
  try { await it3.throw(new Error('boom')); } catch (e) { log.push('caught ' + e.message); }
  const out = [];
  for await (const v of outer()) out.push(v);
  log.push(out.join());
}
let ticks = 0;
(function tick() { if (ticks++ < 100) Promise.resolve().then(tick); })();
main().then(() => console.log(log.join('\n')));
