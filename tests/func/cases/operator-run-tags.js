// --tag is on every sample, the coordinator's vus and vus_max included
// (k6's RunTags), so that a dashboard can split them by runner.
import { sleep } from 'k6';

export const options = {
	thresholds: {
		'vus{testrun_name:t}': ['value>0'],
		'vus_max{testrun_name:t}': ['value>0'],
	},
};

export default function () {
	sleep(0.1);
}
