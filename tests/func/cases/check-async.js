// check() and group() refuse async functions with k6's GoErrors; the
// checks before an async one still count, those after it do not run.
import { check, group } from 'k6';
import { Counter } from 'k6/metrics';

const refused = new Counter('refused');

function message(f) {
	try {
		f();
	} catch (e) {
		return String(e);
	}
	return 'no error';
}

export default function () {
	const m = message(() => check(1, {
		'before': (v) => v === 1,
		'async': async (v) => v === 1,
		'after': () => { refused.add(100); return true; },
	}));
	if (m.indexOf('GoError: the built-in check() does not support async functions as arguments. ' +
	    'Use the JavaScript utils library as a replacement.') === 0)
		refused.add(1);
	const one = message(() => check(1, { 'only async': async () => true }));
	if (one.indexOf('GoError: the built-in check() does not support async functions') === 0)
		refused.add(1);
	const g = message(() => group('g', async () => { refused.add(100); }));
	if (g === 'GoError: group() does not support async functions as arguments, please see ' +
	    'https://grafana.com/docs/k6/latest/javascript-api/k6/group/ for more info')
		refused.add(1);
	// a plain function whose body merely names things like the compiler's stays allowed
	const __ly = { async: () => true };
	check(1, { 'sync checker': () => __ly.async() });
	group('sync group', () => {});
}
