// Digest auth costs two requests, as in k6: the 401 challenge (counted
// in http_reqs{status:401}, not as a failure) and the answer.
import http from 'k6/http';
import { check } from 'k6';

const B = __ENV.TARGET.replace('http://', '');

export const options = {
  iterations: 1,
  thresholds: {
    'http_reqs{status:401}': ['count>=0'],
    'http_reqs{status:200}': ['count>=0'],
    'http_req_duration{status:401}': ['max>=0'],
    'http_req_failed{status:401}': ['rate>=0'],
  },
};

export default function () {
  let r = http.get(`http://user:pass@${B}/digest-auth/auth/user/pass`, { auth: 'digest' });
  check(r, { 'digest ok': (r) => r.status === 200 && r.json('authenticated') === true });
  if (__ENV.WRONG === '1') {
    r = http.get(`http://user:wrong@${B}/digest-auth/auth/user/pass`, { auth: 'digest' });
    check(r, { 'wrong password': (r) => r.status === 401 });
  }
}
