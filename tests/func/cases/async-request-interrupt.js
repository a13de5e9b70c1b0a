// Requests of http.asyncRequest still in flight when the iteration is
// cut short are cancelled, as the synchronous ones are: not counted, and
// the run ends on time.
import http from 'k6/http';

export const options = {
  scenarios: { s: { executor: 'constant-vus', vus: 2, duration: '1s', gracefulStop: '0s' } },
};

export default async function () {
  await Promise.all([
    http.asyncRequest('GET', `${__ENV.TARGET}/delay/5000`),
    http.asyncRequest('GET', `${__ENV.TARGET}/delay/5000`),
  ]);
}
