// Script options the HTTP module reads: hosts, tlsVersion.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  hosts: { 'lyocell.test': '127.0.0.1' },
  tlsVersion: { min: http.TLS_1_2, max: http.TLS_1_2 },
  insecureSkipTLSVerify: true,
};

export default function () {
  const port = __ENV.TARGET.split(':')[2];
  let r = http.get(`http://lyocell.test:${port}/get`);
  check(r, {
    'hosts override': (r) => r.status === 200 && r.json('headers.Host') === `lyocell.test:${port}`,
  });
  r = http.get(`${__ENV.TARGET_TLS}/get`);
  check(r, { 'tlsVersion max 1.2': (r) => r.status === 200 && r.tls_version === 'tls1.2' });
}
