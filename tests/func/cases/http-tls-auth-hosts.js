// tlsAuth with two hosts in the same VUs: the entry naming the host
// (localhost) goes there, the first one elsewhere (127.0.0.1), request
// after request on kept-alive connections.
import http from 'k6/http';
import { check } from 'k6';

const C = __ENV.TARGET_CLIENT;

export const options = {
  vus: 2,
  iterations: 6,
  insecureSkipTLSVerify: true,
  tlsAuth: [
    { cert: open(`${C}/client-a.pem`), key: open(`${C}/client-a-key.pem`) },
    { domains: ['localhost'], cert: open(`${C}/client-b.pem`), key: open(`${C}/client-b-key.pem`), password: 'lyocell' },
  ],
};

export default function () {
  const M = __ENV.TARGET_MTLS;
  check(http.get(`${M}/get`), { 'first entry for 127.0.0.1': (r) => r.headers['X-Client-Cert'] === 'client-a' });
  check(http.get(`${M.replace('127.0.0.1', 'localhost')}/get`), {
    'the localhost entry for localhost': (r) => r.headers['X-Client-Cert'] === 'client-b',
  });
}
