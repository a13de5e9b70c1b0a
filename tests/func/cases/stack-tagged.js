// A tagged template's call notes no position in k6's engine: its frame
// is at the last one noted before it, of the tag (a method's at the end
// of its object) or of the last substitution that notes one (++, -=).
export const options = { iterations: 7, vus: 1 };
function tag() { throw new Error('tag'); }
const o = { t: tag, k: 0 }, n = 2;
function g(v) { return v; }
export default function () {
  if (__ITER === 0) g(tag`a${n}b`);
  if (__ITER === 1) g(1), o.t`x`;
  if (__ITER === 2) g(o.t`x${n + 1}y${'s'}`);
  if (__ITER === 3) g(tag`${g(n)}`, 4);
  if (__ITER === 4) g(tag`a${o.k++}b${o.k -= n}`);
  if (__ITER === 5) { let q = 1; g(tag`${q++}`); }
  if (__ITER === 6) { let q = 1; g(tag`${++q}`); }
}
