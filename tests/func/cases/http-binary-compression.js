import http from 'k6/http';
import crypto from 'k6/crypto';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };
const B = __ENV.TARGET;

export default function () {
  // 200 kB that compress to a few hundred bytes: data_sent shows which went out.
  const big = 'lyocell '.repeat(25000);
  let r = http.post(`${B}/inspect`, big, { compression: 'gzip' });
  let j = r.json();
  check(r, {
    'gzip: Content-Encoding': () => j.content_encoding === 'gzip',
    'gzip: the target inflates the original': () => j.decode_error === null &&
      j.decoded_length === 200000 && j.decoded_sha256 === crypto.sha256(big, 'hex'),
    'gzip: compressed on the wire': () => j.length < 2000,
  });

  // 3000 bytes sent as they are: data_sent counts bodies too.
  http.post(`${B}/inspect`, 'x'.repeat(3000));

  const bytes = new Uint8Array([0, 1, 2, 3, 255, 0]);
  r = http.put(`${B}/inspect`, bytes.buffer, { compression: 'deflate' });
  j = r.json();
  check(r, {
    'deflate of an ArrayBuffer': () => j.content_encoding === 'deflate' && j.decode_error === null &&
      j.decoded_base64 === 'AAECA/8A',
  });

  r = http.post(`${B}/inspect`, 'abc', { compression: 'gzip, deflate' });
  j = r.json();
  check(r, {
    'a list applies each in order': () => j.content_encoding === 'gzip, deflate' && j.decode_error === null &&
      j.decoded_base64 === 'YWJj',
  });

  r = http.post(`${B}/inspect`, { f: http.file('data', 'd.txt') }, { compression: 'gzip' });
  j = r.json();
  check(r, { 'multipart bodies compress too': () => j.parts.length === 1 && j.parts[0].data === 'data' });

  const err = (c) => {
    try { http.post(`${B}/inspect`, 'x', { compression: c }); } catch (e) { return String(e); }
    return '';
  };
  check(null, {
    'br is not supported yet': () => /not supported yet: compression br/.test(err('br')),
    'zstd is not supported yet': () => /not supported yet: compression zstd/.test(err('gzip,zstd')),
    // as k6: an error response, not a throw
    'an unknown algorithm is an error': () => http.post(`${B}/post`, 'x', { compression: 'lzma' }).error ===
      'unknown compression algorithm lzma, supported algorithms are [gzip deflate zstd br]',
  });
}
