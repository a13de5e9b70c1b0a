// timings.sending and http_req_sending: from the first byte of the request
// written to the last; waiting from there to the response's first byte.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1 };

function sum(t) {
  return Math.abs(t.sending + t.waiting + t.receiving - t.duration) < 1e-6;
}

export default function () {
  let r = http.get(`${__ENV.TARGET}/delay/100`);
  check(r, {
    'get: sending measured': (r) => r.timings.sending > 0 && r.timings.sending < 50,
    'get: the delay is waiting': (r) => r.timings.waiting >= 95,
    'get: duration is the sum': (r) => sum(r.timings),
  });
  r = http.post(`${__ENV.TARGET}/post`, 'x'.repeat(8 << 20));
  check(r, {
    'post: status 200': (r) => r.status === 200,
    'post: sending measured': (r) => r.timings.sending > 0,
    'post: duration is the sum': (r) => sum(r.timings),
  });
}
