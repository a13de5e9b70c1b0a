// Basic auth from the URL's userinfo, digest auth with params.auth.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1 };
const B = __ENV.TARGET.replace('http://', '');

export default function () {
  let r = http.get(`http://user:pass@${B}/basic-auth/user/pass`);
  check(r, { 'basic': (r) => r.status === 200 });
  r = http.get(`http://user:wrong@${B}/basic-auth/user/pass`);
  check(r, { 'basic wrong': (r) => r.status === 401 });
  r = http.get(`http://user:pass@${B}/digest-auth/auth/user/pass`, { auth: 'digest' });
  check(r, { 'digest': (r) => r.status === 200 });
}
