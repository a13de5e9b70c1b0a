// k6/http's argument errors: k6's GoErrors in its words.
import http from 'k6/http';
import { check } from 'k6';

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
	get: thrown(() => http.get('http://127.0.0.1:1/')),
	batch: thrown(() => http.batch(['http://127.0.0.1:1/'])),
	jar: thrown(() => http.cookieJar()),
};

export default function () {
	const B = __ENV.TARGET;
	check(null, {
		'init': () => init.get === 'GoError: Making http requests in the init context is not supported' &&
		    init.batch === 'GoError: Using batch in the init context is not supported' &&
		    init.jar === 'GoError: Making cookie jars in the init context is not supported',
		'batch arguments': () => thrown(() => http.batch()) === 'GoError: no argument was provided to http.batch()' &&
		    thrown(() => http.batch([], [])) ===
		    'GoError: http.batch() accepts only an array or an object of requests' &&
		    thrown(() => http.batch(5)) === 'GoError: invalid http.batch() argument type int64' &&
		    thrown(() => http.batch('x')) === 'GoError: invalid http.batch() argument type string',
		'file data': () => thrown(() => http.file(5)) ===
		    'GoError: invalid type int64, expected string or ArrayBuffer' &&
		    thrown(() => http.file(new Uint8Array(1))) ===
		    'GoError: invalid type []uint8, expected string or ArrayBuffer' &&
		    thrown(() => http.file()) === 'GoError: invalid type <nil>, expected string or ArrayBuffer' &&
		    http.file(new Uint8Array([1]).buffer).data.byteLength === 1,
		// k6 reads params as an object: a string or a number has no keys
		'params that are no object': () => http.get(`${B}/get`, 'x').status === 200 &&
		    http.post(`${B}/post`, 'b', 5).status === 200,
		// an entry k6 cannot use: nothing sent, empty responses before
		// it, its error, nothing after, and a warning
		'batch entries': () => {
			const r = http.batch([`${B}/get`, 5, `${B}/get`]);
			const o = http.batch({ a: { method: 'GET' } });
			return r.length === 3 && r[0].status === 0 && r[0].error === '' &&
			    r[1].error === "invalid URL: '#5'" && r[1].error_code === 1020 && r[2] === null &&
			    o.a.error === "batch request a doesn't have a url key" &&
			    http.batch([['GET']])[0].error === `invalid batch request '[]interface {}{"GET"}'` &&
			    http.batch([[5, B]])[0].error === "invalid method type '5'" &&
			    http.batch([{ url: `${B}/get` }])[0].status === 200;
		},
		'throw': () => thrown(() => http.get('http://127.0.0.1:1/', { throw: true })).indexOf(
		    'GoError: Get "http://127.0.0.1:1/": dial tcp 127.0.0.1:1: connect: connection refused') === 0,
	});
}
