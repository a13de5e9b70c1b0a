// 400 VUs start together in one worker; each first spends 2 ms of CPU,
// then sleeps 0.2 s.  The sleeps of the first VUs end while the others
// are still starting: their iterations must not wait for the last start.
export const options = {
	scenarios: { s: { executor: 'per-vu-iterations', vus: 400, iterations: 1 } },
};
export default function () {
	const end = Date.now() + 2;
	while (Date.now() < end) { }
	sleep(0.2);
}
import { sleep } from 'k6';
