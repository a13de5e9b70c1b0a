/* WebCrypto as k6 has it (crypto.getRandomValues, crypto.randomUUID,
 * crypto.subtle), over the primitives of src/js/webcrypto.c, given as P.
 * This is the body of a function (P) returning the crypto object; it runs
 * once per VU, the first time the script reads the global crypto.
 *
 * Errors are k6's: objects with a name (OperationError, DataError, ...)
 * and its message; every method of crypto.subtle returns a Promise and
 * rejects with them, argument errors included.  The work itself is done
 * at once, when the method is called: the primitives do not block on
 * anything but the CPU. */
var HASHES = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };
var AES = { 'AES-CBC': 'CBC', 'AES-CTR': 'CTR', 'AES-GCM': 'GCM', 'AES-KW': 'KW' };
var RSA = { 'RSASSA-PKCS1-v1_5': 1, 'RSA-PSS': 1, 'RSA-OAEP': 1 };
var EC = { 'ECDSA': 1, 'ECDH': 1 };
var CURVES = { 'P-256': 1, 'P-384': 1, 'P-521': 1 };
var HANDLE = '@@ly:handle';
var has = Object.prototype.hasOwnProperty;

/* Which usages a key of each algorithm may have: [secret or private,
 * public]. */
var USAGES = {
	'AES-CBC': [['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']],
	'AES-CTR': [['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']],
	'AES-GCM': [['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']],
	'AES-KW': [['wrapKey', 'unwrapKey']],
	'HMAC': [['sign', 'verify']],
	'PBKDF2': [['deriveKey', 'deriveBits']],
	'HKDF': [['deriveKey', 'deriveBits']],
	'ECDSA': [['sign'], ['verify']],
	'ECDH': [['deriveKey', 'deriveBits'], []],
	'RSASSA-PKCS1-v1_5': [['sign'], ['verify']],
	'RSA-PSS': [['sign'], ['verify']],
	'RSA-OAEP': [['decrypt', 'unwrapKey'], ['encrypt', 'wrapKey']]
};

/* What normalizeAlgorithm accepts for each operation, as k6 registers
 * them (and HKDF, which k6 lacks). */
var OPS = {
	digest: HASHES,
	generateKey: [AES, HASHES, { 'HMAC': 1 }, EC, RSA],
	importKey: [AES, { 'HMAC': 1 }, EC, RSA, { 'PBKDF2': 1, 'HKDF': 1 }],
	encrypt: [AES, { 'RSA-OAEP': 1 }],
	sign: { 'HMAC': 1, 'ECDSA': 1, 'RSA-PSS': 1, 'RSASSA-PKCS1-v1_5': 1 },
	deriveBits: [HASHES, { 'PBKDF2': 1, 'ECDH': 1, 'HKDF': 1 }],
	deriveKey: [HASHES, { 'PBKDF2': 1, 'ECDH': 1, 'HKDF': 1 }],
	getKeyLength: [AES, { 'HMAC': 1 }]
};
OPS.exportKey = OPS.importKey;
OPS.decrypt = OPS.encrypt;
OPS.verify = OPS.sign;

function DOMException(name, message) {
	this.name = name;
	this.message = message;
}
DOMException.prototype = Object.create(Error.prototype);
DOMException.prototype.constructor = DOMException;

function fail(name, message) {
	throw new DOMException(name, message);
}

/* Run f(): a primitive's plain Error becomes a DOMException named name. */
function prim(name, f) {
	try {
		return f();
	} catch (e) {
		if (e instanceof DOMException)
			throw e;
		fail(name, e && e.message !== undefined ? e.message : String(e));
	}
}

function registered(name, op) {
	var sets = OPS[op], i;

	if (!(sets instanceof Array))
		return has.call(sets, name);
	for (i = 0; i < sets.length; i++)
		if (has.call(sets[i], name))
			return true;
	return false;
}

function normalize(alg, op) {
	var name;

	if (typeof alg === 'string')
		alg = { name: alg };
	if (alg === null || typeof alg !== 'object' || typeof alg.name !== 'string')
		fail('SyntaxError', 'algorithm cannot be interpreted as a string or an object');
	name = alg.name.toUpperCase();
	if (name === 'RSASSA-PKCS1-V1_5')
		name = 'RSASSA-PKCS1-v1_5';
	if (!registered(name, op))
		fail('NotSupportedError', 'algorithm "' + name +
		    '" doesn\'t support (in implementation) operation "' + op + '"');
	return name;
}

/* A hash parameter (a name or { name }), normalized; k6's message names
 * what was missing. */
function hashOf(alg, what) {
	var h = alg.hash;

	if (h !== null && typeof h === 'object')
		h = h.name;
	if (typeof h !== 'string')
		fail('SyntaxError', 'could not get hash from algorithm parameter');
	h = h.toUpperCase();
	if (!has.call(HASHES, h))
		fail('NotSupportedError', 'unsupported ' + (what || 'hash') + ' algorithm ' + h);
	return h;
}

function isBytes(v) {
	return v instanceof ArrayBuffer || ArrayBuffer.isView(v);
}

/* k6's exportArrayBuffer: the bytes of data, a copy when keep. */
function bytesOf(v, keep) {
	if (v === null || v === undefined)
		fail('TypeError', 'data is null or undefined');
	if (!isBytes(v))
		fail('OperationError', 'data is neither an ArrayBuffer, nor a TypedArray nor DataView');
	return keep ? new Uint8Array(v instanceof ArrayBuffer ? v : v.buffer,
	    v instanceof ArrayBuffer ? 0 : v.byteOffset, v.byteLength).slice().buffer : v;
}

function CryptoKey() {
	throw new TypeError('Illegal constructor');
}

function newKey(type, extractable, algorithm, usages, handle) {
	var k = Object.create(CryptoKey.prototype);

	k.type = type;
	k.extractable = !!extractable;
	k.algorithm = algorithm;
	k.usages = usages;
	Object.defineProperty(k, HANDLE, { value: handle });
	return k;
}

function usageList(usages) {
	var out = [], i;

	if (usages === undefined || usages === null)
		return out;
	if (typeof usages !== 'object' || typeof usages.length !== 'number')
		fail('TypeError', 'keyUsages must be an array of strings');
	for (i = 0; i < usages.length; i++)
		out.push(String(usages[i]));
	return out;
}

/* Check usages against what name allows a key of that kind (0 secret or
 * private, 1 public); keep the order given, without repeats. */
function checkUsages(name, usages, kind, msg) {
	var allowed = USAGES[name][kind || 0], i, out = [];

	for (i = 0; i < usages.length; i++) {
		if (allowed.indexOf(usages[i]) < 0)
			fail('SyntaxError', msg === undefined ? 'invalid key usage: ' + usages[i] : msg);
		if (out.indexOf(usages[i]) < 0)
			out.push(usages[i]);
	}
	return out;
}

/* A key pair's usages: each for one of its keys. */
function pairUsages(name, usages, msg) {
	var i;

	if (usages.length === 0)
		fail('SyntaxError', 'key usages cannot be empty');
	for (i = 0; i < usages.length; i++)
		if (USAGES[name][0].indexOf(usages[i]) < 0 &&
		    USAGES[name][1].indexOf(usages[i]) < 0)
			fail('SyntaxError', msg || 'invalid key usage: ' + usages[i]);
}

function intersect(name, usages, kind) {
	var allowed = USAGES[name][kind], out = [], i;

	for (i = 0; i < usages.length; i++)
		if (allowed.indexOf(usages[i]) >= 0 && out.indexOf(usages[i]) < 0)
			out.push(usages[i]);
	return out;
}

function notEmpty(key) {
	if ((key.type === 'secret' || key.type === 'private') && key.usages.length === 0)
		fail('SyntaxError', 'usages cannot not be empty for a secret or private CryptoKey');
	return key;
}

function isKey(k) {
	return k instanceof CryptoKey && has.call(k, HANDLE);
}

/* The key argument of an operation, checked as k6 checks it. */
function useKey(key, name, usage, prefix) {
	if (!isKey(key))
		fail('InvalidAccessError', (prefix ? prefix + "'s key argument does hold" :
		    'key argument does hold') + ' not a valid CryptoKey object');
	if (key.algorithm.name !== name)
		fail('InvalidAccessError', (prefix ? prefix + "'s algorithm" : 'algorithm') +
		    ' name does not match key algorithm name');
	if (key.usages.indexOf(usage) < 0)
		fail('InvalidAccessError', (prefix ? prefix + "'s key" : 'key') +
		    " does not contain the '" + usage + "' usage");
	return key[HANDLE];
}

/* A promise of f()'s result: what f throws rejects it. */
function later(f) {
	return new Promise(function (resolve) {
		resolve(f());
	});
}

function u8(ab) {
	return new Uint8Array(ab);
}

function jwkAlg(key, len) {
	var a = key.algorithm;

	if (a.name === 'HMAC')
		return 'HS' + a.hash.name.slice(4);
	if (has.call(AES, a.name))
		return 'A' + len * 8 + a.name.slice(4);
	if (a.name === 'RSASSA-PKCS1-v1_5')
		return 'RS' + a.hash.name.slice(4);
	if (a.name === 'RSA-PSS')
		return 'PS' + a.hash.name.slice(4);
	if (a.name === 'RSA-OAEP')
		return a.hash.name === 'SHA-1' ? 'RSA-OAEP' : 'RSA-OAEP-' + a.hash.name.slice(4);
	return undefined;
}

/* Secret keys: AES, HMAC, PBKDF2, HKDF. */
function aesLength(alg) {
	var l = alg.length;

	/* k6 takes any value but null and undefined, as an integer. */
	if (l === undefined || l === null)
		fail('SyntaxError', 'could not get length from algorithm parameter');
	l = Number(l);
	l = l !== l ? 0 : l < 0 ? Math.ceil(l) : Math.floor(l);
	if (l !== 128 && l !== 192 && l !== 256)
		fail('OperationError', 'invalid key length');
	return l;
}

function secretAlgorithm(name, alg, bits) {
	if (name === 'HMAC')
		return { name: name, hash: { name: hashOf(alg) }, length: bits };
	if (has.call(AES, name))
		return { name: name, length: bits };
	return { name: name };
}

function importSecret(format, data, name, alg, extractable, usages) {
	var raw, bits, jwk;

	usages = checkUsages(name, usages, 0);
	if (name === 'PBKDF2' || name === 'HKDF') {
		if (format !== 'raw')
			fail('NotSupportedError', 'invalid format: ' + format);
		if (extractable)
			fail('SyntaxError', 'invalid value for param extractable ');
	}
	if (format === 'jwk') {
		jwk = data;
		if (jwk === null || typeof jwk !== 'object')
			fail('DataError', 'invalid symmetric JWK');
		if (jwk.kty !== 'oct')
			fail('DataError', 'invalid symmetric JWK: invalid key type: ' + jwk.kty);
		if (typeof jwk.k !== 'string')
			fail('DataError', 'invalid symmetric JWK: key (k) is required');
		raw = prim('DataError', function () { return P.unb64url(jwk.k); });
	} else if (format === 'raw') {
		raw = bytesOf(data, true);
	} else {
		fail('NotSupportedError', 'unsupported key format ' + format);
	}
	bits = raw.byteLength * 8;
	if (has.call(AES, name) && bits !== 128 && bits !== 192 && bits !== 256)
		fail('DataError', 'invalid key length ' + raw.byteLength + ' bytes');
	if (name === 'HMAC') {
		hashOf(alg);
		if (bits === 0)
			fail('DataError', 'key length cannot be 0');
		if (alg.length !== undefined && alg.length !== bits)
			fail('DataError', 'key length cannot be different from the length of the imported data');
	}
	return newKey('secret', extractable, secretAlgorithm(name, alg, bits), usages, raw);
}

/* Asymmetric keys: the handle is the DER, and info what keyInfo says. */
function importAsym(format, data, name, alg, extractable, usages) {
	var ec = has.call(EC, name), curve, priv, der, info, jwk, algo, hash;

	if (ec) {
		curve = alg.namedCurve;
		if (typeof curve !== 'string')
			fail('SyntaxError', 'could not get namedCurve from algorithm parameter');
		if (!has.call(CURVES, curve))
			fail('NotSupportedError', 'invalid elliptic curve ' + curve);
	} else {
		hash = hashOf(alg);
	}
	if (format === 'spki' || format === 'pkcs8') {
		priv = format === 'pkcs8';
		der = bytesOf(data, true);
	} else if (format === 'raw' && ec) {
		priv = false;
		der = prim('DataError', function () { return P.ecFromRaw(curve, bytesOf(data)); });
	} else if (format === 'jwk') {
		jwk = data;
		if (jwk === null || typeof jwk !== 'object')
			fail('DataError', 'invalid JWK');
		if (jwk.kty !== (ec ? 'EC' : 'RSA'))
			fail('DataError', 'invalid ' + (ec ? 'EC' : 'RSA') + ' JWK key: invalid key type: ' + jwk.kty);
		if (ec && jwk.crv !== curve)
			fail('DataError', 'the JWK curve ' + jwk.crv + ' does not match ' + curve);
		priv = jwk.d !== undefined;
		der = prim('DataError', function () {
			return P.fromJwk(ec ? 'EC' : 'RSA', jwk, priv, curve);
		});
	} else {
		fail('NotSupportedError', 'unsupported key format ' + format +
		    (ec ? ' for algorithm ' + name : ''));
	}
	info = prim('DataError', function () { return P.keyInfo(der, priv); });
	if (info.kind !== (ec ? 'EC' : 'RSA'))
		fail('DataError', ec ? 'a ' + (priv ? 'private' : 'public') + ' key is not an ' +
		    'ECDSA key' : 'given CryptoKey is not a ' + (priv ? 'private' : 'public') + ' RSA key');
	if (ec && info.curve !== curve)
		fail('DataError', 'the key\'s curve ' + info.curve + ' does not match ' + curve);
	usages = checkUsages(name, usages, priv ? 0 : 1);
	if (ec)
		algo = { name: name, namedCurve: curve };
	else
		algo = { name: name, modulusLength: info.modulusLength,
		    publicExponent: u8(info.publicExponent), hash: { name: hash } };
	return newKey(priv ? 'private' : 'public', extractable, algo, usages, der);
}

function importKey(format, data, alg, extractable, usages) {
	var name;

	if (format !== 'raw' && format !== 'pkcs8' && format !== 'spki' && format !== 'jwk')
		fail('ImplementationError', 'unsupported format ' + format);
	if (format !== 'jwk')
		bytesOf(data);
	name = normalize(alg, 'importKey');
	if (typeof alg === 'string')
		alg = { name: alg };
	usages = usageList(usages);
	if (has.call(EC, name) || has.call(RSA, name))
		return notEmpty(importAsym(format, data, name, alg, extractable, usages));
	return notEmpty(importSecret(format, data, name, alg, extractable, usages));
}

function exportKey(format, key) {
	var a, h, out, info, i;

	if (key === null || typeof key !== 'object')
		fail('InvalidAccessError', 'key is not an object');
	if (!isKey(key))
		fail('ImplementationError', 'unable to extract CryptoKey from key object');
	a = key.algorithm;
	if (!registered(a.name, 'exportKey'))
		fail('NotSupportedError', 'unsupported algorithm ' + a.name);
	if (!key.extractable)
		fail('InvalidAccessError', 'the key is not extractable');
	h = key[HANDLE];
	if (key.type === 'secret') {
		if (format === 'raw')
			return h.slice(0);
		if (format !== 'jwk')
			fail('NotSupportedError', 'unsupported key format ' + format);
		return { k: P.b64url(h), kty: 'oct', ext: key.extractable,
		    key_ops: key.usages.slice(), alg: jwkAlg(key, h.byteLength) };
	}
	if (format === 'spki') {
		if (key.type !== 'public')
			fail('InvalidAccessError', 'key is not a valid public key');
		return h.slice(0);
	}
	if (format === 'pkcs8') {
		if (key.type !== 'private')
			fail('InvalidAccessError', 'key is not a valid private key');
		return h.slice(0);
	}
	info = prim('OperationError', function () { return P.keyInfo(h, key.type === 'private'); });
	if (format === 'raw' && info.kind === 'EC') {
		if (key.type !== 'public')
			fail('InvalidAccessError', 'key is not a valid elliptic curve public key');
		return info.raw;
	}
	if (format !== 'jwk')
		fail('NotSupportedError', 'unsupported key format ' + format);
	out = { kty: info.kind };
	for (i in info.jwk)
		out[i] = info.jwk[i];
	if (info.kind === 'RSA')
		out.alg = jwkAlg(key);
	out.ext = key.extractable;
	out.key_ops = key.usages.slice();
	return out;
}

function generateKey(alg, extractable, usages) {
	var name = normalize(alg, 'generateKey'), pair, priv, pub, bits, ec, algo, hash;

	usages = usageList(usages);
	if (has.call(AES, name) || name === 'HMAC') {
		if (name === 'HMAC') {
			hash = hashOf(alg);
			bits = alg.length === undefined ? HASHES[hash] : alg.length;
			if (bits === 0)
				fail('OperationError', "algorithm's length cannot be 0");
		} else {
			bits = aesLength(alg);
		}
		usages = checkUsages(name, usages, 0, name === 'HMAC' ? undefined : 'invalid key usage');
		return notEmpty(newKey('secret', extractable, secretAlgorithm(name, alg, bits), usages,
		    P.fill(new Uint8Array(Math.ceil(bits / 8))).buffer));
	}
	ec = has.call(EC, name);
	if (!ec && !has.call(RSA, name))
		fail('NotImplemented', "unsupported key generation algorithm '" + name + "', " +
		    'accepted values are: AES-CBC, AES-CTR, AES-GCM, AES-KW, HMAC, ECDH, ECDSA, ' +
		    'RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP');
	if (ec) {
		if (typeof alg.namedCurve !== 'string')
			fail('SyntaxError', 'could not get namedCurve from algorithm parameter');
		if (!has.call(CURVES, alg.namedCurve))
			fail('NotSupportedError', 'elliptic curve ' + alg.namedCurve + ' is not supported');
		pairUsages(name, usages, 'invalid key usage');
		algo = { name: name, namedCurve: alg.namedCurve };
		pair = prim('OperationError', function () { return P.ecGenerate(alg.namedCurve); });
	} else {
		if (typeof alg.modulusLength !== 'number')
			fail('SyntaxError', 'could not get modulusLength from algorithm parameter');
		if (alg.publicExponent === undefined)
			fail('SyntaxError', 'could not get publicExponent from algorithm parameter');
		if (!isBytes(alg.publicExponent))
			fail('OperationError', 'publicExponent is not a byte array');
		hash = hashOf(alg);
		pairUsages(name, usages);
		algo = { name: name, modulusLength: alg.modulusLength,
		    publicExponent: u8(bytesOf(alg.publicExponent, true)), hash: { name: hash } };
		pair = prim('OperationError', function () {
			return P.rsaGenerate(alg.modulusLength, alg.publicExponent);
		});
	}
	priv = newKey('private', extractable, algo, intersect(name, usages, 0), pair[0]);
	/* A public key is always extractable. */
	pub = newKey('public', true, algo, intersect(name, usages, 1), pair[1]);
	return { privateKey: priv, publicKey: pub };
}

/* AES parameters, checked as k6 checks them. */
function aes(name, alg, raw, data, enc) {
	var mode = AES[name], iv, tag, len;

	if (mode === 'CBC') {
		iv = bytesOf(alg.iv);
		if (iv.byteLength !== 16)
			fail('OperationError', enc ? 'iv length is not 16 bytes' :
			    'iv length is invalid, should be 16 bytes');
		return prim('OperationError', function () { return P.aes('CBC', enc, raw, iv, data); });
	}
	if (mode === 'CTR') {
		iv = bytesOf(alg.counter);
		len = alg.length;
		if (iv.byteLength !== 16)
			fail('OperationError', enc ? 'counter length is not 16 bytes' :
			    'counter length is invalid, should be 16 bytes');
		if (!(len > 0 && len <= 128))
			fail('OperationError', enc ? 'invalid counter length, out of the 0 < x < 128 bounds' :
			    'invalid length, should be within 1 <= length <= 128 bounds');
		return prim('OperationError', function () { return P.aes('CTR', enc, raw, iv, data, len); });
	}
	if (mode === 'GCM') {
		iv = bytesOf(alg.iv);
		if (iv.byteLength === 0)
			fail('OperationError', 'iv length cannot be 0');
		tag = alg.tagLength === undefined ? 128 : alg.tagLength;
		if ([32, 64, 96, 104, 112, 120, 128].indexOf(tag) < 0)
			fail('OperationError', 'invalid tag length, should be one of 96, 104, 112, 120, 128');
		return prim('OperationError', function () {
			return P.aes('GCM', enc, raw, iv, data,
			    alg.additionalData === undefined ? undefined : bytesOf(alg.additionalData), tag);
		});
	}
	fail('NotSupportedError', 'unsupported algorithm ' + name);
}

function crypt(enc, alg, key, data) {
	var op = enc ? 'encrypt' : 'decrypt', name, h;

	data = bytesOf(data);
	name = normalize(alg, op);
	if (typeof alg === 'string')
		alg = { name: alg };
	h = useKey(key, name, op, op);
	if (name === 'RSA-OAEP')
		return prim('OperationError', function () {
			return P.rsaOaep(enc, key.algorithm.hash.name, h, data,
			    alg.label === undefined ? undefined : bytesOf(alg.label));
		});
	return aes(name, alg, h, data, enc);
}

function signParams(name, alg, key) {
	if (name === 'ECDSA')
		return hashOf(alg);
	if (name === 'RSA-PSS' && typeof alg.saltLength !== 'number')
		fail('SyntaxError', 'could not get saltLength from algorithm parameter');
	return name === 'HMAC' || name === 'ECDSA' ? undefined : key.algorithm.hash.name;
}

function sign(alg, key, data) {
	var name, h, hash;

	data = bytesOf(data);
	name = normalize(alg, 'sign');
	if (typeof alg === 'string')
		alg = { name: alg };
	h = useKey(key, name, 'sign');
	hash = signParams(name, alg, key);
	if (name === 'HMAC')
		return P.hmac(key.algorithm.hash.name, h, data);
	return prim('OperationError', function () {
		return P.sign(name, hash, h, data, alg.saltLength);
	});
}

function verify(alg, key, signature, data) {
	var name, h, hash;

	signature = bytesOf(signature);
	data = bytesOf(data);
	name = normalize(alg, 'verify');
	if (typeof alg === 'string')
		alg = { name: alg };
	h = useKey(key, name, 'verify');
	hash = signParams(name, alg, key);
	if (name === 'HMAC')
		return equal(u8(P.hmac(key.algorithm.hash.name, h, data)), u8(bytesOf(signature, true)));
	return prim('OperationError', function () {
		return P.verify(name, hash, h, signature, data, alg.saltLength);
	});
}

/* Compare without stopping at the first difference. */
function equal(a, b) {
	var d = a.length ^ b.length, i;

	for (i = 0; i < a.length && i < b.length; i++)
		d |= a[i] ^ b[i];
	return d === 0;
}

function deriveBits(alg, baseKey, length) {
	var name = normalize(alg, 'deriveBits'), h;

	if (typeof alg === 'string')
		alg = { name: alg };
	if (name !== 'ECDH' && name !== 'PBKDF2' && name !== 'HKDF')
		fail('NotSupportedError', 'unsupported algorithm for derive bits: ' + name);
	if (!isKey(baseKey))
		fail('InvalidAccessError', 'provided baseKey is not a valid ' + name + ' Crypto Key');
	if (baseKey.algorithm.name !== name)
		fail('InvalidAccessError', 'provided baseKey is not a valid ' + name + ' Crypto Key');
	if (baseKey.usages.indexOf('deriveBits') < 0)
		fail('InvalidAccessError', "provided baseKey doesn't contain `deriveBits` usage");
	h = baseKey[HANDLE];
	return bits(name, alg, h, length);
}

function bits(name, alg, h, length) {
	var pub;

	if (name !== 'ECDH' || (length !== undefined && length !== null)) {
		if (length === 0)
			fail('OperationError', 'length can not be 0');
		if (typeof length !== 'number' || length % 8 !== 0)
			fail('OperationError', 'currently only multiples of 8 are supported for length');
	}
	if (name === 'ECDH') {
		pub = alg['public'];
		if (!isKey(pub) || pub.type !== 'public' || pub.algorithm.name !== 'ECDH')
			fail('InvalidAccessError', 'public key is not a valid ECDH public key');
		return prim('OperationError', function () {
			return P.ecdh(h, pub[HANDLE], length || 0);
		});
	}
	if (name === 'PBKDF2') {
		if (typeof alg.iterations !== 'number' || alg.iterations === 0)
			fail('OperationError', "number of iterations can't be 0");
		return prim('OperationError', function () {
			return P.pbkdf2(hashOf(alg), h, bytesOf(alg.salt), alg.iterations, length);
		});
	}
	return prim('OperationError', function () {
		return P.hkdf(hashOf(alg), h, bytesOf(alg.salt), bytesOf(alg.info), length);
	});
}

function deriveKey(alg, baseKey, derived, extractable, usages) {
	var name = normalize(alg, 'deriveKey'), dname, length, raw;

	if (typeof alg === 'string')
		alg = { name: alg };
	if (typeof derived === 'string')
		derived = { name: derived };
	dname = normalize(derived, 'importKey');
	normalize(derived, 'getKeyLength');
	if (!has.call(AES, dname) && dname !== 'HMAC')
		fail('NotSupportedError', "derive key function doesn't support algorithm " + dname);
	if (has.call(AES, dname)) {
		if (typeof derived.length !== 'number')
			fail('OperationError', 'aes length parameter not specified');
		length = derived.length;
	} else {
		length = derived.length === undefined ? HASHES[hashOf(derived)] : derived.length;
	}
	if (!isKey(baseKey) || baseKey.algorithm.name !== name)
		fail('InvalidAccessError', 'provided baseKey is not a valid ' + name + ' Crypto Key');
	if (baseKey.usages.indexOf('deriveKey') < 0)
		fail('InvalidAccessError', "provided baseKey doesn't contain `deriveKey` usage");
	raw = bits(name, alg, baseKey[HANDLE], length);
	return importKey('raw', raw, derived, extractable, usages);
}

var subtle = {}, crypto = {};

function method(o, name, f) {
	Object.defineProperty(o, name, { value: f, enumerable: true });
}

method(subtle, 'decrypt', function (alg, key, data) {
	return later(function () { return crypt(false, alg, key, data); });
});
method(subtle, 'deriveBits', function (alg, baseKey, length) {
	return later(function () { return deriveBits(alg, baseKey, length); });
});
method(subtle, 'deriveKey', function (alg, baseKey, derived, extractable, usages) {
	return later(function () { return deriveKey(alg, baseKey, derived, extractable, usages); });
});
method(subtle, 'digest', function (alg, data) {
	return later(function () {
		var name;

		if (!isBytes(data))
			fail('TypeError', 'data must be an ArrayBuffer, TypedArray, or DataView');
		name = normalize(alg, 'digest');
		return P.digest(name, data);
	});
});
method(subtle, 'encrypt', function (alg, key, data) {
	return later(function () { return crypt(true, alg, key, data); });
});
method(subtle, 'exportKey', function (format, key) {
	return later(function () { return exportKey(format, key); });
});
method(subtle, 'generateKey', function (alg, extractable, usages) {
	return later(function () { return generateKey(alg, extractable, usages); });
});
method(subtle, 'importKey', function (format, data, alg, extractable, usages) {
	return later(function () { return importKey(format, data, alg, extractable, usages); });
});
method(subtle, 'sign', function (alg, key, data) {
	return later(function () { return sign(alg, key, data); });
});
method(subtle, 'unwrapKey', function () {
	return later(function () { fail('NotSupportedError', 'not implemented'); });
});
method(subtle, 'verify', function (alg, key, signature, data) {
	return later(function () { return verify(alg, key, signature, data); });
});
method(subtle, 'wrapKey', function () {
	return later(function () { fail('NotSupportedError', 'not implemented'); });
});

method(crypto, 'getRandomValues', function (a) {
	if (!(a instanceof Int8Array || a instanceof Uint8Array || a instanceof Uint8ClampedArray ||
	    a instanceof Int16Array || a instanceof Uint16Array || a instanceof Int32Array ||
	    a instanceof Uint32Array))
		fail('TypeMismatchError', "typedArray parameter isn't a TypedArray instance");
	if (a.length > 65536)
		fail('QuotaExceededError', 'typedArray parameter is too big; maximum length is 65536');
	return P.fill(a);
});
method(crypto, 'randomUUID', function () {
	return P.uuid();
});
method(crypto, 'subtle', subtle);
method(crypto, 'CryptoKey', CryptoKey);
return crypto;
