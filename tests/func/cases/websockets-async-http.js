// k6/websockets and http.asyncRequest on the VU's one event loop: a
// request started from onopen resolves while the socket is open, its
// status goes out on the socket and comes back, a timer closes the
// socket; the iteration ends only then, with the request's metrics.
import { WebSocket } from 'k6/websockets';
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 2, vus: 1 };

const base = __ENV.TARGET.replace(/^http/, 'ws');

export default async function () {
	const t0 = Date.now();
	const order = [];
	await new Promise((resolve) => {
		const ws = new WebSocket(base + '/ws/echo');
		ws.onopen = async () => {
			order.push('open');
			const r = await http.asyncRequest('GET', __ENV.TARGET + '/delay/100');
			order.push('http ' + r.status);
			ws.send('status ' + r.status);
		};
		ws.onmessage = (e) => {
			order.push(e.data);
			setTimeout(() => ws.close(), 50);
		};
		ws.onclose = () => { order.push('close'); resolve(); };
	});
	check(order, {
		'order': (o) => o.join() === 'open,http 200,status 200,close',
		'took the request and the timer': () => Date.now() - t0 >= 150,
	});
}
