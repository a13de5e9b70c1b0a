// A scenario as k6 writes it into an archive's metadata.json: every
// field of the executor's config present, null when unset (k6's Null*
// types read null as unset).
export const options = {
	scenarios: {
		default: {
			executor: 'shared-iterations', startTime: null, gracefulStop: null,
			env: null, exec: null, tags: null, vus: 2, iterations: 4, maxDuration: null,
		},
		arrivals: {
			executor: 'constant-arrival-rate', startTime: null, gracefulStop: null,
			env: null, exec: null, tags: null, rate: 2, timeUnit: null,
			duration: '2s', preAllocatedVUs: 1, maxVUs: null,
		},
	},
};

export default function () {}
