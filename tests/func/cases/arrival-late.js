// One iteration holds the worker's only thread past the time of the
// next arrival and of the scenario's end: that arrival still starts on
// the other VU, as it would have in k6, where it starts on time.
import exec from 'k6/execution';

export const options = {
	scenarios: {
		open: {
			executor: 'constant-arrival-rate', rate: 10, timeUnit: '1s', duration: '1s',
			preAllocatedVUs: 2, gracefulStop: '5s',
		},
	},
};

export default function () {
	if (exec.scenario.iterationInTest !== 8)
		return;
	const t = Date.now();
	while (Date.now() - t < 300)
		;
}
