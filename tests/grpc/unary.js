// Unary calls as k6's documented example makes them: status, message,
// headers, metadata, tags, asyncInvoke, and the parameters' errors.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = {
	iterations: 2,
	userAgent: 'mytester/1.0',
	thresholds: {
		checks: ['rate==1'],
		'grpc_req_duration{name:/lyocell.test.RouteGuide/GetFeature}': ['max<5000'],
		'grpc_req_duration{method:GetFeature,status:0,mytag:x}': ['max<5000'],
		'grpc_req_duration{name:renamed}': ['max<5000'],
	},
};

const client = new grpc.Client();
const methods = client.load(['.'], 'route.proto');

export default async function () {
	check(methods, {
		'load lists the methods': (m) => m.length === 11 &&
		    m[0].fullMethod === '/lyocell.test.RouteGuide/GetFeature' &&
		    m[0].package === 'lyocell.test' && m[0].service === 'RouteGuide',
	});
	client.connect(__ENV.GRPC_ADDR, { plaintext: true, timeout: '5s' });
	const res = client.invoke('lyocell.test.RouteGuide/GetFeature',
	    { latitude: 409146138, longitude: -746188906 },
	    { metadata: { 'x-echo': 'hello', 'x-data-bin': new Uint8Array([0, 1, 255]).buffer },
	    tags: { mytag: 'x' } });
	check(res, {
		'status is OK': (r) => r && r.status === grpc.StatusOK,
		'message': (r) => r.message.name === '409146138,-746188906' &&
		    r.message.location.latitude === 409146138 &&
		    r.message.location.longitude === -746188906,
		'error is null': (r) => r.error === null,
		'headers': (r) => r.headers['content-type'][0] === 'application/grpc' &&
		    r.headers['x-echo'][0] === 'hello',
		'binary metadata': (r) => r.headers['x-data-len'][0] === '3' &&
		    r.headers['x-data-bin'][0].length === 3 &&
		    r.headers['x-data-bin'][0].charCodeAt(0) === 0 &&
		    r.headers['x-data-bin'][0].charCodeAt(1) === 1,
		'user agent': (r) => r.headers['x-ua'][0].indexOf('mytester/1.0 grpc-c-lyocell/') === 0,
		'trailers': (r) => typeof r.trailers === 'object',
	});
	// Defaults are given for what the server left out.
	const empty = client.invoke('/lyocell.test.RouteGuide/GetFeature', {},
	    { tags: { name: 'renamed' } });
	check(empty, {
		'defaults': (r) => r.status === grpc.StatusOK && r.message.name === '' &&
		    r.message.location === null,
	});
	check(client.healthCheck(), { 'health': (h) => h.status === grpc.HealthCheckServing });
	check(client.healthCheck('lyocell.test.Echo'), {
		'health of a service': (h) => h.status === grpc.HealthCheckNotServing,
	});
	let unknown = 'no error';
	try {
		client.healthCheck('nope');
	} catch (e) {
		unknown = e.message;
	}
	check(unknown, { 'health of an unknown service': (m) => m ===
	    'rpc error: code = NotFound desc = unknown service' });
	const a = await client.asyncInvoke('lyocell.test.RouteGuide/GetFeature',
	    { latitude: 1, longitude: 2 });
	check(a, { 'asyncInvoke': (r) => r.status === grpc.StatusOK && r.message.name === '1,2' });
	const errors = [
		[() => client.invoke('', {}), 'method to invoke cannot be empty'],
		[() => client.invoke('lyocell.test.RouteGuide/Nope', {}),
		    'method "/lyocell.test.RouteGuide/Nope" not found in file descriptors'],
		[() => client.invoke('lyocell.test.RouteGuide/GetFeature', { lat: 1 }),
		    'unable to serialise request object to protocol buffer: unknown field "lat"'],
		[() => client.invoke('lyocell.test.RouteGuide/GetFeature', { latitude: 'x' }),
		    'unable to serialise request object to protocol buffer: field latitude'],
		[() => client.invoke('lyocell.test.RouteGuide/GetFeature', {}, { bogus: 1 }),
		    'invalid GRPC\'s client.invoke() parameters: unknown param: "bogus"'],
		[() => client.invoke('lyocell.test.RouteGuide/GetFeature', {}, { tags: { a: 'x', b: {} } }),
		    'invalid GRPC\'s client.invoke() parameters: metric tags: invalid value for ' +
		    'metric tag \'b\': only String, Boolean and Number types are accepted as a ' +
		    'metric tag values'],
		[() => client.invoke('lyocell.test.RouteGuide/GetFeature', {}, { tags: { n: null } }),
		    'invalid value for metric tag \'n\''],
		[() => client.invoke('lyocell.test.RouteGuide/GetFeature', {}, { timeout: 'soon' }),
		    'invalid timeout value'],
		[() => client.connect(__ENV.GRPC_ADDR, { plaintext: 'yes' }),
		    'invalid grpc.connect() parameters: invalid plaintext value'],
		[() => client.connect(__ENV.GRPC_ADDR, { tls: { cert: 5 } }),
		    'invalid grpc.connect() parameters: invalid tls cert value: '],
		[() => client.connect(__ENV.GRPC_ADDR, { tls: { key: true } }),
		    'invalid tls key value: '],
		[() => client.connect(__ENV.GRPC_ADDR, { tls: { password: 1 } }),
		    ', it needs to be a string'],
		[() => client.connect(__ENV.GRPC_ADDR, { tls: { cacerts: [1] } }),
		    'it needs to be a string or an array of PEM formatted strings'],
		[() => client.connect(__ENV.GRPC_ADDR, { tls: { cacerts: 1 } }),
		    'invalid tls cacerts value: '],
		[() => client.load([], 'route.proto'), 'load must be called in the init context'],
		[() => client.invoke('lyocell.test.RouteGuide/GetFeature', {},
		    { metadata: { 'x-bin': 'text' } }), '"x-bin" value must be binary'],
	];
	errors.forEach(function (e) {
		let msg = 'no error';
		try {
			e[0]();
		} catch (err) {
			msg = String(err.message);
		}
		check(msg, { ['throws: ' + e[1]]: (m) => m.indexOf(e[1]) >= 0 });
	});
	client.close();
	let closed = 'no error';
	try {
		client.invoke('lyocell.test.RouteGuide/GetFeature', {});
	} catch (err) {
		closed = err.message;
	}
	check(closed, { 'closed': (m) => m === 'no gRPC connection, you must call connect first' });
}
