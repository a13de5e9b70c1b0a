// One preallocated VU over two workers: the worker without one must not
// be dealt arrivals it can only drop.
export const options = {
	scenarios: {
		open: {
			executor: 'constant-arrival-rate', rate: 5, timeUnit: '1s', duration: '2s',
			preAllocatedVUs: 1, maxVUs: 4,
		},
	},
};

export default function () {}
