// options.localIPs holds for gRPC: an address this machine does not
// have cannot be connected from (which shows the socket is bound).
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = {
	localIPs: '192.0.2.1',
	thresholds: { checks: ['rate==1'] },
};

const client = new grpc.Client();
client.load(['.'], 'route.proto');

export default function () {
	let msg = 'connected';
	try {
		client.connect(__ENV.GRPC_ADDR, { plaintext: true, timeout: '2s' });
	} catch (e) {
		msg = String(e.message);
	}
	check(msg, { 'bind refused': (m) => m.indexOf('bind: cannot assign requested address') >= 0 });
}
