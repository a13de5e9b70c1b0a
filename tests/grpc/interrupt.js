// A stream never ended and a call that outlasts the test: the end of the
// scenario cuts the iteration short without hanging or crashing.
import { Client, Stream } from 'k6/net/grpc';
import { Counter } from 'k6/metrics';

const opened = new Counter('opened');

export const options = {
	scenarios: {
		s: { executor: 'constant-vus', vus: 2, duration: '1s', gracefulStop: '0s' },
	},
	thresholds: { opened: ['count>=2'] },
};

const client = new Client();
client.load(['.'], 'route.proto');

export default function () {
	client.connect(__ENV.GRPC_ADDR, { plaintext: true });
	const s = new Stream(client, 'lyocell.test.RouteGuide/RouteChat');
	s.on('data', () => {});
	s.write({ message: 'hi' });
	opened.add(1);
	if (__VU === 2)
		client.invoke('lyocell.test.Echo/Sleep', { ms: 5000 });
}
