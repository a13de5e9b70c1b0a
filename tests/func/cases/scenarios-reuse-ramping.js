// A ramping-vus scenario gives back the VUs it ramps down (no
// gracefulRampDown here), and a scenario starting then runs on them: k6
// plans 4 VUs for this test, not 6.
import { sleep } from 'k6';
import { Rate } from 'k6/metrics';

const reused = new Rate('reused');
let servedRamp = false;

export const options = {
	scenarios: {
		ramp: {
			executor: 'ramping-vus', startVUs: 0, gracefulRampDown: '0s',
			stages: [{ duration: '1s', target: 4 }, { duration: '1s', target: 0 }],
		},
		after: {
			executor: 'constant-vus', vus: 2, duration: '1s', startTime: '1500ms',
			exec: 'after',
		},
	},
};

export default function () {
	servedRamp = true;
	sleep(0.1);
}

export function after() {
	reused.add(servedRamp);
	sleep(0.1);
}
