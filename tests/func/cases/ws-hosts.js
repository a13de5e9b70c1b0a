// k6/ws and k6/websockets with options.hosts: a name that no resolver
// knows reaches the local target, and stays the Host header.
import ws from 'k6/ws';
import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

const port = __ENV.TARGET.replace(/^.*:/, '');

export const options = {
	hosts: { 'ws.lyocell.test': '127.0.0.1', 'other.lyocell.test:9': '127.0.0.1:' + port },
};

export default function () {
	let host = '';
	const res = ws.connect('ws://ws.lyocell.test:' + port + '/ws/headers', function (socket) {
		socket.on('message', (m) => { host = JSON.parse(m).Host; socket.close(); });
	});
	check(res, { 'mapped name connects': (r) => r.status === 101 });
	check(host, { 'Host is the name': (h) => h === 'ws.lyocell.test:' + port });
	const w = new WebSocket('ws://other.lyocell.test:9/ws/echo');
	let opened = false;
	w.onopen = () => { opened = true; w.close(); };
	w.onclose = () => check(opened, { 'mapped name and port connect': (o) => o === true });
	w.onerror = (e) => console.error(e.error);
}
