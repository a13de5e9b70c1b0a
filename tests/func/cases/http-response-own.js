// A Response's fields and methods are own enumerable properties, in the
// order of k6's (Go's struct, then its methods): Object.keys, for-in,
// hasOwnProperty and JSON.stringify see them all; res.ocsp is there.
import http from 'k6/http';
import { check } from 'k6';
export const options = { iterations: 1 };
const T = __ENV.TARGET;
const FIELDS = 'remote_ip,remote_port,url,status,status_text,proto,headers,cookies,body,timings,' +
  'tls_version,tls_cipher_suite,ocsp,error,error_code,request';
export default function () {
  const r = http.get(`${T}/get`);
  check(r, {
    'hasOwnProperty of a field read lazily': (r) => r.hasOwnProperty('request') && !r.hasOwnProperty('nope'),
    'keys in k6 order': (r) => Object.keys(r).join() === FIELDS + ',clickLink,html,json,submitForm',
    'timings in k6 order': (r) => Object.keys(r.timings).join() ===
      'duration,blocked,looking_up,connecting,tls_handshaking,sending,waiting,receiving',
    'duration in whole nanoseconds': (r) => String(r.timings.duration).length <= 12,
    'ocsp over plain HTTP': (r) => JSON.stringify(r.ocsp) ===
      '{"produced_at":0,"this_update":0,"next_update":0,"revoked_at":0,"revocation_reason":"","status":""}',
  });
  const r2 = http.get(`${T}/get`);
  r2.status = 7;
  const j = JSON.parse(JSON.stringify(r2));
  check(j, {
    'JSON has every field in order': (j) => Object.keys(j).join() === FIELDS,
    'a field set keeps its value': (j) => j.status === 7 && j.request.method === 'GET',
  });
  const r3 = http.get(`${T}/get`);
  const seen = [];
  for (const k in r3) seen.push(k);
  check(seen, { 'for-in': (s) => s.length === 20 && s[0] === 'remote_ip' && s[19] === 'submitForm' });
  // Object.freeze makes them own first, as listing does
  const r5 = Object.freeze(http.get(`${T}/get`));
  check(r5, { 'frozen with its fields': (r) => Object.isFrozen(r) && r.status === 200 &&
    Object.keys(r).length === 20 && !Object.getOwnPropertyDescriptor(r, 'status').writable });
  // an await asks the Response for the promise's internal key first
  (async () => {
    const r4 = await http.get(`${T}/get`);
    check(r4, { 'keys in k6 order after an await': (r) =>
      Object.keys(r).join() === FIELDS + ',clickLink,html,json,submitForm' });
  })();
}
