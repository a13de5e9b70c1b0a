// Stacks through async functions as k6's engine (sobek) has them: the
// body's frame under the function's name, no frame of the runtime's, the
// caller at its call; after an await the frames of the functions that
// wait on it, each at its await.  Do not move lines: the case names them.
class A {
  async m() { throw new Error('meth'); }
  static async s() { await 0; throw new Error('stat'); }
  get v() { return work(0); }
  static get w() { return this.s(); }
}
const arrow = async () => { throw new Error('arrow'); };
async function work(n) { if (n) await null; throw new Error('in work ' + n); }
const o = { async om() { await null; let u; return u.x; } };
async function foo(x) {
  await bar(x);
}
async function bar(x) {
  await x;
  throw new Error("Let's have a look...");
}
async function outer() { return await middle(); }
async function middle() { const r = work(1); return await r; }

export const options = { iterations: 1 };

export default async function () {
  try { await new A().m() } catch (e) { console.log(e.stack) }
  try { await A.s() } catch (e) { console.log(e.stack) }
  try { await arrow() } catch (e) { console.log(e.stack) }
  try { await work(0) } catch (e) { console.log(e.stack) }
  try { await work(1) } catch (e) { console.log(e.stack) }
  try { await new A().v } catch (e) { console.log(e.stack) }
  try { await A.w } catch (e) { console.log(e.stack) }
  try { await o.om() } catch (e) { console.log(e.stack) }
  try { await foo(1) } catch (e) { console.log(e.stack) }
  try { await outer() } catch (e) { console.log(e.stack) }
  await null;
  try { await work(0) } catch (e) { console.log(e.stack) }
  const p = work(1);
  try { await p } catch (e) { console.log(e.stack) }
  await work(1);
}
