// A reply that is not HTTP: Go's "malformed HTTP ..." and 1000, not an
// invalid URL.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  vus: 2, iterations: 10,
  thresholds: { 'http_reqs{error_code:1000}': ['count>=0'] },
};

export default function () {
  const r = http.get(`${__ENV.TARGET}/fault/garbage`);
  check(r, { 'malformed': (r) => r.status === 0 && r.error_code === 1000 &&
    r.error === 'malformed HTTP status code "is"' });
}
