// http.asyncRequest: requests run concurrently within one VU, and each
// is counted, tagged and timed as its synchronous form is.
import http from 'k6/http';
import { check, sleep } from 'k6';
import { Trend } from 'k6/metrics';

const T = __ENV.TARGET;
const together = new Trend('together', true);
const slept = new Trend('slept', true);

export const options = {
  iterations: 2,
  thresholds: {
    'http_reqs{form:sync}': ['count>0'],
    'http_reqs{form:async}': ['count>0'],
    'http_req_failed{form:sync}': ['rate<1'],
    'http_req_failed{form:async}': ['rate<1'],
    'http_reqs{form:async,status:404}': ['count>0'],
    'http_reqs{form:async,name:named}': ['count>0'],
    'checks{form:async}': ['rate==1'],
    'checks{form:mixed}': ['rate==1'],
  },
};

// method, url, body, params: each is made once of each form
function requests(form) {
  const p = { tags: { form: form } };
  return [
    ['GET', `${T}/get`, null, p],
    ['POST', `${T}/post`, { name: 'Bert' }, p],
    ['PUT', `${T}/put`, JSON.stringify({ a: 1 }), { tags: { form: form }, headers: { 'Content-Type': 'application/json' } }],
    ['GET', `${T}/redirect/2`, null, p],
    ['GET', `${T}/status/404`, null, p],
    ['GET', http.url`${T}/anything/${form}`, null, { tags: { form: form, name: 'named' } }],
    ['GET', 'http://127.0.0.1:1/', null, p],
  ];
}

function checks(form, rs) {
  check(rs[1], { 'form body': (r) => r.json().form.name === 'Bert' }, { form: form });
  check(rs[2], { 'json body': (r) => r.json().json.a === 1 }, { form: form });
  check(rs[3], { 'redirected': (r) => r.status === 200 && r.url === `${T}/get` }, { form: form });
  check(rs[4], { 'status 404': (r) => r.status === 404 }, { form: form });
  check(rs[6], { 'refused': (r) => r.status === 0 && r.error_code === 1212 }, { form: form });
  check(rs[0], { 'timings': (r) => r.timings.duration > 0 && r.timings.waiting > 0 }, { form: form });
}

export default async function () {
  // first, with no handle kept yet: synchronous calls while a request
  // is in flight; the batch takes more easy handles than the async
  // request leaves it, which moves aside
  const mixed = { tags: { form: 'mixed' } };
  const slow = http.asyncRequest('GET', `${T}/delay/200`, null, mixed);
  const batch = http.batch([1, 2, 3, 4].map((i) => ['GET', `${T}/get?i=${i}`, null, mixed]));
  const one = http.get(`${T}/get`, mixed);
  check(batch.concat([one, await slow]), {
    'mixed all 200': (rs) => rs.every((r) => r.status === 200),
  }, { form: 'mixed' });

  const sync = requests('sync').map((a) => http.request(a[0], a[1], a[2], a[3]));
  checks('sync', sync);
  const rs = await Promise.all(requests('async').map((a) => http.asyncRequest(a[0], a[1], a[2], a[3])));
  checks('async', rs);

  // three delays of 400 ms: about 400 ms together, not 1200
  let t0 = Date.now();
  await Promise.all([400, 400, 400].map((ms) => http.asyncRequest('GET', `${T}/delay/${ms}`)));
  together.add(Date.now() - t0);

  // a request that ends during sleep() neither cuts it short nor is lost
  const p = http.asyncRequest('GET', `${T}/delay/50`);
  t0 = Date.now();
  sleep(0.3);
  slept.add(Date.now() - t0);
  check(await p, { 'ended while asleep': (r) => r.status === 200 }, { form: 'async' });
}
