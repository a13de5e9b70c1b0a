// blacklistIPs and blockHostnames hold for gRPC as for HTTP: a blocked
// address or name fails the connect with k6's dialer's words; the
// server's own address still connects.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

const port = __ENV.GRPC_ADDR.split(':')[1];

export const options = {
	blacklistIPs: ['127.0.0.2/32'],
	blockHostnames: ['*.blocked.test'],
	thresholds: { checks: ['rate==1'] },
};

const client = new grpc.Client();
client.load(['.'], 'route.proto');

function refused(addr) {
	try {
		client.connect(addr, { plaintext: true, timeout: '2s' });
	} catch (e) {
		return String(e.message);
	}
	return 'connected';
}

export default function () {
	check(refused(`127.0.0.2:${port}`), {
		'address refused': (m) => m === 'connection error: desc = "transport: Error while dialing: ' +
			'IP (127.0.0.2) is in a blacklisted range (127.0.0.2/32)"',
	});
	check(refused(`grpc.blocked.test:${port}`), {
		'name refused': (m) => m === 'connection error: desc = "transport: Error while dialing: ' +
			'hostname (grpc.blocked.test) is in a blocked pattern (*.blocked.test)"',
	});
	check(refused(__ENV.GRPC_ADDR), { 'the server connects': (m) => m === 'connected' });
	client.close();
}
