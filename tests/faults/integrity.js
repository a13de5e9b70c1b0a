// Requests counted three ways must agree (run-faults.sh).
import http from 'k6/http';

export const options = { vus: 8, iterations: 3000 };

export default function () {
  http.get(`${__ENV.TARGET}/get`);
}
