// tlsCipherSuites and tlsVersion against the target's TLS port (a P-256
// certificate, TLS 1.2 and 1.3).
import http from 'k6/http';
import { check } from 'k6';

const MODES = {
  // a TLS 1.2 suite, TLS 1.2 only
  tls12: { tlsVersion: 'tls1.2', tlsCipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384'],
    want: ['tls1.2', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384'] },
  range: { tlsVersion: { min: 'tls1.0', max: 'tls1.2' },
    tlsCipherSuites: ['TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256'],
    want: ['tls1.2', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256'] },
  // a TLS 1.3 suite
  tls13: { tlsCipherSuites: ['TLS_CHACHA20_POLY1305_SHA256'],
    want: ['tls1.3', 'TLS_CHACHA20_POLY1305_SHA256'] },
  // as in k6, TLS 1.2 suites leave TLS 1.3 alone
  only12: { tlsCipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'], want: ['tls1.3', null] },
  // the comma-separated form, as K6_TLS_CIPHER_SUITES gives it
  string: { tlsVersion: { max: 'tls1.2' }, tlsCipherSuites: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_128_GCM_SHA256',
    want: ['tls1.2', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'] },
  // an RSA suite against an ECDSA certificate: no handshake
  refused: { tlsVersion: 'tls1.2', tlsCipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'], want: null },
  bad: { tlsCipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_NO_SUCH_SUITE'] },
  // K6_TLS_CIPHER_SUITES (http-ciphers-env.case) overrides the script's list
  env: { tlsVersion: 'tls1.2', tlsCipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'],
    want: ['tls1.2', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256'] },
  badversion: { tlsVersion: 'tls1.4' },
  minmax: { tlsVersion: { min: 'tls1.3', max: 'tls1.2' } },
};
const M = MODES[__ENV.MODE];

export const options = {
  iterations: 1,
  insecureSkipTLSVerify: true,
  tlsVersion: M.tlsVersion,
  tlsCipherSuites: M.tlsCipherSuites,
};

export default function () {
  const r = http.get(`${__ENV.TARGET_TLS}/get`);
  if (M.want === null) {
    check(r, { 'no handshake': (r) => r.status === 0 && r.error_code === 1300 });
    return;
  }
  check(r, {
    'status 200': (r) => r.status === 200,
    'version': (r) => r.tls_version === M.want[0],
    'cipher suite': (r) => M.want[1] === null ? r.tls_cipher_suite !== '' : r.tls_cipher_suite === M.want[1],
  });
}
