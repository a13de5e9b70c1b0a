// status and body read, set, defined and deleted as plain properties of
// the Response, whatever its body's size and type.
import http from 'k6/http';
import { check } from 'k6';
export const options = { iterations: 1 };
const T = __ENV.TARGET;
export default function () {
  const small = http.get(`${T}/big-html?kb=1`);
  const big = http.get(`${T}/big-html?kb=5`);
  check(null, {
    'status and body': () => small.status === 200 && typeof small.body === 'string' &&
      small.body.length > 900 && small.body.length < 4096 && small.body === small.body,
    'a large body the same each read': () => big.body.length > 5000 && big.body === big.body,
    'in and hasOwnProperty': () => 'status' in small && 'body' in small &&
      small.hasOwnProperty('status') && small.hasOwnProperty('body'),
  });
  const a = http.get(`${T}/get`);
  a.status = 7;
  a.body = 'x';
  check(a, { 'assigned': (r) => r.status === 7 && r.body === 'x' && JSON.parse(JSON.stringify(r)).body === 'x' });
  const d = http.get(`${T}/get`);
  delete d.status;
  delete d.body;
  check(d, { 'deleted': (r) => r.status === undefined && r.body === undefined && !('body' in r) });
  const p = http.get(`${T}/get`);
  Object.defineProperty(p, 'status', { value: 9, enumerable: true, writable: false });
  check(p, { 'defined': (r) => r.status === 9 && Object.getOwnPropertyDescriptor(r, 'status').value === 9 });
  const g = http.get(`${T}/get`);
  check(g, { 'descriptor': (r) => Object.getOwnPropertyDescriptor(r, 'body').value === r.body &&
    Object.getOwnPropertyDescriptor(r, 'status').value === 200 });
  const bin = http.get(`${T}/bytes/10`, { responseType: 'binary' });
  const none = http.get(`${T}/bytes/10`, { responseType: 'none' });
  const failed = http.get('http://127.0.0.1:1/');
  check(null, {
    'binary body one object': () => bin.body instanceof ArrayBuffer && bin.body === bin.body &&
      bin.body.byteLength === 10,
    'no body': () => none.body === null && none.status === 200,
    'failed request': () => failed.status === 0 && failed.body === null,
    'json of the body': () => http.get(`${T}/json`).json() !== undefined,
  });
}
