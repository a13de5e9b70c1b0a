// k6/ws: the socket's setTimeout and setInterval run while connect blocks,
// and the k6 documentation's ping example.  Timers that come due together
// (the VU held up) run in the order of their times, as k6's.
import ws from 'k6/ws';
import { check } from 'k6';

const base = __ENV.TARGET.replace(/^http/, 'ws');

export default function () {
	let ticks = [], pongs = 0, order = [], closing = false, closedAt = 0, fallback = false;
	const t0 = Date.now();
	const res = ws.connect(base + '/ws/echo', null, function (socket) {
		function end() {
			closedAt = Date.now();
			socket.close();
		}
		socket.on('open', function () {
			const t1 = Date.now();
			socket.setInterval(function () {
				if (closing)
					return;
				ticks.push(Date.now() - t1);
				socket.ping();
			}, 50);
			// After the 5th tick's time; the pongs of every ping are
			// awaited, as a loaded machine may delay the last one.
			socket.setTimeout(function () {
				closing = true;
				if (pongs === ticks.length)
					end();
			}, 275);
		});
		socket.on('pong', function () {
			pongs++;
			if (closing && pongs === ticks.length)
				end();
		});
		socket.setTimeout(() => order.push('b'), 120);
		socket.setTimeout(() => order.push('a'), 60);
		socket.setTimeout(function () {
			fallback = true;
			end();
		}, 10000);
	});
	const after = Date.now();
	check(res, { 'status is 101': (r) => r && r.status === 101 });
	// A held-up VU drops ticks as Go's ticker does, so up to 5, each
	// no earlier than its time, the last at the 5th's time or later.
	check(null, {
		'interval ran every 50 ms until the close': () => ticks.length >= 1 &&
		    ticks.length <= 5 && ticks[ticks.length - 1] >= 250 &&
		    ticks.every((t, k) => t >= 50 * (k + 1)),
		'a pong for each ping': () => !fallback && pongs === ticks.length,
		'timeouts in time order': () => order.join('') === 'ab',
		'connect blocked until close': () => closedAt !== 0 && after >= closedAt &&
		    after - t0 >= 270,
	});
	let msg = '', late = [];
	ws.connect(base + '/ws/echo', function (socket) {
		try {
			socket.setTimeout(() => {}, 0);
		} catch (e) {
			msg = e.message;
		}
		// The busy timer holds the VU past the other two's times.
		socket.setTimeout(function () {
			late.push('close');
			socket.close();
		}, 90);
		socket.setTimeout(() => late.push('60'), 60);
		socket.setTimeout(function () {
			const t = Date.now();
			while (Date.now() - t < 100)
				;
		}, 10);
	});
	check(msg, { 'zero timeout refused': (m) => m === 'setTimeout requires a >0 timeout parameter, received 0.00' });
	check(late, { 'timers held up run in time order': (l) => l.join() === '60,close' });
}
