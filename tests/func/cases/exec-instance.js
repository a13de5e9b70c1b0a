// exec.instance counts every worker of the machine, as k6's one process
// does; exec.scenario.progress of iteration-based scenarios counts
// iterations, as in k6.
import exec from 'k6/execution';
import { sleep } from 'k6';
import { Trend } from 'k6/metrics';

const initialized = new Trend('inst_initialized');
const active = new Trend('inst_active');
const completed = new Trend('inst_completed');
const progress = new Trend('sc_progress');

export const options = {
	scenarios: {
		four: { executor: 'per-vu-iterations', vus: 4, iterations: 1, exec: 'four' },
		later: {
			executor: 'shared-iterations', vus: 1, iterations: 4,
			startTime: '1500ms', exec: 'later',
		},
	},
};

export function four() {
	sleep(0.5);
	initialized.add(exec.instance.vusInitialized);
	active.add(exec.instance.vusActive);
}

export function later() {
	completed.add(exec.instance.iterationsCompleted);
	progress.add(exec.scenario.progress);
}
