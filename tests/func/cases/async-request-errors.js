// http.asyncRequest's errors, as k6's: with throw set a failed request
// rejects its promise with the Go error, no Error but a value whose text
// is what http.request throws as a GoError; without, it
// resolves with status 0 and a "Request Failed" warning; a response
// callback decides what is expected; a rejection nobody handles ends the
// iteration with "Uncaught (in promise)".
import http from 'k6/http';
import { check } from 'k6';
import { Counter } from 'k6/metrics';

const T = __ENV.TARGET;
const rejected = new Counter('rejected');
const syncThrew = new Counter('sync_threw');

export const options = {
  scenarios: {
    throws: { executor: 'per-vu-iterations', iterations: 1, exec: 'throws' },
    unhandled: { executor: 'per-vu-iterations', iterations: 1, exec: 'unhandled', startTime: '1s' },
  },
  throw: true,
  thresholds: { 'http_req_failed{cb:404}': ['rate==0'] },
};

export async function throws() {
  let sync = '';
  try {
    http.get('http://127.0.0.1:1/');
  } catch (e) {
    sync = String(e);
    syncThrew.add(1);
  }
  try {
    await http.asyncRequest('GET', 'http://127.0.0.1:1/');
  } catch (e) {
    check(e, { 'same error as http.get': (x) => 'GoError: ' + String(x) === sync &&
        !(x instanceof Error) && sync.indexOf('GoError: Get "http://127.0.0.1:1/": ') === 0 });
    rejected.add(1);
  }
  try {
    await http.asyncRequest('GET', `${T}/get`, null, { timeout: 'soon' });
  } catch (e) {
    rejected.add(1);
  }
  // a 404 is a response, not an error; the callback makes it expected
  const r = await http.asyncRequest('GET', `${T}/status/404`, null,
    { responseCallback: http.expectedStatuses(404), tags: { cb: '404' } });
  check(r, { '404 resolves': (x) => x.status === 404 });
  // no throw for this one: status 0 and a warning
  const z = await http.asyncRequest('GET', 'http://127.0.0.1:1/', null, { throw: false });
  check(z, { 'resolves with the error': (x) => x.status === 0 && x.error !== '' });
}

export function unhandled() {
  http.asyncRequest('GET', 'http://127.0.0.1:1/');
}
