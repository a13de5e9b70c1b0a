// A VU whose iteration was cut short with http.asyncRequest's requests
// in flight serves the next scenario: its requests' structs, handles and
// promises serve new requests, each settled with its own response.
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';

const T = __ENV.TARGET;

export const options = {
  scenarios: {
    cut: { executor: 'constant-vus', vus: 1, duration: '1s', gracefulStop: '0s', exec: 'cut' },
    after: { executor: 'per-vu-iterations', vus: 1, iterations: 2, startTime: '1500ms', exec: 'after' },
  },
  thresholds: { 'checks{scenario:after}': ['rate==1'] },
};

export async function cut() {
  await Promise.all([
    http.asyncRequest('GET', `${T}/delay/3000`),
    http.asyncRequest('POST', `${T}/delay/3000`, 'x'),
    http.asyncRequest('GET', `${T}/delay/3000`).then(() => console.error('a cut request settled')),
  ]);
}

export async function after() {
  const urls = ['/anything/a', '/anything/b', '/anything/c', '/anything/d'];
  const rs = await Promise.all(urls.map((u) => http.asyncRequest('GET', `${T}${u}`)));
  rs.forEach((r, i) => check(r, {
    'its own response': (x) => x.status === 200 && x.json().url === `${T}${urls[i]}`,
  }));
  check(await http.asyncRequest('GET', `${T}/get`), { 'one more': (x) => x.status === 200 });
}
