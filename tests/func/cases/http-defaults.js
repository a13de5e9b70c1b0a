// Request headers k6 sends by default, and response headers Go's client
// keeps.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1 };
const B = __ENV.TARGET;

export default function () {
  let h = http.get(`${B}/headers`).json().headers;
  check(h, {
    'no Accept': (h) => h.Accept === undefined,
    'User-Agent': (h) => /^lyocell\//.test(h['User-Agent']),
    'no Accept-Encoding': (h) => h['Accept-Encoding'] === undefined,
  });
  h = http.get(`${B}/headers`, { headers: { Accept: 'text/html' } }).json().headers;
  check(h, { 'Accept as set': (h) => h.Accept === 'text/html' });
  let r = http.get(`${B}/response-headers?Connection=close`);
  check(r, { 'close dropped': (r) => r.status === 200 && r.headers.Connection === undefined });
  r = http.get(`${B}/response-headers?Connection=Upgrade,%20CLOSE`);
  check(r, { 'close token dropped': (r) => r.headers.Connection === undefined });
  r = http.get(`${B}/response-headers?Connection=keep-alive`);
  check(r, { 'keep-alive kept': (r) => r.headers.Connection === 'keep-alive' });
}
