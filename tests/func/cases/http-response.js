// The Response object: every field, caching, JSON, selectors, http.url.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1 };
const B = __ENV.TARGET;

export default function () {
  let r = http.get(`${B}/response-headers?Set-Cookie=a%3D1%3B%20Path%3D%2F&X-Two=x`,
    { cookies: { sent: 'yes' }, headers: { 'X-Req': 'r1' } });
  const h = r.headers;
  h['X-Mine'] = 'm';
  const keys = [];
  for (const k in r) keys.push(k);
  const j = JSON.parse(JSON.stringify(r));
  check(r, {
    'headers cached': (r) => r.headers === h && r.headers['X-Mine'] === 'm',
    'timings cached': (r) => r.timings === r.timings && r.timings.looking_up === 0,
    'response cookie': (r) => r.cookies.a[0].value === '1' && r.cookies.a[0].path === '/',
    'request cookie': (r) => r.request.cookies.sent[0].value === 'yes' &&
      r.request.cookies.sent[0].replace === false && r.request.headers.Cookie[0] === 'sent=yes',
    'request header': (r) => r.request.headers['X-Req'][0] === 'r1' && r.request.body === '',
    'request method url': (r) => r.request.method === 'GET' && r.request.url === r.url,
    'header value': (r) => r.headers['X-Two'] === 'x',
    'for-in shows fields': () => keys.indexOf('status') >= 0 && keys.indexOf('timings') >= 0 &&
      keys.indexOf('tls_version') >= 0 && keys.indexOf('json') >= 0,
    'JSON.stringify': () => j.status === 200 && j.headers['X-Two'] === 'x' &&
      j.timings.duration >= 0 && j.proto === 'HTTP/1.1' && j.error_code === 0 && j.request.method === 'GET',
    'instanceof': (r) => r instanceof http.Response,
    'empty tls fields': (r) => r.tls_version === '' && r.tls_cipher_suite === '',
  });
  r = http.get(`${B}/get`);
  r.url = 'u';
  r.timings = 5;
  check(r, { 'fields assignable': (r) => r.url === 'u' && r.timings === 5 });
  r = http.get(`${B}/status/404`);
  check(r, { '404 text': (r) => r.status === 404 && r.status_text === '404 Not Found' });
  r = http.post(`${B}/post`, JSON.stringify({ 'a.b': 1, l: [{ n: 1 }, { n: 2 }, { m: 3 }] }),
    { headers: { 'Content-Type': 'application/json' } });
  check(r, {
    'escaped dot': (r) => r.json('json.a\\.b') === 1,
    'map over array': (r) => JSON.stringify(r.json('json.l.#.n')) === '[1,2]',
    'array index': (r) => r.json('json.l.1.n') === 2,
    'not own': (r) => r.json('json.toString') === undefined && r.json('json.l.length') === undefined,
    'json cached': (r) => r.json() === r.json(),
    'request body': (r) => r.request.body.indexOf('"a.b"') > 0,
  });
  r = http.get(`${B}/json`, { responseType: 'binary' });
  check(r, { 'json() of a binary body': (r) => r.json('slideshow.author') === 'Yours Truly' &&
    r.json().slideshow.slides.length === 2 });
  r = http.get(`${B}/html`);
  let msg = '';
  try { r.json(); } catch (e) { msg = e.name + ': ' + e.message; }
  check(msg, { 'json error': (m) => m === 'GoError: cannot parse json due to an error at line 1, character 1 , ' +
    'error: invalid character \'<\' looking for beginning of value' });
  // Where k6 says the error is (its line and character) and Go's words.
  const jsonError = (body) => {
    const x = http.get(`${B}/html`);
    x.body = body;
    try { x.json(); } catch (e) { return e.message.replace('cannot parse json due to an error at ', ''); }
    return 'parsed';
  };
  check(null, {
    'json error: a literal on line 2': () => jsonError('{"a": 1,\n "b": tru}') ===
      'line 2, character 10 , error: invalid character \'}\' in literal true (expecting \'e\')',
    'json error: the end': () => jsonError('[1, 2') === 'line 1, character 5 , error: unexpected end of JSON input' &&
      jsonError('') === 'line 1, character 0 , error: unexpected end of JSON input',
    'json error: after the value': () => jsonError('{"a":1} x') ===
      'line 1, character 9 , error: invalid character \'x\' after top-level value',
    'json error: characters, not bytes': () => jsonError('{"\u00e9t\u00e9": 1 x}') ===
      'line 1, character 11 , error: invalid character \'x\' after object key:value pair',
  });
  check(r, { 'html() parses the body': (x) => x.html('h1').text() === 'Herman Melville - Moby-Dick' });
  r = http.get('http://127.0.0.1:1/');
  check(r, {
    'failed request': (r) => r.status === 0 && r.body === null && r.error_code === 1212 &&
      r.error.indexOf('connection refused') >= 0 && r.status_text === '',
  });
  const u = http.url`${B}/get?a=${1}&b=${'x y'}`;
  check(u, {
    'url object': (u) => u.url === `${B}/get?a=1&b=x y` && u.name === '${}/get?a=${}&b=${}' &&
      String(u) === u.url && `${u}` === u.url,
  });
}
