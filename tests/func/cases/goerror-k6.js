// The errors of k6's own functions (k6 and k6/metrics) are GoErrors in
// k6's words, in the init code and in the VU code.
import { check, group, fail } from 'k6';
import { Counter } from 'k6/metrics';

export const options = { iterations: 1, throw: true };

function thrown(f) {
	try {
		f();
	} catch (e) {
		return e.name + ': ' + e.message;
	}
	return 'no error';
}

const init = {
	check: thrown(() => check(1, { a: true })),
	group: thrown(() => group('g', () => 1)),
	add: thrown(() => new Counter('in_init').add(1)),
	name: thrown(() => new Counter('a')),
	again: thrown(() => new Counter('vus')),
};
const c = new Counter('errs');

export default function () {
	const vu = {
		nochecks: thrown(() => check(1)),
		nullchecks: thrown(() => check(1, null)),
		separator: thrown(() => check(1, { 'a::b': true })),
		nofn: thrown(() => group('g')),
		notfn: thrown(() => group('a::b', 5)),
		groupsep: thrown(() => group('a::b', () => 1)),
		failnull: thrown(() => fail(null)),
		counter: thrown(() => new Counter('d')),
		nan: thrown(() => c.add('abc')),
		undef: thrown(() => c.add(undefined)),
		nul: thrown(() => c.add(null)),
		long: thrown(() => c.add('x'.repeat(60) + 'y'.repeat(60))),
	};
	check(null, {
		'in the init code': () => init.check === 'GoError: Using check() in the init context is not supported' &&
		    init.group === 'GoError: Using group() in the init context is not supported' &&
		    init.add === 'GoError: Adding to metrics in the init context is not supported' &&
		    init.name === "GoError: Invalid metric name: 'a'. Metric names must only include up to 128 " +
		    'ASCII letters, numbers, or underscores and start with a letter or an underscore.' &&
		    init.again === "GoError: metric 'vus' already exists but with type gauge, instead of counter",
		'check': () => vu.nochecks === 'GoError: no checks provided to `check`' &&
		    vu.nullchecks === 'TypeError: Cannot convert undefined or null to object' &&
		    vu.separator === "GoError: group and check names may not contain '::'",
		'group': () => vu.nofn === 'GoError: group() requires a callback as a second argument' &&
		    vu.notfn === vu.nofn &&
		    vu.groupsep === "GoError: group and check names may not contain '::'",
		'fail': () => vu.failnull === 'GoError: ',
		'metrics': () => vu.counter === 'GoError: metrics must be declared in the init context' &&
		    vu.nan === "GoError: 'abc' is an invalid value for metric 'errs', a number or a boolean value is expected" &&
		    vu.undef === "GoError: 'undefined' is an invalid value for metric 'errs', a number or a boolean value is expected" &&
		    vu.nul === "GoError: 'null' is an invalid value for metric 'errs', a number or a boolean value is expected" &&
		    vu.long === "GoError: '" + 'x'.repeat(50) + '... omitting 20 characters ...' + 'y'.repeat(50) +
		    "' is an invalid value for metric 'errs', a number or a boolean value is expected" &&
		    c.add([]) === true && c.add(true) === true,
	});
}
