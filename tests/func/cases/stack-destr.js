// A destructuring declaration that meets undefined or null throws k6's
// TypeError at the last position k6's engine noted before its check: the
// initializer's, or the name bound or the default read just before.
export const options = { iterations: 22, vus: 1 };
const x = { a: undefined, n: null }, k = 'a';
function get() { return x; }
function g(v) { return v; } let q;
export default function () {
  if (__ITER === 0) { const {a: {b}} = x; }
  if (__ITER === 1) { g(1); const {q, a: {b}} = get(); }
  if (__ITER === 2) { let [m, {n}] = [1, x.n]; }
  if (__ITER === 3) { var {[k]: {c} = x.a} = g(x); }
  if (__ITER === 4) { const {a} = x.n; }
  if (__ITER === 5) { const {u, ...rest} = x.a; }
  if (__ITER === 6) { const {a: {b}} = x.n || {}; }
  if (__ITER === 7) { const {m} = k ? x.n : null; }
  if (__ITER === 8) { const {a: {b}} = x?.a?.b ?? x; }
  if (__ITER === 9) { const {z} = x?.n; }
  // unary operators, templates, spreads, methods, sequences, assignments
  if (__ITER === 10) { const {a} = !x.n ? x.n : 1; }
  if (__ITER === 11) { const {a} = void x.n; }
  if (__ITER === 12) { const [a] = `${x.n}` && null; }
  if (__ITER === 13) { const [a] = [...[x.n]][0]; }
  if (__ITER === 14) { const {a: {b}} = {a: x.a, m() {}}; }
  if (__ITER === 15) { const {a: {b}} = {...x}; }
  if (__ITER === 16) { const {a} = (g(1), x.n); }
  if (__ITER === 17) { const {a} = q = x.n; }
  if (__ITER === 18) { const {a} = x.q = x.n; }
  if (__ITER === 19) { const {a: {b}} = {a: x.a, f: function () {}}; }
  if (__ITER === 20) { const [{a}] = [x.n, ...[1]]; }
  if (__ITER === 21) { const {a} = -1 + x.n ? null : null; }
}
