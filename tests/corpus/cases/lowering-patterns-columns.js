// Destructuring in assignments, parameters and loop heads, as the
// compiler writes it when it places k6's columns: member targets with
// defaults, computed keys, nested patterns, for-in keys taken apart,
// catch clauses, and the checks of undefined and null.
const x = { a: undefined, n: null }, y = {}, log = [];
let a, b, m;
function g(v) { log.push(v); return v; }
function f1({a}, [b] = [2]) { return [a, b]; }
const o = { m({a}, u = g('u')) { return a + u; }, get [g('k')]() { return 1; } };
class C {
  static s(u, {a = u}) { return a; }
  m(u = 1, [v] = [u + 1]) { return v; }
}
const ar = ({a, ...r}) => [a, Object.keys(r).join()];
({a: y.p = g('d'), b: {c: y.q}} = {b: {c: 3}});
[y.r, [y.s = g('e')]] = [4, []];
({[g('a')]: m = 5} = x);
const out = [y.p, y.q, y.r, y.s, m, f1({a: 1}), o.m({a: 'x'}), C.s(7, {}),
  new C().m(), ar({a: 1, b: 2, c: 3})];
for (const {length} of ['ab', 'c']) out.push(length);
for ({a} of [{a: 9}]) out.push(a);
for (const [k, {length: n} = 'zz'] in { pq: 1 }) out.push(k + n);
for ([a, b] in { st: 1 }) out.push(a + b);
const errs = [];
for (const f of [() => { ({a: {b}} = x); }, () => { [a] = x.n; },
  () => f1(null), () => { for (const {a} of [x.n]) g(a); },
  () => { ({a: x.n.q} = {}); }, () => { [y.t, [b]] = [1, x.n]; }]) {
  try { f(); errs.push('none'); } catch (e) { errs.push(e instanceof TypeError); }
}
try { g(0); throw { message: 'm', code: 3 }; } catch ({message, code: c = 4}) { out.push(message + c); }
try { const q = g(1), r = [5, 6]; throw r; } catch ([e1, , e3 = 7]) { out.push(e1 + e3); }
try { if (g(3)) { throw { message: 'i', code: 8 }; } else g(4); } catch ({message, code: c}) { out.push(message + c); }
for (const f of [() => { try { g(2); throw null; } catch ({a}) { g(a); } },
  () => { try { throw undefined; } catch ([a]) { g(a); } }]) {
  try { f(); errs.push('none'); } catch (e) { errs.push(e instanceof TypeError); }
}
console.log(JSON.stringify(out), JSON.stringify(errs), log.join());
