// A soak test to run every night (see nightly.sh): a steady, modest load
// for a long time, with thresholds that fail the night when the service
// degrades.  TARGET is the base URL; SOAK_DURATION and SOAK_VUS scale it.
import http from 'k6/http';
import { check, sleep } from 'k6';

const target = __ENV.TARGET || 'http://127.0.0.1:8080';

export const options = {
	scenarios: {
		soak: {
			executor: 'constant-vus',
			vus: Number(__ENV.SOAK_VUS || 10),
			duration: __ENV.SOAK_DURATION || '30m',
		},
	},
	thresholds: {
		http_req_failed: ['rate<0.01'],
		http_req_duration: ['p(95)<500'],
		checks: ['rate>0.99'],
	},
};

export default function () {
	const res = http.get(`${target}${__ENV.SOAK_PATH || '/get'}`);
	check(res, { 'status is 200': (r) => r.status === 200 });
	sleep(Number(__ENV.SOAK_SLEEP || 1));
}
