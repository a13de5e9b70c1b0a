// ++ and -- of a member: the read at the end of its object (its key for
// o[k]), the write at the member's name or "[", as k6's engine has them.
export const options = { iterations: 5, vus: 1 };
const o = { p: undefined, get r() { return 1; }, set r(v) { throw new Error('set'); } };
const k = 'q';
function g(v) { return v; }
export default function () {
  if (__ITER === 0) g(o.p.x++);
  if (__ITER === 1) g(1), --o.p[k];
  if (__ITER === 2) { let i = 0; i++; g(o.p.y--); }
  if (__ITER === 3) g(o.r++, 2);
  if (__ITER === 4) g(1), ++o['r'];
}
