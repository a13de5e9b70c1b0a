// 400 VUs start together in one worker; each first spends 2 ms of CPU,
// then sleeps 0.2 s.  The sleeps of the first VUs end while the others
// are still starting: their iterations must not wait for the last start.
// `started` and `ended` are each VU's start and end, in ms from the
// scenario's start.
import { sleep } from 'k6';
import exec from 'k6/execution';
import { Trend } from 'k6/metrics';

const started = new Trend('started');
const ended = new Trend('ended');

export const options = {
	scenarios: { s: { executor: 'per-vu-iterations', vus: 400, iterations: 1 } },
};
export default function () {
	started.add(Date.now() - exec.scenario.startTime);
	const end = Date.now() + 2;
	while (Date.now() < end) { }
	sleep(0.2);
	ended.add(Date.now() - exec.scenario.startTime);
}
