// k6/websockets against the local target: the browser-like API, two
// sockets in one iteration, Blob and ArrayBuffer, events and their
// fields, and an iteration that ends only when every socket closed.
import { WebSocket, Blob } from 'k6/websockets';
import { check } from 'k6';

export const options = { thresholds: { 'ws_msgs_sent{sock:a}': ['count==3'] } };

const base = __ENV.TARGET.replace(/^http/, 'ws');

export default function () {
	const t0 = Date.now();
	const seen = { states: [], msgs: [], events: [], close: null, blob: '', ab: '' };
	const ws = new WebSocket(base + '/ws/echo', ['chat', 'x'], { tags: { sock: 'a' } });
	seen.states.push(ws.readyState);
	ws.onopen = (e) => {
		seen.events.push(e.type + ':' + (e.target === ws) + ':' + (typeof e.timestamp));
		seen.states.push(ws.readyState);
		ws.send('text');
		ws.send(new Uint8Array([1, 2, 3]));		// a view
		ws.send(new Blob(['bl', 'ob'], { type: 'text/plain' }));
	};
	ws.addEventListener('message', (e) => {
		seen.msgs.push(e.data instanceof Blob ? 'blob' : typeof e.data);
		if (e.data instanceof Blob && e.data.size === 3) {
			e.data.bytes().then((b) => { seen.ab = Array.prototype.join.call(b, ','); });
		} else if (e.data instanceof Blob) {
			e.data.text().then((t) => { seen.blob = t; ws.close(3001, 'done here'); });
		}
		if (e.origin !== ws.url)
			seen.events.push('bad origin');
	});
	ws.addEventListener('close', (e) => {
		seen.close = e;
		seen.states.push(ws.readyState);
	});

	// a second socket, closed from a timer, and its server ping
	let pinged = 0;
	const ws2 = new WebSocket(base + '/ws/ping');
	ws2.onping = () => { pinged++; };
	ws2.onopen = () => setTimeout(() => ws2.close(), 150);

	// runs after the function returns, in the VU's event loop
	const after = () => {
		check(seen, {
			'states 0, 1, 3': (s) => s.states.join() === '0,1,3',
			'protocol chosen': () => ws.protocol === 'chat',
			'open event fields': (s) => s.events.join() === 'open:true:number',
			'message data kinds': (s) => s.msgs.join() === 'string,blob,blob',
			'blob text': (s) => s.blob === 'blob',
			'blob bytes': (s) => s.ab === '1,2,3',
			'close code and reason echoed': (s) => s.close.code === 3001 && s.close.reason === 'done here',
			'server ping event': () => pinged === 1,
			'bufferedAmount after close': () => ws.bufferedAmount === 0,
		});
	};
	ws2.addEventListener('close', () => {
		if (ws.readyState === 3)
			after();
		else
			ws.addEventListener('close', after);
	});
}
