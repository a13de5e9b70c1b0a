// Errors from k6's modules have an error's own properties, as in k6:
// stack (first) and message, neither enumerable, and no engine internals.
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import http from 'k6/http';

export const options = { iterations: 1 };

const data = new SharedArray('d', () => [1]);

function thrown(f) {
	try {
		f();
	} catch (e) {
		return e;
	}
	return null;
}

function shape(e) {
	return e !== null && Object.getOwnPropertyNames(e).slice(0, 2).join() === 'stack,message' &&
	    Object.getOwnPropertyNames(e).indexOf('stackTrace') < 0 &&
	    !('stackTrace' in e) && JSON.stringify(Object.keys(e)) === '[]' &&
	    typeof e.stack === 'string' && e.stack.indexOf(e.name + ': ' + e.message) === 0 &&
	    !Object.getOwnPropertyDescriptor(e, 'stack').enumerable &&
	    !Object.getOwnPropertyDescriptor(e, 'message').enumerable;
}

const init = thrown(() => new SharedArray('', () => [1]));

export default function () {
	check(null, {
		'goerror': () => init.name === 'GoError' && shape(init),
		'typeerror': () => shape(thrown(() => { data[0] = 2; })),
		'http': () => shape(thrown(() => http.request())),
		'vu': () => shape(thrown(() => new SharedArray('e', () => [1]))),
	});
}
