// k6's execution plan: a ramping-vus scenario that ramps down to 0 with
// no gracefulRampDown holds nothing after its last stage, and a second
// scenario starting then reuses its VUs.
export const options = {
	scenarios: {
		ramp: {
			executor: 'ramping-vus', startVUs: 0, gracefulRampDown: '0s',
			stages: [{ duration: '1s', target: 4 }, { duration: '1s', target: 0 }],
		},
		after: {
			executor: 'per-vu-iterations', vus: 3, iterations: 1, startTime: '2s',
			maxDuration: '5s', gracefulStop: '1s',
		},
	},
};

export default function () {}
