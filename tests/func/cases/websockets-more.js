// k6/websockets: ping and onpong, binaryType 'arraybuffer' with an
// ArrayBuffer sent, headers and the VU's cookies, and k6's Blob.
import { WebSocket, Blob } from 'k6/websockets';
import http from 'k6/http';
import { check } from 'k6';

const base = __ENV.TARGET.replace(/^http/, 'ws');

export default function () {
	const b = new Blob(['héllo', new Uint8Array([33])], { type: 'Text/Plain' });
	check(b, {
		'blob size in bytes': (x) => x.size === 7,
		'blob type lower-cased': (x) => x.type === 'text/plain',
		'blob slice': (x) => x.slice(1, 4).size === 3 && x.slice(-1).size === 1,
		'blob toString': (x) => String(x) === '[object Blob]',
	});
	let sliced = '';
	b.slice(0, 6).text().then((t) => { sliced = t; });

	http.cookieJar().set(__ENV.TARGET, 'c1', 'v1');
	const got = { pongs: 0, ab: null, hdrs: null };
	const ws = new WebSocket(base + '/ws/echo');
	ws.binaryType = 'arraybuffer';
	ws.onopen = () => {
		ws.ping();
		ws.send(new Uint8Array([7, 8, 9, 10]).buffer);
	};
	ws.onpong = () => { got.pongs++; };
	ws.onmessage = (e) => {
		got.ab = e.data instanceof ArrayBuffer ? Array.prototype.join.call(new Uint8Array(e.data), ',') : 'not an ArrayBuffer';
		ws.close();
	};
	const wh = new WebSocket(base + '/ws/headers', null, { headers: { 'X-Ws': 'yes' } });
	wh.onmessage = (e) => { got.hdrs = JSON.parse(e.data); wh.close(); };
	let closed = 0;
	const done = () => {
		if (++closed < 2)
			return;
		check(got, {
			'a pong': (g) => g.pongs === 1,
			'arraybuffer echoed': (g) => g.ab === '7,8,9,10',
			'header sent': (g) => g.hdrs !== null && g.hdrs['X-Ws'] === 'yes',
			'cookie sent': (g) => g.hdrs !== null && g.hdrs.Cookie === 'c1=v1',
			'blob text of a slice': () => sliced === 'héllo',
		});
	};
	ws.addEventListener('close', done);
	wh.addEventListener('close', done);
}
