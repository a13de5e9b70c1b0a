// return() through yield* in an async generator runs both finally blocks.
const log = [];
async function* inner() { try { yield 'i1'; yield 'i2'; } finally { log.push('inner finally'); } }
async function* outer() { try { yield* inner(); } finally { log.push('outer finally'); } }
(async () => {
  const it = outer();
  log.push(JSON.stringify(await it.next()));
  log.push(JSON.stringify(await it.return('stop')));
  log.push(JSON.stringify(await it.next()));
  console.log(log.join('\n'));
})();
