// res.request.headers as k6 fills it: the headers set before sending, by
// name in Go's canonical form, each an array of values; User-Agent always;
// a form body's Content-Type; the Cookie sent; no Content-Length.
import http from 'k6/http';
import { check } from 'k6';
export const options = { iterations: 1, userAgent: 'ua-test/1.0' };
const T = __ENV.TARGET;
export default function () {
  const r = http.post(`${T}/post`, { a: '1' }, {
    headers: { 'x-foo': 'bar', 'x-FOO-two': 'b', 'Content-Length': '99', 'x_under.score': 'v' },
    cookies: { c: 'd' },
  });
  const h = r.request.headers;
  check(h, {
    'form content type': (h) => h['Content-Type'][0] === 'application/x-www-form-urlencoded',
    'user agent': (h) => h['User-Agent'].length === 1 && h['User-Agent'][0] === 'ua-test/1.0',
    'canonical names': (h) => h['X-Foo'][0] === 'bar' && h['X-Foo-Two'][0] === 'b' && !('x-foo' in h),
    'no content length': (h) => !('Content-Length' in h),
    'cookie': (h) => h.Cookie[0] === 'c=d',
    'only after a hyphen': (h) => h['X_under.score'][0] === 'v',
  });
  // the names go over the wire in the same form
  const echo = http.get(`${T}/headers`, { headers: { 'x-wire-name': '1', 'User-Agent': 'mine' } });
  check(echo, {
    'sent canonical': (r) => r.body.indexOf('"X-Wire-Name"') >= 0,
    'script user agent replaces the option': (r) =>
      r.request.headers['User-Agent'][0] === 'mine' && r.json().headers['User-Agent'] === 'mine',
    'no form content type on a GET': (r) => !('Content-Type' in r.request.headers),
  });
  // more headers than a response keeps on the stack while it copies them
  const many = {};
  for (let i = 0; i < 9; i++) many[`x-h${i}`] = `v${i}`;
  const m = http.get(`${T}/get`, { headers: many });
  check(m.request.headers, {
    'nine headers and the user agent': (h) =>
      Object.keys(many).every((k, i) => h[`X-H${i}`][0] === `v${i}`) &&
      h['User-Agent'][0] === 'ua-test/1.0' && Object.keys(h).length === 10,
  });
  const g = http.get(`${T}/get`, { headers: { 'content-type': 'text/plain' } });
  check(g, { 'script content type': (r) => r.request.headers['Content-Type'][0] === 'text/plain' });
}
