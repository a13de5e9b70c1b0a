// Timings: the first byte comes 50 ms after the request; sending is the
// write, waiting the rest.
import http from 'k6/http';

export const options = {
  vus: 4, iterations: 200,
  thresholds: { http_req_waiting: ['min>=45'], http_req_sending: ['max<5'] },
};

export default function () {
  http.get(`${__ENV.TARGET}/fault/stall?ms=${__ENV.STALL || 50}`);
}
