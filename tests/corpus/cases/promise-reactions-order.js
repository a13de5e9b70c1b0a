// The order of reactions when thens and awaits share one promise, pending
// or settled, fulfilled or rejected, with microtasks between them.
const log = [];
let res, rej;
const pending = new Promise((r) => { res = r; });
const pendingBad = new Promise((_, j) => { rej = j; });
const done = Promise.resolve('done');
const thenable = { then(f) { log.push('thenable.then'); f('t'); } };

async function waiter(name, p) {
  log.push(name + ' start');
  try {
    const v = await p;
    log.push(name + ' got ' + v);
  } catch (e) {
    log.push(name + ' caught ' + e);
  }
  return name;
}
async function early(name) {
  try {
    await null;
    return name + ' returned';
  } finally {
    log.push(name + ' finally');
  }
}

pending.then((v) => log.push('then1 ' + v));
waiter('w1', pending).then((v) => log.push(v + ' done'));
pending.then((v) => log.push('then2 ' + v));
waiter('w2', pending);
waiter('w3', done);
done.then((v) => log.push('then3 ' + v));
waiter('w4', pendingBad);
pendingBad.catch((e) => log.push('catch ' + e));
waiter('w5', 42);
waiter('w6', thenable);
queueMicrotask(() => log.push('microtask'));
early('e1').then((v) => log.push(v));
res('ok');
rej('bad');
waiter('w7', pending);
pending.then((v) => log.push('then4 ' + v));
setTimeout(() => console.log(log.join('\n')), 0);
