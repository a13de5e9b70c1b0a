// Two scenarios one after the other share their VUs, as in k6: the
// second one runs on VUs whose init code ran once, for the first one.
// With -e OVERLAP=1 they overlap in time (a keeps its VUs for its 30s
// gracefulStop) and need VUs of their own, as in k6.
import exec from 'k6/execution';
import { sleep } from 'k6';
import { Rate, Trend } from 'k6/metrics';

const reused = new Rate('reused');
const clean = new Rate('clean');
const vuIds = new Trend('vu_ids');
let inits = 0;
let servedA = false;

inits++;

export const options = {
	scenarios: {
		a: {
			executor: 'constant-vus', vus: 3, duration: '1s',
			gracefulStop: __ENV.OVERLAP ? '30s' : '0s',
			env: { WHO: 'a' }, tags: { phase: 'one' },
		},
		b: {
			executor: 'constant-vus', vus: 2, duration: '1s',
			startTime: __ENV.OVERLAP ? '500ms' : '1s',
			env: { WHO: 'b' }, exec: 'second',
		},
	},
	thresholds: {
		'reused{scenario:b}': ['rate>=0'],
		'clean{scenario:b}': ['rate>=0'],
		'clean{scenario:a}': ['rate>=0'],
	},
};

export default function () {
	servedA = true;
	exec.vu.tags.fromA = 'yes';
	clean.add(__ENV.WHO === 'a' && exec.vu.tags.phase === 'one' && inits === 1);
	vuIds.add(__VU);
	sleep(0.1);
}

export function second() {
	reused.add(servedA);
	// A new activation: the scenario's tags and __ENV, nothing of a's.
	clean.add(__ENV.WHO === 'b' && exec.vu.tags.fromA === undefined &&
	    exec.vu.tags.phase === undefined && exec.vu.iterationInScenario >= 0 &&
	    inits === 1);
	vuIds.add(__VU);
	sleep(0.1);
}
