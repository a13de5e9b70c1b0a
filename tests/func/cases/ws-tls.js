// k6/ws over wss://: the trust store (SSL_CERT_FILE), a refused
// certificate, and insecureSkipTLSVerify.
import ws from 'k6/ws';
import { check } from 'k6';

const base = __ENV.TARGET_TLS.replace(/^https/, 'wss');

export default function () {
	let got = '';
	const res = ws.connect(base + '/ws/echo', function (socket) {
		socket.on('open', () => socket.send('secure'));
		socket.on('message', (m) => { got = m; socket.close(); });
	});
	check(res, { 'status is 101': (r) => r.status === 101 });
	if (__ENV.EXPECT === 'refused') {
		check(res, { 'certificate refused': (r) => /certificate/.test(r.error) });
		console.log(res.error);
	} else
		check(got, { 'echoed over TLS': (m) => m === 'secure' });
}
