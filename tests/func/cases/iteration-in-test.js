import exec from 'k6/execution';
import { Trend, Counter } from 'k6/metrics';
const iit = new Trend('iteration_in_test');
const per = new Counter('per_instance_seen');
export const options = {
  thresholds: { 'iteration_in_test{s:shared}': ['max>=0'], 'iteration_in_test{s:open}': ['max>=0'] },
  scenarios: {
    shared: { executor: 'shared-iterations', vus: 3, iterations: 10 },
    open: { executor: 'constant-arrival-rate', rate: 20, duration: '1s', preAllocatedVUs: 4,
            exec: 'arrive' },
  },
};
export default function () {
  iit.add(exec.scenario.iterationInTest, { s: 'shared' });
  per.add(1);
}
export function arrive() {
  iit.add(exec.scenario.iterationInTest, { s: 'open' });
}
