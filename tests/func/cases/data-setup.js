// Bytes moved in setup() and teardown() count in data_sent and
// data_received, as in k6; the iterations move none.
import http from 'k6/http';

const B = __ENV.TARGET;

export const options = { iterations: 2 };

export function setup() {
	http.get(`${B}/bytes/5000`);
}

export default function () {
}

export function teardown() {
	http.get(`${B}/bytes/3000`);
}
