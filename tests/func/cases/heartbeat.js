import http from 'k6/http';
import { sleep } from 'k6';

export const options = { vus: 1, duration: '2.4s' };

/* Every iteration: one request that succeeds and one that fails. */
export default function () {
	http.get(`${__ENV.TARGET}/status/200`);
	http.get(`${__ENV.TARGET}/status/500`);
	sleep(0.25);
}
