import exec from 'k6/execution';
import { sleep } from 'k6';
export const options = { vus: 2, duration: '10s' };
export default function () {
  if (__ITER === 2) exec.test.abort('enough');
  sleep(0.05);
}
