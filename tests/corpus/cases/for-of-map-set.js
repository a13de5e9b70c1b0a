const m = new Map([['a', 1], ['b', 2]]);
for (const [k, v] of m) console.log(k, v);
const s = new Set([3, 1, 3, 2]);
for (const v of s) console.log(v);
console.log([...s].join(','), [...m.keys()].join(','));
