// Properties keyed by symbols: for-in (plain, in a generator, in an async
// body, labelled) and JSON.stringify leave them out; spread and
// Object.assign copy them.
const s = Symbol('k');
const o = { a: 1, [s]: 2, b: Symbol('v'), c: [Symbol('w'), 1], d: { [Symbol('x')]: 1, e: 2 } };
const out = [];
out.push(JSON.stringify(o), JSON.stringify(Symbol('x')), JSON.stringify([Symbol()]), JSON.stringify(o, null, 1));
out.push(JSON.stringify(o, (k, v) => (k === 'a' ? Symbol('r') : v)), JSON.stringify(o, ['a', 'b', 'c']));
for (const k in o) out.push('key ' + k);
for (var k2 in o) { const f = () => k2; out.push('var ' + f()); }
function* g() { for (const k in o) yield k; }
out.push([...g()].join());
async function h() { const r = []; for (const k in o) { await null; r.push(k); } return r.join(); }
const lab = []; outer: for (const k in o) { for (const j in o.d) { if (j === 'e') continue outer; lab.push(j); } lab.push(k); }
out.push(JSON.stringify(lab), JSON.stringify({...o}), Object.getOwnPropertySymbols({...o}).length, Object.getOwnPropertySymbols(Object.assign({}, o)).length);
h().then(r => { out.push(r); console.log(out.join("\n")); });
