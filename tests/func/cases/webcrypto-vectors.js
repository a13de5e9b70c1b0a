// Known answers for WebCrypto, shared by the k6 script webcrypto.js and
// by tests/func/webcrypto-node.sh, which runs them under node's
// WebCrypto when node is installed: each vector is checked against the
// RFC or NIST value, and the same code must pass on both.  Values marked
// "node" were made once by node 20's crypto.webcrypto.
const hex = (s) => new Uint8Array(s.match(/../g).map((h) => parseInt(h, 16)));
const str = (s) => new Uint8Array(s.split('').map((c) => c.charCodeAt(0)));
const tohex = (b) => Array.from(new Uint8Array(b)).map((x) => (x < 16 ? '0' : '') + x.toString(16)).join('');

export async function vectors(crypto) {
  const s = crypto.subtle;
  const out = [];
  const eq = (name, buf, want) => out.push([name, tohex(buf) === want, tohex(buf)]);
  const ok = (name, v) => out.push([name, v === true, String(v)]);

  // FIPS 180 digests of "abc", from an ArrayBuffer, a typed array and a DataView.
  eq('SHA-1 abc', await s.digest('SHA-1', str('abc')), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  eq('SHA-256 abc', await s.digest({ name: 'sha-256' }, str('abc').buffer),
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  eq('SHA-384 abc', await s.digest('SHA-384', new DataView(str('xabc').buffer, 1)),
    'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7');
  eq('SHA-512 empty', await s.digest('SHA-512', new Uint8Array(0)),
    'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e');

  // RFC 4231 test cases 1 and 2 (HMAC-SHA-256, -512), sign and verify.
  let k = await s.importKey('raw', hex('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b'),
    { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  eq('RFC 4231 1 HMAC-SHA-256', await s.sign('HMAC', k, str('Hi There')),
    'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
  k = await s.importKey('raw', str('Jefe'), { name: 'HMAC', hash: { name: 'SHA-512' } }, false, ['sign', 'verify']);
  const mac = await s.sign('HMAC', k, str('what do ya want for nothing?'));
  eq('RFC 4231 2 HMAC-SHA-512', mac,
    '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737');
  ok('HMAC verify', await s.verify('HMAC', k, mac, str('what do ya want for nothing?')));
  ok('HMAC verify wrong data', !(await s.verify('HMAC', k, mac, str('what do ya want for something?'))));

  // RFC 6070 PBKDF2-HMAC-SHA1, 1 and 4096 iterations.
  k = await s.importKey('raw', str('password'), 'PBKDF2', false, ['deriveBits']);
  eq('RFC 6070 c=1', await s.deriveBits({ name: 'PBKDF2', hash: 'SHA-1', salt: str('salt'), iterations: 1 }, k, 160),
    '0c60c80f961f0e71f3a9b524af6012062fe037a6');
  eq('RFC 6070 c=4096', await s.deriveBits({ name: 'PBKDF2', hash: 'SHA-1', salt: str('salt'), iterations: 4096 }, k, 160),
    '4b007901b765489abead49d926f721d065a429c1');

  // RFC 5869 test case 1 (HKDF-SHA-256).
  k = await s.importKey('raw', hex('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b'), 'HKDF', false, ['deriveBits']);
  eq('RFC 5869 1', await s.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: hex('000102030405060708090a0b0c'),
    info: hex('f0f1f2f3f4f5f6f7f8f9') }, k, 336),
    '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');

  // NIST SP 800-38A F.2.1 (CBC-AES128, first block; WebCrypto adds a padding block).
  const key128 = hex('2b7e151628aed2a6abf7158809cf4f3c');
  k = await s.importKey('raw', key128, 'AES-CBC', true, ['encrypt', 'decrypt']);
  let ct = await s.encrypt({ name: 'AES-CBC', iv: hex('000102030405060708090a0b0c0d0e0f') }, k,
    hex('6bc1bee22e409f96e93d7e117393172a'));
  eq('SP 800-38A F.2.1 CBC', ct.slice(0, 16), '7649abac8119b246cee98e9b12e9197d');
  eq('CBC round trip', await s.decrypt({ name: 'AES-CBC', iv: hex('000102030405060708090a0b0c0d0e0f') }, k, ct),
    '6bc1bee22e409f96e93d7e117393172a');

  // NIST SP 800-38A F.5.1 (CTR-AES128), two blocks.
  k = await s.importKey('raw', key128, 'AES-CTR', false, ['encrypt', 'decrypt']);
  const ctr = { name: 'AES-CTR', counter: hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), length: 64 };
  ct = await s.encrypt(ctr, k, hex('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51'));
  eq('SP 800-38A F.5.1 CTR', ct, '874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff');
  eq('CTR round trip', await s.decrypt(ctr, k, ct), '6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51');
  // The counter's low 8 bits wrap without carrying (WebCrypto's rule).
  const wrap = { name: 'AES-CTR', counter: hex('000000000000000000000000000000ff'), length: 8 };
  const z = new Uint8Array(32);
  const a = await s.encrypt(wrap, k, z);
  const b = await s.encrypt({ name: 'AES-CTR', counter: hex('00000000000000000000000000000000'), length: 8 }, k, z.slice(16));
  ok('CTR counter wraps', tohex(a.slice(16)) === tohex(b));

  // The GCM specification's test case 4 (AES-128, additional data, 128-bit tag).
  k = await s.importKey('raw', hex('feffe9928665731c6d6a8f9467308308'), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  const gcm = { name: 'AES-GCM', iv: hex('cafebabefacedbaddecaf888'), additionalData: hex('feedfacedeadbeeffeedfacedeadbeefabaddad2') };
  const gpt = 'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39';
  ct = await s.encrypt(gcm, k, hex(gpt));
  eq('GCM test case 4', ct, '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091' +
    '5bc94fbc3221a5db94fae95ae7121a47');
  eq('GCM decrypt', await s.decrypt(gcm, k, ct), gpt);
  let threw = '';
  try { await s.decrypt(gcm, k, ct.slice(1)); } catch (e) { threw = e.name; }
  ok('GCM bad tag rejects', threw === 'OperationError');

  // ECDSA and RSA: a key and signature made by node verify here.
  const msg = str('lyocell');
  k = await s.importKey('spki', hex('3059301306072a8648ce3d020106082a8648ce3d03010703420004f0f678370a4b714816fa852f06e4ca559f09de54cab0026c9cb886bc5c6e13e0c50fb4758e250d4cdfd5a8496b15d9669a5a45053418b6b7ca9124a90213fb40'), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  ok('ECDSA P-256 node signature', await s.verify({ name: 'ECDSA', hash: 'SHA-256' }, k, hex('be10036fe976031de89d1bc744a8ee88c49609f5d0f6a1a255ce31f2d6f4146fd528f1d6449ae178310000133748e592e9eba0842fb7fb5d03ff0d8c3f515f06'), msg));
  ok('ECDSA wrong data', !(await s.verify({ name: 'ECDSA', hash: 'SHA-256' }, k, hex('be10036fe976031de89d1bc744a8ee88c49609f5d0f6a1a255ce31f2d6f4146fd528f1d6449ae178310000133748e592e9eba0842fb7fb5d03ff0d8c3f515f06'), str('Lyocell'))));
  k = await s.importKey('spki', hex('30819f300d06092a864886f70d010101050003818d0030818902818100d76227f19eeb138d001f59f6d9f8294ce20b087cad1bba59fe2280a8070f6af926f7aecbbff654f906245bc1a40dff632741a239edf7eeda14d3f448cc81edaa16babf89dcd2fe1838e8c0a298bfd300a4d9130e2786e2e383a9cb70ed28307fa52336d59c6c9fa7886e610cc38fe05628c3f41b66db1b2d07c4c3120e90b44f0203010001'), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
  ok('RSASSA-PKCS1-v1_5 node signature', await s.verify('RSASSA-PKCS1-v1_5', k, hex('0402ef20ca2dd3559c03fa44ecd27be5ad90274f37c291c367bb14fc62791c728a773e49a02cbdb63213046bf78097ae894046d8eb600d76753475f27aa0e6cf4ad42737b0fa8bbace5c5a62b0c3bd38db892464c1353bc7e229e12979b32d0208a211836c77cd39b585b21dd861db97eb6b1c70908fa6a6a682b4134374a9be'), msg));
  k = await s.importKey('spki', hex('30819f300d06092a864886f70d010101050003818d0030818902818100d76227f19eeb138d001f59f6d9f8294ce20b087cad1bba59fe2280a8070f6af926f7aecbbff654f906245bc1a40dff632741a239edf7eeda14d3f448cc81edaa16babf89dcd2fe1838e8c0a298bfd300a4d9130e2786e2e383a9cb70ed28307fa52336d59c6c9fa7886e610cc38fe05628c3f41b66db1b2d07c4c3120e90b44f0203010001'), { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
  ok('RSA-PSS node signature', await s.verify({ name: 'RSA-PSS', saltLength: 32 }, k, hex('a180e4d732f4de3032a8e1ab5f5b0ab679dc4bcbe9fbec6a64f4196139ab558b85b476b488dd7ecc5bbb43aeaa27a707c2412b11621f3f2cc4de5c3d070691799b3bc209608e71328d416c0b0a57cc1d2ba71c325f76417f62c787ad855f1ee92760564a7bc9592be7589a3867efc8f4f99a56562fe74719de78ef86ef4ea2e4'), msg));
  const rsaPriv = hex('30820277020100300d06092a864886f70d0101010500048202613082025d02010002818100d76227f19eeb138d001f59f6d9f8294ce20b087cad1bba59fe2280a8070f6af926f7aecbbff654f906245bc1a40dff632741a239edf7eeda14d3f448cc81edaa16babf89dcd2fe1838e8c0a298bfd300a4d9130e2786e2e383a9cb70ed28307fa52336d59c6c9fa7886e610cc38fe05628c3f41b66db1b2d07c4c3120e90b44f02030100010281810097307bc18c408fb4c6853b6da08c26d1a54b0166234df77dfc7ad3bd1f579f4bce22c73c973f9f5e3f057eb36b29b8402dea50aa41756ce10105d7d0d25dd229ecf0a6e3cb789842e6185bf035acf2751f4355039811df70d1f8b850461dc5dd2c41eebe2dbc8184ce8acc5757e80b96b84d1d37756155736852f55d8a5ac4e1024100fad6cb558d6400224a0019ce6abb9538a253ffe47df9dfa41ffcdf422c89002f1b5611dd821ac2e3ec4af62bc2e0143b0c892373eca9b9de5885cc519dd7ab3b024100dbd09ca29cc7fc17ffa11f55e555af9fccf65959e431e8db152e91731e4c5d04335a458889d274d46ff4e159ef20b83c4c8855a03a8cd93bffdaca0d91afc1fd0240799df0e21ef670362fc8d2ba48f78007007557a95206f78e9ccfbef357a2690b6de6922ce2aad4f92b14c13c4074e27a2abec708aaa333f200db864fc006d40702405ca39a9fddbb5abf3278d11ffe3b127d2280603fc6305296a262b1e1f64ef094a89fced6305f85e55219be2f8cdc19493067f4ce465ebddecf8181ce1e2c1871024100f55631f541471f40d4284b952f0e0c90329efa72c7f8350ab313eaee325b47e90ef4582e01e2863f4cf842353c8d75f841428fc1ee12dfa377488644120216c3');
  k = await s.importKey('pkcs8', rsaPriv, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
  eq('RSASSA-PKCS1-v1_5 deterministic signature', await s.sign('RSASSA-PKCS1-v1_5', k, msg), '0402ef20ca2dd3559c03fa44ecd27be5ad90274f37c291c367bb14fc62791c728a773e49a02cbdb63213046bf78097ae894046d8eb600d76753475f27aa0e6cf4ad42737b0fa8bbace5c5a62b0c3bd38db892464c1353bc7e229e12979b32d0208a211836c77cd39b585b21dd861db97eb6b1c70908fa6a6a682b4134374a9be');
  ok('RSA modulusLength', k.algorithm.modulusLength === 1024 && tohex(k.algorithm.publicExponent) === '010001');
  k = await s.importKey('pkcs8', rsaPriv, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
  eq('RSA-OAEP node ciphertext', await s.decrypt({ name: 'RSA-OAEP', label: str('l') }, k, hex('0282e31fa60417ff74459ba8367742a7b0c65f5ec8d41c4400a66f3479daea21e41ed46649bdd04d983768d8d4dc418302c57eb1d42f1ae6ab087eae6fc6307916a579a405258c6a975649f4aae93bc7e3431ce1e808e29d05b7dfc78e005283731bf0ef7c269b2a001274b1686472726c488a2dfdf4226ffec893d93f4f78f0')), tohex(msg));

  // ECDH P-384 with node's keys; HKDF into an AES key.
  const priv = await s.importKey('pkcs8', hex('3081b6020100301006072a8648ce3d020106052b8104002204819e30819b020101043087d378609ee80b766d554f4ac9365c266c96882af7474d9449836d1fa9b671a0d113c051d266bb06ab15656d16f8935ba1640362000404004107f29751502b471ba2115166bdbfe151f15d2b402a70a29ad720445d50d0b29fdad587a03749c2855ca6aafa441501b842c4bae6d20bfbcdd9a9559415b3005ec9b782bd7015dfbebeb01b5de1b05eba690115875485046fcf8fd97685'), { name: 'ECDH', namedCurve: 'P-384' }, false, ['deriveBits']);
  const peer = await s.importKey('raw', hex('04bb2f3f10798a356e4e17a2e3896401219199c2a3a18eed625d1ec94ce2202fd6bc4cd2967485a35012ee337c7db2dae8ecf96cf86ea004c532dec096f257d4ba3d6604300434f851c7e5b2f04e914e963d293c607c3ebc80e35fa77a09d8fec8'), { name: 'ECDH', namedCurve: 'P-384' }, true, []);
  eq('ECDH P-384 node secret', await s.deriveBits({ name: 'ECDH', public: peer }, priv, 384), '6c509f07f9a015562814e93e455ba692bf86d33162a209fdd22501f188a37f5cd596683743fa07fcc031285780d9b4a5');
  eq('ECDH raw export', await s.exportKey('raw', peer), '04bb2f3f10798a356e4e17a2e3896401219199c2a3a18eed625d1ec94ce2202fd6bc4cd2967485a35012ee337c7db2dae8ecf96cf86ea004c532dec096f257d4ba3d6604300434f851c7e5b2f04e914e963d293c607c3ebc80e35fa77a09d8fec8');
  k = await s.importKey('raw', str('ikm'), 'HKDF', false, ['deriveKey']);
  k = await s.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: str('s'), info: str('i') }, k, { name: 'AES-GCM', length: 128 }, true, ['encrypt']);
  eq('HKDF deriveKey AES', await s.exportKey('raw', k), 'b069c08f611a5338fa31e7c0985e3acc');

  // Round trips through every format.
  const pair = await s.generateKey({ name: 'ECDSA', namedCurve: 'P-521' }, true, ['sign', 'verify']);
  const sig = await s.sign({ name: 'ECDSA', hash: 'SHA-512' }, pair.privateKey, msg);
  ok('ECDSA P-521 signature size', sig.byteLength === 132);
  const jwk = await s.exportKey('jwk', pair.privateKey);
  const back = await s.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-521' }, true, ['sign']);
  const pub = await s.importKey('spki', await s.exportKey('spki', pair.publicKey), { name: 'ECDSA', namedCurve: 'P-521' }, true, ['verify']);
  ok('ECDSA JWK and SPKI round trip', await s.verify({ name: 'ECDSA', hash: 'SHA-512' }, pub,
    await s.sign({ name: 'ECDSA', hash: 'SHA-512' }, back, msg), msg));
  const hk = await s.importKey('jwk', { kty: 'oct', k: 'MDEyMzQ1Njc4OWFiY2RlZg', alg: 'HS384', ext: true },
    { name: 'HMAC', hash: 'SHA-384' }, true, ['sign']);
  const hj = await s.exportKey('jwk', hk);
  ok('HMAC JWK', hj.k === 'MDEyMzQ1Njc4OWFiY2RlZg' && hj.alg === 'HS384' && hj.kty === 'oct' && hk.algorithm.length === 128);
  const rk = await s.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1' },
    true, ['encrypt', 'decrypt']);
  const rj = await s.exportKey('jwk', rk.privateKey);
  const rpriv = await s.importKey('jwk', rj, { name: 'RSA-OAEP', hash: 'SHA-1' }, false, ['decrypt']);
  eq('RSA-OAEP JWK round trip', await s.decrypt('RSA-OAEP', rpriv, await s.encrypt('RSA-OAEP', rk.publicKey, msg)), tohex(msg));
  const ak = await s.generateKey({ name: 'AES-GCM', length: 192 }, true, ['encrypt']);
  ok('AES generateKey', (await s.exportKey('raw', ak)).byteLength === 24 && ak.algorithm.length === 192 && ak.type === 'secret');
  // A length given as a string is read as its number.
  const sk = await s.generateKey({ name: 'AES-CBC', length: '256' }, true, ['encrypt']);
  ok('AES length as a string', sk.algorithm.length === 256 && (await s.exportKey('raw', sk)).byteLength === 32);

  // getRandomValues fills in place and returns its argument; randomUUID is version 4.
  const r = new Uint32Array(16);
  ok('getRandomValues', crypto.getRandomValues(r) === r && r.some((x) => x !== 0));
  ok('randomUUID', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
  return out;
}
