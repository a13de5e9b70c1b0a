// Timers that are all due when the event loop looks run in the order
// they fall due (then in the order they were made), as in k6 and node,
// not in the order of the module's list.
import { Counter } from 'k6/metrics';

const inOrder = new Counter('in_order');
export const options = { vus: 1, iterations: 3 };

export default function () {
  const seen = [];
  setTimeout(() => seen.push('a'), 30);
  setTimeout(() => seen.push('b'), 1);
  setTimeout(() => seen.push('c'), 1);
  setTimeout(() => seen.push('d'), 10);
  setTimeout(() => {
    if (seen.join('') === 'bcda')
      inOrder.add(1);
    else
      console.log('order: ' + seen.join(''));
  }, 31);
  // all of them fall due while the function still runs
  const t0 = Date.now();
  while (Date.now() - t0 < 60) {
    /* busy */
  }
}
