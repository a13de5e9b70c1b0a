// Through the environment's proxy, as k6's WebSockets go (Go's
// ProxyFromEnvironment): tests/func/ws.sh sets HTTP_PROXY (with a user),
// HTTPS_PROXY and NO_PROXY to python3-websockets' CONNECT proxy, or with
// SOCKS=1 to its SOCKS5 proxy; both tunnel to 127.0.0.1 whatever the
// name, so the names are never looked up here.  Loopback and NO_PROXY
// names go direct; a refusal is gorilla's error.
import ws from 'k6/ws';
import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

export const options = {
	iterations: 1,
	insecureSkipTLSVerify: true,
	hosts: { 'skip.test': '127.0.0.1' },
};

const P = __ENV.WS_PORT, T = __ENV.TLS_PORT;

function echo(url) {
	let got = '', err = '';
	const res = ws.connect(url, function (s) {
		s.on('open', () => s.send('hi'));
		s.on('message', (m) => { got = m; s.close(); });
		s.on('error', (e) => { err = e.error(); });
	});
	return { status: res.status, got: got, err: res.error || err };
}

export default async function () {
	const plain = echo('ws://echo.test:' + P + '/echo');
	const tls = echo('wss://tls.test:' + T + '/ws/echo');
	const refused = echo('ws://refuse.test:' + P + '/echo');
	const skipped = echo('ws://skip.test:' + P + '/echo');
	const direct = echo('ws://127.0.0.1:' + P + '/echo');
	const viaAsync = await new Promise((resolve) => {
		const w = new WebSocket('ws://async.test:' + P + '/echo');
		w.onopen = () => w.send('a');
		w.onmessage = (e) => { w.close(); resolve(e.data); };
		w.onerror = (e) => resolve('error ' + e.error);
	});
	let seen = '';
	const socks = __ENV.SOCKS === '1';
	ws.connect('ws://127.0.0.1:' + P + (socks ? '/socksed' : '/proxied'),
	    (s) => s.on('message', (m) => { seen = m; }));
	const auth = socks ? 'user' : 'Basic_' + 'dXNlcjpwdw==';
	const how = socks ? 'SOCKS' : 'CONNECT';
	const refusal = socks ? 'proxy: SOCKS5 proxy at 127.0.0.1:' + __ENV.PROXY_PORT +
	    ' failed to connect: connection forbidden' : 'Forbidden';
	check(null, {
		'ws:// through the proxy': () => plain.status === 101 && plain.got === 'hi',
		'wss:// through the proxy': () => tls.status === 101 && tls.got === 'hi',
		'refused by the proxy': () => refused.err === refusal && !refused.status,
		'NO_PROXY goes direct': () => skipped.got === 'hi',
		'loopback goes direct': () => direct.got === 'hi',
		'k6/websockets through the proxy': () => viaAsync === 'a',
		'what the proxy was asked': () => seen === [
			how + ',echo.test:' + P + ',' + auth,
			how + ',tls.test:' + T + ',-',
			how + ',refuse.test:' + P + ',' + auth,
			how + ',async.test:' + P + ',' + auth,
		].join(' '),
	});
	if (seen === '' || refused.err !== refusal)
		console.log(JSON.stringify({ seen, plain, tls, refused, skipped, direct, viaAsync }));
}
