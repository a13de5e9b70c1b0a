// await reads then once, through getters, and adopts thenables.
const log = [];
const obj = { get then() { log.push('then read'); return undefined; } };
const th = { then(res) { log.push('then called'); res('thenable value'); } };
(async () => {
  const a = await obj;
  log.push('obj ' + (a === obj));
  log.push(await th);
  try { await { get then() { throw new Error('getter throws'); } }; } catch (e) { log.push('caught ' + e.message); }
  try { await { then(_, rej) { rej('rejected thenable'); } }; } catch (e) { log.push('caught ' + e); }
})().then(() => console.log(log.join('\n')));
