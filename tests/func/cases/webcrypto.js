// WebCrypto's known answers (webcrypto-vectors.js) and k6's errors.
import { check } from 'k6';
import { vectors } from './webcrypto-vectors.js';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

async function rejects(p) {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e.name + ': ' + e.message;
  }
}

export default async function () {
  const results = await vectors(crypto);
  for (const [name, ok, got] of results) {
    if (!ok)
      console.error(name + ': got ' + got);
    check(null, { [name]: () => ok });
  }
  const s = crypto.subtle;
  const aes = await s.generateKey({ name: 'AES-CBC', length: 128 }, false, ['encrypt']);
  const errors = {
    'digest MD5': [s.digest('MD5', new Uint8Array(1)),
      'NotSupportedError: algorithm "MD5" doesn\'t support (in implementation) operation "digest"'],
    'digest of a string': [s.digest('SHA-256', 'abc'),
      'TypeError: data must be an ArrayBuffer, TypedArray, or DataView'],
    'export not extractable': [s.exportKey('raw', aes), 'InvalidAccessError: the key is not extractable'],
    'wrong usage': [s.decrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, aes, new Uint8Array(16)),
      "InvalidAccessError: decrypt's key does not contain the 'decrypt' usage"],
    'wrong algorithm': [s.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, aes, new Uint8Array(16)),
      "InvalidAccessError: encrypt's algorithm name does not match key algorithm name"],
    'bad iv': [s.encrypt({ name: 'AES-CBC', iv: new Uint8Array(8) }, aes, new Uint8Array(16)),
      'OperationError: iv length is not 16 bytes'],
    'AES key length': [s.importKey('raw', new Uint8Array(5), 'AES-GCM', true, ['encrypt']),
      'DataError: invalid key length 5 bytes'],
    'empty usages': [s.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, []),
      'SyntaxError: usages cannot not be empty for a secret or private CryptoKey'],
    'bad usage': [s.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['encrypt']),
      'SyntaxError: invalid key usage: encrypt'],
    'bad format': [s.importKey('pem', new Uint8Array(16), 'AES-CBC', true, ['encrypt']),
      'ImplementationError: unsupported format pem'],
    'bad spki': [s.importKey('spki', new Uint8Array(16), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']),
      'DataError'],
    'unknown curve': [s.generateKey({ name: 'ECDSA', namedCurve: 'P-192' }, true, ['sign']),
      'NotSupportedError: elliptic curve P-192 is not supported'],
    'AES without length': [s.generateKey({ name: 'AES-CBC' }, true, ['encrypt']),
      'SyntaxError: could not get length from algorithm parameter'],
    'deriveBits length 0': [s.importKey('raw', new Uint8Array(4), 'PBKDF2', false, ['deriveBits'])
      .then((k) => s.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(4), iterations: 2 }, k, 0)),
      'OperationError: length can not be 0'],
  };
  for (const name of Object.keys(errors)) {
    const got = await rejects(errors[name][0]);
    if (got.indexOf(errors[name][1]) !== 0)
      console.error(name + ': got ' + got);
    check(null, { [name]: () => got.indexOf(errors[name][1]) === 0 });
  }
  let q = '';
  try { crypto.getRandomValues(new Uint8Array(65537)); } catch (e) { q = e.name; }
  let t = '';
  try { crypto.getRandomValues(new Float32Array(4)); } catch (e) { t = e.name; }
  check(null, {
    'getRandomValues quota': () => q === 'QuotaExceededError',
    'getRandomValues float': () => t === 'TypeMismatchError',
    'CryptoKey': () => aes instanceof crypto.CryptoKey &&
      JSON.stringify(aes) === '{"type":"secret","extractable":false,"algorithm":{"name":"AES-CBC","length":128},"usages":["encrypt"]}',
  });
}
