// Every response is unexpected: k6 has no samples for
// http_req_duration{expected_response:true} and leaves it out.
import http from 'k6/http';

export const options = { iterations: 2 };

export default function () {
	http.get(`${__ENV.TARGET}/status/500`);
}
