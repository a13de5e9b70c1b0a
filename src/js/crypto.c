/* "k6/crypto": hashes, HMAC and random bytes on OpenSSL's libcrypto. */
#include "config.h"

#include <math.h>
#include <mujs.h>
#include <openssl/evp.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>

#include "js/binary.h"
#include "js/modules.h"
#include "util/buf.h"
#include "util/xmalloc.h"

static const struct {
	const char	*name;
	const char	*openssl;
} algorithms[] = {
	{ "md5", "MD5" }, { "sha1", "SHA1" }, { "sha256", "SHA256" },
	{ "sha384", "SHA384" }, { "sha512", "SHA512" },
	{ "sha512_224", "SHA512-224" }, { "sha512_256", "SHA512-256" },
	{ "md4", "MD4" }, { "ripemd160", "RIPEMD160" },
};

#define NALGORITHMS	(sizeof algorithms / sizeof algorithms[0])

/* OpenSSL 3 keeps MD4 (and, before 3.0.7, RIPEMD-160) in its legacy
 * provider, which the default library context does not load: the
 * digests come from a context of our own with both providers, so that
 * loading legacy changes nothing for libcurl's TLS. */
static OSSL_LIB_CTX *
libctx(void)
{
	static OSSL_LIB_CTX *ctx;

	if (ctx == NULL) {
		ctx = OSSL_LIB_CTX_new();
		if (ctx != NULL) {
			OSSL_PROVIDER_load(ctx, "default");
			OSSL_PROVIDER_load(ctx, "legacy");
		}
	}
	return ctx;
}

/* The digest called name, fetched once per process; throws when this
 * OpenSSL lacks it. */
static const EVP_MD *
digest_named(js_State *J, const char *name)
{
	static EVP_MD *fetched[NALGORITHMS];
	size_t i;

	for (i = 0; i < NALGORITHMS; i++)
		if (strcmp(algorithms[i].name, name) == 0)
			break;
	if (i == NALGORITHMS)
		modules_goerror(J, "invalid algorithm: %s", name);
	if (fetched[i] == NULL)
		fetched[i] = EVP_MD_fetch(libctx(), algorithms[i].openssl, NULL);
	if (fetched[i] == NULL)
		js_error(J, "hash algorithm \"%s\" is not available in this "
		    "OpenSSL (its legacy provider is missing)", name);
	return fetched[i];
}

/* Push the digest in k6's output encodings. */
static void
push_digest(js_State *J, const unsigned char *d, size_t n, const char *enc)
{
	static const char hex[] = "0123456789abcdef";
	struct buf b = BUF_INIT;
	size_t i;

	if (strcmp(enc, "hex") == 0) {
		for (i = 0; i < n; i++) {
			buf_putc(&b, hex[d[i] >> 4]);
			buf_putc(&b, hex[d[i] & 15]);
		}
	} else if (strcmp(enc, "base64") == 0) {
		encoding_b64(d, n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 1, &b);
	} else if (strcmp(enc, "base64url") == 0) {
		encoding_b64(d, n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 1, &b);
	} else if (strcmp(enc, "base64rawurl") == 0) {
		encoding_b64(d, n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 0, &b);
	} else if (strcmp(enc, "binary") == 0) {
		binary_push_arraybuffer(J, d, n);
		return;
	} else {
		modules_goerror(J, "invalid output encoding: %s", enc);
	}
	js_pushstring(J, b.data ? b.data : "");
	buf_free(&b);
}

static const char *
encoding_arg(js_State *J, int idx)
{
	return js_isdefined(J, idx) ? js_tostring(J, idx) : "binary";
}

/* Digest the string at data_idx (keyed by the one at key_idx for an
 * HMAC, when key_idx is not 0) and push it in enc. */
static void
digest_push(js_State *J, const char *alg, int key_idx, int data_idx, const char *enc)
{
	const EVP_MD *md = digest_named(J, alg);
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	size_t mac_n = 0;
	int ok;
	struct buf key = BUF_INIT, in = BUF_INIT;

	/* All conversions first: nothing to free if they throw. */
	encoding_bytes(J, data_idx, &in);
	if (key_idx != 0)
		encoding_bytes(J, key_idx, &key);
	if (key_idx != 0) {
		ok = EVP_Q_mac(libctx(), "HMAC", NULL, EVP_MD_get0_name(md), NULL,
		    key.data ? key.data : "", key.len,
		    (const unsigned char *)(in.data ? in.data : ""), in.len,
		    d, sizeof d, &mac_n) != NULL;
		n = (unsigned int)mac_n;
	} else
		ok = EVP_Digest(in.data ? in.data : "", in.len, d, &n, md, NULL) == 1;
	buf_free(&key);
	buf_free(&in);
	/* Never an empty digest that looks like a result. */
	if (!ok || n == 0)
		js_error(J, "%s %s failed in OpenSSL", alg, key_idx != 0 ? "HMAC" : "digest");
	push_digest(J, d, n, enc);
}

static void c_md4(js_State *J) { digest_push(J, "md4", 0, 1, encoding_arg(J, 2)); }
static void c_md5(js_State *J) { digest_push(J, "md5", 0, 1, encoding_arg(J, 2)); }
static void c_sha1(js_State *J) { digest_push(J, "sha1", 0, 1, encoding_arg(J, 2)); }
static void c_sha256(js_State *J) { digest_push(J, "sha256", 0, 1, encoding_arg(J, 2)); }
static void c_sha384(js_State *J) { digest_push(J, "sha384", 0, 1, encoding_arg(J, 2)); }
static void c_sha512(js_State *J) { digest_push(J, "sha512", 0, 1, encoding_arg(J, 2)); }
static void c_sha512_224(js_State *J) { digest_push(J, "sha512_224", 0, 1, encoding_arg(J, 2)); }
static void c_sha512_256(js_State *J) { digest_push(J, "sha512_256", 0, 1, encoding_arg(J, 2)); }
static void c_ripemd160(js_State *J) { digest_push(J, "ripemd160", 0, 1, encoding_arg(J, 2)); }

/* hmac(algorithm, secret, data, outputEncoding) */
static void
c_hmac(js_State *J)
{
	digest_push(J, js_tostring(J, 1), 2, 3, encoding_arg(J, 4));
}

/* createHash(alg) and createHMAC(alg, secret): an object that collects
 * the input (update appends) and digests it at the end. */
static void
hasher_update(js_State *J)
{
	const unsigned char *p;
	size_t n;

	js_getproperty(J, 0, "_data");
	/* Bytes travel as a byte string, which encoding_bytes reads back. */
	if (binary_get(J, 1, &p, &n) == 0)
		encoding_push_bytes(J, p, n);
	else
		js_copy(J, 1);
	js_concat(J);
	js_setproperty(J, 0, "_data");
	js_copy(J, 0);
}

static void
hasher_digest(js_State *J)
{
	const char *enc = encoding_arg(J, 1);

	js_getproperty(J, 0, "_alg");	/* 2 */
	js_getproperty(J, 0, "_key");	/* 3 */
	js_getproperty(J, 0, "_data");	/* 4 */
	digest_push(J, js_tostring(J, 2), js_isdefined(J, 3) ? 3 : 0, 4, enc);
}

static void
new_hasher(js_State *J, int hmac)
{
	js_newobject(J);
	js_copy(J, 1);
	js_setproperty(J, -2, "_alg");
	if (hmac) {
		js_copy(J, 2);
		js_setproperty(J, -2, "_key");
	}
	js_pushliteral(J, "");
	js_setproperty(J, -2, "_data");
	js_newcfunction(J, hasher_update, "update", 1);
	js_setproperty(J, -2, "update");
	js_newcfunction(J, hasher_digest, "digest", 1);
	js_setproperty(J, -2, "digest");
}

static void c_create_hash(js_State *J) { digest_named(J, js_tostring(J, 1)); new_hasher(J, 0); }
static void c_create_hmac(js_State *J) { digest_named(J, js_tostring(J, 1)); new_hasher(J, 1); }

/* randomBytes(size): an ArrayBuffer of cryptographically strong bytes. */
static void
c_random_bytes(js_State *J)
{
	double d = js_tonumber(J, 1);
	unsigned char *p;

	/* k6 takes the size as an integer and refuses one below 1 */
	d = d != d ? 0 : d < 0 ? ceil(d) : floor(d);
	if (d < 1)
		modules_goerror(J, "invalid size");
	if (d > 1 << 30)
		js_rangeerror(J, "randomBytes: invalid size %s", js_tostring(J, 1));
	p = binary_push_new(J, (size_t)d);
	if (d > 0 && RAND_bytes(p, (int)d) != 1)
		js_error(J, "randomBytes: the random generator failed");
}

void
crypto_module_open(js_State *J)
{
	static const struct {
		const char	*name, *goname;
		js_CFunction	 fn;
		int		 n;
	} fns[] = {
		/* k6's Go methods have the functions' names */
#define C(name)	name, "go.k6.io/k6/internal/js/modules/k6/crypto.(*Crypto)." name "-fm"
		{ C("md4"), c_md4, 2 }, { C("md5"), c_md5, 2 }, { C("sha1"), c_sha1, 2 },
		{ C("sha256"), c_sha256, 2 }, { C("sha384"), c_sha384, 2 },
		{ C("sha512"), c_sha512, 2 }, { C("sha512_224"), c_sha512_224, 2 },
		{ C("sha512_256"), c_sha512_256, 2 }, { C("ripemd160"), c_ripemd160, 2 },
		{ C("hmac"), c_hmac, 4 }, { C("createHash"), c_create_hash, 1 },
		{ C("createHMAC"), c_create_hmac, 2 }, { C("randomBytes"), c_random_bytes, 1 },
#undef C
	};
	size_t i;

	js_newobject(J);
	for (i = 0; i < sizeof fns / sizeof fns[0]; i++)
		modules_setgofn(J, fns[i].fn, fns[i].name, fns[i].goname, fns[i].n);
}
