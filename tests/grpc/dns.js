// options.dns's resolver serves gRPC too: of run-grpc.sh's hosts file,
// grpc.lyocell.test (127.0.0.1) connects, grpc6.lyocell.test (::1 only)
// has no address onlyIPv4 allows.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

const port = __ENV.GRPC_ADDR.split(':')[1];

export const options = {
	dns: { select: 'roundRobin', policy: 'onlyIPv4' },
	thresholds: { checks: ['rate==1'] },
};

const client = new grpc.Client();
client.load(['.'], 'route.proto');

function connect(addr) {
	try {
		client.connect(addr, { plaintext: true, timeout: '2s' });
	} catch (e) {
		return String(e.message);
	}
	client.close();
	return 'connected';
}

export default function () {
	check(connect(`grpc6.lyocell.test:${port}`), {
		'no IPv4 address: no such host': (m) => m === 'connection error: desc = "transport: ' +
			'Error while dialing: dial tcp: lookup grpc6.lyocell.test: no such host"',
	});
	check(connect(`grpc.lyocell.test:${port}`), { 'a name connects': (m) => m === 'connected' });
	check(connect(__ENV.GRPC_ADDR), { 'an address connects': (m) => m === 'connected' });
}
