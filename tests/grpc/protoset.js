// loadProtoset: the FileDescriptorSet protoc made of route.proto.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = { thresholds: { checks: ['rate==1'] } };

const client = new grpc.Client();
const methods = client.loadProtoset(__ENV.GRPC_PROTOSET);
let bad = 'no error';
try {
	new grpc.Client().loadProtoset('route.proto');
} catch (e) {
	bad = e.message;
}

export default function () {
	check(methods, { 'methods': (m) => m.length === 12 });
	check(bad, { 'not a protoset': (m) => m.indexOf('couldn\'t unmarshal protoset file route.proto') === 0 });
	client.connect(__ENV.GRPC_ADDR, { plaintext: true });
	const res = client.invoke('lyocell.test.RouteGuide/GetFeature', { latitude: 5, longitude: 6 });
	check(res, { 'status is OK': (r) => r.status === grpc.StatusOK && r.message.name === '5,6' });
	const t = client.invoke('lyocell.test.Echo/Types', { byId: { 2: { nums: [1] } }, took: '2s' });
	check(t, { 'maps and durations': (r) => r.status === grpc.StatusOK &&
	    r.message.byId[2].nums[0] === 1 && r.message.took === '2s' });
	client.close();
}
