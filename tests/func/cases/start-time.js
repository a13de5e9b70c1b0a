import exec from 'k6/execution';
import { Trend } from 'k6/metrics';
const started = new Trend('started_at', true);
export const options = {
  scenarios: {
    late: { executor: 'per-vu-iterations', vus: 1, iterations: 1, startTime: '1s' },
  },
};
export default function () { started.add(exec.instance.currentTestRunDuration); }
