// node-timing: node under load can settle timers of close delays out of order.
// Promise.all, allSettled, any, race with async functions.
const wait = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
(async () => {
  console.log(JSON.stringify(await Promise.all([wait(3, 'a'), wait(1, 'b'), 'c'])));
  console.log(JSON.stringify(await Promise.allSettled([wait(1, 'ok'), wait(2, 'no', true)]).then((r) => r.map((x) => x.status + ':' + (x.value || x.reason.message)))));
  console.log(await Promise.any([wait(2, 'x', true), wait(3, 'slow'), wait(1, 'fast')]));
  console.log(await Promise.race([wait(5, 'late'), wait(1, 'early')]));
  try { await Promise.any([wait(1, 'e1', true), wait(2, 'e2', true)]); } catch (e) { console.log(e instanceof AggregateError, e.errors.map((x) => x.message).join()); }
  try { await Promise.all([wait(1, 'f', true), wait(2, 'g')]); } catch (e) { console.log('all rejected', e.message); }
})();
