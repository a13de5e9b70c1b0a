const pairs = [[1, 'one'], [2, 'two']];
for (const [n, w] of pairs) console.log(n, w);
for (const { id, v = 'none' } of [{ id: 1 }, { id: 2, v: 'x' }]) console.log(id, v);
