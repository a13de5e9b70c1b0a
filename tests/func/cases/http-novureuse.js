// noVUConnectionReuse: a new connection every iteration, reused within it.
import http from 'k6/http';
import { check } from 'k6';

export const options = { vus: 2, iterations: 6, noVUConnectionReuse: true };

export default function () {
  const a = http.get(`${__ENV.TARGET}/get`);
  const b = http.get(`${__ENV.TARGET}/get`);
  check(null, {
    'new connection per iteration': () => a.timings.connecting > 0,
    'reused within the iteration': () => b.timings.connecting === 0,
  });
}
