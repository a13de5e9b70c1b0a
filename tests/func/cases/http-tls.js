// HTTPS against the target: certificate checks and insecureSkipTLSVerify.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  insecureSkipTLSVerify: __ENV.INSECURE === '1',
  thresholds: { 'http_reqs{tls_version:tls1.3}': ['count>=0'] },
};

export default function () {
  const r = http.get(`${__ENV.TARGET_TLS}/get`);
  if (__ENV.INSECURE === '1') {
    check(r, {
      'https ok': (r) => r.status === 200 && r.json('url').indexOf('https://') === 0,
      'tls fields': (r) => r.tls_version === 'tls1.3' && r.tls_cipher_suite !== '' && r.proto === 'HTTP/1.1',
      'tls timing': (r) => r.timings.tls_handshaking > 0,
    });
  } else if (__ENV.WITH_CA === '1') {
    check(r, { 'verified with the CA': (r) => r.status === 200 && r.error_code === 0 });
  } else {
    check(r, { 'unknown authority': (r) => r.status === 0 && r.error_code === 1310 });
  }
}
