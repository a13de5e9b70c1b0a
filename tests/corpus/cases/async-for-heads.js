// await in for-loop heads: init, test, update; for-of over an awaited array.
const tick = (v) => Promise.resolve(v);
(async () => {
  const out = [];
  for (let i = await tick(0); i < (await tick(3)); i += await tick(1)) out.push(i);
  for (const v of await tick(['x', 'y'])) out.push(v);
  for (const k in await tick({ p: 1, q: 2 })) out.push(k);
  console.log(out.join(' '));
})();
