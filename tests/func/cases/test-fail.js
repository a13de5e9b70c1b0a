import exec from 'k6/execution';
export const options = { vus: 2, iterations: 6 };
export default function () {
  if (__ITER === 1) exec.test.fail('not good enough');
}
