// One VU aborts the test while the others spin.
import exec from 'k6/execution';
import { sleep } from 'k6';
export const options = { vus: 4, duration: '30s' };
export default function () {
  if (exec.vu.idInTest === 1) {
    sleep(0.5);
    exec.test.abort('enough');
  }
  for (;;) {}
}
