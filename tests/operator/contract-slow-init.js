// Heavy init code in the VUs (not in the first, option-reading pass,
// where __VU is 0): the runner answers its probes while the VUs are made,
// and a resume that arrives meanwhile starts the test once they are.
import http from 'k6/http';

if (__VU > 0) {
	const end = Date.now() + 1500;
	while (Date.now() < end)
		;
}

export default function () {
	http.get(`${__ENV.TARGET}/get`);
}
