// 50 arrivals/s for 4 s on two VUs of one worker, which workers.sh holds
// up (SIGSTOP) for 0.5 s in the middle: none may be dropped.
export const options = {
	scenarios: {
		open: {
			executor: 'constant-arrival-rate', rate: 50, timeUnit: '1s', duration: '4s',
			preAllocatedVUs: 2,
		},
	},
};

export default function () {}
