import { check } from 'k6';
export const options = { iterations: 4, thresholds: { checks: ['rate>0.5'] } };
export default function () {
  check(__ITER, { 'even': (i) => i % 2 === 0, 'always': () => true });
}
