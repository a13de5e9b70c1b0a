// The first script: 10 VUs hit the local target for 5 seconds.
// Run it with `make demo`, or against any server:
//   lyocell run -e TARGET=http://127.0.0.1:8080 examples/quickstart.js
import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  vus: 10,
  duration: '5s',
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<500'],
  },
};

const BASE = __ENV.TARGET || 'http://127.0.0.1:8080';

export default function () {
  const res = http.get(`${BASE}/get?page=home`);
  check(res, {
    'status is 200': (r) => r.status === 200,
    'body has the page': (r) => r.body.includes('home'),
  });
  sleep(0.1);
}
