// A destructuring declaration that meets undefined or null throws k6's
// TypeError at the last position k6's engine noted before its check: the
// initializer's, or the name bound or the default read just before.
export const options = { iterations: 10, vus: 1 };
const x = { a: undefined, n: null }, k = 'a';
function get() { return x; }
function g(v) { return v; }
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
}
