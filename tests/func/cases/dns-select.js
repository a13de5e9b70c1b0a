// options.dns select over a name with three addresses (the hosts file
// LYOCELL_DNS_HOSTS names): each request dials anew (noConnectionReuse)
// and the target says where it was reached.  SELECT is the select given;
// REUSE=1 keeps connections: one dial, so one address, as in k6.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, noConnectionReuse: __ENV.REUSE !== '1' };

export default function () {
	const url = __ENV.TARGET.replace('127.0.0.1', 'three.lyocell.test') + '/ip';
	const n = __ENV.SELECT === 'random' ? 30 : 6;
	const got = [];

	for (let i = 0; i < n; i++) {
		const r = http.get(url);
		check(r, { 'reached where it dialled': (x) => x.status === 200 && x.json().local === x.remote_ip });
		got.push(r.json().local);
	}
	const seen = (a) => got.filter((x) => x === a).length;
	const all = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
	if (__ENV.REUSE === '1')
		check(got, { 'one connection, one address': () => seen(got[0]) === n });
	else if (__ENV.SELECT === 'first')
		check(got, { 'first: always the first address': () => seen('127.0.0.1') === n });
	else if (__ENV.SELECT === 'roundRobin')
		check(got, { 'roundRobin: each in turn': () => got.join() === all.concat(all).join() });
	else
		check(got, {
			'random: among the three': () => got.every((a) => all.indexOf(a) >= 0),
			'random: not always one': () => all.filter((a) => seen(a) > 0).length > 1,
		});
}
