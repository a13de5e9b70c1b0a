// Redirects: every hop is a request; redirects and maxRedirects cap them.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  maxRedirects: 2,
  thresholds: { 'http_reqs{status:302}': ['count>=0'] },
};
const B = __ENV.TARGET;

export default function () {
  let r = http.get(`${B}/redirect/2`);
  check(r, { 'followed': (r) => r.status === 200 && r.url === `${B}/get` });
  r = http.get(`${B}/redirect/3`);
  check(r, { 'maxRedirects stops': (r) => r.status === 302 });
  r = http.get(`${B}/redirect/3`, { redirects: 5 });
  check(r, { 'redirects param': (r) => r.status === 200 });
  r = http.get(`${B}/redirect/1`, { redirects: 0 });
  check(r, { 'redirects 0': (r) => r.status === 302 && r.headers['Location'] !== undefined });
  r = http.post(`${B}/redirect-to?url=/anything&status_code=303`, 'body');
  check(r, { '303 becomes GET': (r) => r.json('method') === 'GET' && r.json('data') === '' });
  r = http.post(`${B}/redirect-to?url=/anything&status_code=307`, 'body');
  check(r, { '307 keeps POST': (r) => r.json('method') === 'POST' && r.json('data') === 'body' });
}
