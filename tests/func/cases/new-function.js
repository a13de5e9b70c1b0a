// The Function constructor compiles a body of the script's own; the
// script cache once handed mujs a marker instead of its parse tree.
import { check } from 'k6';
export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };
const add = new Function('a', 'b', 'return a + b;');
export default function () {
  let bad = '';
  try { new Function('return ]'); } catch (e) { bad = e.name; }
  check(null, {
    'Function constructor': () => add(2, 3) === 5,
    'no parameters': () => new Function('return 7;')() === 7,
    'syntax error thrown': () => bad === 'SyntaxError',
    'after an error': () => new Function('x', 'return x * 2;')(4) === 8,
  });
}
