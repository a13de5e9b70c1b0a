// http.asyncRequest one after another and several at once: each
// response is its own request's, whatever the request before it in the
// same struct and handle had (a body, headers, a name tag, a redirect,
// an error, a large response), as the synchronous form gives it.
import http from 'k6/http';
import { check } from 'k6';

const T = __ENV.TARGET;

export const options = {
  iterations: 3,
  thresholds: {
    checks: ['rate==1'],
    'http_reqs{name:named}': ['count>0'],
    [`http_reqs{name:${T}/anything/after-name}`]: ['count>0'],
  },
};

// what of a response must match its synchronous twin
function shape(r) {
  let body = r.body;
  try {
    const j = r.json();
    delete j.headers;	// a connection's own headers differ
    body = JSON.stringify(j);
  } catch (e) { /* not JSON */ }
  return JSON.stringify([r.status, r.url, r.error, r.error_code,
    r.request.method, r.request.body, Object.keys(r.request.headers).sort(),
    (r.body || '').length, body, r.headers['Content-Type'] || '']);
}

const requests = [
  ['GET', `${T}/bytes/70000?seed=7`, null, null],
  ['POST', `${T}/post`, 'a body that is long enough to leave something behind', { headers: { 'X-First': 'one', 'Content-Type': 'text/plain' } }],
  ['GET', `${T}/anything/after-post`, null, { tags: { name: 'named' } }],
  ['GET', `${T}/anything/after-name`, null, null],
  ['GET', `${T}/redirect/2`, null, null],
  ['GET', `${T}/headers`, null, { headers: { 'X-Second': 'two' } }],
  ['GET', 'http://127.0.0.1:1/', null, null],
  ['GET', `${T}/get`, null, null],
  ['GET', `${T}/status/404`, null, null],
  ['GET', `${T}/bytes/3?seed=9`, null, null],
];

export default async function () {
  const sync = requests.map((a) => shape(http.request(a[0], a[1], a[2], a[3])));
  // one after another: each takes the struct the one before left
  for (let i = 0; i < requests.length; i++) {
    const a = requests[i];
    const got = shape(await http.asyncRequest(a[0], a[1], a[2], a[3]));
    if (got !== sync[i])
      console.error(`after one another, ${a[1]}: ${got} where the synchronous form gives ${sync[i]}`);
    check(got, { 'one after another as sync': (g) => g === sync[i] });
  }
  // all at once, and again in the reverse order: each struct now had
  // another request before it
  for (const order of [requests, requests.slice().reverse()]) {
    const rs = await Promise.all(order.map((a) => http.asyncRequest(a[0], a[1], a[2], a[3])));
    rs.forEach((r, i) => {
      const want = sync[requests.indexOf(order[i])];
      const got = shape(r);
      if (got !== want)
        console.error(`at once, ${order[i][1]}: ${got} where the synchronous form gives ${want}`);
      check(got, { 'at once as sync': (g) => g === want });
    });
  }
}
