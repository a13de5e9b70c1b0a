// blacklistIPs and blockHostnames hold for WebSockets as for HTTP: the
// connection fails with k6's dialer's words; others go through.
import ws from 'k6/ws';
import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

const port = __ENV.TARGET.replace(/^.*:/, '');

export const options = {
	blacklistIPs: ['127.0.0.2/32'],
	blockHostnames: ['*.blocked.test'],
	hosts: { 'ws.blocked.test': '127.0.0.1', 'ws.ok.test': '127.0.0.1' },
};

// without throw, k6/ws answers a failed dial with the error in res.error
function refused(url) {
	const res = ws.connect(url, () => {});
	return res.status === 0 ? res.error : 'connected';
}

export default function () {
	check(refused(`ws://127.0.0.2:${port}/ws/echo`), {
		'address refused': (m) => m === 'IP (127.0.0.2) is in a blacklisted range (127.0.0.2/32)',
	});
	check(refused(`ws://ws.blocked.test:${port}/ws/echo`), {
		'name refused': (m) => m === 'hostname (ws.blocked.test) is in a blocked pattern (*.blocked.test)',
	});
	const ok = ws.connect(`ws://ws.ok.test:${port}/ws/echo`, (s) => s.close());
	check(ok, { 'other names connect': (r) => r.status === 101 });
	const w = new WebSocket(`ws://127.0.0.2:${port}/ws/echo`);
	w.onerror = (e) => check(e.error, {
		'k6/websockets: address refused': (m) => String(m).indexOf('IP (127.0.0.2) is in a blacklisted range (127.0.0.2/32)') >= 0,
	});
}
