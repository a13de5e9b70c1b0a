import http from 'k6/http';
import crypto from 'k6/crypto';
import encoding from 'k6/encoding';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };
const B = __ENV.TARGET;

export default function () {
  const bytes = new Uint8Array([97, 0, 98, 255, 0, 10, 13]);
  let r = http.post(`${B}/inspect`, bytes.buffer);
  let j = r.json();
  check(r, {
    'ArrayBuffer body: every byte': () => j.length === 7 && j.base64 === 'YQBi/wAKDQ==',
    'ArrayBuffer body: no Content-Type made up': () => j.content_type === null,
  });

  r = http.put(`${B}/inspect`, bytes.subarray(2, 5), { headers: { 'Content-Type': 'application/octet-stream' } });
  j = r.json();
  check(r, {
    'typed array view body: its bytes only': () => j.length === 3 && j.base64 === 'Yv8A' && j.method === 'PUT',
    'typed array body keeps its Content-Type': () => j.content_type === 'application/octet-stream',
  });

  const f = new Float64Array([1.5]);
  r = http.post(`${B}/inspect`, new DataView(f.buffer));
  check(r, { 'DataView body': () => r.json().base64 === encoding.b64encode(f.buffer) });

  r = http.get(`${B}/bytes/1000`, { responseType: 'binary' });
  const body = r.body;
  check(r, {
    'binary response is an ArrayBuffer': () => body instanceof ArrayBuffer,
    'binary response has every byte': () => body.byteLength === 1000 &&
      crypto.sha256(body, 'hex') === '668e87717fb7eafca94fd4ecc87a0b8f65bed01c61702c08afb0a830137806cf',
    'binary response bytes': () => new Uint8Array(body)[0] === 170 && new Uint8Array(body)[3] === 149,
  });

  r = http.post(`${B}/inspect`, body);
  check(r, { 'binary response posted back unchanged': () => r.json().sha256 === crypto.sha256(body, 'hex') });

  r = http.get(`${B}/get`, { responseType: 'text' });
  check(r, { 'text response is still a string': () => typeof r.body === 'string' });

  r = http.get(`${B}/status/404`, { responseType: 'binary' });
  check(r, { 'binary response of an error status': () => r.body instanceof ArrayBuffer && r.status === 404 });

  check(null, {
    'binary response on a failed request is null': () =>
      http.get('http://127.0.0.1:1/', { responseType: 'binary' }).body === null,
    // as k6: an error response, not a throw
    'a bad responseType is an error response': () =>
      http.get(`${B}/get`, { responseType: 'blob' }).error === 'blob does not belong to ResponseType values',
    'an empty ArrayBuffer body': () => http.post(`${B}/inspect`, new ArrayBuffer(0)).json().length === 0,
  });
}
