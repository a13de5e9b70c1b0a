// A promise rejected with no handler ends its iteration with an error,
// as k6 reports it; a handled one, even late in the same job, does not.
import { Counter } from 'k6/metrics';

const after = new Counter('after');
export const options = { vus: 1, iterations: 4 };

export default async function () {
  const p = Promise.reject(new Error('handled'));
  p.catch(() => {});
  switch (__ITER) {
  case 0:
    Promise.reject(new Error('nobody listens'));
    await 0;
    break;
  case 1:
    await new Promise((r) => setTimeout(r, 1));
    throw 'a plain reason';
  case 2:
    setTimeout(() => Promise.reject(new Error('in a timer')), 1);
    setTimeout(() => after.add(1), 20);
    break;
  }
  after.add(1);
}
