// A server that says nothing: the request times out (1050) on time.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  vus: 3, iterations: 6,
  thresholds: { 'http_reqs{error_code:1050}': ['count>=0'], iteration_duration: ['max<2000'] },
};

export default function () {
  const r = http.get(`${__ENV.TARGET}/fault/stall?ms=5000`, { timeout: '100ms' });
  check(r, { 'timeout': (r) => r.status === 0 && r.error_code === 1050 && r.error === 'request timeout' });
}
