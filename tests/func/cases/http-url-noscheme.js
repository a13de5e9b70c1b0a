// A URL without a scheme fails its request, as in k6: the iteration goes
// on, its check fails, and so does the checks threshold.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 2, thresholds: { checks: ['rate==1'] } };

export default function () {
  const r = http.get(__ENV.TARGET.replace('http://', '') + '/get');
  check(r, { 'status 200': (r) => r.status === 200 });
  check(r, { 'after the request': () => true });
}
