// Each VU keeps its own connections: one VU never takes up another's
// idle keep-alive connection, even in the same worker (k6's per-VU
// transport).  The VUs' first requests go one after another, so each
// finds the connections of those before it idle.
import http from 'k6/http';
import exec from 'k6/execution';
import { check, sleep } from 'k6';

export const options = {
  scenarios: {
    s: { executor: 'per-vu-iterations', vus: 4, iterations: 3, maxDuration: '30s' },
  },
};

// setup()'s VU sends from the coordinator, before the worker starts
export function setup() {
  http.get(`${__ENV.TARGET}/get`);
}

export default function () {
  const first = exec.vu.iterationInScenario === 0;
  if (first)
    sleep(0.2 * exec.vu.idInTest);
  const res = http.get(`${__ENV.TARGET}/get`);
  check(res, {
    'a new connection on the first request only': (r) => first === (r.timings.connecting > 0),
  });
}
