import encoding from 'k6/encoding';
import crypto from 'k6/crypto';
import { check } from 'k6';
export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };
function thrown(f) {
  try { f(); } catch (e) { return e.name + ': ' + e.message; }
  return 'no error';
}
export default function () {
  // k6's errors: GoErrors in its words.
  check(null, {
    'crypto errors as k6': () => thrown(() => crypto.hmac('nope', 'k', 'x', 'hex')) === 'GoError: invalid algorithm: nope' &&
      thrown(() => crypto.sha256('x', 'nope')) === 'GoError: invalid output encoding: nope' &&
      thrown(() => crypto.randomBytes(0)) === 'GoError: invalid size' &&
      crypto.randomBytes(2.7).byteLength === 2,
    // Go's base64 decoder: the offset of the first bad byte; padding
    // required but for the raw variants; CR and LF skipped.
    'b64decode errors as Go': () => thrown(() => encoding.b64decode('dGVzdA')) ===
        'GoError: illegal base64 data at input byte 4' &&
      thrown(() => encoding.b64decode('ab!c', 'std', 's')) === 'GoError: illegal base64 data at input byte 2' &&
      thrown(() => encoding.b64decode('YQ==', 'rawstd')) === 'GoError: illegal base64 data at input byte 2' &&
      thrown(() => encoding.b64decode('YQ=', 'std')) === 'GoError: illegal base64 data at input byte 3' &&
      thrown(() => encoding.b64decode('YQ=x', 'url')) === 'GoError: illegal base64 data at input byte 2' &&
      thrown(() => encoding.b64decode('YQ==YQ==')) === 'GoError: illegal base64 data at input byte 4' &&
      thrown(() => encoding.b64decode('A===')) === 'GoError: illegal base64 data at input byte 1' &&
      thrown(() => encoding.b64decode('a+/b', 'rawurl')) === 'GoError: illegal base64 data at input byte 1' &&
      thrown(() => encoding.b64decode('Y', 'rawstd')) === 'GoError: illegal base64 data at input byte 0' &&
      encoding.b64decode('YWJj\r\nZA=\n=\n', 'std', 's') === 'abcd' &&
      encoding.b64decode('YQ', 'rawstd', 's') === 'a' && encoding.b64decode(null, 'std', 's') === '',
    // What k6's ToBytes refuses, named by the Go type it is exported as.
    'b64encode of other types': () => thrown(() => encoding.b64encode(12)) ===
        'GoError: invalid type int64, expected string, []byte or ArrayBuffer' &&
      thrown(() => encoding.b64encode(1.5)) === 'GoError: invalid type float64, expected string, []byte or ArrayBuffer' &&
      thrown(() => encoding.b64encode()) === 'GoError: invalid type <nil>, expected string, []byte or ArrayBuffer' &&
      thrown(() => encoding.b64encode({})) ===
        'GoError: invalid type map[string]interface {}, expected string, []byte or ArrayBuffer' &&
      thrown(() => encoding.b64encode(new Int16Array(1))) ===
        'GoError: invalid type []int16, expected string, []byte or ArrayBuffer' &&
      encoding.b64encode(new Uint8Array([104, 105])) === 'aGk=' &&
      encoding.b64encode(new Uint8Array([104, 105]).buffer) === 'aGk=',
  });
  check(null, {
    'b64 std': () => encoding.b64encode('hello, world') === 'aGVsbG8sIHdvcmxk',
    'b64 rawurl': () => encoding.b64encode('\xff\xfe?', 'rawurl') === 'w7_Dvj8',
    'b64 round trip': () => encoding.b64decode('aGVsbG8sIHdvcmxk', 'std', 's') === 'hello, world',
    // k6 takes any other variant name, null included, as "std".
    'b64 other variants are std': () => encoding.b64decode('aGVsbG8gd29ybGQ=', null, 's') === 'hello world' &&
        encoding.b64encode('\xff\xfe?', 'nope') === 'w7/Dvj8=',
    'md5 hex': () => crypto.md5('abc', 'hex') === '900150983cd24fb0d6963f7d28e17f72',
    'sha256 hex': () => crypto.sha256('abc', 'hex') ===
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    'sha1 base64': () => crypto.sha1('abc', 'base64') === 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
    'hmac sha256': () => crypto.hmac('sha256', 'key', 'The quick brown fox jumps over the lazy dog', 'hex') ===
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    'md4 hex (RFC 1320)': () => crypto.md4('abc', 'hex') === 'a448017aaf21d8525fc10ae87aa6729d',
    'hmac md4': () => crypto.hmac('md4', 'key', 'abc', 'hex') === '32c43d6d6eda7f1e464711473b956b68',
    'createHash md4': () => crypto.createHash('md4').update('a').update('bc').digest('hex') ===
      'a448017aaf21d8525fc10ae87aa6729d',
    'createHash': () => crypto.createHash('sha256').update('a').update('bc').digest('hex') ===
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  });
}
