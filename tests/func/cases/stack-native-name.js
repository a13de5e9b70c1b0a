// A native function's frame under its name, as k6's engine names it
// (the function's name property: "map", "call", "parse"), also for an
// async callback.  Do not move lines: the case names them.
const cbs = { async onIt(x) { throw new Error('cb ' + x); } };
function thrower() { throw new Error('called'); }
export const options = { iterations: 1 };
export default async function () {
  const ps = [1].map(cbs.onIt);
  try { await ps[0] } catch (e) { console.log(e.stack) }
  try { thrower.call(null) } catch (e) { console.log(e.stack) }
  try { JSON.parse('{"a":1}', () => thrower()) } catch (e) { console.log(e.stack) }
}
