// A name no scope declares: k6's engine places its ReferenceError at the
// name, typeof of it is no error, and a catch clause's parameter is no
// global.
export const options = { iterations: 2, vus: 1 };
function go(x) { try { return x.y; } catch (e) { return e; } }
function later(k) { return k > 0 ? missing(k) : 0; }
export default function () {
  if (__ITER === 0) { const v = go(1) + nope; }
  if (__ITER === 1) { if (typeof other === 'undefined') later(1); }
}
