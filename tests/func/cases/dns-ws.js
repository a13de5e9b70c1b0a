// options.dns for k6/ws: with onlyIPv6, a name with IPv4 addresses only
// has none (k6's "no such host"), which the default resolution would
// have dialled; an address is dialled without a lookup.
import ws from 'k6/ws';
import { check } from 'k6';

export const options = { iterations: 1, dns: { policy: 'onlyIPv6' } };

export default function () {
	const port = __ENV.TARGET.replace(/.*:/, '');
	const bad = ws.connect(`ws://three.lyocell.test:${port}/ws/echo`, (s) => s.close());
	check(bad, { 'no IPv6 address: no such host': (r) => r.error === 'lookup three.lyocell.test: no such host' });
	const res = ws.connect(`ws://127.0.0.1:${port}/ws/echo`, (s) => s.close());
	check(res, { 'an address: dialled': (r) => r.status === 101 });
}
