// __ITER is set on the global before each iteration, as k6 sets it, after
// the script changed or deleted it; its descriptor stays a plain data
// property.
import { check } from 'k6';

export const options = { vus: 1, iterations: 5 };

let seen = 0;

export default function () {
  const d = Object.getOwnPropertyDescriptor(globalThis, '__ITER');
  check(__ITER, {
    'the iteration number': (v) => v === seen,
    'a plain data property': () => d !== undefined && d.writable &&
      d.enumerable === (seen < 3) && d.configurable && d.get === undefined &&
      d.value === seen,
  });
  seen++;
  if (seen === 1)
    __ITER = 'changed';	// assigned: a number again next time
  else if (seen === 2)
    delete globalThis.__ITER;	// deleted: made again
  else if (seen === 3)
    Object.defineProperty(globalThis, '__ITER', { value: -1, writable: true, enumerable: false, configurable: true });
  check(null, { 'changes seen in the iteration': () =>
    seen === 1 ? __ITER === 'changed' : seen === 2 ? typeof __ITER === 'undefined' : true });
}
