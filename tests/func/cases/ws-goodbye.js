// The graceful stop cuts VUs holding sockets; the server still gets a
// close frame: 1001 from k6/ws, 1000 from k6/websockets, as k6 sends.
// Run by tests/func/ws.sh against python3-websockets.
import ws from 'k6/ws';
import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

export const options = {
	scenarios: {
		hold: { executor: 'per-vu-iterations', vus: 1, iterations: 1,
		    maxDuration: '1s', gracefulStop: '0s', exec: 'hold' },
		ask: { executor: 'per-vu-iterations', vus: 1, iterations: 1,
		    startTime: '2s', exec: 'ask' },
	},
};

export function hold() {
	new WebSocket(__ENV.WS_SERVER + '/hold/websockets');
	ws.connect(__ENV.WS_SERVER + '/hold/ws', function () {});
}

function last(name) {
	let code = '';
	ws.connect(__ENV.WS_SERVER + '/last/' + name, function (socket) {
		socket.on('message', (m) => { code = m; });
	});
	return code;
}

export function ask() {
	check(null, {
		'k6/ws said 1001': () => last('ws') === '1001',
		'k6/websockets said 1000': () => last('websockets') === '1000',
	});
}
