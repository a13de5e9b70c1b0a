// Breaking out of for await over an async generator awaits its return().
const log = [];
async function* g() {
  try { for (let i = 0; ; i++) yield i; }
  finally { await null; log.push('cleanup done'); }
}
(async () => {
  for await (const v of g()) { log.push('v' + v); if (v === 2) break; }
  log.push('after loop');
  console.log(log.join(' '));
})();
