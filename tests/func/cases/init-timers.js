// Timers in the init code run on the init's event loop, as in k6: init
// waits for them, a top-level await on one completes before the
// iterations, and each VU (and the options pass, VU 0) runs them.
import { Counter } from 'k6/metrics';

const seen = new Counter('seen');
let fired = 0;
setTimeout(() => { fired++; }, 20);
let ticks = 0;
const id = setInterval(() => { if (++ticks === 3) clearInterval(id); }, 5);
const late = await new Promise((resolve) => setTimeout(() => resolve(42), 30));

export const options = { vus: 2, iterations: 4 };

export default function () {
	if (fired === 1 && ticks === 3 && late === 42)
		seen.add(1);
}
