// A body that comes a byte at a time: complete and slow, or cut by the
// timeout.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 2,
  thresholds: { 'http_reqs{error_code:1050}': ['count>=0'] },
};

export default function () {
  let r = http.get(`${__ENV.TARGET}/fault/dribble?bytes=20&ms=10`);
  check(r, {
    'all bytes': (r) => r.status === 200 && r.body.length === 20,
    'receiving is the dribble': (r) => r.timings.receiving >= 150 && r.timings.waiting < 100,
  });
  r = http.get(`${__ENV.TARGET}/fault/dribble?bytes=50&ms=10`, { timeout: 100 });
  check(r, { 'cut by the timeout': (r) => r.status === 0 && r.error_code === 1050 });
}
