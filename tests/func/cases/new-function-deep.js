// The Function constructor compiles deeply nested bodies in a VU: the
// compiler's recursion ran off the VU's stack (a crash of the worker).
import { check } from 'k6';
export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };
function body(n) {
  return 'if (x) { '.repeat(n) + 'try { '.repeat(n) + 'x += 1;' + ' } finally { x++; }'.repeat(n) + ' }'.repeat(n) + ' return x;';
}
export default function () {
  let deepest = '';
  try { new Function('x', body(1000)); } catch (e) { deepest = e.name + ': ' + e.message.split('\n')[0]; }
  console.log(deepest);
  check(null, {
    '200 levels': () => new Function('x', body(100))(1) === 102,
    '900 levels': () => new Function('x', body(300))(1) === 302,
    'deeper than the compiler goes': () => /^SyntaxError: .*Nesting too deep/.test(deepest),
  });
}
