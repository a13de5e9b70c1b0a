// The test the TestRun runs: one request per iteration to the local
// target, some CPU, a little sleep, so that the runners are busy while
// their REST API is probed.
import http from 'k6/http';
import { sleep } from 'k6';

// A threshold only the whole test breaks: each runner's share (40 of
// 120 requests) passes it, the unsplit run and the merge of the
// runners' exports fail it.
export const options = {
	thresholds: { http_reqs: ['count<100'] },
};

export default function () {
	http.get(`${__ENV.TARGET}/get`);
	let x = 0;
	for (let i = 0; i < 20000; i++)
		x += i % 7;
	if (x < 0)
		throw new Error('unreachable');
	sleep(0.05);
}
