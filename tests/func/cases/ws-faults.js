// k6/ws faults: what the script sees, with k6's texts and close codes.
import ws from 'k6/ws';
import { check } from 'k6';

export const options = {
	thresholds: { 'ws_sessions{status:403}': ['count==1'] },
};

const base = __ENV.TARGET.replace(/^http/, 'ws');

function session(path) {
	const seen = { errors: [], closes: [], msgs: [] };
	seen.res = ws.connect(base + path, function (socket) {
		socket.on('open', () => socket.send('hello'));
		socket.on('message', (m) => seen.msgs.push(m));
		socket.on('error', (e) => seen.errors.push(e.error()));
		socket.on('close', (c) => seen.closes.push(c));
	});
	return seen;
}

export default function () {
	let s = session('/ws/mid-message');
	check(s, {
		'mid-message: unexpected EOF': (x) => x.errors.join() ===
		    'websocket: close 1006 (abnormal closure): unexpected EOF',
		'mid-message: closed 1006': (x) => x.closes.join() === '1006',
	});
	s = session('/ws/no-close');
	check(s, {
		'no-close: message kept': (x) => x.msgs.join() === 'hello',
		'no-close: unexpected EOF': (x) => x.errors.length === 1 && /1006/.test(x.errors[0]),
		'no-close: closed 1006': (x) => x.closes.join() === '1006',
	});
	s = session('/ws/oversized');
	check(s, {
		'oversized: read limit': (x) => x.errors.join() === 'websocket: read limit exceeded',
		'oversized: closed 1009': (x) => x.closes.join() === '1009',
	});
	s = session('/ws/bad-utf8');
	check(s, {
		'bad utf-8: error': (x) => x.errors.join() === 'websocket: invalid UTF-8 in text frame',
		'bad utf-8: closed 1007': (x) => x.closes.join() === '1007',
		'bad utf-8: no message': (x) => x.msgs.length === 0,
	});
	s = session('/ws/close/4001');
	check(s, {
		'server close: code': (x) => x.closes.join() === '4001',
		'server close: an error as k6 gives': (x) => x.errors.join() === 'websocket: close 4001',
	});
	s = session('/ws/refuse');
	check(s.res, {
		'refused: 403': (r) => r.status === 403,
		'refused: body': (r) => r.body === 'websocket upgrade refused\n',
		'refused: no error text': (r) => r.error === '',
		'refused: no events': () => s.closes.length === 0 && s.errors.length === 0,
	});
	s = session2('ws://127.0.0.1:1/');
	check(s, {
		'refused connection: error': (r) => r.error === 'dial tcp 127.0.0.1:1: connect: connection refused',
		'refused connection: status 0': (r) => r.status === 0,
	});
}

function session2(url) {
	return ws.connect(url, function () {});
}
