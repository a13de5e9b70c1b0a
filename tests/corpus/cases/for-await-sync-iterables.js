// for await over sync iterables of promises and values, with break.
const wait = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
(async () => {
  const out = [];
  for await (const v of [wait(3, 'a'), 'b', wait(1, 'c')]) out.push(v);
  function* g() { try { yield wait(1, 'g1'); yield 'g2'; yield 'g3'; } finally { out.push('g closed'); } }
  for await (const v of g()) { out.push(v); if (v === 'g2') break; }
  for await (const [k, v] of new Map([['k', wait(1, 'v')]])) out.push(k + '=' + (await v));
  console.log(out.join(' '));
})();
