// Requests still in flight when the test ends are abandoned cleanly.
import http from 'k6/http';

export const options = {
  scenarios: { s: { executor: 'constant-vus', vus: 3, duration: '1s', gracefulStop: '0s' } },
};

export default function () {
  http.batch([`${__ENV.TARGET}/delay/5000`, `${__ENV.TARGET}/delay/5000`]);
}
