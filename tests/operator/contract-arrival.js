// An arrival-rate scenario: k6 makes its preAllocatedVUs at init and
// the rest only when needed, so a paused runner's vus-max is 2, not 5.
export const options = {
	scenarios: {
		arrivals: {
			executor: 'constant-arrival-rate', rate: 1, duration: '2s',
			preAllocatedVUs: 2, maxVUs: 5,
		},
	},
};

export default function () {}
