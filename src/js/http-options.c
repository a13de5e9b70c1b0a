/* k6/http's options: TLS versions, cipher suites, client certificates
 * (options.tlsAuth), and the script options libcurl needs. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <mujs.h>
#include <string.h>
#include <strings.h>

#include "engine/module.h"
#include "js/modules.h"
#include "util/xmalloc.h"
#include "js/http-int.h"
#include "net/netblock.h"

static long
tls_const(const char *v, int max)
{
	static const struct { const char *n; long lo, hi; } t[] = {
		{ "tls1.0", CURL_SSLVERSION_TLSv1_0, CURL_SSLVERSION_MAX_TLSv1_0 },
		{ "tls1.1", CURL_SSLVERSION_TLSv1_1, CURL_SSLVERSION_MAX_TLSv1_1 },
		{ "tls1.2", CURL_SSLVERSION_TLSv1_2, CURL_SSLVERSION_MAX_TLSv1_2 },
		{ "tls1.3", CURL_SSLVERSION_TLSv1_3, CURL_SSLVERSION_MAX_TLSv1_3 },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(v, t[i].n) == 0)
			return max ? t[i].hi : t[i].lo;
	return 0;
}

/* k6's cipher suite names (Go's) as OpenSSL names them.  The names
 * src/js/coordinator/options.js accepts must be these. */
static const struct cipher_name {
	const char	*k6, *ossl;
	int		 tls13;
} cipher_names[] = {
	{ "TLS_RSA_WITH_RC4_128_SHA", "RC4-SHA", 0 },
	{ "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "DES-CBC3-SHA", 0 },
	{ "TLS_RSA_WITH_AES_128_CBC_SHA", "AES128-SHA", 0 },
	{ "TLS_RSA_WITH_AES_256_CBC_SHA", "AES256-SHA", 0 },
	{ "TLS_RSA_WITH_AES_128_CBC_SHA256", "AES128-SHA256", 0 },
	{ "TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256", 0 },
	{ "TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384", 0 },
	{ "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", "ECDHE-ECDSA-RC4-SHA", 0 },
	{ "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "ECDHE-ECDSA-AES128-SHA", 0 },
	{ "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "ECDHE-ECDSA-AES256-SHA", 0 },
	{ "TLS_ECDHE_RSA_WITH_RC4_128_SHA", "ECDHE-RSA-RC4-SHA", 0 },
	{ "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "ECDHE-RSA-DES-CBC3-SHA", 0 },
	{ "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "ECDHE-RSA-AES128-SHA", 0 },
	{ "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "ECDHE-RSA-AES256-SHA", 0 },
	{ "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "ECDHE-ECDSA-AES128-SHA256", 0 },
	{ "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "ECDHE-RSA-AES128-SHA256", 0 },
	{ "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256", 0 },
	{ "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256", 0 },
	{ "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384", 0 },
	{ "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384", 0 },
	{ "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305", 0 },
	{ "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305", 0 },
	{ "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "ECDHE-RSA-CHACHA20-POLY1305", 0 },
	{ "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "ECDHE-ECDSA-CHACHA20-POLY1305", 0 },
	{ "TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256", 1 },
	{ "TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384", 1 },
	{ "TLS_CHACHA20_POLY1305_SHA256", "TLS_CHACHA20_POLY1305_SHA256", 1 },
};

/* options.tlsCipherSuites: an OpenSSL list for TLS 1.2 and one for 1.3.
 * As in k6 (Go), a list of TLS 1.2 suites leaves TLS 1.3 alone; TLS 1.3
 * names restrict TLS 1.3 as well. */
static void
hv_ciphers(js_State *J, struct http_vu *hv)
{
	struct buf b12 = BUF_INIT, b13 = BUF_INIT;
	size_t i, j;
	int n;

	n = js_getlength(J, -1);
	for (i = 0; i < (size_t)n; i++) {
		const char *name;

		js_getindex(J, -1, (int)i);
		name = js_tostring(J, -1);
		for (j = 0; j < sizeof cipher_names / sizeof cipher_names[0]; j++) {
			struct buf *b = cipher_names[j].tls13 ? &b13 : &b12;

			if (strcmp(name, cipher_names[j].k6) != 0)
				continue;
			buf_printf(b, "%s%s", b->len ? ":" : "", cipher_names[j].ossl);
			break;
		}
		js_pop(J, 1);
	}
	hv->ciphers = b12.len ? buf_steal(&b12) : NULL;
	hv->ciphers13 = b13.len ? buf_steal(&b13) : NULL;
	buf_free(&b12);
	buf_free(&b13);
}

static char *
opt_dup(js_State *J, int idx, const char *key)
{
	char *v = NULL;

	js_getproperty(J, idx, key);
	if (js_isstring(J, -1))
		v = xstrdup(js_tostring(J, -1));
	js_pop(J, 1);
	return v;
}

/* options.tlsAuth, read once per process: the VUs of a worker share
 * their options, and certificates are too big to copy into each VU. */
static struct http_tlsauth *tlsauth;
size_t ntlsauth;
static int tlsauth_read;

/* options.tlsAuth, on the stack. */
static void
read_tlsauth(js_State *J)
{
	int i, j, n, nd;

	if (tlsauth_read)
		return;
	tlsauth_read = 1;
	n = js_getlength(J, -1);
	if (n <= 0)
		return;
	tlsauth = xcalloc((size_t)n, sizeof *tlsauth);
	for (i = 0; i < n; i++) {
		struct http_tlsauth *ta = &tlsauth[ntlsauth++];

		js_getindex(J, -1, i);
		ta->cert = opt_dup(J, -1, "cert");
		ta->key = opt_dup(J, -1, "key");
		ta->password = opt_dup(J, -1, "password");
		js_getproperty(J, -1, "domains");
		if (js_isarray(J, -1) && (nd = js_getlength(J, -1)) > 0) {
			ta->domains = xcalloc((size_t)nd, sizeof *ta->domains);
			for (j = 0; j < nd; j++) {
				js_getindex(J, -1, j);
				ta->domains[ta->ndomains++] = xstrdup(js_tostring(J, -1));
				js_pop(J, 1);
			}
		}
		js_pop(J, 2);
	}
}

/* The client certificate for host: the first entry that names host in
 * its domains, else the first entry (k6 hands Go every certificate and
 * Go sends the first one the server accepts, whatever its domains). */
const struct http_tlsauth *
tlsauth_for(const char *host)
{
	size_t i, j;

	for (i = 0; i < ntlsauth; i++)
		for (j = 0; j < tlsauth[i].ndomains; j++)
			if (strcasecmp(tlsauth[i].domains[j], host) == 0)
				return &tlsauth[i];
	return ntlsauth > 0 ? &tlsauth[0] : NULL;
}

static int netblock_read;

/* Give add each string of the array at the property name of the object
 * on top. */
static void
each_string(js_State *J, const char *name, int (*add)(const char *))
{
	int i, n;

	js_getproperty(J, -1, name);
	n = js_isarray(J, -1) ? js_getlength(J, -1) : 0;
	for (i = 0; i < n; i++) {
		js_getindex(J, -1, i);
		if (js_isstring(J, -1))
			add(js_tostring(J, -1));
		js_pop(J, 1);
	}
	js_pop(J, 1);
}

/* blacklistIPs and blockHostnames of the options object on top, once
 * per process: the same for every VU (src/js/coordinator/options.js
 * refused bad ones). */
static void
read_netblock(js_State *J)
{
	if (netblock_read)
		return;
	netblock_read = 1;
	each_string(J, "blacklistIPs", netblock_add_cidr);
	each_string(J, "blockHostnames", netblock_add_host);
}

void
modules_netblock(js_State *J, struct vu *vu)
{
	const char *json;

	if (netblock_read || (json = vu_options_json(vu)) == NULL)
		return;
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pushstring(J, json);
	if (js_pcall(J, 1) == 0 && js_isobject(J, -1))
		read_netblock(J);
	js_pop(J, 1);
}

int
hv_hosts_match(const struct http_vu *hv, const char *host, long port)
{
	const struct curl_slist *l;
	size_t n = strlen(host);
	const char *p;

	/* "NAME:PORT:ADDRESS:PORT", the first PORT empty for any */
	for (l = hv->connect_to; l != NULL; l = l->next) {
		if (strncasecmp(l->data, host, n) != 0 || l->data[n] != ':')
			continue;
		p = l->data + n + 1;
		if (*p == ':' || strtol(p, NULL, 10) == port)
			return 1;
	}
	return 0;
}

/* The script options libcurl needs that runopts does not carry: hosts
 * (as CURLOPT_CONNECT_TO, so Host and SNI stay the name), tlsVersion,
 * tlsCipherSuites, tlsAuth, blacklistIPs and blockHostnames.  Read from
 * the consolidated options JSON; src/js/coordinator/options.js
 * validated it. */
void
hv_options(js_State *J, struct http_vu *hv)
{
	const char *json = vu_options_json(hv->vu), *k;
	struct buf b = BUF_INIT;

	if (json == NULL)
		return;
	js_getglobal(J, "JSON");
	js_getproperty(J, -1, "parse");
	js_rot2(J);
	js_pushstring(J, json);
	if (js_pcall(J, 1) || !js_isobject(J, -1)) {
		js_pop(J, 1);
		return;
	}
	js_getproperty(J, -1, "hosts");
	if (js_isobject(J, -1)) {
		js_pushiterator(J, -1, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			const char *v;

			js_getproperty(J, -2, k);
			v = js_tostring(J, -1);
			/* a throw above leaks nothing: b is still empty here */
			buf_reset(&b);
			buf_printf(&b, "%s%s%s%s", k, strchr(k, ':') ? ":" : "::", v,
			    strchr(v, ':') ? "" : ":");
			hv->connect_to = curl_slist_append(hv->connect_to, b.data);
			js_pop(J, 1);
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);
	buf_free(&b);
	js_getproperty(J, -1, "tlsVersion");
	if (js_isstring(J, -1)) {
		hv->sslversion = tls_const(js_tostring(J, -1), 0) |
		    tls_const(js_tostring(J, -1), 1);
	} else if (js_isobject(J, -1)) {
		js_getproperty(J, -1, "min");
		if (js_isstring(J, -1))
			hv->sslversion |= tls_const(js_tostring(J, -1), 0);
		js_pop(J, 1);
		js_getproperty(J, -1, "max");
		if (js_isstring(J, -1))
			hv->sslversion |= tls_const(js_tostring(J, -1), 1);
		js_pop(J, 1);
	}
	js_pop(J, 1);
	js_getproperty(J, -1, "tlsCipherSuites");
	if (js_isarray(J, -1))
		hv_ciphers(J, hv);
	js_pop(J, 1);
	js_getproperty(J, -1, "tlsAuth");
	if (js_isarray(J, -1))
		read_tlsauth(J);
	js_pop(J, 1);
	read_netblock(J);
	js_pop(J, 1);
}
