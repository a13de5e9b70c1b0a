import { check } from 'k6';
export const options = { vus: 2, iterations: 4 };
export function setup() {
  check(true, { 'in setup': (x) => x });
  return { token: 'abc', n: 42 };
}
export default function (data) {
  check(data, { 'data reached the VU': (d) => d.token === 'abc' && d.n === 42 });
}
export function teardown(data) {
  if (data.n !== 42) throw new Error('teardown got ' + JSON.stringify(data));
  console.log('teardown saw ' + data.token);
}
