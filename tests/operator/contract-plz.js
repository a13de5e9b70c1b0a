// PrivateLoadZone: setup() runs once, on runner 1, through POST /v1/setup;
// every runner gets its data through PUT /v1/setup; teardown() runs once
// through POST /v1/teardown after every runner has finished.
import { check } from 'k6';

export const options = { thresholds: { checks: ['rate==1'] } };

export function setup() {
	console.log('setup ran');
	return { token: 'abc', t: Date.now() };
}

export default function (data) {
	check(data, { 'setup data handed over': (d) => d && d.token === 'abc' && d.t > 0 });
}

export function teardown(data) {
	console.log(`teardown ran with ${data && data.token}`);
}
