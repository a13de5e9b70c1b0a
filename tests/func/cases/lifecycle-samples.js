import { check } from 'k6';
import http from 'k6/http';
import { Counter } from 'k6/metrics';
const stage = new Counter('stage');
export const options = { vus: 1, iterations: 1 };
function work(where) {
  check(1, { ['one in ' + where]: (x) => x === 1, ['two in ' + where]: (x) => x > 0 });
  http.get(__ENV.TARGET + '/get?in=' + where);
  stage.add(1);
}
export function setup() { work('setup'); }
export default function () { work('default'); }
export function teardown() { work('teardown'); }
