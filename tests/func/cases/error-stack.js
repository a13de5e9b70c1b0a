// error.stack as k6's engine has it: the error's text, then "\tat" lines
// with file URLs, line and column (of the expression, as in k6), each
// ending in a newline; the script may set its own.
import { check } from 'k6';
export const options = { iterations: 1 };
function inner() {
    return new TypeError('bad');
}
export default function () {
  const e = inner();
  const lines = e.stack.split('\n');
  const mine = new Error('x');
  mine.stack = 'custom';
  check(e, {
    'first line': () => lines[0] === 'TypeError: bad',
    'frames': () => /^\tat inner \(file:\/\/\/.*\/error-stack\.js:7:12\)$/.test(lines[1]) &&
      /^\tat default \(file:\/\/\/.*\/error-stack\.js:10:18\)$/.test(lines[2]),
    'ends with a newline': () => lines.length === 4 && lines[3] === '',
    'not enumerable': () => Object.keys(e).indexOf('stack') < 0,
    'settable': () => mine.stack === 'custom',
  });
}
