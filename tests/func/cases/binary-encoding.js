import encoding from 'k6/encoding';
import crypto from 'k6/crypto';
import { check } from 'k6';

const bin = open('./binary-bytes.bin', 'b');
const text = open('./binary-bytes.bin');
const ALL = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w==';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default function () {
  const u = new Uint8Array(bin);
  const dec = encoding.b64decode(ALL);
  const key = new Uint8Array([0, 1, 2, 255]);
  const h = crypto.createHash('sha1');
  h.update('ab');
  h.update(new Uint8Array([0, 200]).buffer);
  const digest = crypto.sha256('abc', 'binary');
  const r = crypto.randomBytes(16);
  check(null, {
    'open b is an ArrayBuffer': () => bin instanceof ArrayBuffer && bin.byteLength === 256,
    'open b keeps every byte': () => u[0] === 0 && u[1] === 1 && u[127] === 127 && u[255] === 255,
    'open text is still a string': () => typeof text === 'string',
    'b64encode of an ArrayBuffer': () => encoding.b64encode(bin) === ALL,
    'b64encode of a typed array view': () => encoding.b64encode(u.subarray(1, 4), 'rawstd') === 'AQID',
    'b64decode gives an ArrayBuffer': () => dec instanceof ArrayBuffer && dec.byteLength === 256 &&
      new Uint8Array(dec)[200] === 200,
    'b64decode "s" gives a string': () => encoding.b64decode('aGk=', 'std', 's') === 'hi',
    'sha256 of an ArrayBuffer': () => crypto.sha256(bin, 'hex') ===
      '40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880',
    'hmac with binary key and data': () => crypto.hmac('sha256', key.buffer, bin, 'hex') ===
      '4c1d9fbba174f7a9edff4d3679994acb3134171a5e46388e12ad195e29f0305b',
    'createHash update with bytes': () => h.digest('hex') === '6a04d511067fac6d3ffa21452c925d293071582a',
    'binary digest is an ArrayBuffer': () => digest instanceof ArrayBuffer && digest.byteLength === 32 &&
      new Uint8Array(digest)[0] === 0xba && new Uint8Array(digest)[31] === 0xad,
    'binary digest round trip': () => encoding.b64encode(crypto.md5('abc', 'binary')) ===
      encoding.b64encode(encoding.b64decode(crypto.md5('abc', 'base64'))),
    'randomBytes': () => r instanceof ArrayBuffer && r.byteLength === 16,
    'randomBytes differ': () => encoding.b64encode(r) !== encoding.b64encode(crypto.randomBytes(16)),
    'randomBytes(0) is refused, as in k6': () => { try { crypto.randomBytes(0); } catch (e) { return e.message === 'invalid size'; } return false; },
  });
}
