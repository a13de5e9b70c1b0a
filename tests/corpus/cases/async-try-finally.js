// try/catch/finally across awaits; return and throw through finally.
const log = [];
const later = (v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), 1));
async function f(fail) {
  try {
    log.push('try ' + await later('x'));
    if (fail) await later('bad', true);
    return 'returned';
  } catch (e) {
    log.push('catch ' + e.message);
    return 'from catch';
  } finally {
    log.push('finally ' + await later('f'));
  }
}
async function g() {
  try { return await later('g'); } finally { log.push('g finally'); }
}
(async () => {
  log.push(await f(false));
  log.push(await f(true));
  log.push(await g());
  console.log(log.join('\n'));
})();
