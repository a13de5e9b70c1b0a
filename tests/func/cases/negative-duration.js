// Negative durations are refused before anything runs (exit 104); which
// one is negative comes from -e.
export const options = {
	scenarios: {
		s: {
			executor: 'ramping-vus', startVUs: 1,
			stages: [{ duration: __ENV.STAGE || '1s', target: 1 }],
			gracefulStop: __ENV.GS || '0s', startTime: __ENV.START || '0s',
		},
	},
	setupTimeout: __ENV.SETUP || '10s',
};
export default function () {
	console.log('an iteration ran');
}
