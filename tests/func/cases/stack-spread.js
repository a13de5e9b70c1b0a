// Calls and news with spread arguments: the frame that makes them is at
// the call's "(" and the "new", as in k6.
export const options = { iterations: 4, vus: 1 };
function thrower(...a) { throw new Error('n=' + a.length); }
function Ctor(...a) { throw new Error('ctor ' + a.length); }
const o = { m: thrower };
const args = [1, 2];
export default function () {
  if (__ITER === 0) thrower(...args);
  if (__ITER === 1) o.m(0, ...args);
  if (__ITER === 2) new Ctor(...args);
  if (__ITER === 3) o.m(1, o.m(...args));
}
