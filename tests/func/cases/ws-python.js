// k6/ws against python3-websockets (tests/func/ws.sh starts it): echo of
// text and binary, a subprotocol, compression, the server's ping and its
// close code.
import ws from 'k6/ws';
import { check } from 'k6';

const base = __ENV.WS_SERVER;

export default function () {
	let got = [], bin = 0;
	const res = ws.connect(base + '/echo', { headers: { 'Sec-WebSocket-Protocol': 'chat' } }, function (socket) {
		socket.on('open', () => {
			socket.send('héllo');
			socket.sendBinary(new Uint8Array(70000).buffer);
		});
		socket.on('message', (m) => got.push(m));
		socket.on('binaryMessage', (m) => { bin = m.byteLength; socket.close(1000); });
	});
	check(res, {
		'status 101': (r) => r.status === 101,
		'subprotocol': (r) => r.headers['Sec-Websocket-Protocol'] === 'chat',
	});
	check(null, {
		'text echoed': () => got.join() === 'héllo',
		'64 KiB+ binary echoed': () => bin === 70000,
	});
	// permessage-deflate, as k6 offers it
	const big = 'abcdefgh'.repeat(5000);
	let back = '';
	const zr = ws.connect(base + '/echo', { compression: 'deflate' }, function (socket) {
		socket.on('open', () => socket.send(big));
		socket.on('message', (m) => { back = m; socket.close(); });
	});
	check(zr, {
		'deflate negotiated': (r) => /^permessage-deflate; server_no_context_takeover; client_no_context_takeover/
		    .test(r.headers['Sec-Websocket-Extensions']),
		'compressed message echoed': () => back === big,
	});
	let pinged = 0, code = 0, err = '';
	ws.connect(base + '/ping', function (socket) {
		socket.on('ping', () => { pinged++; socket.send('x'); });
		socket.on('message', () => socket.close());
	});
	ws.connect(base + '/close', function (socket) {
		socket.on('open', () => socket.send('x'));
		socket.on('close', (c) => { code = c; });
		socket.on('error', (e) => { err = e.error(); });
	});
	check(null, {
		'server ping seen': () => pinged === 1,
		'server close code': () => code === 4002,
		'server close reason in the error': () => err === 'websocket: close 4002: bye',
	});
}
