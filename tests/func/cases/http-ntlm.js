// auth: "ntlm" as k6's negotiator does it: a first request without
// credentials, then, if the server asks for NTLM, its negotiate and
// authenticate messages; each request counts.
import http from 'k6/http';
import { check } from 'k6';

const B = __ENV.TARGET.replace('http://', '');

export const options = {
  iterations: 1,
  thresholds: {
    'http_reqs{status:401}': ['count>=0'],
    'http_reqs{status:200}': ['count>=0'],
    'http_req_failed{status:401}': ['rate>=0'],
  },
};

export default function () {
  if (__ENV.MODE === 'noauth') {
    // a server that does not ask: one request, no credentials sent
    const r = http.get(`http://user:pass@${B}/headers`, { auth: 'ntlm' });
    check(r, {
      'status 200': (r) => r.status === 200,
      'no Authorization': (r) => r.json('headers.Authorization') === undefined,
    });
    return;
  }
  const r = http.get(`http://user:pass@${B}/ntlm-auth/user`, { auth: 'ntlm' });
  check(r, {
    'status 200': (r) => r.status === 200,
    'authenticated': (r) => r.json('authenticated') === true && r.json('user') === 'user',
    'timings of the last request': (r) => r.timings.duration > 0 && r.timings.sending > 0,
  });
}
