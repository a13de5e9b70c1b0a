// The test the TestRun runs, split over its runners by execution
// segments: each runner does its share of the 20 VUs and the minute.
import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
	vus: 20,
	duration: '1m',
	thresholds: {
		http_req_failed: ['rate<0.01'],
		http_req_duration: ['p(95)<500'],
	},
};

export default function () {
	const res = http.get(__ENV.TARGET_URL || 'http://test-target.default.svc.cluster.local/');
	check(res, { 'status is 200': (r) => r.status === 200 });
	sleep(1);
}
