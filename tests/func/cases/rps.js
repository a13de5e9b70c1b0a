// options.rps: 20 requests at most 20 per second over all VUs (and
// workers), as k6's limiter spaces them; redirects do not count again.
import http from 'k6/http';
import { Trend } from 'k6/metrics';

const done = new Trend('done_at');
const t0 = Date.now();

export const options = {
	rps: 20,
	scenarios: {
		sync: { executor: 'shared-iterations', vus: 5, iterations: 14, exec: 'sync' },
		async: { executor: 'shared-iterations', vus: 2, iterations: 3, exec: 'both' },
	},
};

export function sync() {
	http.get(`${__ENV.TARGET}/get`);
	done.add(Date.now() - t0);
}

export async function both() {
	await http.asyncRequest('GET', `${__ENV.TARGET}/redirect/1`);
	done.add(Date.now() - t0);
}
