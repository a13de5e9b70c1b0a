// A VU that serves a later scenario starts exec.vu.iterationInScenario
// at 0 again, while __ITER and exec.vu.iterationInInstance go on
// counting its iterations, as in k6 (its VU keeps one iteration counter
// and one per scenario).
import exec from 'k6/execution';
import { check } from 'k6';

export const options = {
	scenarios: {
		a: { executor: 'per-vu-iterations', vus: 2, iterations: 3, gracefulStop: '0s' },
		b: { executor: 'per-vu-iterations', vus: 2, iterations: 2, startTime: '500ms',
		    exec: 'second' },
	},
};

export default function () {
	check(exec.vu, {
		'a: per scenario': (v) => v.iterationInScenario === __ITER,
		'a: in instance': (v) => v.iterationInInstance === __ITER,
	});
}

export function second() {
	check(exec.vu, {
		'b: VU reused': () => __ITER >= 3,
		'b: per scenario from 0': (v) => v.iterationInScenario === __ITER - 3,
		'b: in instance goes on': (v) => v.iterationInInstance === __ITER,
	});
}
