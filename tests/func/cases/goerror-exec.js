// k6/execution's errors are k6's GoErrors: reading vu, scenario or
// instance in the init code, a scenario's fields in setup(), test.options
// and test.fail() in the init code.
import { check } from 'k6';
import exec from 'k6/execution';

export const options = { iterations: 1 };

function thrown(f) {
	try {
		f();
	} catch (e) {
		return e.name + ': ' + e.message;
	}
	return 'no error';
}

const init = {
	vu: thrown(() => exec.vu),
	scenario: thrown(() => exec.scenario),
	instance: thrown(() => exec.instance),
	options: thrown(() => exec.test.options),
	fail: thrown(() => exec.test.fail('x')),
};

export function setup() {
	return { name: thrown(() => exec.scenario.name), vu: thrown(() => exec.vu.idInTest) };
}

export default function (data) {
	check(null, {
		'init': () => init.vu === 'GoError: getting VU information in the init context is not supported' &&
		    init.scenario === 'GoError: getting scenario information outside of the VU context is not supported' &&
		    init.instance === 'GoError: getting instance information in the init context is not supported' &&
		    init.options === 'GoError: getting test options in the init context is not supported' &&
		    init.fail === 'GoError: execution.test.fail() called outside of VU context',
		'setup': () => data.name === 'GoError: getting scenario information outside of the VU context is not supported' &&
		    data.vu === 'no error',
		'vu': () => exec.vu.idInTest === 1 && exec.scenario.name === 'default' && exec.instance.vusActive >= 0,
	});
}
