// An arrival-rate scenario after a constant-vus one: k6 plans
// max(3, preAllocatedVUs + the maxVUs it may add) = 4 max VUs, creates the
// 3 planned ones before the test, and the arrivals run on one of them.
import { Counter } from 'k6/metrics';
import exec from 'k6/execution';

const arrivals = new Counter('arrivals');

export const options = {
	scenarios: {
		a: { executor: 'constant-vus', vus: 3, duration: '1s', gracefulStop: '0s' },
		r: {
			executor: 'constant-arrival-rate', rate: 10, timeUnit: '1s',
			duration: '1500ms', preAllocatedVUs: 1, maxVUs: 4,
			startTime: '1200ms', gracefulStop: '0s', exec: 'arrive',
		},
	},
};

export default function () {
	// Keep a's VUs busy in short steps, so they are free when r starts.
	const t = Date.now();
	while (Date.now() - t < 20)
		;
}

export function arrive() {
	if (exec.vu.idInTest > 3)
		throw new Error('a VU beyond the 3 planned ones: ' + exec.vu.idInTest);
	arrivals.add(1);
}
