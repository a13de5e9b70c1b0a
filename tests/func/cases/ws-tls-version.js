// k6/ws over wss:// with k6/http's options.tlsVersion: a range the
// target serves, and one it cannot (TLS 1.1 at most).
import ws from 'k6/ws';
import { check } from 'k6';

export const options = {
	insecureSkipTLSVerify: true,
	tlsVersion: __ENV.OLD ? { min: 'tls1.0', max: 'tls1.1' } : { min: 'tls1.3', max: 'tls1.3' },
};

export default function () {
	const res = ws.connect(__ENV.TARGET_TLS.replace(/^https/, 'wss') + '/ws/echo', function (socket) {
		socket.on('open', () => socket.close());
	});
	if (__ENV.OLD)
		check(res, { 'TLS 1.1 refused': (r) => r.status === 0 && /^tls: /.test(r.error) });
	else
		check(res, { 'TLS 1.3 only': (r) => r.status === 101 });
}
