import exec from 'k6/execution';
import { check } from 'k6';
export const options = { vus: 1, iterations: 1, setupTimeout: '10s' };
export default function () {
  const o = exec.test.options;
  check(o, {
    'paused is null': (x) => x.paused === null,
    'unset options are null': (x) => x.noSetup === null && x.rps === null && x.hosts === null,
    'set options are kept': (x) => x.setupTimeout === '10s' && x.scenarios.default.vus === 1,
    'shortcuts are gone': (x) => !('vus' in x) && !('iterations' in x) && !('duration' in x),
  });
}
