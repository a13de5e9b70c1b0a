// k6/ws and k6/websockets to a host name (localhost, from /etc/hosts)
// through the worker's non-blocking resolver.
import ws from 'k6/ws';
import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

const url = __ENV.TARGET.replace(/^http:\/\/127\.0\.0\.1/, 'ws://localhost') + '/ws/echo';

export default function () {
	const res = ws.connect(url, function (socket) {
		socket.on('open', () => socket.close());
	});
	check(res, { 'k6/ws by name': (r) => r.status === 101 });
	let opened = false;
	const w = new WebSocket(url);
	w.onopen = () => { opened = true; w.close(); };
	w.onclose = () => check(opened, { 'k6/websockets by name': (o) => o });
}
