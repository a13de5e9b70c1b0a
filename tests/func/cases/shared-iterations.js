import { check, sleep } from 'k6';
export const options = { vus: 2, iterations: 6 };
export default function () {
  check(__VU, { 'vu is 1 or 2': (v) => v === 1 || v === 2 });
  sleep(0.01);
}
