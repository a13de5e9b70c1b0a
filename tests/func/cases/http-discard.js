// discardResponseBodies, responseType text override, noConnectionReuse.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, discardResponseBodies: true, noConnectionReuse: true };
const B = __ENV.TARGET;

export default function () {
  let r = http.get(`${B}/bytes/1000`);
  check(r, { 'discarded': (r) => r.status === 200 && r.body === null });
  r = http.get(`${B}/get`, { responseType: 'text' });
  check(r, { 'text override': (r) => r.body.length > 0 });
  r = http.get(`${B}/get`);
  check(r, { 'new connection': (r) => r.timings.connecting > 0 });
  r = http.get(`${B}/bytes/10`, { responseType: 'binary' });
  check(r, { 'binary override': (r) => r.body instanceof ArrayBuffer && r.body.byteLength === 10 });
}
