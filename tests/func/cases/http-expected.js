// expectedStatuses, setResponseCallback and params.responseCallback drive
// http_req_failed and the expected_response tag.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  thresholds: {
    'http_reqs{expected_response:true}': ['count>=0'],
    'http_reqs{expected_response:false}': ['count>=0'],
  },
};
const B = __ENV.TARGET;
http.setResponseCallback(http.expectedStatuses(200, { min: 400, max: 404 }));

export default function () {
  http.get(`${B}/status/404`);	// expected
  http.get(`${B}/status/500`);	// not
  http.get(`${B}/status/500`, { responseCallback: http.expectedStatuses(500) });	// expected
  http.get(`${B}/status/500`, { responseCallback: null });	// not counted
  http.setResponseCallback(null);
  http.get(`${B}/status/500`);	// not counted
  check(http.expectedStatuses(200), { 'expectedStatuses object': (o) => typeof o === 'object' });
}
