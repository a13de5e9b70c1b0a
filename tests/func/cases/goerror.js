// What k6's Go functions throw is a GoError: fail(), json() and html()
// of a response without a body.
import http from 'k6/http';
import { check, fail } from 'k6';

export const options = { iterations: 1 };

function caught(f) {
	try {
		f();
	} catch (e) {
		return e;
	}
	return null;
}

export default function () {
	const f = caught(() => fail('boom'));
	const j = caught(() => http.get('http://127.0.0.1:1/').json());
	const h = caught(() => http.get('http://127.0.0.1:1/').html());
	check(null, {
		'fail throws a GoError': () => f.name === 'GoError' && f.message === 'boom' &&
		    f instanceof Error && f instanceof GoError && String(f) === 'GoError: boom' &&
		    Object.prototype.toString.call(f) === '[object Error]',
		'json of no body': () => j.name === 'GoError' && j.message.indexOf('the body is null') === 0,
		'html of no body': () => h.name === 'GoError' && h.message.indexOf('the body is null so we can\'t transform it to HTML') === 0,
		'the global': () => typeof GoError === 'function' && new GoError('x').name === 'GoError' &&
		    Object.keys(globalThis).indexOf('GoError') === -1,
	});
	fail('unexpected response');
}
