// Server reflection: no .proto loaded, the methods come from the server.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = { thresholds: { checks: ['rate==1'] } };

const client = new grpc.Client();

export default function () {
	client.connect(__ENV.GRPC_ADDR, { plaintext: true, reflect: true,
	    reflectMetadata: { 'x-token': 'abc' } });
	const res = client.invoke('lyocell.test.RouteGuide/GetFeature', { latitude: 3, longitude: 4 });
	check(res, { 'status is OK': (r) => r.status === grpc.StatusOK && r.message.name === '3,4' });
	const t = client.invoke('lyocell.test.Echo/Types', { when: '1970-01-01T00:00:01Z',
	    status: { code: 1 }, counts: { a: 1 } });
	check(t, { 'imports and well-known types': (r) => r.status === grpc.StatusOK &&
	    r.message.when === '1970-01-01T00:00:01Z' && r.message.status.code === 1 &&
	    r.message.counts.a === 1 });
	client.close();
}
