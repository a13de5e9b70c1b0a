// for await with destructuring patterns and defaults.
async function* rows() { yield { id: 1, tags: ['a'] }; yield { id: 2 }; yield [3, 'three']; }
(async () => {
  const out = [];
  let i = 0;
  for await (const row of rows()) {
    if (i++ < 2) { const { id, tags: [first = 'none'] = [] } = row; out.push(id + first); }
    else { const [n, name] = row; out.push(n + name); }
  }
  for await (const { v = 'dflt' } of [{ v: 'given' }, {}]) out.push(v);
  console.log(out.join(' '));
})();
