// TLS with ALPN h2: the test's self-signed certificate as tls.cacerts;
// without it the handshake fails.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = { thresholds: { checks: ['rate==1'] } };

const ca = open(__ENV.GRPC_CA);
const client = new grpc.Client();
client.load(['.'], 'route.proto');

export default function () {
	client.connect(__ENV.GRPC_TLS_ADDR, { tls: { cacerts: [ca] } });
	const res = client.invoke('lyocell.test.RouteGuide/GetFeature', { latitude: 7, longitude: 8 });
	check(res, { 'status is OK over TLS': (r) => r.status === grpc.StatusOK && r.message.name === '7,8' });
	client.close();
	let msg = 'no error';
	try {
		client.connect(__ENV.GRPC_TLS_ADDR, {});
	} catch (e) {
		msg = e.message;
	}
	check(msg, { 'unknown authority': (m) => m.indexOf('authentication handshake failed') > 0 });
}
