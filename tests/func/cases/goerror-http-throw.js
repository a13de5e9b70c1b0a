// With the throw option, a params value k6 cannot use throws its
// GoError, as a URL it cannot parse does.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, throw: true };

function thrown(f) {
	try {
		f();
	} catch (e) {
		return e.name + ': ' + e.message;
	}
	return 'no error';
}

export default function () {
	check(null, {
		'bad timeout': () => thrown(() => http.get('http://127.0.0.1:1/', { timeout: 'soon', throw: false })) ===
		    'GoError: invalid timeout value: time: invalid duration "soon"',
		'bad URL': () => thrown(() => http.get('127.0.0.1:1/')) ===
		    'GoError: invalid URL: parse "127.0.0.1:1/": first path segment in URL cannot contain colon',
	});
}
