// options.localIPs: VU n connects from the pool's address n - 1, the
// pool dealt as k6 deals it (ranges in order; an IPv4 CIDR range of
// more than two addresses without its network and broadcast addresses).
import http from 'k6/http';
import ws from 'k6/ws';
import exec from 'k6/execution';
import { check } from 'k6';

const FROM = ['127.0.0.2', '127.0.0.3', '127.0.0.9', '127.0.0.10', '127.0.0.2'];

export const options = {
	localIPs: '127.0.0.2-127.0.0.3,127.0.0.8/30',
	scenarios: { each: { executor: 'per-vu-iterations', vus: 5, iterations: 1 } },
};

export default function () {
	const r = http.get(`${__ENV.TARGET}/ip`);
	check(r, { 'from the VU\'s address': (x) => x.json().origin === FROM[exec.vu.idInTest - 1] });
	const s = ws.connect(`${__ENV.TARGET.replace('http', 'ws')}/ws/echo`, (sock) => sock.close());
	check(s, { 'WebSockets connect from it': (x) => x.status === 101 });
}
