// Async generator return() and throw() while suspended and when done.
async function* g() { try { yield 1; yield 2; } catch (e) { yield 'caught ' + e; } finally { console.log('finally'); } }
(async () => {
  let it = g();
  console.log(JSON.stringify([await it.next(), await it.return('r'), await it.next()]));
  it = g();
  console.log(JSON.stringify([await it.next(), await it.throw('t'), await it.next()]));
  it = g();
  try { await it.throw(new Error('before start')); } catch (e) { console.log('rejected', e.message); }
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await g().return(Promise.resolve('awaited'))));
})();
