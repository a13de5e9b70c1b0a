// A long test that the API stops; its group and check show in
// GET /v1/groups meanwhile, and its threshold, crossed, taints the status.
import { check, group, sleep } from 'k6';

export const options = { vus: 2, duration: '60s', thresholds: { checks: ['rate<0.5'] } };

export default function () {
	group('outer', () => {
		check(1, { 'one is one': (x) => x === 1 });
	});
	sleep(0.1);
}
