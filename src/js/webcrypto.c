/* The global crypto (WebCrypto): the
 * primitives on OpenSSL's libcrypto, in C; the API around them (algorithm
 * normalization, CryptoKey, usages, DOMException errors, Promises) is
 * src/js/webcrypto.js, which gets the primitives as its argument P.
 *
 * Keys cross the boundary as bytes, never as C objects: a secret key is
 * its raw bytes, a private key its PKCS #8 DER, a public key its SPKI DER,
 * each kept in an ArrayBuffer of its CryptoKey and parsed again by every
 * operation (cheap next to the operation itself), so nothing needs a
 * finalizer.  A primitive throws a plain Error whose message the glue
 * turns into the DOMException k6 gives.  Bytes given to a primitive are
 * borrowed from their ArrayBuffer while it stays on the stack. */
#include "config.h"

#include <mujs.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js/binary.h"
#include "js/lazyprop.h"
#include "js/modules.h"
#include "js/runtime.h"
#include "util/buf.h"
#include "util/xmalloc.h"

extern const struct runtime_file webcrypto_files[];

static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* The bytes of the ArrayBuffer or view at idx; TypeError otherwise. */
static void
bytes(js_State *J, int idx, const unsigned char **p, size_t *n)
{
	if (binary_get(J, idx, p, n) == -1)
		js_typeerror(J, "data is neither an ArrayBuffer, nor a TypedArray nor DataView");
}

static const EVP_MD *
hash_named(js_State *J, int idx)
{
	const char *name = js_tostring(J, idx);

	if (strcmp(name, "SHA-1") == 0)
		return EVP_sha1();
	if (strcmp(name, "SHA-256") == 0)
		return EVP_sha256();
	if (strcmp(name, "SHA-384") == 0)
		return EVP_sha384();
	if (strcmp(name, "SHA-512") == 0)
		return EVP_sha512();
	js_error(J, "unsupported hash algorithm %s", name);
	return NULL;
}

/* Throw what OpenSSL last said, after what. */
static void
ossl_error(js_State *J, const char *what)
{
	char msg[256];
	unsigned long e = ERR_peek_last_error();

	if (e != 0) {
		ERR_error_string_n(e, msg, sizeof msg);
		ERR_clear_error();
		js_error(J, "%s: %s", what, msg);
	}
	js_error(J, "%s", what);
}

/* Push a two-element array of the ArrayBuffers a and b. */
static void
push_pair(js_State *J, const struct buf *a, const struct buf *b)
{
	js_newarray(J);
	binary_push_arraybuffer(J, a->data, a->len);
	js_setindex(J, -2, 0);
	binary_push_arraybuffer(J, b->data, b->len);
	js_setindex(J, -2, 1);
}

/* fill(view): random bytes into the view, in place. */
static void
w_fill(js_State *J)
{
	const unsigned char *p;
	size_t n;

	bytes(J, 1, &p, &n);
	if (n > 0 && RAND_bytes((unsigned char *)(uintptr_t)p, (int)n) != 1)
		ossl_error(J, "the random generator failed");
	js_copy(J, 1);
}

/* uuid(): a random (version 4) UUID. */
static void
w_uuid(js_State *J)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char u[16];
	char s[37], *q = s;
	int i;

	if (RAND_bytes(u, sizeof u) != 1)
		ossl_error(J, "the random generator failed");
	u[6] = (u[6] & 0x0f) | 0x40;
	u[8] = (u[8] & 0x3f) | 0x80;
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*q++ = '-';
		*q++ = hex[u[i] >> 4];
		*q++ = hex[u[i] & 15];
	}
	*q = '\0';
	js_pushstring(J, s);
}

/* digest(hash, data) */
static void
w_digest(js_State *J)
{
	const EVP_MD *md = hash_named(J, 1);
	const unsigned char *p;
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int dn = 0;
	size_t n;

	bytes(J, 2, &p, &n);
	if (EVP_Digest(p, n, d, &dn, md, NULL) != 1 || dn == 0)
		ossl_error(J, "digest failed");
	binary_push_arraybuffer(J, d, dn);
}

/* hmac(hash, key, data) */
static void
w_hmac(js_State *J)
{
	const EVP_MD *md = hash_named(J, 1);
	const unsigned char *k, *p;
	unsigned char d[EVP_MAX_MD_SIZE];
	size_t kn, n, dn = 0;

	bytes(J, 2, &k, &kn);
	bytes(J, 3, &p, &n);
	if (EVP_Q_mac(NULL, "HMAC", NULL, EVP_MD_get0_name(md), NULL, kn ? k : d,
	    kn, p, n, d, sizeof d, &dn) == NULL || dn == 0)
		ossl_error(J, "HMAC failed");
	binary_push_arraybuffer(J, d, dn);
}

static const EVP_CIPHER *
aes_cipher(js_State *J, const char *mode, size_t keylen)
{
	char name[32];
	const EVP_CIPHER *c;

	if (keylen != 16 && keylen != 24 && keylen != 32)
		js_error(J, "invalid key length %zu bytes", keylen);
	snprintf(name, sizeof name, "AES-%zu-%s", keylen * 8, mode);
	if ((c = EVP_get_cipherbyname(name)) == NULL)
		ossl_error(J, "could not create AES cipher");
	return c;
}

/* AES-CTR as WebCrypto defines it: only the counter block's rightmost
 * bits count, and they wrap without carrying into the rest. */
static int
aes_ctr(const EVP_CIPHER *ecb, const unsigned char *key, const unsigned char *ctr0,
    int bits, const unsigned char *in, size_t n, unsigned char *out)
{
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	unsigned char ctr[16], ks[16];
	size_t i, j;
	int len, rc = -1, b, carry;

	memcpy(ctr, ctr0, 16);
	if (ctx == NULL || EVP_EncryptInit_ex(ctx, ecb, NULL, key, NULL) != 1)
		goto out;
	EVP_CIPHER_CTX_set_padding(ctx, 0);
	for (i = 0; i < n; i += 16) {
		if (EVP_EncryptUpdate(ctx, ks, &len, ctr, 16) != 1)
			goto out;
		for (j = 0; j < 16 && i + j < n; j++)
			out[i + j] = in[i + j] ^ ks[j];
		/* Increment the low `bits` bits of ctr, modulo 2^bits. */
		carry = 1;
		for (b = 0; b < bits && carry; b += 8) {
			int byte = 15 - b / 8, w = bits - b >= 8 ? 8 : bits - b;
			unsigned mask = (1u << w) - 1, v = ctr[byte] & mask;

			v = (v + 1) & mask;
			carry = v == 0;
			ctr[byte] = (unsigned char)((ctr[byte] & ~mask) | v);
		}
	}
	rc = 0;
out:
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

/* aes(mode, encrypt, key, iv, data, extra, tagBits): mode "CBC", "CTR"
 * or "GCM"; extra is CTR's counter length in bits or GCM's additional
 * data. */
static void
w_aes(js_State *J)
{
	const char *mode = js_tostring(J, 1);
	int enc = js_toboolean(J, 2);
	const unsigned char *key, *iv, *in, *aad = NULL;
	size_t keylen, ivlen, n, aadlen = 0, taglen = 0;
	const EVP_CIPHER *c;
	EVP_CIPHER_CTX *ctx = NULL;
	unsigned char *out;
	const char *err = NULL;
	int len, fin = 0, gcm = strcmp(mode, "GCM") == 0;

	bytes(J, 3, &key, &keylen);
	bytes(J, 4, &iv, &ivlen);
	bytes(J, 5, &in, &n);
	if (gcm) {
		if (js_isdefined(J, 6))
			bytes(J, 6, &aad, &aadlen);
		taglen = (size_t)js_tointeger(J, 7) / 8;
		if (!enc && n < taglen)
			js_error(J, "ciphertext is too short");
	}
	c = aes_cipher(J, strcmp(mode, "CTR") == 0 ? "ECB" : mode, keylen);
	if (strcmp(mode, "CTR") == 0) {
		out = binary_push_new(J, n);
		if (aes_ctr(c, key, iv, js_toint32(J, 6), in, n, out) == -1)
			ossl_error(J, "could not create cipher");
		return;
	}
	/* Room for a block of padding or a tag. */
	out = xmalloc(n + 16 + 1);
	if (gcm && !enc)
		n -= taglen;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL ||
	    EVP_CipherInit_ex(ctx, c, NULL, NULL, NULL, enc) != 1 ||
	    (gcm && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, (int)ivlen, NULL) != 1) ||
	    EVP_CipherInit_ex(ctx, NULL, NULL, key, iv, enc) != 1) {
		err = "could not create cipher";
		goto out;
	}
	if (gcm && !enc && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, (int)taglen,
	    (void *)(uintptr_t)(in + n)) != 1) {
		err = "invalid tag length";
		goto out;
	}
	if ((aadlen > 0 && EVP_CipherUpdate(ctx, NULL, &len, aad, (int)aadlen) != 1) ||
	    EVP_CipherUpdate(ctx, out, &len, in, (int)n) != 1) {
		err = "the operation failed";
		goto out;
	}
	if (EVP_CipherFinal_ex(ctx, out + len, &fin) != 1) {
		err = gcm ? "the authentication tag does not match" : "invalid padding";
		goto out;
	}
	len += fin;
	if (gcm && enc) {
		if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, (int)taglen, out + len) != 1) {
			err = "invalid tag length";
			goto out;
		}
		len += (int)taglen;
	}
out:
	EVP_CIPHER_CTX_free(ctx);
	ERR_clear_error();
	if (err != NULL) {
		free(out);
		js_error(J, "%s", err);
	}
	if (js_try(J)) {
		free(out);
		js_throw(J);
	}
	binary_push_arraybuffer(J, out, (size_t)len);
	js_endtry(J);
	free(out);
}

/* DER in and out. */
static EVP_PKEY *
parse_der(const unsigned char *p, size_t n, int private)
{
	PKCS8_PRIV_KEY_INFO *p8;
	EVP_PKEY *pk;

	if (!private)
		return d2i_PUBKEY(NULL, &p, (long)n);
	if ((p8 = d2i_PKCS8_PRIV_KEY_INFO(NULL, &p, (long)n)) == NULL)
		return NULL;
	pk = EVP_PKCS82PKEY(p8);
	PKCS8_PRIV_KEY_INFO_free(p8);
	return pk;
}

static int
der_of(EVP_PKEY *pk, int private, struct buf *out)
{
	PKCS8_PRIV_KEY_INFO *p8 = NULL;
	unsigned char *d = NULL;
	int n;

	if (private) {
		if ((p8 = EVP_PKEY2PKCS8(pk)) == NULL)
			return -1;
		n = i2d_PKCS8_PRIV_KEY_INFO(p8, &d);
		PKCS8_PRIV_KEY_INFO_free(p8);
	} else
		n = i2d_PUBKEY(pk, &d);
	if (n <= 0)
		return -1;
	buf_reset(out);
	buf_add(out, d, (size_t)n);
	OPENSSL_free(d);
	return 0;
}

/* The key whose DER is at idx, private or public; throws DataError's
 * message when the bytes are not one. */
static EVP_PKEY *
key_at(js_State *J, int idx, int private)
{
	const unsigned char *p;
	size_t n;
	EVP_PKEY *pk;

	bytes(J, idx, &p, &n);
	if ((pk = parse_der(p, n, private)) == NULL)
		ossl_error(J, private ? "unable to parse the PKCS #8 private key" :
		    "unable to parse the SPKI public key");
	return pk;
}

/* Push the pair [PKCS #8, SPKI] of pk and free it. */
static void
push_keypair(js_State *J, EVP_PKEY *pk)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	int bad = der_of(pk, 1, &a) == -1 || der_of(pk, 0, &b) == -1;

	EVP_PKEY_free(pk);
	if (!bad) {
		if (js_try(J)) {
			bad = 1;
		} else {
			push_pair(J, &a, &b);
			js_endtry(J);
		}
	}
	buf_free(&a);
	buf_free(&b);
	if (bad)
		ossl_error(J, "unable to encode the key pair");
}

static const char *
curve_of(EVP_PKEY *pk)
{
	char name[64];
	size_t n;

	if (EVP_PKEY_get_utf8_string_param(pk, OSSL_PKEY_PARAM_GROUP_NAME, name,
	    sizeof name, &n) != 1)
		return NULL;
	if (strcmp(name, "prime256v1") == 0 || strcmp(name, "P-256") == 0)
		return "P-256";
	if (strcmp(name, "secp384r1") == 0 || strcmp(name, "P-384") == 0)
		return "P-384";
	if (strcmp(name, "secp521r1") == 0 || strcmp(name, "P-521") == 0)
		return "P-521";
	return NULL;
}

static const char *
curve_openssl(js_State *J, int idx)
{
	const char *c = js_tostring(J, idx);

	if (strcmp(c, "P-256") == 0)
		return "prime256v1";
	if (strcmp(c, "P-384") == 0)
		return "secp384r1";
	if (strcmp(c, "P-521") == 0)
		return "secp521r1";
	js_error(J, "elliptic curve %s is not supported", c);
	return NULL;
}

/* ecGenerate(curve): [pkcs8, spki] */
static void
w_ec_generate(js_State *J)
{
	EVP_PKEY *pk = EVP_EC_gen(curve_openssl(J, 1));

	if (pk == NULL)
		ossl_error(J, "unable to generate an EC key pair");
	push_keypair(J, pk);
}

/* rsaGenerate(modulusLength, publicExponent): [pkcs8, spki] */
static void
w_rsa_generate(js_State *J)
{
	int bits = js_toint32(J, 1);
	const unsigned char *e;
	size_t en;
	BIGNUM *bn;
	EVP_PKEY_CTX *ctx;
	EVP_PKEY *pk = NULL;
	int ok;

	bytes(J, 2, &e, &en);
	if (bits < 256 || bits > 16384)
		js_error(J, "invalid modulusLength %d", bits);
	bn = BN_bin2bn(e, (int)en, NULL);
	ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
	ok = bn != NULL && ctx != NULL && BN_is_odd(bn) && !BN_is_one(bn) &&
	    EVP_PKEY_keygen_init(ctx) == 1 &&
	    EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits) == 1 &&
	    EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, bn) == 1 &&
	    EVP_PKEY_keygen(ctx, &pk) == 1;
	BN_free(bn);
	EVP_PKEY_CTX_free(ctx);
	if (!ok)
		ossl_error(J, "could not generate RSA key pair");
	push_keypair(J, pk);
}

/* Push a BIGNUM parameter of pk as base64url, left-padded to pad bytes. */
static int
put_bn(js_State *J, EVP_PKEY *pk, const char *param, int pad, const char *prop)
{
	BIGNUM *bn = NULL;
	unsigned char *d;
	struct buf b = BUF_INIT;
	int n;

	if (EVP_PKEY_get_bn_param(pk, param, &bn) != 1)
		return -1;
	n = pad > 0 ? pad : BN_num_bytes(bn);
	d = xmalloc((size_t)n + 1);
	BN_bn2binpad(bn, d, n);
	BN_free(bn);
	encoding_b64(d, (size_t)n, b64url, 0, &b);
	free(d);
	js_pushstring(J, b.data);
	buf_free(&b);
	js_setproperty(J, -2, prop);
	return 0;
}

static const struct {
	const char	*jwk;
	const char	*param;
} rsa_params[] = {
	{ "n", OSSL_PKEY_PARAM_RSA_N }, { "e", OSSL_PKEY_PARAM_RSA_E },
	{ "d", OSSL_PKEY_PARAM_RSA_D }, { "p", OSSL_PKEY_PARAM_RSA_FACTOR1 },
	{ "q", OSSL_PKEY_PARAM_RSA_FACTOR2 }, { "dp", OSSL_PKEY_PARAM_RSA_EXPONENT1 },
	{ "dq", OSSL_PKEY_PARAM_RSA_EXPONENT2 }, { "qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1 },
};

/* keyInfo(der, private): { kind, curve | modulusLength + publicExponent,
 * spki (of a private key's public half), raw (an EC public key's point),
 * jwk (its members but kty) }. */
static void
w_key_info(js_State *J)
{
	int private = js_toboolean(J, 2), i, nbytes;
	EVP_PKEY *pk = key_at(J, 1, private);
	struct buf der = BUF_INIT;
	unsigned char pt[256];
	const char *curve;
	BIGNUM *e = NULL;
	size_t n;

	if (js_try(J)) {
		EVP_PKEY_free(pk);
		buf_free(&der);
		js_throw(J);
	}
	js_newobject(J);
	if (EVP_PKEY_is_a(pk, "EC")) {
		if ((curve = curve_of(pk)) == NULL)
			js_error(J, "unsupported elliptic curve");
		js_pushliteral(J, "EC");
		js_setproperty(J, -2, "kind");
		js_pushstring(J, curve);
		js_setproperty(J, -2, "curve");
		if (EVP_PKEY_get_octet_string_param(pk, OSSL_PKEY_PARAM_PUB_KEY, pt,
		    sizeof pt, &n) == 1) {
			binary_push_arraybuffer(J, pt, n);
			js_setproperty(J, -2, "raw");
		}
		js_newobject(J);
		nbytes = (EVP_PKEY_get_bits(pk) + 7) / 8;
		js_pushstring(J, curve);
		js_setproperty(J, -2, "crv");
		put_bn(J, pk, OSSL_PKEY_PARAM_EC_PUB_X, nbytes, "x");
		put_bn(J, pk, OSSL_PKEY_PARAM_EC_PUB_Y, nbytes, "y");
		if (private)
			put_bn(J, pk, OSSL_PKEY_PARAM_PRIV_KEY, nbytes, "d");
		js_setproperty(J, -2, "jwk");
	} else if (EVP_PKEY_is_a(pk, "RSA")) {
		js_pushliteral(J, "RSA");
		js_setproperty(J, -2, "kind");
		js_pushnumber(J, EVP_PKEY_get_bits(pk));
		js_setproperty(J, -2, "modulusLength");
		if (EVP_PKEY_get_bn_param(pk, OSSL_PKEY_PARAM_RSA_E, &e) == 1) {
			n = (size_t)BN_bn2bin(e, pt);
			BN_free(e);
			binary_push_arraybuffer(J, pt, n);
			js_setproperty(J, -2, "publicExponent");
		}
		js_newobject(J);
		for (i = 0; i < (private ? 8 : 2); i++)
			put_bn(J, pk, rsa_params[i].param, 0, rsa_params[i].jwk);
		js_setproperty(J, -2, "jwk");
	} else {
		js_error(J, "the key is neither an EC nor an RSA key");
	}
	if (private) {
		if (der_of(pk, 0, &der) == -1)
			js_error(J, "unable to encode the public key");
		binary_push_arraybuffer(J, der.data, der.len);
		js_setproperty(J, -2, "spki");
	}
	js_endtry(J);
	EVP_PKEY_free(pk);
	buf_free(&der);
}

/* Decode the base64url string of o's property name into out; -1 if o
 * has none or it is not base64url. */
static int
jwk_member(js_State *J, int o, const char *name, struct buf *out)
{
	int rc;

	js_getproperty(J, o, name);
	rc = js_isstring(J, -1) ? encoding_unb64(js_tostring(J, -1), b64url, out) : -1;
	js_pop(J, 1);
	if (rc == 0 && out->len == 0)
		rc = -1;
	return rc;
}

/* fromJwk(kind, jwk, private, curve): the key's DER (PKCS #8 or SPKI). */
static void
w_from_jwk(js_State *J)
{
	int ec = strcmp(js_tostring(J, 1), "EC") == 0, private = js_toboolean(J, 3);
	const char *group = ec ? curve_openssl(J, 4) : NULL, *bad = NULL;
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	EVP_PKEY *pk = NULL;
	BIGNUM *bns[8] = { NULL };
	struct buf v = BUF_INIT, pt = BUF_INIT, der = BUF_INIT;
	int i, nb = 0;

	if (ec) {
		OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0);
		buf_putc(&pt, 4);
		if (jwk_member(J, 2, "x", &v) == -1) {
			bad = "failed to decode X coordinate";
			goto out;
		}
		buf_add(&pt, v.data, v.len);
		if (jwk_member(J, 2, "y", &v) == -1) {
			bad = "failed to decode Y coordinate";
			goto out;
		}
		buf_add(&pt, v.data, v.len);
		OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pt.data, pt.len);
		if (private) {
			if (jwk_member(J, 2, "d", &v) == -1) {
				bad = "failed to decode D";
				goto out;
			}
			bns[nb] = BN_bin2bn((unsigned char *)v.data, (int)v.len, NULL);
			OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, bns[nb++]);
		}
	} else {
		for (i = 0; i < (private ? 8 : 2); i++) {
			if (jwk_member(J, 2, rsa_params[i].jwk, &v) == -1) {
				bad = i == 0 ? "failed to decode modulus" : i == 1 ?
				    "failed to decode exponent" : "failed to decode a private member";
				goto out;
			}
			bns[nb] = BN_bin2bn((unsigned char *)v.data, (int)v.len, NULL);
			OSSL_PARAM_BLD_push_BN(bld, rsa_params[i].param, bns[nb++]);
		}
	}
	if ((params = OSSL_PARAM_BLD_to_param(bld)) == NULL ||
	    (ctx = EVP_PKEY_CTX_new_from_name(NULL, ec ? "EC" : "RSA", NULL)) == NULL ||
	    EVP_PKEY_fromdata_init(ctx) != 1 ||
	    EVP_PKEY_fromdata(ctx, &pk, private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
	    params) != 1 || der_of(pk, private, &der) == -1)
		bad = "the JWK does not describe a valid key";
out:
	for (i = 0; i < nb; i++)
		BN_clear_free(bns[i]);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(pk);
	buf_free(&v);
	buf_free(&pt);
	ERR_clear_error();
	if (bad != NULL) {
		buf_free(&der);
		js_error(J, "%s", bad);
	}
	if (js_try(J)) {
		buf_free(&der);
		js_throw(J);
	}
	binary_push_arraybuffer(J, der.data, der.len);
	js_endtry(J);
	buf_free(&der);
}

/* ecFromRaw(curve, point): the SPKI of the public key at point. */
static void
w_ec_from_raw(js_State *J)
{
	const char *group = curve_openssl(J, 1);
	const unsigned char *p;
	size_t n;
	OSSL_PARAM params[3];
	EVP_PKEY_CTX *ctx;
	EVP_PKEY *pk = NULL;
	struct buf der = BUF_INIT;
	int ok;

	bytes(J, 2, &p, &n);
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
	    (char *)(uintptr_t)group, 0);
	params[1] = OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY,
	    (void *)(uintptr_t)p, n);
	params[2] = OSSL_PARAM_construct_end();
	ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	ok = ctx != NULL && EVP_PKEY_fromdata_init(ctx) == 1 &&
	    EVP_PKEY_fromdata(ctx, &pk, EVP_PKEY_PUBLIC_KEY, params) == 1 &&
	    der_of(pk, 0, &der) == 0;
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(pk);
	if (!ok) {
		buf_free(&der);
		ossl_error(J, "unable to import EC public key data");
	}
	binary_push_arraybuffer(J, der.data, der.len);
	buf_free(&der);
}

/* A raw r||s signature from a DER one, each n bytes; -1 if malformed. */
static int
sig_raw(const unsigned char *der, size_t len, int n, unsigned char *out)
{
	ECDSA_SIG *s = d2i_ECDSA_SIG(NULL, &der, (long)len);
	const BIGNUM *r, *ss;
	int rc = -1;

	if (s == NULL)
		return -1;
	ECDSA_SIG_get0(s, &r, &ss);
	if (BN_bn2binpad(r, out, n) == n && BN_bn2binpad(ss, out + n, n) == n)
		rc = 0;
	ECDSA_SIG_free(s);
	return rc;
}

/* The DER of raw r||s; -1 if it cannot be one. */
static int
sig_der(const unsigned char *raw, size_t len, struct buf *out)
{
	ECDSA_SIG *s = ECDSA_SIG_new();
	BIGNUM *r = BN_bin2bn(raw, (int)(len / 2), NULL);
	BIGNUM *ss = BN_bin2bn(raw + len / 2, (int)(len / 2), NULL);
	unsigned char *d = NULL;
	int n = -1;

	if (s != NULL && r != NULL && ss != NULL && ECDSA_SIG_set0(s, r, ss) == 1) {
		r = ss = NULL;
		n = i2d_ECDSA_SIG(s, &d);
	}
	BN_free(r);
	BN_free(ss);
	ECDSA_SIG_free(s);
	if (n <= 0)
		return -1;
	buf_add(out, d, (size_t)n);
	OPENSSL_free(d);
	return 0;
}

/* Set RSA padding on a signing or verifying context: pss or PKCS #1. */
static int
rsa_pad(EVP_PKEY_CTX *pctx, int pss, int salt)
{
	if (!pss)
		return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1;
	return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
	    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, salt) == 1;
}

/* sign(kind, hash, pkcs8, data, saltLength): kind "ECDSA", "RSA-PSS" or
 * "RSASSA-PKCS1-v1_5"; ECDSA signatures are raw r||s, as WebCrypto's. */
static void
w_sign(js_State *J)
{
	const char *kind = js_tostring(J, 1);
	const EVP_MD *md = hash_named(J, 2);
	int ec = strcmp(kind, "ECDSA") == 0, salt = js_toint32(J, 5), ok, half;
	const unsigned char *p;
	size_t n, slen = 0;
	EVP_PKEY *pk;
	EVP_MD_CTX *ctx;
	EVP_PKEY_CTX *pctx = NULL;
	unsigned char *sig = NULL, raw[2 * 66];

	bytes(J, 4, &p, &n);
	pk = key_at(J, 3, 1);
	ctx = EVP_MD_CTX_new();
	ok = ctx != NULL && EVP_DigestSignInit(ctx, &pctx, md, NULL, pk) == 1 &&
	    (ec || rsa_pad(pctx, strcmp(kind, "RSA-PSS") == 0, salt)) &&
	    EVP_DigestSign(ctx, NULL, &slen, p, n) == 1 &&
	    (sig = xmalloc(slen)) != NULL &&
	    EVP_DigestSign(ctx, sig, &slen, p, n) == 1;
	half = (EVP_PKEY_get_bits(pk) + 7) / 8;
	if (ok && ec)
		ok = sig_raw(sig, slen, half, raw) == 0;
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(pk);
	if (!ok) {
		free(sig);
		ossl_error(J, "could not sign data");
	}
	if (js_try(J)) {
		free(sig);
		js_throw(J);
	}
	if (ec)
		binary_push_arraybuffer(J, raw, 2 * (size_t)half);
	else
		binary_push_arraybuffer(J, sig, slen);
	js_endtry(J);
	free(sig);
}

/* verify(kind, hash, spki, signature, data, saltLength): true or false. */
static void
w_verify(js_State *J)
{
	const char *kind = js_tostring(J, 1);
	const EVP_MD *md = hash_named(J, 2);
	int ec = strcmp(kind, "ECDSA") == 0, salt = js_toint32(J, 6), ok;
	const unsigned char *s, *p;
	size_t sn, n;
	EVP_PKEY *pk;
	EVP_MD_CTX *ctx;
	EVP_PKEY_CTX *pctx = NULL;
	struct buf der = BUF_INIT;

	bytes(J, 4, &s, &sn);
	bytes(J, 5, &p, &n);
	pk = key_at(J, 3, 0);
	if (ec) {
		/* A raw signature of the wrong size is simply not valid. */
		if (sn != 2 * (size_t)((EVP_PKEY_get_bits(pk) + 7) / 8) ||
		    sig_der(s, sn, &der) == -1) {
			EVP_PKEY_free(pk);
			buf_free(&der);
			js_pushboolean(J, 0);
			return;
		}
		s = (const unsigned char *)der.data;
		sn = der.len;
	}
	ctx = EVP_MD_CTX_new();
	ok = ctx != NULL && EVP_DigestVerifyInit(ctx, &pctx, md, NULL, pk) == 1 &&
	    (ec || rsa_pad(pctx, strcmp(kind, "RSA-PSS") == 0, salt)) &&
	    EVP_DigestVerify(ctx, s, sn, p, n) == 1;
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(pk);
	buf_free(&der);
	ERR_clear_error();
	js_pushboolean(J, ok);
}

/* rsaOaep(encrypt, hash, der, data, label) */
static void
w_rsa_oaep(js_State *J)
{
	int enc = js_toboolean(J, 1), ok;
	const EVP_MD *md = hash_named(J, 2);
	const unsigned char *p, *l = NULL;
	size_t n, ln = 0, outn = 0;
	unsigned char *lab = NULL, *out = NULL;
	EVP_PKEY *pk;
	EVP_PKEY_CTX *ctx;

	bytes(J, 4, &p, &n);
	if (js_isdefined(J, 5))
		bytes(J, 5, &l, &ln);
	pk = key_at(J, 3, !enc);
	if (ln > 0) {
		lab = OPENSSL_malloc(ln);
		memcpy(lab, l, ln);
	}
	ctx = EVP_PKEY_CTX_new(pk, NULL);
	ok = ctx != NULL &&
	    (enc ? EVP_PKEY_encrypt_init(ctx) : EVP_PKEY_decrypt_init(ctx)) == 1 &&
	    EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) == 1 &&
	    EVP_PKEY_CTX_set_rsa_oaep_md(ctx, md) == 1 &&
	    EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, md) == 1 &&
	    (ln == 0 || EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, lab, (int)ln) == 1);
	if (ok)
		lab = NULL;	/* the context owns it */
	ok = ok && (enc ? EVP_PKEY_encrypt(ctx, NULL, &outn, p, n) :
	    EVP_PKEY_decrypt(ctx, NULL, &outn, p, n)) == 1;
	if (ok) {
		out = xmalloc(outn + 1);
		ok = (enc ? EVP_PKEY_encrypt(ctx, out, &outn, p, n) :
		    EVP_PKEY_decrypt(ctx, out, &outn, p, n)) == 1;
	}
	OPENSSL_free(lab);
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(pk);
	if (!ok) {
		free(out);
		ossl_error(J, enc ? "could not encrypt data" : "could not decrypt data");
	}
	if (js_try(J)) {
		free(out);
		js_throw(J);
	}
	binary_push_arraybuffer(J, out, outn);
	js_endtry(J);
	free(out);
}

/* ecdh(pkcs8, spki, bits): the shared secret's first bits (all of it
 * when bits is 0). */
static void
w_ecdh(js_State *J)
{
	EVP_PKEY *priv = key_at(J, 1, 1), *pub;
	EVP_PKEY_CTX *ctx;
	unsigned char s[132];
	size_t n = sizeof s;
	int ok, bits = js_toint32(J, 3);

	if (js_try(J)) {
		EVP_PKEY_free(priv);
		js_throw(J);
	}
	pub = key_at(J, 2, 0);
	js_endtry(J);
	ctx = EVP_PKEY_CTX_new(priv, NULL);
	ok = ctx != NULL && EVP_PKEY_derive_init(ctx) == 1 &&
	    EVP_PKEY_derive_set_peer(ctx, pub) == 1 &&
	    EVP_PKEY_derive(ctx, s, &n) == 1;
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(priv);
	EVP_PKEY_free(pub);
	if (!ok)
		ossl_error(J, "unable to derive the shared secret");
	if (bits > 0) {
		if ((size_t)bits > n * 8)
			js_error(J, "length is greater than the shared secret's %zu bits", n * 8);
		n = (size_t)bits / 8;
	}
	binary_push_arraybuffer(J, s, n);
}

/* pbkdf2(hash, password, salt, iterations, bits) */
static void
w_pbkdf2(js_State *J)
{
	const EVP_MD *md = hash_named(J, 1);
	const unsigned char *pw, *salt;
	size_t pwn, saltn, n = (size_t)js_tointeger(J, 5) / 8;
	unsigned char *out;

	bytes(J, 2, &pw, &pwn);
	bytes(J, 3, &salt, &saltn);
	out = binary_push_new(J, n);
	if (PKCS5_PBKDF2_HMAC((const char *)pw, (int)pwn, salt, (int)saltn,
	    js_toint32(J, 4), md, (int)n, out) != 1)
		ossl_error(J, "PBKDF2 failed");
}

/* hkdf(hash, key, salt, info, bits) */
static void
w_hkdf(js_State *J)
{
	const EVP_MD *md = hash_named(J, 1);
	const unsigned char *k, *salt, *info;
	size_t kn, saltn, infon, n = (size_t)js_tointeger(J, 5) / 8;
	unsigned char *out;
	EVP_PKEY_CTX *ctx;
	int ok;

	bytes(J, 2, &k, &kn);
	bytes(J, 3, &salt, &saltn);
	bytes(J, 4, &info, &infon);
	out = binary_push_new(J, n);
	ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, NULL);
	ok = ctx != NULL && EVP_PKEY_derive_init(ctx) == 1 &&
	    EVP_PKEY_CTX_set_hkdf_md(ctx, md) == 1 &&
	    EVP_PKEY_CTX_set1_hkdf_salt(ctx, salt, (int)saltn) == 1 &&
	    EVP_PKEY_CTX_set1_hkdf_key(ctx, kn ? k : (const unsigned char *)"", (int)kn) == 1 &&
	    EVP_PKEY_CTX_add1_hkdf_info(ctx, info, (int)infon) == 1 &&
	    EVP_PKEY_derive(ctx, out, &n) == 1;
	EVP_PKEY_CTX_free(ctx);
	if (!ok)
		ossl_error(J, "HKDF failed");
}

/* b64url(bytes) and unb64url(string) for JWK members. */
static void
w_b64url(js_State *J)
{
	const unsigned char *p;
	size_t n;
	struct buf b = BUF_INIT;

	bytes(J, 1, &p, &n);
	encoding_b64(p, n, b64url, 0, &b);
	if (js_try(J)) {
		buf_free(&b);
		js_throw(J);
	}
	js_pushstring(J, b.data);
	js_endtry(J);
	buf_free(&b);
}

static void
w_unb64url(js_State *J)
{
	struct buf b = BUF_INIT;

	if (!js_isstring(J, 1) || encoding_unb64(js_tostring(J, 1), b64url, &b) == -1) {
		buf_free(&b);
		js_error(J, "illegal base64 data");
	}
	if (js_try(J)) {
		buf_free(&b);
		js_throw(J);
	}
	binary_push_arraybuffer(J, b.data, b.len);
	js_endtry(J);
	buf_free(&b);
}

/* Push the crypto object, made once per state by webcrypto.js. */
static void
push_crypto(js_State *J)
{
	static const struct {
		const char	*name;
		js_CFunction	 fn;
		int		 n;
	} prims[] = {
		{ "fill", w_fill, 1 }, { "uuid", w_uuid, 0 },
		{ "digest", w_digest, 2 }, { "hmac", w_hmac, 3 },
		{ "aes", w_aes, 7 }, { "ecGenerate", w_ec_generate, 1 },
		{ "rsaGenerate", w_rsa_generate, 2 }, { "keyInfo", w_key_info, 2 },
		{ "fromJwk", w_from_jwk, 4 }, { "ecFromRaw", w_ec_from_raw, 2 },
		{ "sign", w_sign, 5 }, { "verify", w_verify, 6 },
		{ "rsaOaep", w_rsa_oaep, 5 }, { "ecdh", w_ecdh, 3 },
		{ "pbkdf2", w_pbkdf2, 5 }, { "hkdf", w_hkdf, 5 },
		{ "b64url", w_b64url, 1 }, { "unb64url", w_unb64url, 1 },
	};
	size_t i;

	js_getregistry(J, "ly.webcrypto");
	if (js_isobject(J, -1))
		return;
	js_pop(J, 1);
	binary_load(J);
	/* The glue is a function body of one parameter, P. */
	js_getglobal(J, "Function");
	js_pushliteral(J, "P");
	js_pushliteral(J, webcrypto_files[0].src);
	js_construct(J, 2);
	js_pushundefined(J);
	js_newobject(J);
	for (i = 0; i < sizeof prims / sizeof prims[0]; i++)
		modules_setfn(J, prims[i].fn, prims[i].name, prims[i].n);
	js_call(J, 1);
	js_copy(J, -1);
	js_setregistry(J, "ly.webcrypto");
}

/* The global crypto: an accessor that makes the object on first read
 * (most scripts never touch it) and keeps what the script assigns. */
static void
global_crypto(js_State *J)
{
	int set = js_gettop(J) > 1;

	js_currentfunction(J);
	if (set) {
		js_copy(J, 1);
		js_setproperty(J, -2, "v");
		js_pushundefined(J);
		return;
	}
	if (js_hasproperty(J, -1, "v"))
		return;
	push_crypto(J);
}

void
webcrypto_define(js_State *J)
{
	js_pushglobal(J);
	if (!lazyprop_defer_accessor(J, -1, "crypto", global_crypto, "crypto",
	    0, NULL, NULL, JS_DONTENUM)) {
		js_newcfunction(J, global_crypto, "crypto", 0);
		js_copy(J, -1);
		js_defaccessor(J, -3, "crypto", JS_DONTENUM);
	}
	js_pop(J, 1);
}
