// Destructuring in assignments, parameters and loop heads that meets
// undefined or null throws k6's TypeError at the last position k6's
// engine noted before its check: the value's, a default's, a member
// target's object (a name assigned notes none; a name declared does),
// for a parameter the function's start or the parameters before it, for
// a catch clause's the try block's last statement that notes one (if, {}).
export const options = { iterations: 37, vus: 1 };
const x = { a: undefined, n: null }, y = {};
let a, b, m;
function g(v) { return v; } function t(v) { throw v; }
function f1({a}) { return a; }
function f2(u = g(1), [a]) { return a; }
const o = { m({a}) { return a; } };
class C {
  static s(u, {a}) { return a; }
  m(u = 1, [v] = x.n) { return v; }
}
const ar = ({a}) => a;
export default function () {
  if (__ITER === 0) { ({a: {b}} = x); }
  if (__ITER === 1) { g(1); ({q: m, a: {b}} = g(x)); }
  if (__ITER === 2) { [m, {b}] = [1, x.n]; }
  if (__ITER === 3) { [a] = x.n; }
  if (__ITER === 4) { ({a: x.n.q = x.a} = {}); }
  if (__ITER === 5) { [y.a, [y.b]] = [1, x.n]; }
  if (__ITER === 6) { ({[g('a')]: {b} = x.a} = x); }
  if (__ITER === 7) { f1(x.n); }
  if (__ITER === 8) { f2(); }
  if (__ITER === 9) { o.m(x.n); }
  if (__ITER === 10) { C.s(1, x.n); }
  if (__ITER === 11) { new C().m(); }
  if (__ITER === 12) { ar(x.n); }
  if (__ITER === 13) { for (const {a} of [x.n]) g(a); }
  if (__ITER === 14) { for ({a} of [x.n]) g(a); }
  if (__ITER === 15) { for (var [a] of g([x.n])) g(a); }
  if (__ITER === 16) { for (const {a: {b}} in x) g(b); }
  if (__ITER === 17) { for ([a, {b}] in x) g(b); }
  if (__ITER === 18) { return (async () => { const {a} = await g(x.n); })(); }
  if (__ITER === 19) { try { g(1); t(null); } catch ({a}) { g(a); } }
  if (__ITER === 20) { try { throw undefined; } catch ([a]) { g(a); } }
  if (__ITER === 21) { try { const q = g(1), r = t(); } catch ({a: {b}}) { g(b); } }
  if (__ITER === 22) { try { if (x.a) g(1); else t(null); } catch ({a}) { g(a); } }
  if (__ITER === 23) { try { { g(1); t(null); ; } } catch ({a}) { g(a); } }
  if (__ITER === 24) { try { return t(null); } catch ({a}) { g(a); } }
  if (__ITER === 25) { try { g(1); t(undefined); let z; var w; } catch ([a]) { g(a); } }
  if (__ITER === 26) { try { if (t(null)) { } } catch ({a}) { g(a); } }
  if (__ITER === 27) { try { if (g(1)) t(null); else { ; } } catch ({a}) { g(a); } }
  if (__ITER === 28) { const {a} = void y.c++; }
  if (__ITER === 29) { let q = 1; const [a] = void q--; }
  if (__ITER === 30) { const {a} = void (y.d += g(2)); }
  if (__ITER === 31) { let q = null; const {a} = (q ??= x.n); }
  if (__ITER === 32) { const {a} = (y.e ||= 0, void delete y.e); }
  if (__ITER === 33) { const [a] = void (y.f &&= 1); }
  if (__ITER === 34) { let q = 1; const [a] = void ++q; }
  if (__ITER === 35) { let q = 1; const {a} = (++q, --q, void 0); }
  if (__ITER === 36) { let q = 1; try { g(1); t(); ++q; } catch ([a]) { g(a); } }
}
