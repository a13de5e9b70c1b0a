// k6/ws: the socket's setTimeout and setInterval run while connect blocks,
// and the k6 documentation's ping example.
import ws from 'k6/ws';
import { check } from 'k6';

const base = __ENV.TARGET.replace(/^http/, 'ws');

export default function () {
	let ticks = 0, pongs = 0, order = [];
	const t0 = Date.now();
	const res = ws.connect(base + '/ws/echo', null, function (socket) {
		socket.on('open', function () {
			socket.setInterval(function () {
				ticks++;
				socket.ping();
			}, 50);
		});
		socket.on('pong', () => pongs++);
		socket.setTimeout(() => order.push('b'), 120);
		socket.setTimeout(() => order.push('a'), 60);
		socket.setTimeout(function () {
			socket.close();
		}, 275);
	});
	const took = Date.now() - t0;
	check(res, { 'status is 101': (r) => r && r.status === 101 });
	check(null, {
		'interval ran 5 times': () => ticks === 5,
		'a pong for each ping': () => pongs === ticks,
		'timeouts in time order': () => order.join('') === 'ab',
		'connect blocked until close': () => took >= 270 && took < 1000,
	});
	let msg = '';
	ws.connect(base + '/ws/echo', function (socket) {
		try {
			socket.setTimeout(() => {}, 0);
		} catch (e) {
			msg = e.message;
		}
		socket.on('open', () => socket.close());
	});
	check(msg, { 'zero timeout refused': (m) => m === 'setTimeout requires a >0 timeout parameter, received 0.00' });
}
