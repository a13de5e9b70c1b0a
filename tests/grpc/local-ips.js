// options.localIPs holds for gRPC: the connection goes from the VU's
// address of the pool, and works.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = {
	localIPs: '127.0.0.5',
	thresholds: { checks: ['rate==1'] },
};

const client = new grpc.Client();
client.load(['.'], 'route.proto');

export default function () {
	client.connect(__ENV.GRPC_ADDR, { plaintext: true });
	const r = client.invoke('lyocell.test.RouteGuide/GetFeature', { latitude: 1, longitude: 2 });
	check(r, { 'a call from the VU\'s address': (x) => x.status === grpc.StatusOK });
	client.close();
}
