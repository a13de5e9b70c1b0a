// k6/ws: what ws.connect refuses, with k6's messages.
import ws from 'k6/ws';
import { check } from 'k6';

const base = __ENV.TARGET.replace(/^http/, 'ws');
let initMsg = '';
try {
	ws.connect(base + '/ws/echo', function () {});
} catch (e) {
	initMsg = e.message;
}

function thrown(f) {
	try {
		f();
	} catch (e) {
		return e.message;
	}
	return '';
}

export default function () {
	check(null, {
		'init context': () => initMsg === 'using websockets in the init context is not supported',
		'no callback': () => thrown(() => ws.connect(base + '/ws/echo', {}, 'x')) ===
		    'last argument to ws.connect must be a function',
		'argument count': () => thrown(() => ws.connect(base + '/ws/echo')) ===
		    'invalid number of arguments to ws.connect',
		'compression': () => thrown(() => ws.connect(base + '/ws/echo', { compression: 'gzip' }, function () {})) ===
		    "unsupported compression algorithm 'gzip', supported algorithm is 'deflate'",
		'bad scheme': () => ws.connect('http://127.0.0.1/', function () {}).error === 'malformed ws or wss URL',
		'sendBinary of a string': () => {
			let m = '';
			ws.connect(base + '/ws/echo', function (s) {
				m = thrown(() => s.sendBinary('abc'));
				s.on('open', () => s.close());
			});
			return m === 'expected ArrayBuffer as argument, received: String';
		},
		'send after close': () => {
			let errs = [];
			ws.connect(base + '/ws/echo', function (s) {
				s.on('open', () => { s.close(); s.send('late'); });
				s.on('error', (e) => errs.push(e.error()));
			});
			return errs.join() === 'websocket: close sent';
		},
		'a handler that throws ends connect': () => thrown(() => ws.connect(base + '/ws/echo', function (s) {
			s.on('open', () => { throw new Error('boom'); });
		})) === 'boom',
	});
}
