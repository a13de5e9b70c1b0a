// k6/websockets: faults and misuse, with k6's texts.
import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

const base = __ENV.TARGET.replace(/^http/, 'ws');

function thrown(f) {
	try {
		f();
	} catch (e) {
		return e.message;
	}
	return '';
}

function watch(path, onopen) {
	const s = { errors: [], code: undefined, closed: false, ws: new WebSocket(base + path) };
	s.ws.onopen = () => onopen(s.ws);
	s.ws.onerror = (e) => s.errors.push(e.error);
	s.ws.onclose = (e) => { s.closed = true; s.code = e.code; };
	return s;
}

export default function () {
	check(null, {
		'bad scheme': () => thrown(() => new WebSocket('http://127.0.0.1/')) ===
		    'WebSocket requires url with scheme ws or wss, but got "http"',
		'no url': () => thrown(() => new WebSocket()) === 'WebSocket requires a url',
		'fragment': () => thrown(() => new WebSocket(base + '/ws/echo#x')) ===
		    'WebSocket requires no url fragment, but got "x"',
		'unknown option': () => thrown(() => new WebSocket(base + '/ws/echo', null, { foo: 1 })) ===
		    "unknown WebSocket's option foo",
	});
	const early = new WebSocket(base + '/ws/echo');
	check(early, {
		'send before open': (w) => thrown(() => w.send('x')) === 'InvalidStateError',
		'bad binaryType': (w) => thrown(() => { w.binaryType = 'text'; }) ===
		    'unknown binaryType text, the supported ones are "blob" and "arraybuffer"',
		'bad close code': (w) => thrown(() => w.close(1001)) ===
		    "InvalidAccessError: Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. 1001 is neither",
	});
	early.onopen = () => early.close();

	const refused = watch('/ws/refuse', () => {});
	const server = watch('/ws/close/4001', (w) => w.send('x'));
	const mid = watch('/ws/mid-message', (w) => w.send('x'));
	const big = watch('/ws/oversized', (w) => w.send('x'));
	let done = 0;
	const all = [refused, server, mid, big];
	all.forEach((s) => s.ws.addEventListener('close', () => {
		if (++done < all.length)
			return;
		check(null, {
			'refused: error': () => refused.errors.join() === 'websocket: bad handshake',
			'refused: close without code': () => refused.closed && refused.code === undefined,
			'server close: error and code': () => server.errors.join() === 'websocket: close 4001' &&
			    server.code === 4001,
			'mid-message: 1006': () => mid.code === 1006 &&
			    mid.errors.join() === 'websocket: close 1006 (abnormal closure): unexpected EOF',
			'oversized: 1009': () => big.code === 1009 && big.errors.join() === 'websocket: read limit exceeded',
		});
	}));
}
