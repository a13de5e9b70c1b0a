// A has trap that answers true makes `in` true whatever the target holds.
const p = new Proxy({}, { has: (t, k) => k.startsWith('a') });
console.log('abc' in p, 'xyz' in p, p.abc, Reflect.has(p, 'ab'), Reflect.has(p, 'b'));
const q = new Proxy({ real: 1 }, { has: () => false });
console.log('real' in q);
const r = new Proxy({ real: 1 }, {});
console.log('real' in r, 'nope' in r, r.real);
