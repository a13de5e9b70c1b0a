// tlsAuth: client certificates for the target's mTLS port.
import http from 'k6/http';
import { check } from 'k6';

const C = __ENV.TARGET_CLIENT;
const A = { cert: open(`${C}/client-a.pem`), key: open(`${C}/client-a-key.pem`) };
const B = { cert: open(`${C}/client-b.pem`), key: open(`${C}/client-b-key.pem`), password: 'lyocell' };
const ROGUE = { cert: open(`${C}/rogue.pem`), key: open(`${C}/rogue-key.pem`) };
const MODES = {
  // one certificate, no domains: sent to every host
  a: [A],
  // the entry naming the host wins; the encrypted key needs its password
  domains: [Object.assign({ domains: ['other.example'] }, A), Object.assign({ domains: ['127.0.0.1'] }, B)],
  // no entry names the host: the first one is sent
  fallback: [Object.assign({ domains: ['other.example'] }, B), A],
  rogue: [ROGUE],
  wrongpass: [Object.assign({}, B, { password: 'wrong' })],
  none: undefined,
};

export const options = {
  iterations: 1,
  insecureSkipTLSVerify: true,
  tlsAuth: MODES[__ENV.MODE],
};

export default function () {
  const r = http.get(`${__ENV.TARGET_MTLS}/get`);
  const want = { a: 'client-a', domains: 'client-b', fallback: 'client-b' }[__ENV.MODE];
  if (want) {
    check(r, {
      'status 200': (r) => r.status === 200,
      'the right certificate': (r) => r.headers['X-Client-Cert'] === want,
    });
  } else {
    check(r, {
      'refused': (r) => r.status === 0 && r.error_code !== 0 && r.error !== '',
    });
  }
  const p = http.get(`${__ENV.TARGET_TLS}/get`);
  if (__ENV.MODE === 'wrongpass') {
    // the key cannot be used for any https request
    check(p, { 'key error': (p) => p.status === 0 && p.error_code === 1300 && p.error.indexOf('tlsAuth') >= 0 });
  } else {
    // the TLS port without client authentication does not mind the option
    check(p, { 'plain TLS port': (p) => p.status === 200 && p.headers['X-Client-Cert'] === undefined });
  }
}
