import exec from 'k6/execution';
import http from 'k6/http';
import { check } from 'k6';
export const options = { vus: 1, iterations: 1 };
export function setup() {
  check(http.get(__ENV.TARGET + '/get'), { 'setup got 200': (r) => r.status === 200 });
  exec.test.abort('no point going on');
}
export default function () { throw new Error('the test ran after abort'); }
export function teardown() { console.log('teardown ran'); }
