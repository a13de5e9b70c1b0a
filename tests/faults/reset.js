// A server that resets every connection: each request fails with k6's
// 1220, the iteration goes on, the http_req_failed threshold fails.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  vus: 2, iterations: 20,
  thresholds: {
    http_req_failed: ['rate<0.5'],
    'http_reqs{error_code:1220}': ['count>=0'],
  },
};

export default function () {
  const r = http.get(`${__ENV.TARGET}/fault/reset`);
  check(r, { 'reset': (r) => r.status === 0 && r.error_code === 1220 &&
    r.error === 'read: connection reset by peer' });
}
