// A Proxy of a function with a get trap (chai's chainable methods): it
// is made, calls go to the target, and its properties are the target's.
import { check } from 'k6';
export const options = { iterations: 1 };
export default function () {
  function target(a) { return a * 2; }
  target.extra = 'yes';
  const p = new Proxy(target, { get(t, k) { throw new Error('trap ran'); } });
  check(p, {
    'callable': (p) => p(21) === 42,
    'reads the target': (p) => p.extra === 'yes' && typeof p.call === 'function',
  });
}
