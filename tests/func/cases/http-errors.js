// Transport errors give status 0 and k6's error codes; bad input throws.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  thresholds: {
    'http_reqs{error_code:1212}': ['count>=0'],
    'http_reqs{error_code:1050}': ['count>=0'],
    'http_reqs{error_code:1404}': ['count>=0'],
    'http_reqs{error_code:1101}': ['count>=0'],
    'http_reqs{status:0}': ['count>=0'],
    'http_reqs{error_code:1000}': ['count>=0'],
    'http_reqs{error_code:1020}': ['count>=0'],
  },
};
const B = __ENV.TARGET;

function throws(f, re) {
  try { f(); } catch (e) { return re.test(String(e.message || e)); }
  return false;
}

export default function () {
  let r = http.get('http://127.0.0.1:1/');
  check(r, {
    'refused status 0': (r) => r.status === 0,
    'refused code': (r) => r.error_code === 1212,
    'refused message': (r) => r.error.indexOf('connection refused') >= 0,
    'refused body null': (r) => r.body === null,
  });
  r = http.get(`${B}/delay/3000`, { timeout: '200ms' });
  check(r, { 'timeout code': (r) => r.status === 0 && r.error_code === 1050 });
  r = http.get(`${B}/delay/3000`, { timeout: 100 });
  check(r, { 'timeout ms': (r) => r.error_code === 1050 });
  r = http.get(`${B}/status/404`);
  check(r, { '404 code': (r) => r.status === 404 && r.error_code === 1404 && r.error === '' });
  r = http.get('http://lyocell-no-such-host.invalid/');
  check(r, { 'dns code': (r) => r.status === 0 && r.error_code === 1101 });
  r = http.get(`${B}/truncated`);
  check(r, { 'truncated': (r) => r.status === 0 && r.error_code > 0 && r.error !== '' });
  r = http.get(`${B}/close`);
  check(r, { 'closed': (r) => r.status === 0 && r.error_code > 0 });
  // k6 answers a URL it cannot use with an error response, not a throw
  r = http.get('127.0.0.1:1/');
  check(r, { 'no scheme': (r) => r.status === 0 && r.error_code === 1020 &&
    r.error === 'invalid URL: parse "127.0.0.1:1/": first path segment in URL cannot contain colon' });
  r = http.get();
  check(r, { 'no url': (r) => r.error_code === 1020 && r.error === "invalid URL: '#<nil>'" });
  r = http.get('ftp://127.0.0.1/');
  check(r, { 'bad scheme': (r) => r.status === 0 && r.error_code === 1000 &&
    r.error === 'unsupported protocol scheme "ftp"' && r.url === 'ftp://127.0.0.1/' });
  r = http.get('foo bar');
  check(r, { 'relative': (r) => r.error_code === 1000 && r.error === 'unsupported protocol scheme ""' });
  r = http.get('http:///x');
  check(r, { 'no host': (r) => r.error_code === 1000 && r.error === 'http: no Host in request URL' });
  check(null, {
    'throw option': () => throws(() => http.get('http://127.0.0.1:1/', { throw: true }), /connection refused/),
    // only the global throw option throws for a URL Go cannot parse
    'bad url, params.throw': () => http.get('http://h:x/', { throw: true }).error_code === 1020,
    'bad scheme throws': () => throws(() => http.get('ftp://127.0.0.1/', { throw: true }),
      /unsupported protocol scheme "ftp"/),
    // Go's transport refuses a method that is no token: a failed request
    'bad method': () => {
      const x = http.request('GE T', `${B}/get`);
      return x.status === 0 && x.error_code === 1000 && x.error === 'net/http: invalid method "GE T"';
    },
    // a params value k6 cannot use: an error response, as for a bad URL
    'bad timeout': () => {
      const x = http.get(`${B}/get`, { timeout: 'soon' });
      const y = http.get(`${B}/get`, { timeout: '5x', throw: true });
      return x.status === 0 && x.error_code === 0 && x.error === 'invalid timeout value: time: invalid duration "soon"' &&
        y.error === 'invalid timeout value: time: unknown unit "x" in duration "5x"' &&
        http.get(`${B}/get`, { timeout: null }).error === 'invalid timeout value: unable to use type <nil> as a duration value';
    },
    // k6 reads params as an object: a number has no keys
    'params that are no object': () => http.get(`${B}/get`, 5).status === 200,
    'bad responseType': () => http.get(`${B}/get`, { responseType: 'x' }).error === 'x does not belong to ResponseType values',
    'bad compression and response callback': () =>
      http.post(`${B}/post`, 'a', { compression: 'gzip, lz' }).error ===
        'unknown compression algorithm lz, supported algorithms are [gzip deflate zstd br]' &&
      http.get(`${B}/get`, { responseCallback: () => true }).error === 'unsupported responseCallback',
    // k6 knows digest and ntlm, and takes a jar only if it is one
    'other auth': () => http.get(`${B}/get`, { auth: 'x' }).status === 200,
    'other jar': () => http.get(`${B}/get`, { jar: {} }).status === 200,
    // and a header name that is no token or a value with a control
    'header injection': () => http.get(`${B}/get`, { headers: { 'x-a': 'a\r\nX-B: b' } }).error ===
      'net/http: invalid header field value for "X-A"',
    'bad header name': () => http.get(`${B}/get`, { headers: { 'X A': 'a' } }).error ===
      'net/http: invalid header field name "X A"',
    'bad batch': () => throws(() => http.batch(5), /http.batch/),
    'bad expectedStatuses': () => throws(() => http.expectedStatuses(1.5), /expectedStatuses/),
  });
}
