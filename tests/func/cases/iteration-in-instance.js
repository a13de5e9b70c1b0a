// exec.scenario.iterationInInstance numbers a scenario's iterations on
// this machine from 0, over all its workers, as k6 does.
import exec from 'k6/execution';
import { Trend } from 'k6/metrics';

const inInstance = new Trend('iteration_in_instance');
const inTest = new Trend('iteration_in_test');

export const options = {
	thresholds: {
		'iteration_in_instance{s:shared}': ['max>=0'],
		'iteration_in_instance{s:open}': ['max>=0'],
	},
	scenarios: {
		shared: { executor: 'shared-iterations', vus: 3, iterations: 10 },
		open: {
			executor: 'constant-arrival-rate', rate: 20, duration: '1s',
			preAllocatedVUs: 4, exec: 'arrive',
		},
	},
};

export default function () {
	inInstance.add(exec.scenario.iterationInInstance, { s: 'shared' });
	inTest.add(exec.scenario.iterationInTest, { s: 'shared' });
}

export function arrive() {
	inInstance.add(exec.scenario.iterationInInstance, { s: 'open' });
}
