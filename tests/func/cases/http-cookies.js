// The VU cookie jar: stored from responses, sent back, reset per iteration.
import http from 'k6/http';
import { check } from 'k6';

export const options = { vus: 1, iterations: 2 };
const B = __ENV.TARGET;

export default function () {
  const jar = http.cookieJar();
  check(jar, { 'jar empty at start': (j) => Object.keys(j.cookiesForURL(B + '/')).length === 0 });
  let r = http.get(`${B}/cookies/set?k1=v1&k2=v2`);
  check(r, { 'cookies sent after redirect': (r) => r.json('cookies.k1') === 'v1' && r.json('cookies.k2') === 'v2' });
  check(jar, { 'cookiesForURL': (j) => j.cookiesForURL(B + '/').k1[0] === 'v1' });
  r = http.get(`${B}/cookies`, { cookies: { k1: 'mine', k3: { value: 'x' } } });
  check(r, { 'params.cookies added': (r) => r.json('cookies.k3') === 'x' });
  r = http.get(`${B}/cookies`, { cookies: { k1: { value: 'mine', replace: true } } });
  check(r, { 'params.cookies replace': (r) => r.json('cookies.k1') === 'mine' });
  check(jar, { 'jar.set returns true': (j) => j.set(B + '/', 'k4', 'v4') === true });
  // Go's jar drops a cookie for another domain; k6 does not throw
  check(jar, { 'jar.set other domain': (j) => j.set(B + '/', 'k5', 'v5', { domain: 'example.com' }) === true });
  r = http.get(`${B}/cookies`);
  check(r, { 'other domain dropped': (r) => r.json('cookies.k5') === undefined });
  check(r, { 'jar.set': (r) => r.json('cookies.k4') === 'v4' });
  jar.delete(B + '/', 'k4');
  r = http.get(`${B}/cookies`);
  check(r, { 'jar.delete': (r) => r.json('cookies.k4') === undefined && r.json('cookies.k1') === 'v1' });
  jar.clear(B + '/');
  r = http.get(`${B}/cookies`);
  check(r, { 'jar.clear': (r) => JSON.stringify(r.json('cookies')) === '{}' });
  const own = new http.CookieJar();
  own.set(B + '/', 'o', '1');
  r = http.get(`${B}/cookies`, { jar: own });
  check(r, { 'params.jar': (r) => r.json('cookies.o') === '1' });
  r = http.get(`${B}/response-headers?Set-Cookie=rc%3D5%3B%20Path%3D%2F%3B%20HttpOnly`);
  check(r, { 'res.cookies': (r) => r.cookies.rc[0].value === '5' && r.cookies.rc[0].httpOnly === true });
  r = http.get(`${B}/cookies/set?z=1`, { redirects: 0 });
  r = http.get(`${B}/cookies/delete?z`);
  check(r, { 'expired by server': (r) => r.json('cookies.z') === undefined });
}
