import { SharedArray } from 'k6/data';
import { Counter } from 'k6/metrics';
const users = new SharedArray('users', function () {
  console.log('loading users');
  return [{ name: 'ana', n: 1 }, { name: 'bo', n: 2 }, { name: 'cy', n: 3 }];
});
const total = new Counter('user_n');
export const options = { vus: 3, iterations: 6 };
export default function () {
  const u = users[__ITER % users.length];
  total.add(u.n);
  try { users[0].n = 99; } catch (e) { /* frozen */ }
}
