// options.dns policy (POLICY, select first): the address each name gives
// or k6's "no such host".  The hosts file LYOCELL_DNS_HOSTS names has
// both.lyocell.test as ::1 then 127.0.0.1, v6.lyocell.test as ::1 and
// localhost as ::1 too where the machine has IPv6 (IPV6=1); elsewhere
// only the IPv4 names are asked.
import http from 'k6/http';
import { check } from 'k6';

const NONE = 'lookup';
const WANT = {
	preferIPv4: { three: '127.0.0.1', both: '127.0.0.1', v6: '::1', localhost: '127.0.0.1' },
	preferIPv6: { three: '127.0.0.1', both: '::1', v6: '::1', localhost: '::1' },
	onlyIPv4: { three: '127.0.0.1', both: '127.0.0.1', v6: NONE, localhost: '127.0.0.1' },
	onlyIPv6: { three: NONE, both: '::1', v6: '::1', localhost: '::1' },
	any: { three: '127.0.0.1', both: '::1', v6: '::1', localhost: '127.0.0.1' },
};

export const options = { iterations: 1, dns: { select: 'first', policy: __ENV.POLICY } };

export default function () {
	const want = WANT[__ENV.POLICY];
	const port = __ENV.TARGET.replace(/.*:/, '');

	for (const name of Object.keys(want)) {
		if (__ENV.IPV6 !== '1' && (name === 'v6' || want[name] === '::1' ||
		    (want[name] === NONE && name !== 'three')))
			continue;
		const host = name === 'localhost' ? name : `${name}.lyocell.test`;
		const r = http.get(`http://${host}:${port}/ip`);
		if (want[name] === NONE)
			check(r, { [`${name}: no such host`]: (x) => x.error_code === 1101 &&
			    x.error === `lookup ${host}: no such host` });
		else
			check(r, { [`${name}: ${want[name].replace(/:/g, "\u00b7")}`]: (x) => x.status === 200 &&
			    x.remote_ip === want[name] && x.json().local === want[name] });
	}
}
