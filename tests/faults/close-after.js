// Keep-alive connections the server closes after 3 responses, with
// Connection: close, silently (the next request finds it closed) or with
// a reset: libcurl retries a request that died on a reused connection
// before any byte came back, so none fails (k6 and curl fail none).
import http from 'k6/http';

const modes = ['&header=1', '', '&rst=1'];

export const options = {
  vus: 6, iterations: 3000,
  thresholds: { http_req_failed: ['rate==0'] },
};

export default function () {
  // one mode, one URL per VU: a VU repeating its request keeps its
  // libcurl handle set up, which is where retries ran out
  http.get(`${__ENV.TARGET}/fault/close-after?n=3${modes[__VU % 3]}`);
}
