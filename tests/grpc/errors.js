// Failures: a status from the server, deadline exceeded, unimplemented,
// a response that is no message, a server that is not there.  A call's
// failure is its status, as in k6; a failed connect throws.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = {
	thresholds: {
		checks: ['rate==1'],
		'grpc_req_duration{status:4}': ['max<3000'],
		'grpc_req_duration{status:12}': ['max<3000'],
	},
};

const client = new grpc.Client();
client.load(['.'], 'route.proto');
const small = new grpc.Client();
small.load(['.'], 'route.proto');

function throws(fn) {
	try {
		fn();
	} catch (e) {
		return String(e.message);
	}
	return 'no error';
}

export default function () {
	client.connect(__ENV.GRPC_ADDR, { plaintext: true });
	const fail = client.invoke('lyocell.test.Echo/Fail', { code: 5, message: 'no such thing: ünï' });
	check(fail, {
		'status NotFound': (r) => r.status === grpc.StatusNotFound,
		'error': (r) => r.error.code === 5 && r.error.message === 'no such thing: ünï' &&
		    r.error.details.length === 0,
		'message beside an error': (r) => r.message !== null && typeof r.message === 'object',
	});
	const slow = client.invoke('lyocell.test.Echo/Sleep', { ms: 2000 }, { timeout: '200ms' });
	check(slow, {
		// The server may see the grpc-timeout first and say so itself.
		'deadline exceeded': (r) => r.status === grpc.StatusDeadlineExceeded &&
		    (r.error.message === 'context deadline exceeded' ||
		    r.error.message === 'Deadline Exceeded'),
	});
	const ok = client.invoke('lyocell.test.Echo/Sleep', { ms: 10 }, { timeout: 5000 });
	check(ok, { 'within the deadline': (r) => r.status === grpc.StatusOK });
	const missing = client.invoke('lyocell.test.Echo/Missing', {});
	check(missing, { 'unimplemented': (r) => r.status === grpc.StatusUnimplemented });
	const garbage = client.invoke('lyocell.test.Echo/Garbage', {});
	check(garbage, {
		'bad message': (r) => r.status === grpc.StatusInternal &&
		    r.error.message.indexOf('grpc: failed to unmarshal the received message') === 0,
	});
	// proto3 strings are UTF-8: Go's protobuf refuses the message.
	// (an AllTypes whose s is C3 28)
	const utf8 = client.invoke('lyocell.test.Echo/Raw', 'SgLDKA==');
	check(utf8, {
		'string not UTF-8': (r) => r.status === grpc.StatusInternal &&
		    r.error.message === 'grpc: failed to unmarshal the received message: ' +
		    'string field contains invalid UTF-8',
	});
	client.close();
	// Size limits: ResourceExhausted, as grpc-go says it.
	small.connect(__ENV.GRPC_ADDR, { plaintext: true, maxReceiveSize: 10, maxSendSize: 3 });
	const big = small.invoke('lyocell.test.RouteGuide/GetFeature', { latitude: 1, longitude: 2 });
	check(big, {
		'maxSendSize': (r) => r.status === grpc.StatusResourceExhausted &&
		    r.error.message === 'grpc: trying to send message larger than max (4 vs. 3)',
	});
	small.close();
	small.connect(__ENV.GRPC_ADDR, { plaintext: true, maxReceiveSize: 10 });
	const recv = small.invoke('lyocell.test.RouteGuide/GetFeature', { latitude: 123456, longitude: 654321 });
	check(recv, {
		'maxReceiveSize': (r) => r.status === grpc.StatusResourceExhausted &&
		    r.error.message.indexOf('grpc: received message larger than max (') === 0,
	});
	const fits = small.invoke('lyocell.test.RouteGuide/GetFeature', {});
	check(fits, { 'under maxReceiveSize': (r) => r.status === grpc.StatusOK });
	small.close();
	check(throws(() => client.connect(__ENV.GRPC_DEAD_ADDR, { plaintext: true })), {
		'connection refused': (m) => m.indexOf('connection refused') > 0 &&
		    m.indexOf('connection error: desc = "transport: Error while dialing: dial tcp ' +
		    __ENV.GRPC_DEAD_ADDR) === 0,
	});
	// The same over TLS (k6's default): the dial fails before any handshake.
	check(throws(() => client.connect(__ENV.GRPC_DEAD_ADDR)), {
		'connection refused, TLS': (m) =>
		    m === 'connection error: desc = "transport: Error while dialing: dial tcp ' +
		    __ENV.GRPC_DEAD_ADDR + ': connect: connection refused"',
	});
	// A server that speaks no HTTP/2 within the timeout.
	check(throws(() => client.connect(__ENV.GRPC_SILENT_ADDR, { timeout: '300ms' })), {
		'connect timeout': (m) => m === 'context deadline exceeded',
	});
}
