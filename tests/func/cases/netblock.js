// blacklistIPs and blockHostnames: refused connections fail as k6's
// dialer fails them (1110, 1111), everything else goes through.
import http from 'k6/http';
import { check } from 'k6';

const T = __ENV.TARGET;
const port = T.split(':')[2];

export const options = {
	blacklistIPs: ['127.0.0.2/32', '10.1.2.3/8'],
	blockHostnames: ['*.test', 'exact.example'],
	hosts: { 'blocked.test': '127.0.0.1', 'exact.example': '127.0.0.1', 'ok.example': '127.0.0.1' },
	thresholds: {
		'http_reqs{error_code:1110}': ['count==3'],
		'http_reqs{error_code:1111}': ['count==3'],
	},
};

export default function () {
	const ok = http.get(`${T}/get`);
	check(ok, { 'allowed address': (r) => r.status === 200 });
	const byName = http.get(`http://ok.example:${port}/get`);
	check(byName, { 'allowed name': (r) => r.status === 200 });

	const ip = http.get(`http://127.0.0.2:${port}/get`);
	check(ip, {
		'blacklisted: 1110': (r) => r.error_code === 1110,
		'blacklisted: words': (r) => r.error === 'ip is blacklisted',
		'blacklisted: status 0': (r) => r.status === 0,
	});
	const net8 = http.get('http://10.200.0.1:9/');
	check(net8, { '10/8 blacklisted': (r) => r.error_code === 1110 });

	const host = http.get(`http://blocked.test:${port}/get`);
	check(host, {
		'blocked: 1111': (r) => r.error_code === 1111,
		'blocked: words': (r) => r.error === 'hostname is blocked',
	});
	// blocked before its name is looked up, as in k6
	const unknown = http.get('http://nosuchhost.test/');
	check(unknown, { 'unresolvable but blocked': (r) => r.error_code === 1111 });
	// a redirect to a blocked name fails at that hop
	const hop = http.get(`${T}/redirect-to?url=${encodeURIComponent(`http://exact.example:${port}/get`)}`);
	check(hop, { 'redirect to a blocked name': (r) => r.error_code === 1111 });

	try {
		http.get(`http://127.0.0.2:${port}/get`, { throw: true });
		check(null, { 'throws with throw': () => false });
	} catch (e) {
		check(e, { 'throws with throw': (x) => String(x).indexOf('is in a blacklisted range (127.0.0.2/32)') >= 0 });
	}
}
