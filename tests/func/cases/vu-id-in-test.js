// exec.vu.idInTest numbers the VUs of every machine of a test apart, as
// k6 deals them to the machines' segments; idInInstance counts this
// machine's own.
import exec from 'k6/execution';
import { Trend } from 'k6/metrics';

const inTest = new Trend('id_in_test');
const inInstance = new Trend('id_in_instance');

export const options = {
	scenarios: { each: { executor: 'per-vu-iterations', vus: 4, iterations: 1 } },
};

export default function () {
	inTest.add(exec.vu.idInTest);
	inInstance.add(exec.vu.idInInstance);
	if (exec.vu.idInInstance !== __VU)
		throw new Error('idInInstance ' + exec.vu.idInInstance + ' is not __VU ' + __VU);
}
