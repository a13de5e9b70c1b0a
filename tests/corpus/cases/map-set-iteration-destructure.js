const m = new Map();
m.set('x', 1).set('y', 2);
const out = [];
for (const [k, v] of m) out.push(`${k}=${v}`);
console.log(out.join('&'));
const s = new Set('hello');
console.log(s.size, [...s].join(''));
