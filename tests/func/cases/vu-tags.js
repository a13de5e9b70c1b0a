// exec.vu.tags: set, read, delete; they reach http_*, checks, custom
// metrics and iterations, survive groups and later iterations.
import exec from 'k6/execution';
import http from 'k6/http';
import { check, group } from 'k6';
import { Counter } from 'k6/metrics';

const mine = new Counter('mine');

export const options = {
	scenarios: {
		tagged: { executor: 'per-vu-iterations', vus: 1, iterations: 3 },
	},
	thresholds: {
		'http_reqs{stage:one}': ['count>=0'],
		'http_reqs{stage:two}': ['count>=0'],
		'checks{stage:two}': ['rate>=0'],
		'mine{stage:two}': ['count>=0'],
		'mine{n:7}': ['count>=0'],
		'mine{inner:true}': ['count>=0'],
		'iterations{stage:two}': ['count>=0'],
		'group_duration{stage:two}': ['max>=0'],
		'checks{ok:yes}': ['rate>=0'],
	},
};

function expect(what, got, want) {
	if (got !== want)
		throw new Error(what + ': got ' + got + ', want ' + want);
	check(null, { [what]: () => true }, { ok: 'yes' });
}

export default function () {
	const tags = exec.vu.tags;
	const i = exec.vu.iterationInInstance;

	if (i === 0) {
		expect('scenario tag', tags.scenario, 'tagged');
		expect('group tag', tags.group, '');
		expect('no foo', tags.foo, undefined);
		tags.stage = 'one';
		http.get(__ENV.TARGET + '/get');
		exec.vu.tags.stage = 'two';
		exec.vu.tags.n = 7;
		expect('number as string', exec.vu.tags.n, '7');
		expect('in', 'n' in exec.vu.tags, true);
		mine.add(1);
		group('g', function () {
			expect('group inside', exec.vu.tags.group, '::g');
			exec.vu.tags.inner = true;
		});
		expect('group restored', exec.vu.tags.group, '');
		expect('set in a group', exec.vu.tags.inner, 'true');
		expect('keys', Object.keys(exec.vu.tags).join(','),
		    'group,inner,n,scenario,stage');
		expect('metrics.tags', exec.vu.metrics.tags.stage, 'two');
		delete exec.vu.tags.n;
		delete exec.vu.tags.inner;
		expect('deleted', exec.vu.tags.n, undefined);
		let threw = false;
		try {
			exec.vu.tags.bad = { a: 1 };
		} catch (e) {
			threw = e instanceof TypeError &&
			    e.message.indexOf("invalid value for metric tag 'bad'") >= 0;
		}
		expect('object refused', threw, true);
		// Metadata is no tag (tests/func/outputs.sh checks the outputs).
		exec.vu.metrics.metadata.trace = 'x';
		expect('metadata', exec.vu.metrics.metadata.trace, 'x');
		expect('metadata is no tag', exec.vu.tags.trace, undefined);
		delete exec.vu.metrics.metadata.trace;
		return;
	}
	// Later iterations keep the tags.
	expect('kept', exec.vu.tags.stage, 'two');
	http.get(__ENV.TARGET + '/get');
	mine.add(1);
	check(1, { 'tagged check': (v) => v === 1 });
	group('h', function () {});
}
