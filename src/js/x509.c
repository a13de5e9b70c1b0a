/* "k6/crypto/x509": a PEM certificate taken apart as k6's module does
 * it with Go's crypto/x509, here with OpenSSL's: parse, getAltNames,
 * getIssuer, getSubject, with k6's field names, order and GoErrors.
 * A big integer of a public key (Go's *big.Int, a BigInt in k6) is an
 * object whose toString(radix) writes it in base 10 or 16: BigInt is not
 * supported yet. */
#include "config.h"

#include <sys/socket.h>
#include <arpa/inet.h>
#include <mujs.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "js/binary.h"
#include "js/modules.h"

/* The first PEM block of arg 1, whatever its type, as a certificate (Go's
 * pem.Decode then x509.ParseCertificate); throws k6's GoErrors. */
static X509 *
cert_arg(js_State *J)
{
	const unsigned char *pem, *p;
	unsigned char *der = NULL;
	char *name = NULL, *header = NULL;
	size_t len;
	long dlen = 0;
	X509 *x = NULL;
	BIO *bio;
	int ok = 0;

	if (binary_get(J, 1, &pem, &len) != 0) {
		pem = (const unsigned char *)js_tostring(J, 1);
		len = strlen((const char *)pem);
	}
	bio = BIO_new_mem_buf(pem, (int)len);
	ok = bio != NULL && PEM_read_bio(bio, &name, &header, &der, &dlen) == 1;
	BIO_free(bio);
	if (ok) {
		p = der;
		x = d2i_X509(NULL, &p, dlen);
	}
	OPENSSL_free(name);
	OPENSSL_free(header);
	OPENSSL_free(der);
	ERR_clear_error();
	if (!ok)
		modules_goerror(J, "failed to decode certificate PEM file");
	if (x == NULL)
		modules_goerror(J, "failed to parse certificate: x509: malformed certificate");
	return x;
}

static void
set_str(js_State *J, const char *key, const char *v)
{
	js_pushstring(J, v != NULL ? v : "");
	js_setproperty(J, -2, key);
}

/* An entry's value as UTF-8, owned by OpenSSL, or NULL. */
static char *
entry_text(const X509_NAME_ENTRY *e)
{
	unsigned char *u = NULL;

	if (ASN1_STRING_to_UTF8(&u, X509_NAME_ENTRY_get_data(e)) < 0)
		return NULL;
	return (char *)u;
}

/* The first value of nid in n (Go's first(...)), or the last for the
 * common name (Go keeps the last one it reads); owned by OpenSSL. */
static char *
name_value(const X509_NAME *n, int nid)
{
	int i, at = -1;

	for (i = 0; i < X509_NAME_entry_count(n); i++)
		if (OBJ_obj2nid(X509_NAME_ENTRY_get_object(X509_NAME_get_entry(n, i))) == nid) {
			at = i;
			if (nid != NID_commonName)
				break;
		}
	return at < 0 ? NULL : entry_text(X509_NAME_get_entry(n, at));
}

static void
set_name_field(js_State *J, const X509_NAME *n, const char *key, int nid)
{
	char *v = name_value(n, nid);

	set_str(J, key, v);
	OPENSSL_free(v);
}

/* names: every attribute in order, {type: OID, value}. */
static void
push_rdns(js_State *J, const X509_NAME *n)
{
	char oid[128], *v;
	int i;

	js_newarray(J);
	for (i = 0; i < X509_NAME_entry_count(n); i++) {
		const X509_NAME_ENTRY *e = X509_NAME_get_entry(n, i);

		OBJ_obj2txt(oid, sizeof oid, X509_NAME_ENTRY_get_object(e), 1);
		v = entry_text(e);
		js_newobject(J);
		set_str(J, "type", oid);
		set_str(J, "value", v);
		OPENSSL_free(v);
		js_setindex(J, -2, i);
	}
}

static void
push_subject(js_State *J, const X509_NAME *n)
{
	char *v;
	int i, k = 0;

	js_newobject(J);
	set_name_field(J, n, "commonName", NID_commonName);
	set_name_field(J, n, "country", NID_countryName);
	set_name_field(J, n, "postalCode", NID_postalCode);
	set_name_field(J, n, "stateOrProvinceName", NID_stateOrProvinceName);
	set_name_field(J, n, "localityName", NID_localityName);
	set_name_field(J, n, "streetAddress", NID_streetAddress);
	set_name_field(J, n, "organizationName", NID_organizationName);
	js_newarray(J);
	for (i = 0; i < X509_NAME_entry_count(n); i++) {
		const X509_NAME_ENTRY *e = X509_NAME_get_entry(n, i);

		if (OBJ_obj2nid(X509_NAME_ENTRY_get_object(e)) != NID_organizationalUnitName)
			continue;
		v = entry_text(e);
		js_pushstring(J, v != NULL ? v : "");
		OPENSSL_free(v);
		js_setindex(J, -2, k++);
	}
	js_setproperty(J, -2, "organizationalUnitName");
	push_rdns(J, n);
	js_setproperty(J, -2, "names");
}

static void
push_issuer(js_State *J, const X509_NAME *n)
{
	js_newobject(J);
	set_name_field(J, n, "commonName", NID_commonName);
	set_name_field(J, n, "country", NID_countryName);
	set_name_field(J, n, "stateOrProvinceName", NID_stateOrProvinceName);
	set_name_field(J, n, "localityName", NID_localityName);
	set_name_field(J, n, "organizationName", NID_organizationName);
	push_rdns(J, n);
	js_setproperty(J, -2, "names");
}

/* altNames as Go lists them: DNS names, e-mail addresses, IP addresses,
 * URIs, each kind in the certificate's order. */
static void
push_alt_names(js_State *J, X509 *x)
{
	static const int kinds[] = { GEN_DNS, GEN_EMAIL, GEN_IPADD, GEN_URI };
	GENERAL_NAMES *gens = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
	char ip[INET6_ADDRSTRLEN];
	int k, i, n = 0;

	js_newarray(J);
	for (k = 0; k < 4 && gens != NULL; k++)
		for (i = 0; i < sk_GENERAL_NAME_num(gens); i++) {
			const GENERAL_NAME *g = sk_GENERAL_NAME_value(gens, i);
			const ASN1_STRING *s;

			if (g->type != kinds[k])
				continue;
			if (g->type == GEN_IPADD) {
				s = g->d.iPAddress;
				if (ASN1_STRING_length(s) == 4)
					inet_ntop(AF_INET, ASN1_STRING_get0_data(s), ip, sizeof ip);
				else if (ASN1_STRING_length(s) == 16)
					inet_ntop(AF_INET6, ASN1_STRING_get0_data(s), ip, sizeof ip);
				else
					continue;
				js_pushstring(J, ip);
			} else {
				s = g->type == GEN_DNS ? g->d.dNSName :
				    g->type == GEN_EMAIL ? g->d.rfc822Name :
				    g->d.uniformResourceIdentifier;
				js_pushlstring(J, (const char *)ASN1_STRING_get0_data(s),
				    ASN1_STRING_length(s));
			}
			js_setindex(J, -2, n++);
		}
	GENERAL_NAMES_free(gens);
}

/* Go's RFC 3339 in UTC. */
static void
set_time(js_State *J, const char *key, const ASN1_TIME *t)
{
	struct tm tm;
	char b[32] = "0001-01-01T00:00:00Z";

	if (ASN1_TIME_to_tm(t, &tm) == 1)
		strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
	set_str(J, key, b);
}

/* Go's x509.SignatureAlgorithm.String(). */
static const char *
signature_name(const X509 *x)
{
	static const struct {
		int		 nid;
		const char	*name;
	} names[] = {
		{ NID_md2WithRSAEncryption, "MD2-RSA" },
		{ NID_md5WithRSAEncryption, "MD5-RSA" },
		{ NID_sha1WithRSAEncryption, "SHA1-RSA" },
		{ NID_sha256WithRSAEncryption, "SHA256-RSA" },
		{ NID_sha384WithRSAEncryption, "SHA384-RSA" },
		{ NID_sha512WithRSAEncryption, "SHA512-RSA" },
		{ NID_dsaWithSHA1, "DSA-SHA1" },
		{ NID_dsa_with_SHA256, "DSA-SHA256" },
		{ NID_ecdsa_with_SHA1, "ECDSA-SHA1" },
		{ NID_ecdsa_with_SHA256, "ECDSA-SHA256" },
		{ NID_ecdsa_with_SHA384, "ECDSA-SHA384" },
		{ NID_ecdsa_with_SHA512, "ECDSA-SHA512" },
		{ NID_ED25519, "Ed25519" },
	};
	int nid = X509_get_signature_nid(x), md = 0;
	size_t i;

	if (nid == NID_rsassaPss && X509_get_signature_info((X509 *)x, &md, NULL,
	    NULL, NULL) == 1) {
		if (md == NID_sha256)
			return "SHA256-RSAPSS";
		if (md == NID_sha384)
			return "SHA384-RSAPSS";
		if (md == NID_sha512)
			return "SHA512-RSAPSS";
	}
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].nid == nid)
			return names[i].name;
	return "UnknownSignatureAlgorithm";
}

/* A big integer: its digits kept, toString(10 or 16) writes them. */
static void
big_tostring(js_State *J)
{
	const char *key = js_isundefined(J, 1) || js_tonumber(J, 1) == 10 ?
	    "@dec" : js_tonumber(J, 1) == 16 ? "@hex" : NULL;

	if (key == NULL)
		js_rangeerror(J, "toString() radix must be 10 or 16 for this integer");
	js_getproperty(J, 0, key);
}

static void
set_big(js_State *J, EVP_PKEY *k, const char *param, const char *key)
{
	BIGNUM *bn = NULL;
	char *dec, *hex, *h;

	if (EVP_PKEY_get_bn_param(k, param, &bn) != 1)
		return;
	dec = BN_bn2dec(bn);
	hex = BN_bn2hex(bn);
	BN_free(bn);
	for (h = hex; h != NULL && *h != '\0'; h++)
		*h = (char)(*h >= 'A' && *h <= 'F' ? *h - 'A' + 'a' : *h);
	js_newobject(J);
	js_pushstring(J, dec != NULL ? dec : "0");
	js_defproperty(J, -2, "@dec", JS_DONTENUM | JS_READONLY);
	/* Go's Text(16): no leading zeros */
	h = hex;
	while (h != NULL && h[0] == '0' && h[1] != '\0')
		h++;
	js_pushstring(J, h != NULL ? h : "0");
	js_defproperty(J, -2, "@hex", JS_DONTENUM | JS_READONLY);
	js_newcfunction(J, big_tostring, "toString", 1);
	js_defproperty(J, -2, "toString", JS_DONTENUM);
	OPENSSL_free(dec);
	OPENSSL_free(hex);
	js_setproperty(J, -2, key);
}

/* publicKey: {algorithm, key}, the key's fields as Go's key types name
 * them; 0 for a key Go's module does not take (Ed25519). */
static int
push_public_key(js_State *J, X509 *x)
{
	EVP_PKEY *k = X509_get0_pubkey(x);
	int id = k != NULL ? EVP_PKEY_get_base_id(k) : 0;

	if (id != EVP_PKEY_RSA && id != EVP_PKEY_EC && id != EVP_PKEY_DSA)
		return 0;
	js_newobject(J);
	set_str(J, "algorithm", id == EVP_PKEY_RSA ? "RSA" : id == EVP_PKEY_EC ?
	    "ECDSA" : "DSA");
	js_newobject(J);
	if (id == EVP_PKEY_RSA) {
		set_big(J, k, OSSL_PKEY_PARAM_RSA_N, "n");
		{
			BIGNUM *e = NULL;

			if (EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_RSA_E, &e) == 1) {
				js_pushnumber(J, (double)BN_get_word(e));
				js_setproperty(J, -2, "e");
				BN_free(e);
			}
		}
	} else if (id == EVP_PKEY_EC) {
		char curve[64] = "";

		EVP_PKEY_get_utf8_string_param(k, OSSL_PKEY_PARAM_GROUP_NAME, curve,
		    sizeof curve, NULL);
		js_newobject(J);
		set_str(J, "name", EC_curve_nid2nist(OBJ_sn2nid(curve)) != NULL ?
		    EC_curve_nid2nist(OBJ_sn2nid(curve)) : curve);
		js_setproperty(J, -2, "curve");
		set_big(J, k, OSSL_PKEY_PARAM_EC_PUB_X, "x");
		set_big(J, k, OSSL_PKEY_PARAM_EC_PUB_Y, "y");
	} else {
		js_newobject(J);
		set_big(J, k, OSSL_PKEY_PARAM_FFC_P, "p");
		set_big(J, k, OSSL_PKEY_PARAM_FFC_Q, "q");
		set_big(J, k, OSSL_PKEY_PARAM_FFC_G, "g");
		js_setproperty(J, -2, "parameters");
		set_big(J, k, OSSL_PKEY_PARAM_PUB_KEY, "y");
	}
	js_setproperty(J, -2, "key");
	return 1;
}

static void
push_certificate(js_State *J, X509 *x)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	js_newobject(J);
	push_subject(J, X509_get_subject_name(x));
	js_setproperty(J, -2, "subject");
	push_issuer(J, X509_get_issuer_name(x));
	js_setproperty(J, -2, "issuer");
	set_time(J, "notBefore", X509_get0_notBefore(x));
	set_time(J, "notAfter", X509_get0_notAfter(x));
	push_alt_names(J, x);
	js_setproperty(J, -2, "altNames");
	set_str(J, "signatureAlgorithm", signature_name(x));
	X509_digest(x, EVP_sha1(), md, &n);
	js_newarray(J);
	for (i = 0; i < n; i++) {
		js_pushnumber(J, md[i]);
		js_setindex(J, -2, (int)i);
	}
	js_setproperty(J, -2, "fingerPrint");
	if (!push_public_key(J, x))	/* x509_run frees x */
		modules_goerror(J, "unsupported public key algorithm");
	js_setproperty(J, -2, "publicKey");
}

enum { X_PARSE, X_ALTNAMES, X_ISSUER, X_SUBJECT };

/* Take x apart as what asks for it; x is freed on every path. */
static void
x509_run(js_State *J, int what)
{
	X509 *volatile x = cert_arg(J);	/* kept across js_try's setjmp */

	if (js_try(J)) {
		X509_free(x);
		js_throw(J);
	}
	switch (what) {
	case X_PARSE:
		push_certificate(J, x);
		break;
	case X_ALTNAMES:
		push_alt_names(J, x);
		break;
	case X_ISSUER:
		push_issuer(J, X509_get_issuer_name(x));
		break;
	default:
		push_subject(J, X509_get_subject_name(x));
	}
	js_endtry(J);
	X509_free(x);
}

static void x_parse(js_State *J) { x509_run(J, X_PARSE); }
static void x_altnames(js_State *J) { x509_run(J, X_ALTNAMES); }
static void x_issuer(js_State *J) { x509_run(J, X_ISSUER); }
static void x_subject(js_State *J) { x509_run(J, X_SUBJECT); }

void
x509_module_open(js_State *J)
{
	js_newobject(J);
	modules_setfn(J, x_parse, "parse", 1);
	modules_setfn(J, x_altnames, "getAltNames", 1);
	modules_setfn(J, x_issuer, "getIssuer", 1);
	modules_setfn(J, x_subject, "getSubject", 1);
}
