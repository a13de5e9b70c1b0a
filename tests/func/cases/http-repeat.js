// Requests one after another on the same handle: each sends its own
// method, headers and cookies, whatever the one before sent.
import http from 'k6/http';
import { check } from 'k6';
export const options = { iterations: 2 };
const T = __ENV.TARGET;
const hdr = (r, k) => r.json('headers')[k];
export default function () {
  const u = `${T}/headers`;
  const a = http.get(u, { headers: { 'X-A': '1' } });
  const b = http.get(u, { headers: { 'X-A': '2' } });
  const c = http.get(u);
  const d = http.get(u, { headers: { 'X-A': '2', 'X-B': '3' } });
  check(null, {
    'headers follow each request': () => hdr(a, 'X-A') === '1' && hdr(b, 'X-A') === '2' &&
      hdr(c, 'X-A') === undefined && hdr(d, 'X-B') === '3' && hdr(d, 'X-A') === '2',
    'a header dropped': () => http.get(u, { headers: { 'X-A': '2' } }).json('headers')['X-B'] === undefined,
  });
  http.cookieJar().set(T, 'k', 'v1');
  const f = http.get(u);
  http.cookieJar().set(T, 'k', 'v2');
  const g = http.get(u);
  const h = http.head(u);
  const i = http.get(u);
  check(null, {
    'cookies follow the jar': () => hdr(f, 'Cookie') === 'k=v1' && hdr(g, 'Cookie') === 'k=v2',
    'methods follow each request': () => h.request.method === 'HEAD' && h.body === '' &&
      i.request.method === 'GET' && hdr(i, 'Cookie') === 'k=v2',
  });
}
