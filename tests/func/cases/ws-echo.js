// k6/ws against the local target's echo: messages, binary, ping/pong,
// headers, subprotocol, cookies both ways, tags and the response object.
import ws from 'k6/ws';
import http from 'k6/http';
import { check } from 'k6';

export const options = {
	thresholds: {
		'ws_msgs_sent{my:tag}': ['count==4'],
		'ws_sessions{subproto:chat}': ['count==1'],
		'ws_sessions{status:101}': ['count==3'],
	},
};

const base = __ENV.TARGET.replace(/^http/, 'ws');

export default function () {
	const got = [];
	let pongs = 0, opened = 0, closed = -1, bin = null;
	const res = ws.connect(base + '/ws/echo', { tags: { my: 'tag' } }, function (socket) {
		socket.on('open', () => {
			opened++;
			socket.send('one');
			socket.send('zwei ü € 😀 ' + '😀'.slice(0, 1));
			socket.sendBinary(new Uint8Array([0, 1, 2, 255]).buffer);
			socket.ping();
		});
		socket.on('message', (m) => got.push(m));
		socket.on('pong', () => pongs++);
		socket.on('binaryMessage', (m) => {
			bin = Array.prototype.slice.call(new Uint8Array(m));
			socket.send('last');
		});
		socket.on('message', (m) => { if (m === 'last') socket.close(1000); });
		socket.on('close', (c) => { closed = c; });
	});
	check(res, {
		'status 101': (r) => r.status === 101,
		'url': (r) => r.url === base + '/ws/echo',
		'accept header': (r) => typeof r.headers['Sec-Websocket-Accept'] === 'string',
		'no error': (r) => r.error === '',
	});
	check(null, {
		'texts echoed in order': () => got.join('|') === 'one|zwei ü € 😀 \ufffd|last',
		'binary echoed': () => bin !== null && bin.join(',') === '0,1,2,255',
		'one pong': () => pongs === 1,
		'open once': () => opened === 1,
		'close code given': () => closed === 1000,
	});

	// custom headers, a subprotocol, the VU's cookies sent
	http.cookieJar().set(__ENV.TARGET, 'jarred', 'yes');
	let hdrs = null;
	const r2 = ws.connect(base + '/ws/headers', {
		headers: { 'x-custom': 'abc', 'Sec-WebSocket-Protocol': 'chat, other' },
	}, function (socket) {
		socket.on('message', (m) => { hdrs = JSON.parse(m); socket.close(); });
	});
	check(hdrs, {
		'custom header sent': (h) => h !== null && h['X-Custom'] === 'abc',
		'cookie from the jar': (h) => h !== null && h['Cookie'] === 'jarred=yes',
		'user agent': (h) => h !== null && /^lyocell\//.test(h['User-Agent']),
	});
	check(r2, { 'subprotocol chosen': (r) => r.headers['Sec-Websocket-Protocol'] === 'chat' });

	// a cookie set by the upgrade lands in the jar
	ws.connect(base + '/ws/echo?cookie=fromws=1', function (socket) {
		socket.on('open', () => socket.close());
	});
	check(http.cookieJar().cookiesForURL(__ENV.TARGET + '/'), {
		'upgrade cookie stored': (c) => c.fromws !== undefined && c.fromws[0] === '1',
	});
}
