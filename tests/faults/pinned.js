// Fast requests with the target on the same CPU (run-faults.sh pins
// both): a write on loopback may run the server before it returns, and
// that time is waiting, not sending.
import http from 'k6/http';

export const options = { iterations: 1000 };

export default function () {
  http.get(`${__ENV.TARGET}/get`);
}
