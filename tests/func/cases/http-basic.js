// k6/http requests and responses against the local target.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  userAgent: 'lyocell-func/1.0',
  thresholds: {
    'http_reqs{name:tmpl}': ['count>=0'],
    'http_reqs{name:${}/get?id=${}}': ['count>=0'],
    'http_reqs{mytag:yes}': ['count>=0'],
    'http_reqs{method:PATCH}': ['count>=0'],
  },
};
const B = __ENV.TARGET;

export default function () {
  let r = http.get(`${B}/get?page=home`);
  check(r, {
    'get status': (r) => r.status === 200,
    'get status_text': (r) => r.status_text === '200 OK',
    'get proto': (r) => r.proto === 'HTTP/1.1',
    'get url': (r) => r.url === `${B}/get?page=home`,
    'get body': (r) => r.body.indexOf('home') >= 0,
    'get json selector': (r) => r.json('args.page') === 'home',
    'get json whole': (r) => r.json().args.page === 'home',
    'get json missing': (r) => r.json('args.nope') === undefined,
    'header canonical': (r) => r.headers['Content-Type'] === 'application/json',
    'timings': (r) => r.timings.duration >= 0 && r.timings.waiting >= 0 &&
      r.timings.blocked >= 0 && Math.abs(r.timings.duration - (r.timings.sending + r.timings.waiting + r.timings.receiving)) < 1e-9,
    'no error': (r) => r.error === '' && r.error_code === 0,
    'remote': (r) => r.remote_ip === '127.0.0.1' && r.remote_port > 0,
    'user agent option': (r) => r.json('headers.User-Agent') === 'lyocell-func/1.0',
    'no accept-encoding added': (r) => r.json('headers.Accept-Encoding') === undefined,
  });
  r = http.post(`${B}/post`, { b: 'x y', a: ['1', '2'], c: null });
  check(r, {
    'form body': (r) => r.json('data') === 'a=1&a=2&b=x+y&c=',
    'form content type': (r) => r.json('headers.Content-Type') === 'application/x-www-form-urlencoded',
  });
  r = http.post(`${B}/post`, JSON.stringify({ q: [1, 2, 3] }),
    { headers: { 'Content-Type': 'application/json', 'X-Custom': 'v' } });
  check(r, {
    'json body': (r) => r.json('json.q.1') === 2,
    'json length': (r) => r.json('json.q.#') === 3,
    'custom header': (r) => r.json('headers.X-Custom') === 'v',
    'request object': (r) => r.request.method === 'POST' && r.request.headers['X-Custom'][0] === 'v',
  });
  r = http.put(`${B}/put`, 'p');
  check(r, { 'put': (r) => r.json('method') === 'PUT' && r.json('data') === 'p' });
  r = http.patch(`${B}/patch`, 'q');
  check(r, { 'patch': (r) => r.json('method') === 'PATCH' });
  r = http.del(`${B}/delete`);
  check(r, { 'del': (r) => r.json('method') === 'DELETE' });
  r = http.head(`${B}/get`);
  check(r, { 'head': (r) => r.status === 200 && r.body === '' });
  r = http.options(`${B}/anything`);
  check(r, { 'options': (r) => r.status === 200 && r.json('method') === 'OPTIONS' });
  r = http.request('post', `${B}/anything`, 'z', { tags: { mytag: 'yes' } });
  check(r, { 'request': (r) => r.json('method') === 'POST' && r.json('data') === 'z' });
  r = http.request('PATCH', `${B}/anything`);
  r = http.get(http.url`${B}/get?id=${42}`);
  check(r, { 'http.url': (r) => r.json('args.id') === '42' });
  r = http.get(`${B}/get?id=7`, { tags: { name: 'tmpl' } });
  r = http.get(`${B}/gzip`);
  check(r, { 'gzip decoded': (r) => r.json('gzipped') === true });
  r = http.get(`${B}/deflate`);
  check(r, { 'deflate decoded': (r) => r.json('deflated') === true });
  r = http.get(`${B}/brotli`);
  check(r, { 'brotli decoded': (r) => r.json('brotli') === true });
  r = http.get(`${B}/zstd`);
  check(r, { 'zstd decoded': (r) => r.json('zstd') === true });
  r = http.get(`${B}/get`, { responseType: 'none' });
  check(r, { 'responseType none': (r) => r.status === 200 && r.body === null });
  r = http.get(`${B}/json`);
  check(r, { 'json() throws on nothing': (r) => typeof r.json() === 'object' });
}
