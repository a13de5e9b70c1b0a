// k6's gRPC example, as it runs here: a unary call with k6's check.
// The methods come from the server's reflection service, so no .proto
// file is needed; with one, use client.load(['dir'], 'file.proto') in
// the init context instead.  tests/grpc/server.py serves this route guide:
//   lyocell run -e GRPC_ADDR=127.0.0.1:PORT examples/grpc.js
import grpc from 'k6/net/grpc';
import { check, sleep } from 'k6';

export const options = {
	vus: 2,
	duration: '3s',
	thresholds: {
		checks: ['rate==1'],
		grpc_req_duration: ['p(95)<500'],
	},
};

const client = new grpc.Client();

export default () => {
	client.connect(__ENV.GRPC_ADDR || '127.0.0.1:10000', { plaintext: true, reflect: true });

	const data = { latitude: 410248224, longitude: -747127767 };
	const response = client.invoke('lyocell.test.RouteGuide/GetFeature', data);

	check(response, {
		'status is OK': (r) => r && r.status === grpc.StatusOK,
		'feature found': (r) => r && r.message.name !== '',
	});
	console.log(JSON.stringify(response.message));

	client.close();
	sleep(1);
};
