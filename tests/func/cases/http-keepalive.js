// Each VU keeps its own connection alive across iterations.
import http from 'k6/http';

export const options = { vus: 4, iterations: 40 };

export default function () {
  http.get(`${__ENV.TARGET}/get`);
}
