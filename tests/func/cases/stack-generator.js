// Stacks through generators as k6's engine (sobek) has them: the body's
// frame under the function's name, no frame of the runtime's; a next()
// the script calls is native, one that for-of, a spread or a pattern
// makes is not shown, and the caller is where k6 iterates (the last
// position its engine noted before).  Do not move lines: the case names
// them.
function* gen() { yield 1; throw new Error('gen'); }
class G {
  *m() { throw new Error('gm'); }
  static *s() { yield 1; throw new Error('gs'); }
  get it() { return gen(); }
}
const o = { *om() { throw new Error('gom'); } };
const ga = function* () { throw new Error('ga'); };
const f = (...a) => a.length;

export const options = { iterations: 2, vus: 1 };

export default function () {
  try { for (const x of gen()) {} } catch (e) { console.log(e.stack) }
  try { [...gen()] } catch (e) { console.log(e.stack) }
  try { const g = gen(); g.next(); g.next(); } catch (e) { console.log(e.stack) }
  try { const [a, b] = gen(); } catch (e) { console.log(e.stack) }
  try { new G().m().next() } catch (e) { console.log(e.stack) }
  try { for (const x of G.s()) {} } catch (e) { console.log(e.stack) }
  try { o.om().next() } catch (e) { console.log(e.stack) }
  try { ga().next() } catch (e) { console.log(e.stack) }
  try { for (const x of new G().it) {} } catch (e) { console.log(e.stack) }
  try { f(...gen()) } catch (e) { console.log(e.stack) }
  if (__ITER === 0) return loop().catch((e) => console.log(e.stack));
  const g = gen();
  g.next();
  g.next();
}

async function loop() {
  for (const x of gen()) { await null; }
}
