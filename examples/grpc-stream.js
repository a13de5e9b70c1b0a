// k6's server streaming example, as it runs here against the route
// guide of tests/grpc/server.py (methods by reflection):
//   lyocell run -e GRPC_ADDR=127.0.0.1:PORT examples/grpc-stream.js
// The iteration ends when the stream has: 'end' closes the client.
import { Client, Stream } from 'k6/net/grpc';
import { check, sleep } from 'k6';

const COORD_FACTOR = 1e7;
const GRPC_ADDR = __ENV.GRPC_ADDR || '127.0.0.1:10000';

export const options = {
	iterations: 2,
	thresholds: {
		checks: ['rate==1'],
		grpc_streams_msgs_received: ['count==10'],
	},
};

const client = new Client();

export default () => {
	client.connect(GRPC_ADDR, { plaintext: true, reflect: true });

	const stream = new Stream(client, 'lyocell.test.RouteGuide/ListFeatures', null);
	let found = 0;

	stream.on('data', function (feature) {
		found++;
		console.log('Found feature called "' + feature.name + '" at ' +
		    feature.location.latitude / COORD_FACTOR + ', ' +
		    feature.location.longitude / COORD_FACTOR);
	});

	stream.on('end', function () {
		// The server has finished sending
		client.close();
		check(found, { 'all features found': (n) => n === 5 });
		console.log('All done');
	});

	stream.on('error', function (e) {
		// An error has occurred and the stream has been closed.
		console.log('Error: ' + JSON.stringify(e));
	});

	// send a message to the server
	stream.write({
		lo: { latitude: 1, longitude: -750000000 },
		hi: { latitude: 5, longitude: -730000000 },
	});
	stream.end();

	sleep(0.5);
};
