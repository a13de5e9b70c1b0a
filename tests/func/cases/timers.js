import { Counter } from 'k6/metrics';
import { setTimeout as st } from 'k6/timers';
const fired = new Counter('fired');
export const options = { iterations: 2 };
export default function () {
  let n = 0;
  setTimeout(function (a, b) { fired.add(a + b); }, 50, 1, 2);
  const id = setInterval(function () { n++; fired.add(1); if (n === 3) clearInterval(id); }, 10);
  const never = setTimeout(function () { fired.add(1000); }, 20);
  clearTimeout(never);
  st(function () { fired.add(10); }, 5);
  Promise.resolve(5).then(function (v) { fired.add(v); });
}
