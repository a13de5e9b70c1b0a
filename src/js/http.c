/* k6/http: requests on the worker's libcurl multi, k6's metrics and tags.
 *
 * A call (http.get, http.batch, ...) first reads all its arguments into
 * struct http_req entries owned by the VU (http-int.h), then starts the
 * transfers and blocks the VU.  Completion callbacks only record the result
 * and wake the VU; back on the VU's coroutine each finished hop is
 * measured, its cookies stored, and a redirect starts the next hop.
 * Redirects are followed here, not by libcurl, because k6 counts and times
 * every hop. */
#include "config.h"

#include <sys/socket.h>

#include <ctype.h>
#include <dlfcn.h>
#include <errno.h>
#include <mujs.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <zlib.h>

#include "engine/engine.h"
#include "js/binary.h"
#include "js/http-digest.h"
#include "js/http-debug.h"
#include "js/http-int.h"
#include "js/http-url.h"
#include "js/modules.h"
#include "net/net.h"
#include "util/duration.h"
#include "util/format.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

enum { RQ_QUEUED, RQ_RUNNING, RQ_HOP_DONE, RQ_COMPLETE };

#define DEFAULT_TIMEOUT_MS	60000
#define INIT_MSG	"Making http requests in the init context is not supported"

/* System tags, as bits of http_vu.systags. */
enum {
	ST_METHOD = 1 << 0, ST_STATUS = 1 << 1, ST_URL = 1 << 2, ST_NAME = 1 << 3,
	ST_PROTO = 1 << 4, ST_TLS = 1 << 5, ST_EXPECTED = 1 << 6,
	ST_ERROR = 1 << 7, ST_ERROR_CODE = 1 << 8,
};

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

/* A string parameter that takes one of a few names. */
struct choice {
	const char	*name;
	long		 value;
};

static const struct choice response_types[] = {
	{ "text", RT_TEXT }, { "binary", RT_BINARY }, { "none", RT_NONE },
	{ NULL, 0 }
};

static const struct choice auth_schemes[] = {
	{ "basic", CURLAUTH_BASIC }, { "digest", CURLAUTH_DIGEST },
	{ "ntlm", CURLAUTH_NTLM }, { NULL, 0 }
};

/* params[key] (params at idx) as the value of its name in c; dflt when
 * it is undefined; an error naming the choices otherwise. */
static long
param_choice(js_State *J, int idx, const char *key, const struct choice *c,
    long dflt)
{
	struct buf	 expected = BUF_INIT;
	const char	*v;
	size_t		 i;

	js_getproperty(J, idx, key);
	if (!js_isdefined(J, -1)) {
		js_pop(J, 1);
		return dflt;
	}
	v = js_tostring(J, -1);
	for (i = 0; c[i].name != NULL; i++)
		if (strcmp(v, c[i].name) == 0) {
			js_pop(J, 1);
			return c[i].value;
		}
	for (i = 0; c[i].name != NULL; i++)
		buf_printf(&expected, "%s\"%s\"", i == 0 ? "" :
		    c[i + 1].name == NULL ? " or " : ", ", c[i].name);
	js_pushstring(J, expected.data);
	buf_free(&expected);
	js_error(J, "invalid params.%s \"%s\": expected %s", key, v,
	    js_tostring(J, -1));
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
static size_t ntlsauth;
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
static const struct http_tlsauth *
tlsauth_for(const char *host)
{
	size_t i, j;

	for (i = 0; i < ntlsauth; i++)
		for (j = 0; j < tlsauth[i].ndomains; j++)
			if (strcasecmp(tlsauth[i].domains[j], host) == 0)
				return &tlsauth[i];
	return ntlsauth > 0 ? &tlsauth[0] : NULL;
}

/* The script options libcurl needs that runopts does not carry: hosts
 * (as CURLOPT_CONNECT_TO, so Host and SNI stay the name), tlsVersion,
 * tlsCipherSuites and tlsAuth.  Read from the consolidated options JSON;
 * src/js/coordinator/options.js validated it. */
static void
hv_options(js_State *J, struct http_vu *hv)
{
	const char *json = hv->vu->engine->options_json, *k;
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
	js_pop(J, 2);
}

/* The VU's HTTP state, created on first use; what is the message for a
 * call from the init context. */
static struct http_vu *
hv_get(js_State *J, const char *what)
{
	struct vu *vu = vu_of(J);
	struct http_vu *hv = vu->http;
	static const struct { const char *n; unsigned bit; } st[] = {
		{ "method", ST_METHOD }, { "status", ST_STATUS }, { "url", ST_URL },
		{ "name", ST_NAME }, { "proto", ST_PROTO }, { "tls_version", ST_TLS },
		{ "expected_response", ST_EXPECTED }, { "error", ST_ERROR },
		{ "error_code", ST_ERROR_CODE },
	};
	static const char *const proxy_vars[] = {
		"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
	};
	const char *ca;
	size_t i;

	if (vu->in_init)
		js_error(J, "%s", what);
	if (hv != NULL)
		return hv;
	hv = vu->http = xcalloc(1, sizeof *hv);
	hv->vu = vu;
	hv->jar = http_cookie_jar_new();
	hv->share = curl_share_init();
	curl_share_setopt(hv->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
	curl_share_setopt(hv->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
	curl_share_setopt(hv->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
	hv->cb = CB_VU;
	for (i = 0; i < sizeof st / sizeof st[0]; i++)
		if (engine_system_tag(vu->engine, st[i].n))
			hv->systags |= st[i].bit;
	/* k6 has no CA option; Go reads SSL_CERT_FILE and SSL_CERT_DIR,
	 * and so do we.  Without SSL_CERT_DIR, libcurl's own directory. */
	ca = getenv("SSL_CERT_FILE");
	if (ca != NULL && *ca != '\0')
		hv->cainfo = ca;
	ca = getenv("SSL_CERT_DIR");
	if (ca == NULL || *ca == '\0')
		ca = curl_version_info(CURLVERSION_NOW)->capath;
	if (ca != NULL && *ca != '\0')
		hv->certdirs = xstrdup(ca);
	/* libcurl looks the proxy variables up on every transfer; when none
	 * is set, tell it once (k6 honours them too, so keep them if set). */
	hv->no_proxy_env = 1;
	for (i = 0; i < sizeof proxy_vars / sizeof proxy_vars[0]; i++)
		if (getenv(proxy_vars[i]) != NULL)
			hv->no_proxy_env = 0;
	hv_options(J, hv);
	return hv;
}

static void
req_reset(struct http_req *r)
{
	size_t i;

	free(r->method);
	free(r->url);
	free(r->name);
	free(r->host);
	free(r->path);
	free(r->orig_url);
	buf_free(&r->body);
	for (i = 0; i < r->nhdrs; i++) {
		free(r->hdrs[i].name);
		free(r->hdrs[i].value);
	}
	free(r->hdrs);
	for (i = 0; i < r->npcookies; i++) {
		free(r->pcookies[i].name);
		free(r->pcookies[i].value);
	}
	free(r->pcookies);
	free(r->ranges);
	curl_slist_free_all(r->slist);
	free(r->cookie_hdr);
	free(r->authz);
	buf_free(&r->rbody);
	buf_free(&r->rhead);
	free(r->error);
	free(r->log_error);
	free(r->tls_version);
	free(r->tls_cipher);
	free(r->remote_ip);
	http_debug_end(&r->debug);
	memset(r, 0, sizeof *r);
}

/* Like req_reset, but the buffers keep their storage for the next
 * request of the slot (unless a big body made them large). */
static void
req_recycle(struct http_req *r)
{
	struct buf keep[3] = { r->body, r->rbody, r->rhead };
	size_t i;

	memset(&r->body, 0, sizeof r->body);
	memset(&r->rbody, 0, sizeof r->rbody);
	memset(&r->rhead, 0, sizeof r->rhead);
	req_reset(r);
	for (i = 0; i < 3; i++) {
		if (keep[i].size > ((size_t)1 << 20))
			buf_free(&keep[i]);
		buf_reset(&keep[i]);
	}
	r->body = keep[0];
	r->rbody = keep[1];
	r->rhead = keep[2];
	r->rbody.cap = HTTP_BODY_CAP;
}

/* Forget the previous call's requests and make room for n. */
static void
hv_begin(struct http_vu *hv, size_t n)
{
	size_t i;

	for (i = 0; i < hv->nreqs; i++)
		req_recycle(&hv->reqs[i]);
	hv->nreqs = 0;
	if (n > hv->creqs) {
		hv->reqs = xreallocarray(hv->reqs, n, sizeof *hv->reqs);
		memset(hv->reqs + hv->creqs, 0, (n - hv->creqs) * sizeof *hv->reqs);
		hv->creqs = n;
	}
}

static struct http_req *
hv_add(struct http_vu *hv)
{
	struct http_req *r = &hv->reqs[hv->nreqs++];
	struct vu *vu = hv->vu;
	const struct runopts *o = vu->engine->opts;

	/* r is zero but for the recycled buffers */
	r->hv = hv;
	r->tags = vu->tags;
	r->jar = hv->jar;
	r->max_redirects = o != NULL ? (long)o->max_redirects : 10;
	r->rtype = o != NULL && o->discard_response_bodies ? RT_NONE : RT_TEXT;
	r->throw_errors = o != NULL && o->throw_errors;
	r->deadline = engine_now() + (int64_t)DEFAULT_TIMEOUT_MS * 1000000;
	r->cb = CB_VU;
	r->rbody.cap = HTTP_BODY_CAP;
	return r;
}

/* Argument reading.  Everything here may throw; what it allocates
 * belongs to the request already. */

/* r cannot be sent: k6 answers with an error response (and, for fault
 * HTTP_URL_SEND, counts the request) instead of throwing.  Takes msg. */
static void
url_fault(struct http_req *r, const char *url, enum http_url_fault fault,
    char *msg)
{
	free(r->host);
	free(r->path);
	free(r->url);
	free(r->orig_url);
	free(r->error);
	r->url_fault = fault;
	r->error = msg;
	r->error_code = fault == HTTP_URL_PARSE ? 1020 : 1000;
	r->host = xstrdup("");
	r->path = xstrdup("/");
	/* a URL Go could not parse is not shown */
	r->url = xstrdup(fault == HTTP_URL_PARSE ? "" : url);
	r->orig_url = xstrdup(r->url);
}

static void
set_url(js_State *J, struct http_req *r, const char *url)
{
	struct http_vu *hv = r->hv;
	CURLU *u;
	CURLUcode rc;
	char *scheme = NULL, *host = NULL, *path = NULL, *user = NULL, *clean = NULL;
	char *p;
	enum http_url_fault fault;

	/* Scripts hit the same URL again and again: parse it once. */
	if (hv->last_url != NULL && strcmp(url, hv->last_url) == 0) {
		free(r->host);
		free(r->path);
		free(r->url);
		r->host = xstrdup(hv->last_host);
		r->path = xstrdup(hv->last_path);
		r->url = xstrdup(url);
		r->port = hv->last_port;
		r->https = hv->last_https;
		if (r->orig_url == NULL || r->nredirects > 0) {
			free(r->orig_url);
			r->orig_url = xstrdup(hv->last_clean);
		}
		return;
	}
	if ((p = http_url_check(url, &fault)) != NULL) {
		url_fault(r, url, fault, p);
		return;
	}
	u = curl_url();
	rc = curl_url_set(u, CURLUPART_URL, url, 0);
	if (rc == CURLUE_OK)
		rc = curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
	if (rc == CURLUE_OK)
		rc = curl_url_get(u, CURLUPART_HOST, &host, 0);
	if (rc != CURLUE_OK) {
		/* Go parses it, libcurl does not */
		curl_free(scheme);
		curl_url_cleanup(u);
#if LIBCURL_VERSION_NUM >= 0x075000	/* 7.80 */
		p = xasprintf("invalid URL: %s", curl_url_strerror(rc));
#else
		p = xstrdup("invalid URL");
#endif
		url_fault(r, url, HTTP_URL_PARSE, p);
		return;
	}
	curl_url_get(u, CURLUPART_PATH, &path, 0);
	{
		char *port = NULL;

		if (curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK)
			r->port = atol(port);
		curl_free(port);
	}
	r->https = strcmp(scheme, "https") == 0;
	free(r->host);
	free(r->path);
	free(r->url);
	r->host = xstrdup(host);
	for (p = r->host; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	r->path = xstrdup(path != NULL ? path : "/");
	r->url = xstrdup(url);
	/* The url tag never shows credentials. */
	if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK) {
		curl_url_set(u, CURLUPART_USER, NULL, 0);
		curl_url_set(u, CURLUPART_PASSWORD, NULL, 0);
		curl_url_get(u, CURLUPART_URL, &clean, 0);
	}
	if (r->orig_url == NULL || r->nredirects > 0) {
		free(r->orig_url);
		r->orig_url = xstrdup(clean != NULL ? clean : url);
	}
	free(hv->last_url);
	free(hv->last_host);
	free(hv->last_path);
	free(hv->last_clean);
	hv->last_url = xstrdup(url);
	hv->last_host = xstrdup(r->host);
	hv->last_path = xstrdup(r->path);
	hv->last_clean = xstrdup(clean != NULL ? clean : url);
	hv->last_port = r->port;
	hv->last_https = r->https;
	curl_free(scheme);
	curl_free(host);
	curl_free(path);
	curl_free(user);
	curl_free(clean);
	curl_url_cleanup(u);
}

/* The URL argument: a string, or what http.url`...` returns. */
static void
read_url(js_State *J, struct http_req *r, int idx)
{
	if (js_isobject(J, idx) && js_hasproperty(J, idx, "__ly_url")) {
		js_pop(J, 1);
		js_getproperty(J, idx, "url");
		set_url(J, r, js_tostring(J, -1));
		js_pop(J, 1);
		js_getproperty(J, idx, "name");
		if (js_isstring(J, -1)) {
			r->name = xstrdup(js_tostring(J, -1));
			r->url_is_name = 1;
		}
		js_pop(J, 1);
		return;
	}
	if (!js_isstring(J, idx) && !js_isobject(J, idx)) {
		/* k6 prints the value as Go's %v does */
		char *m = xasprintf("invalid URL: '#%s'", js_isundefined(J, idx) ||
		    js_isnull(J, idx) ? "<nil>" : js_tostring(J, idx));

		url_fault(r, "", HTTP_URL_PARSE, m);
		return;
	}
	set_url(J, r, js_tostring(J, idx));
}

static void
form_escape(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
			buf_putc(b, c);
		else if (c == ' ')
			buf_putc(b, '+');
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
}

/* One field of a form body (each_field's fn; no argument). */
static void
form_pair(js_State *J, const char *unused, struct buf *b, const char *k, int idx)
{
	if (b->len > 0)
		buf_putc(b, '&');
	form_escape(b, k);
	buf_putc(b, '=');
	if (!js_isundefined(J, idx) && !js_isnull(J, idx) && !js_isobject(J, idx))
		form_escape(b, js_tostring(J, idx));
}

/* Push the sorted own enumerable keys of the object at idx (Go's
 * url.Values and k6's multipart writer go in key order); their number. */
static int
push_sorted_keys(js_State *J, int idx)
{
	const char *k;
	int n = 0;

	js_newarray(J);
	js_pushiterator(J, idx, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		js_pushstring(J, k);
		js_setindex(J, -3, n++);
	}
	js_pop(J, 1);
	js_getproperty(J, -1, "sort");
	js_rot2(J);
	js_call(J, 0);
	return n;
}

/* fn(J, arg, b, key, value index) for each field of the object at idx,
 * in key order; an array value gives one call per element. */
static void
each_field(js_State *J, int idx, void (*fn)(js_State *, const char *,
    struct buf *, const char *, int), const char *arg, struct buf *b)
{
	int i, j, n, len, keys;

	n = push_sorted_keys(J, idx);
	keys = js_gettop(J) - 1;
	for (i = 0; i < n; i++) {
		js_getindex(J, keys, i);
		js_getproperty(J, idx, js_tostring(J, -1));
		if (js_isarray(J, -1)) {
			len = js_getlength(J, -1);
			for (j = 0; j < len; j++) {
				js_getindex(J, -1, j);
				fn(J, arg, b, js_tostring(J, -3), js_gettop(J) - 1);
				js_pop(J, 1);
			}
		} else
			fn(J, arg, b, js_tostring(J, -2), js_gettop(J) - 1);
		js_pop(J, 2);
	}
	js_pop(J, 1);
}

/* An object body: form-urlencoded, keys sorted as Go's url.Values does.
 * The keys stay on the JavaScript stack, so a throwing toString leaks
 * nothing. */
static void
read_form(js_State *J, struct http_req *r, int idx)
{
	each_field(J, idx, form_pair, NULL, &r->body);
	r->has_body = 1;
	r->form = 1;
}

static void add_hdr(struct http_req *, const char *, const char *);

/* Whether the value at idx came from http.file(). */
static int
is_file(js_State *J, int idx)
{
	int yes;

	if (!js_isobject(J, idx))
		return 0;
	js_getproperty(J, idx, "__ly_file");
	yes = js_toboolean(J, -1);
	js_pop(J, 1);
	return yes;
}

/* Append the bytes of the value at idx: an ArrayBuffer's or a view's, or
 * those of its string. */
static void
add_bytes(js_State *J, struct buf *b, int idx)
{
	const unsigned char *p;
	size_t n;

	if (binary_get(J, idx, &p, &n) == 0)
		buf_add(b, p, n);
	else
		buf_puts(b, js_tostring(J, idx));
}

/* A quoted-string parameter as Go's mime/multipart writes it. */
static void
add_quoted(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* One part of a multipart body: the value at idx under the name k
 * (each_field's fn; its argument is the boundary). */
static void
multipart_part(js_State *J, const char *bound, struct buf *b, const char *k,
    int idx)
{
	buf_printf(b, "%s--%s\r\nContent-Disposition: form-data; name=",
	    b->len > 0 ? "\r\n" : "", bound);
	add_quoted(b, k);
	if (is_file(J, idx)) {
		buf_puts(b, "; filename=");
		js_getproperty(J, idx, "filename");
		add_quoted(b, js_tostring(J, -1));
		js_getproperty(J, idx, "content_type");
		/* A line break would end the part's headers early. */
		if (strpbrk(k, "\r\n") != NULL ||
		    strpbrk(js_tostring(J, -2), "\r\n") != NULL ||
		    strpbrk(js_tostring(J, -1), "\r\n") != NULL)
			js_error(J, "multipart body: the name, filename or content "
			    "type of field \"%s\" contains a line break", k);
		buf_printf(b, "\r\nContent-Type: %s\r\n\r\n", js_tostring(J, -1));
		js_getproperty(J, idx, "data");
		add_bytes(J, b, -1);
		js_pop(J, 3);
	} else {
		buf_puts(b, "\r\n\r\n");
		if (!js_isundefined(J, idx) && !js_isnull(J, idx))
			add_bytes(J, b, idx);
	}
}

/* An object body with an http.file() value: multipart/form-data, as k6
 * (Go's mime/multipart) writes it, fields in key order.  The boundary
 * goes into the Content-Type header, which the script's own replaces. */
static void
read_multipart(js_State *J, struct http_req *r, int idx)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char rnd[30];
	char bound[61], *ct;
	int i;

	if (RAND_bytes(rnd, sizeof rnd) != 1)
		js_error(J, "multipart body: the random generator failed");
	for (i = 0; i < (int)sizeof rnd; i++) {
		bound[2 * i] = hex[rnd[i] >> 4];
		bound[2 * i + 1] = hex[rnd[i] & 15];
	}
	bound[60] = '\0';
	each_field(J, idx, multipart_part, bound, &r->body);
	buf_printf(&r->body, "\r\n--%s--\r\n", bound);
	r->has_body = 1;
	ct = xasprintf("multipart/form-data; boundary=%s", bound);
	add_hdr(r, "Content-Type", ct);
	free(ct);
}

static void
read_body(js_State *J, struct http_req *r, int idx)
{
	const unsigned char *p;
	const char *k;
	size_t n;
	int file = 0;

	if (js_isundefined(J, idx) || js_isnull(J, idx))
		return;
	if (binary_get(J, idx, &p, &n) == 0) {
		/* An ArrayBuffer or a view: its bytes, as they are. */
		add_bytes(J, &r->body, idx);
		r->has_body = 1;
		return;
	}
	if (js_isobject(J, idx) && !js_isarray(J, idx) && !js_iscallable(J, idx)) {
		js_pushiterator(J, idx, 1);
		while (!file && (k = js_nextiterator(J, -1)) != NULL) {
			/* an http.file() value asks for multipart */
			js_pushstring(J, k);
			js_getproperty(J, idx, js_tostring(J, -1));
			file = is_file(J, -1);
			js_pop(J, 2);
		}
		js_pop(J, 1);
		if (file)
			read_multipart(J, r, idx);
		else
			read_form(J, r, idx);
		return;
	}
	buf_puts(&r->body, js_tostring(J, idx));
	r->has_body = 1;
}

/* A timeout: a duration string ("10s") or milliseconds. */
static int64_t
read_timeout(js_State *J, int idx)
{
	double ms;

	if (js_isnumber(J, idx))
		ms = js_tonumber(J, idx);
	else if (duration_parse(js_tostring(J, idx), &ms) == -1)
		js_error(J, "invalid params.timeout \"%s\": expected a duration "
		    "like \"10s\" or milliseconds", js_tostring(J, idx));
	if (!(ms > 0))
		js_error(J, "invalid params.timeout: it must be positive");
	return ms_to_ns(ms);
}

/* Ranges from an expectedStatuses() object at idx into *out. */
static void
read_ranges(js_State *J, int idx, struct http_range **out, size_t *n)
{
	int i, len;

	if (!js_isobject(J, idx) || !js_hasproperty(J, idx, "__ly_expected"))
		js_typeerror(J, "a response callback must come from "
		    "http.expectedStatuses()");
	len = js_getlength(J, -1);
	*out = xreallocarray(*out, (size_t)len + 1, sizeof **out);
	*n = 0;
	for (i = 0; i + 1 < len; i += 2) {
		js_getindex(J, -1, i);
		(*out)[*n].min = js_toint32(J, -1);
		js_pop(J, 1);
		js_getindex(J, -1, i + 1);
		(*out)[*n].max = js_toint32(J, -1);
		js_pop(J, 1);
		(*n)++;
	}
	js_pop(J, 1);
}

/* Go's client refuses what would split or forge a header line. */
static void
check_hdr(js_State *J, const char *name, const char *value)
{
	const char *p;

	if (*name == '\0')
		js_error(J, "invalid params.headers: an empty header name");
	for (p = name; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == ':' || *p == 0x7f)
			js_error(J, "invalid params.headers: bad header name \"%s\"", name);
	if (strpbrk(value, "\r\n") != NULL)
		js_error(J, "invalid params.headers: the value of %s contains a "
		    "line break", name);
}

static void
add_hdr(struct http_req *r, const char *name, const char *value)
{
	r->hdrs = xreallocarray(r->hdrs, r->nhdrs + 1, sizeof *r->hdrs);
	r->hdrs[r->nhdrs].name = xstrdup(name);
	r->hdrs[r->nhdrs++].value = xstrdup(value);
}

/* Compress b in place with zlib: gzip (gzip) or zlib format (deflate,
 * which is what HTTP means by it).  -1 if zlib fails. */
static int
deflate_buf(struct buf *b, int gzip)
{
	struct buf out = BUF_INIT;
	z_stream z;
	int rc;

	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzip ? 31 : 15,
	    8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	if (buf_reserve(&out, deflateBound(&z, (uLong)b->len)) == -1) {
		deflateEnd(&z);
		return -1;
	}
	z.next_in = (Bytef *)(b->data != NULL ? b->data : "");
	z.avail_in = (uInt)b->len;
	z.next_out = (Bytef *)out.data;
	z.avail_out = (uInt)(out.size - 1);
	rc = deflate(&z, Z_FINISH);
	out.len = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		buf_free(&out);
		return -1;
	}
	out.data[out.len] = '\0';
	out.cap = b->cap;
	buf_free(b);
	*b = out;
	return 0;
}

/* The next name of a list separated by commas and spaces, from *pp: its
 * start, with *n its length, or NULL at the end; *pp moves past it. */
static const char *
next_name(const char **pp, size_t *n)
{
	const char *p = *pp + strspn(*pp, ", ");

	*n = strcspn(p, ", ");
	*pp = p + *n;
	return *n > 0 ? p : NULL;
}

/* params.compression: "gzip", "deflate" or a comma-separated list of
 * them, applied in order; the body is sent compressed (and counted so in
 * data_sent) with the matching Content-Encoding. */
static void
compress_body(js_State *J, struct http_req *r, const char *list)
{
	struct buf enc = BUF_INIT;
	const char *p, *a;
	size_t n;

	/* Check the whole list before changing anything. */
	for (p = list; (a = next_name(&p, &n)) != NULL;) {
		if ((n == 2 && strncmp(a, "br", 2) == 0) ||
		    (n == 4 && strncmp(a, "zstd", 4) == 0))
			js_error(J, "not supported yet: compression %.*s",
			    (int)n, a);
		if (!(n == 4 && strncmp(a, "gzip", 4) == 0) &&
		    !(n == 7 && strncmp(a, "deflate", 7) == 0))
			js_error(J, "invalid params.compression \"%s\": unknown "
			    "algorithm \"%.*s\" (gzip, deflate)", list, (int)n, a);
	}
	if (!r->has_body)
		return;
	/* list stays on the caller's JavaScript stack meanwhile */
	for (p = list; (a = next_name(&p, &n)) != NULL;) {
		if (deflate_buf(&r->body, a[0] == 'g') == -1) {
			buf_free(&enc);
			js_error(J, "params.compression: zlib failed");
		}
		buf_printf(&enc, "%s%.*s", enc.len > 0 ? ", " : "", (int)n, a);
	}
	if (enc.len > 0)
		add_hdr(r, "Content-Encoding", enc.data);
	buf_free(&enc);
}

static void
read_params(js_State *J, struct http_req *r, int idx)
{
	struct vu *vu = r->hv->vu;
	const char *k;

	if (js_isundefined(J, idx) || js_isnull(J, idx))
		return;
	if (!js_isobject(J, idx))
		js_typeerror(J, "invalid params: expected an object, got %s",
		    js_tostring(J, idx));
	js_getproperty(J, idx, "headers");
	if (js_isobject(J, -1)) {
		js_pushiterator(J, -1, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			/* convert first, allocate last: nothing leaks on a throw */
			js_pushstring(J, k);
			js_getproperty(J, -3, js_tostring(J, -1));
			if (!js_isundefined(J, -1) && !js_isnull(J, -1)) {
				check_hdr(J, js_tostring(J, -2), js_tostring(J, -1));
				add_hdr(r, js_tostring(J, -2), js_tostring(J, -1));
			}
			js_pop(J, 2);
		}
		js_pop(J, 1);
	} else if (js_isdefined(J, -1) && !js_isnull(J, -1))
		js_typeerror(J, "invalid params.headers: expected an object");
	js_pop(J, 1);

	js_getproperty(J, idx, "tags");
	if (js_isobject(J, -1)) {
		js_pushiterator(J, -1, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			js_pushstring(J, k);
			js_getproperty(J, -3, js_tostring(J, -1));
			r->tags = engine_tags_with(vu->engine, r->tags,
			    js_tostring(J, -2), js_tostring(J, -1));
			if (strcmp(js_tostring(J, -2), "name") == 0) {
				r->has_name_tag = 1;
				free(r->name);
				r->name = xstrdup(js_tostring(J, -1));
				r->url_is_name = 1;
			}
			js_pop(J, 2);
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);

	js_getproperty(J, idx, "timeout");
	if (js_isdefined(J, -1) && !js_isnull(J, -1))
		r->deadline = engine_now() + read_timeout(J, -1);
	js_pop(J, 1);

	js_getproperty(J, idx, "redirects");
	if (js_isdefined(J, -1) && !js_isnull(J, -1)) {
		double n = js_tonumber(J, -1);

		if (!(n >= 0))
			js_error(J, "invalid params.redirects: %s", js_tostring(J, -1));
		r->max_redirects = (long)n;
	}
	js_pop(J, 1);

	r->rtype = (enum http_rtype)param_choice(J, idx, "responseType",
	    response_types, r->rtype);
	r->auth = (int)param_choice(J, idx, "auth", auth_schemes, r->auth);

	js_getproperty(J, idx, "throw");
	if (js_isdefined(J, -1))
		r->throw_errors = js_toboolean(J, -1);
	js_pop(J, 1);

	js_getproperty(J, idx, "compression");
	if (js_isdefined(J, -1) && !js_isnull(J, -1) && *js_tostring(J, -1) != '\0')
		compress_body(J, r, js_tostring(J, -1));
	js_pop(J, 1);

	if (js_hasproperty(J, idx, "responseCallback")) {
		if (js_isnull(J, -1) || js_isundefined(J, -1))
			r->cb = js_isnull(J, -1) ? CB_NONE : CB_VU;
		else {
			read_ranges(J, -1, &r->ranges, &r->nranges);
			r->cb = CB_RANGES;
		}
		js_pop(J, 1);
	}

	js_getproperty(J, idx, "jar");
	if (js_isuserdata(J, -1, "CookieJar"))
		r->jar = js_touserdata(J, -1, "CookieJar");
	else if (js_isdefined(J, -1) && !js_isnull(J, -1))
		js_typeerror(J, "invalid params.jar: expected a CookieJar");
	js_pop(J, 1);

	js_getproperty(J, idx, "cookies");
	if (js_isobject(J, -1)) {
		js_pushiterator(J, -1, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			struct http_pcookie *c;
			int replace = 0;

			js_pushstring(J, k);
			js_getproperty(J, -3, js_tostring(J, -1));
			if (js_isobject(J, -1)) {
				js_getproperty(J, -1, "replace");
				replace = js_toboolean(J, -1);
				js_pop(J, 1);
				js_getproperty(J, -1, "value");
			} else
				js_copy(J, -1);
			js_tostring(J, -1);
			r->pcookies = xreallocarray(r->pcookies, r->npcookies + 1,
			    sizeof *r->pcookies);
			c = &r->pcookies[r->npcookies++];
			c->name = xstrdup(js_tostring(J, -3));
			c->value = xstrdup(js_tostring(J, -1));
			c->replace = replace;
			js_pop(J, 3);
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);
}

/* The transfer. */

static size_t
write_cb(char *p, size_t sz, size_t n, void *arg)
{
	struct http_req *r = arg;

	n *= sz;
	/* No status line came first: libcurl passes what the server said
	 * as an HTTP/0.9 body.  Keep its first line, for Go's message. */
	if (r->t_first == 0 || r->not_http) {
		char *nl = memchr(p, '\n', n);
		size_t k = nl != NULL ? (size_t)(nl - p) : n;

		if (!r->not_http)
			buf_reset(&r->rbody);
		r->not_http = 1;
		if (r->rbody.len + k > 256)
			k = r->rbody.len < 256 ? 256 - r->rbody.len : 0;
		buf_add(&r->rbody, p, k);
		return nl != NULL || r->rbody.len >= 256 ? 0 : n;
	}
	r->rbytes += n;
	if (r->rtype == RT_NONE)
		return n;
	if (buf_add(&r->rbody, p, n) == -1) {
		r->too_big = 1;
		return 0;	/* stop: CURLE_WRITE_ERROR */
	}
	return n;
}

/* Timing the sending of the request, which libcurl 7.88 has no timer
 * for.  libcurl calls prereq_cb right before it writes the request, and
 * tells debug_cb about each piece right after writing it, but only in
 * verbose mode, whose messages cost about 5% of a request's instructions:
 * so verbose mode is on only from prereq_cb until the request is written
 * (or the response begins).  The body is r->body, sent by libcurl. */
static void
verbose_off(struct http_req *r)
{
	if (r->verbose && r->debug == NULL) {
		curl_easy_setopt(r->easy, CURLOPT_VERBOSE, 0L);
		r->verbose = 0;
	}
}

/* This thread's CPU time, in ns. */
static int64_t
thread_cpu(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == -1)
		return 0;
	return timespec_ns(&ts);
}

#if LIBCURL_VERSION_NUM >= 0x075000	/* 7.80: CURLOPT_PREREQFUNCTION */
static int
prereq_cb(void *arg, char *ip, char *lip, int port, int lport)
{
	struct http_req *r = arg;
	int64_t now = engine_now();

	(void)ip;
	(void)lip;
	(void)port;
	(void)lport;

	/* libcurl answers an auth challenge (NTLM) in the same transfer:
	 * keep the hop that got it, k6 counts it */
	if (r->t_first != 0) {
		if (r->ninner < (int)(sizeof r->inner / sizeof r->inner[0])) {
			struct http_inner *h = &r->inner[r->ninner++];
			int64_t sent = r->t_sent >= r->t_prereq ? r->t_sent :
			    r->t_prereq;

			h->status = r->hop_status;
			h->sending = (double)(sent - r->t_prereq) / 1e6;
			h->waiting = r->t_first >= sent ?
			    (double)(r->t_first - sent) / 1e6 : 0;
			h->receiving = (double)(now - r->t_first) / 1e6;
		}
		r->t_first = 0;
	}
	r->t_prereq = now;
	r->cpu_prereq = thread_cpu();
	r->call_prereq = net_calls(r->hv->vu->engine->net);
	r->t_sent = 0;
	r->out_bytes = 0;
	curl_easy_setopt(r->easy, CURLOPT_VERBOSE, 1L);
	r->verbose = 1;
	return CURL_PREREQFUNC_OK;
}
#endif

static int
debug_cb(CURL *e, curl_infotype type, char *p, size_t n, void *arg)
{
	struct http_req *r = arg;

	(void)e;
	http_debug_feed(r->debug, type, p, n);
	if (type == CURLINFO_DATA_OUT)
		r->out_bytes += n;
	else if (type != CURLINFO_HEADER_OUT)
		return 0;
	if (r->out_bytes >= r->body.len && r->t_sent == 0) {
		r->t_sent = engine_now();
		/* Written in the call that began it, the loop never waited
		 * for the socket: the request took only this thread's CPU.
		 * Wall time would also count the server, which a write on
		 * loopback may wake and run before the write returns. */
		if (net_calls(r->hv->vu->engine->net) == r->call_prereq) {
			int64_t cpu = r->t_prereq + thread_cpu() - r->cpu_prereq;

			if (cpu < r->t_sent)
				r->t_sent = cpu;
		}
		verbose_off(r);
	}
	return 0;
}

/* libcurl 7.88 keeps no errno when socket() fails (EMFILE): open the
 * sockets here and note it. */
static curl_socket_t
opensocket_cb(void *arg, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct http_req *r = arg;
	curl_socket_t fd = socket(a->family, a->socktype, a->protocol);

	(void)purpose;
	if (fd == CURL_SOCKET_BAD)
		r->sock_errno = errno;
	return fd;
}

static void tls_info(struct http_req *);

static size_t
header_cb(char *p, size_t sz, size_t n, void *arg)
{
	struct http_req *r = arg;
	const char *sp;

	n *= sz;
	/* libcurl's TLS pointer is only valid while the transfer runs */
	if (r->https && r->tls_version == NULL)
		tls_info(r);
	/* keep the last response's header block only */
	if (n > 5 && strncmp(p, "HTTP/", 5) == 0) {
		/* libcurl 7.88's start-transfer time is wrong for uploads */
		if (r->t_first == 0) {
			r->t_first = engine_now();
			verbose_off(r);
		}
		/* "HTTP/1.1 401 ...", not NUL-terminated */
		sp = memchr(p, ' ', n);
		r->hop_status = 0;
		if (sp != NULL && sp + 4 <= p + n && isdigit((unsigned char)sp[1]) &&
		    isdigit((unsigned char)sp[2]) && isdigit((unsigned char)sp[3]))
			r->hop_status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 +
			    (sp[3] - '0');
		buf_reset(&r->rhead);
	}
	if (buf_add(&r->rhead, p, n) == -1)
		return 0;
	return n;
}

static int
has_hdr(const struct http_req *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nhdrs; i++)
		if (strcasecmp(r->hdrs[i].name, name) == 0)
			return 1;
	return 0;
}

static void
add_cookie_str(const struct http_cookie *c, void *arg)
{
	void **a = arg;
	struct buf *b = a[0];
	const struct http_req *r = a[1];
	size_t i;

	for (i = 0; i < r->npcookies; i++)
		if (r->pcookies[i].replace && strcmp(r->pcookies[i].name, c->name) == 0)
			return;
	buf_printf(b, "%s%s=%s", b->len ? "; " : "", c->name, c->value);
}

static char *
cookie_header(struct http_req *r)
{
	struct buf b = BUF_INIT;
	void *a[2] = { &b, r };
	size_t i;

	http_cookie_jar_match(r->jar, r->host, r->path, r->https, time(NULL),
	    add_cookie_str, a);
	for (i = 0; i < r->npcookies; i++)
		buf_printf(&b, "%s%s=%s", b.len ? "; " : "", r->pcookies[i].name,
		    r->pcookies[i].value);
	return b.len ? buf_steal(&b) : NULL;
}

/* A new connection's SSL_CTX: add the CA directories (OpenSSL reads a
 * directory's certificates lazily, by subject hash) to its trust store,
 * which libcurl shares between connections; OpenSSL skips a directory
 * the store already has.  libssl is loaded by libcurl: see tls_info. */
static CURLcode
ssl_ctx_cb(CURL *e, void *ctx, void *arg)
{
	static X509_STORE *(*get_store)(const void *);
	static int looked;
	const char *dirs = arg;
	X509_STORE *st;
	X509_LOOKUP *lu;
	char *copy, *p, *d;

	(void)e;
	if (!looked) {
		looked = 1;
		*(void **)&get_store = dlsym(RTLD_DEFAULT, "SSL_CTX_get_cert_store");
	}
	if (get_store == NULL || (st = get_store(ctx)) == NULL ||
	    (lu = X509_STORE_add_lookup(st, X509_LOOKUP_hash_dir())) == NULL)
		return CURLE_OK;
	copy = p = xstrdup(dirs);
	while ((d = strsep(&p, ":")) != NULL)
		if (*d != '\0')
			X509_LOOKUP_add_dir(lu, d, X509_FILETYPE_PEM);
	free(copy);
	return CURLE_OK;
}

static void
setup_easy(struct http_req *r)
{
	struct http_vu *hv = r->hv;
	const struct runopts *o = hv->vu->engine->opts;
	CURL *e = r->easy;
	struct buf line = BUF_INIT;
	int anon = r->auth == CURLAUTH_DIGEST ||
	    (r->auth == CURLAUTH_NTLM && !r->challenged);
	int64_t left;
	size_t i, j;

	free(r->cookie_hdr);
	r->cookie_hdr = cookie_header(r);
	left = (r->deadline - engine_now()) / 1000000;
	/* A handle that made the same request last time keeps its options:
	 * only the timeout changes (most scripts repeat their requests). */
	buf_reset(&hv->key);
	buf_printf(&hv->key, "%p\n%s\n%s\n%d\n%s\n", (void *)r, r->method, r->url,
	    r->auth, r->cookie_hdr != NULL ? r->cookie_hdr : "");
	for (i = 0; i < r->nhdrs; i++)
		buf_printf(&hv->key, "%s\n%s\n", r->hdrs[i].name, r->hdrs[i].value);
	if (r->authz != NULL)
		buf_printf(&hv->key, "Authorization\n%s\n", r->authz);
	if (r->challenged)
		buf_puts(&hv->key, "challenged\n");
	if (!r->has_body && hv->pool_key[r->slot] != NULL &&
	    strcmp(hv->pool_key[r->slot], hv->key.data) == 0) {
		curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(left > 0 ? left : 1));
		return;
	}
	free(hv->pool_key[r->slot]);
	hv->pool_key[r->slot] = r->has_body ? NULL : xstrdup(hv->key.data);

	curl_easy_reset(e);
	/* digest, and the first request of ntlm, go without credentials
	 * (digest sends them in r->authz) */
	curl_easy_setopt(e, CURLOPT_URL, anon && r->orig_url != NULL ?
	    r->orig_url : r->url);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, header_cb);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, r);
#if LIBCURL_VERSION_NUM >= 0x075000
	curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, prereq_cb);
	curl_easy_setopt(e, CURLOPT_PREREQDATA, r);
#endif
	curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, opensocket_cb);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, r);
	curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, debug_cb);
	curl_easy_setopt(e, CURLOPT_DEBUGDATA, r);
#if LIBCURL_VERSION_NUM >= 0x075500	/* 7.85 */
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(e, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	/* Decode what the server compressed, as k6 does, without asking
	 * for it: the empty custom header below suppresses libcurl's. */
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
#if LIBCURL_VERSION_NUM >= 0x074000	/* 7.64 */
	/* a reply that is not HTTP reaches write_cb, which fails it */
	curl_easy_setopt(e, CURLOPT_HTTP09_ALLOWED, 1L);
#endif
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(left > 0 ? left : 1));
	if (o == NULL || !o->no_connection_reuse)
		curl_easy_setopt(e, CURLOPT_SHARE, hv->share);
	else {
		curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
		curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
	}
	if (o != NULL && o->insecure_skip_tls_verify) {
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
	} else {
		if (hv->cainfo != NULL)
			curl_easy_setopt(e, CURLOPT_CAINFO, hv->cainfo);
		/* libcurl keeps the trust store of a CA file in the multi
		 * handle (CA_CACHE_TIMEOUT) only when no CA directory is
		 * set: without that, each connection parsed the whole
		 * bundle again.  The directories go in from ssl_ctx_cb. */
		curl_easy_setopt(e, CURLOPT_CAPATH, NULL);
		if (hv->certdirs != NULL) {
			curl_easy_setopt(e, CURLOPT_SSL_CTX_FUNCTION, ssl_ctx_cb);
			curl_easy_setopt(e, CURLOPT_SSL_CTX_DATA, hv->certdirs);
		}
	}
	if (r->auth != 0 && !anon)
		curl_easy_setopt(e, CURLOPT_HTTPAUTH, (long)r->auth);
	if (hv->no_proxy_env)
		curl_easy_setopt(e, CURLOPT_PROXY, "");
	if (hv->connect_to != NULL)
		curl_easy_setopt(e, CURLOPT_CONNECT_TO, hv->connect_to);
	if (hv->sslversion != 0)
		curl_easy_setopt(e, CURLOPT_SSLVERSION, hv->sslversion);
	if (hv->ciphers != NULL)
		curl_easy_setopt(e, CURLOPT_SSL_CIPHER_LIST, hv->ciphers);
	if (hv->ciphers13 != NULL)
		curl_easy_setopt(e, CURLOPT_TLS13_CIPHERS, hv->ciphers13);
	if (r->https && ntlsauth > 0) {
		const struct http_tlsauth *ta = tlsauth_for(r->host);
		/* libcurl keeps the pointers: the strings live as long as
		 * the process */
		struct curl_blob cert = { ta->cert, 0, CURL_BLOB_NOCOPY };
		struct curl_blob key = { ta->key, 0, CURL_BLOB_NOCOPY };

		cert.len = ta->cert != NULL ? strlen(ta->cert) : 0;
		key.len = ta->key != NULL ? strlen(ta->key) : 0;
		curl_easy_setopt(e, CURLOPT_SSLCERT_BLOB, &cert);
		curl_easy_setopt(e, CURLOPT_SSLKEY_BLOB, &key);
		if (ta->password != NULL)
			curl_easy_setopt(e, CURLOPT_KEYPASSWD, ta->password);
	}

	if (strcmp(r->method, "HEAD") == 0)
		curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
	else if (strcmp(r->method, "GET") != 0 || r->has_body) {
		if (r->has_body || strcmp(r->method, "POST") == 0 ||
		    strcmp(r->method, "PUT") == 0 || strcmp(r->method, "PATCH") == 0) {
			curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
			    (curl_off_t)r->body.len);
			curl_easy_setopt(e, CURLOPT_POSTFIELDS,
			    r->body.data != NULL ? r->body.data : "");
		}
		if (strcmp(r->method, "POST") != 0)
			curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, r->method);
	}

	/* the handle keeps pointing at its list: the slot owns it */
	curl_slist_free_all(hv->pool_slist[r->slot]);
	hv->pool_slist[r->slot] = NULL;
	r->slist = NULL;
	for (i = 0; i < r->nhdrs; i++) {
		/* libcurl computes Content-Length, as k6 does */
		if (strcasecmp(r->hdrs[i].name, "Content-Length") == 0)
			continue;
		/* A later header of the same name replaces this one (the
		 * script's Content-Type replaces a multipart body's). */
		for (j = i + 1; j < r->nhdrs; j++)
			if (strcasecmp(r->hdrs[i].name, r->hdrs[j].name) == 0)
				break;
		if (j < r->nhdrs)
			continue;
		buf_reset(&line);
		if (*r->hdrs[i].value == '\0')
			buf_printf(&line, "%s;", r->hdrs[i].name);
		else
			buf_printf(&line, "%s: %s", r->hdrs[i].name, r->hdrs[i].value);
		r->slist = curl_slist_append(r->slist, line.data);
	}
	if (!has_hdr(r, "User-Agent")) {
		buf_reset(&line);
		buf_printf(&line, "User-Agent: %s", o != NULL && o->user_agent != NULL ?
		    o->user_agent : "lyocell/" PACKAGE_VERSION);
		r->slist = curl_slist_append(r->slist, line.data);
	}
	/* Go sends no Accept: suppress libcurl's */
	if (!has_hdr(r, "Accept"))
		r->slist = curl_slist_append(r->slist, "Accept:");
	if (!has_hdr(r, "Accept-Encoding"))
		r->slist = curl_slist_append(r->slist, "Accept-Encoding:");
	if (r->form && !has_hdr(r, "Content-Type"))
		r->slist = curl_slist_append(r->slist,
		    "Content-Type: application/x-www-form-urlencoded");
	if (r->has_body && !r->form && !has_hdr(r, "Content-Type"))
		r->slist = curl_slist_append(r->slist, "Content-Type:");
	r->slist = curl_slist_append(r->slist, "Expect:");
	if (r->cookie_hdr != NULL) {
		buf_reset(&line);
		buf_printf(&line, "Cookie: %s", r->cookie_hdr);
		r->slist = curl_slist_append(r->slist, line.data);
	}
	if (r->authz != NULL) {
		buf_reset(&line);
		buf_printf(&line, "Authorization: %s", r->authz);
		r->slist = curl_slist_append(r->slist, line.data);
	}
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, r->slist);
	hv->pool_slist[r->slot] = r->slist;
	r->slist = NULL;
	buf_free(&line);
}

static void
done_cb(CURL *easy, CURLcode result, void *arg)
{
	struct http_req *r = arg;

	r->result = result;
	r->t_done = engine_now();
	verbose_off(r);
	r->state = RQ_HOP_DONE;
	r->hv->running--;
	http_debug_end(&r->debug);
	engine_wake(r->hv->vu->engine, r->hv->vu);
}

static CURL *
hv_easy(struct http_vu *hv, size_t i)
{
	if (i >= hv->npool) {
		hv->pool = xreallocarray(hv->pool, i + 1, sizeof *hv->pool);
		hv->pool_key = xreallocarray(hv->pool_key, i + 1, sizeof *hv->pool_key);
		hv->pool_slist = xreallocarray(hv->pool_slist, i + 1,
		    sizeof *hv->pool_slist);
		while (hv->npool <= i) {
			hv->pool_key[hv->npool] = NULL;
			hv->pool_slist[hv->npool] = NULL;
			hv->pool[hv->npool++] = NULL;
		}
	}
	if (hv->pool[i] == NULL && (hv->pool[i] = curl_easy_init()) == NULL)
		fatalx(1, "cannot create a libcurl handle: out of memory");
	return hv->pool[i];
}

/* Start the transfer of r's current hop; 0 or -1 (r completed with an
 * error). */
static int
req_start(struct http_req *r)
{
	r->result = CURLE_OK;
	r->errbuf[0] = '\0';
	r->t_prereq = r->t_sent = r->t_first = r->t_done = 0;
	r->ninner = 0;
	r->too_big = 0;
	r->not_http = 0;
	r->sock_errno = 0;
	r->rbytes = 0;
	free(r->tls_version);
	free(r->tls_cipher);
	r->tls_version = r->tls_cipher = NULL;
	buf_reset(&r->rbody);
	buf_reset(&r->rhead);
	if (r->url_fault != HTTP_URL_OK) {
		r->state = RQ_HOP_DONE;	/* refused before any byte */
		return -1;
	}
	setup_easy(r);
	http_debug_start(&r->debug, r->easy, r->hv->vu->engine->opts);
	if (net_start(r->hv->vu->engine->net, r->easy, done_cb, r) == -1) {
		r->result = CURLE_FAILED_INIT;
		r->state = RQ_HOP_DONE;
		return -1;
	}
	r->state = RQ_RUNNING;
	r->hv->running++;
	return 0;
}

/* Finishing a hop: errors, timings, metrics, cookies, redirects. */

static const char *
tls_name(const char *v)
{
	if (v == NULL)
		return NULL;
	if (strcmp(v, "TLSv1.3") == 0) return "tls1.3";
	if (strcmp(v, "TLSv1.2") == 0) return "tls1.2";
	if (strcmp(v, "TLSv1.1") == 0) return "tls1.1";
	if (strcmp(v, "TLSv1") == 0) return "tls1.0";
	return v;
}

/* libcurl hands out OpenSSL's SSL *; libssl is already loaded by it, so
 * its accessors are found at run time instead of linking libssl. */
static void
tls_info(struct http_req *r)
{
	static const char *(*get_version)(const void *);
	static const void *(*get_cipher)(const void *);
	static const char *(*cipher_name)(const void *);
	static int looked;
	struct curl_tlssessioninfo *ti = NULL;
	const void *c;

	if (!looked) {
		looked = 1;
		*(void **)&get_version = dlsym(RTLD_DEFAULT, "SSL_get_version");
		*(void **)&get_cipher = dlsym(RTLD_DEFAULT, "SSL_get_current_cipher");
		*(void **)&cipher_name = dlsym(RTLD_DEFAULT, "SSL_CIPHER_standard_name");
	}
	if (curl_easy_getinfo(r->easy, CURLINFO_TLS_SSL_PTR, &ti) != CURLE_OK ||
	    ti == NULL || ti->backend != CURLSSLBACKEND_OPENSSL || ti->internals == NULL)
		return;
	if (get_version != NULL)
		r->tls_version = xstrdup(tls_name(get_version(ti->internals)));
	if (get_cipher != NULL && cipher_name != NULL &&
	    (c = get_cipher(ti->internals)) != NULL && cipher_name(c) != NULL)
		r->tls_cipher = xstrdup(cipher_name(c));
}

/* Go's text for an errno: the C library's, in lower case. */
static const char *
go_strerror(int e)
{
	static char b[128];

	snprintf(b, sizeof b, "%s", strerror(e));
	b[0] = (char)tolower((unsigned char)b[0]);
	return b;
}

/* An owned copy of a libcurl message without its " after N ms": the
 * error tag must not take a new value per duration. */
static char *
untimed(const char *m)
{
	char *s = xstrdup(m), *p = s, *q;

	while ((p = strstr(p, " after ")) != NULL) {
		q = p + 7;
		if (!isdigit((unsigned char)*q)) {
			p++;
			continue;
		}
		q += strspn(q, "0123456789");
		if (strncmp(q, " ms", 3) != 0) {
			p++;
			continue;
		}
		memmove(p, q + 3, strlen(q + 3) + 1);
	}
	return s;
}

/* What Go's http.ReadResponse says of the first line of a reply that is
 * not HTTP (in r->rbody). */
static char *
malformed(struct http_req *r)
{
	char *line = xstrndup(r->rbody.data != NULL ? r->rbody.data : "",
	    r->rbody.len), *status, *code, *m;
	size_t n = strlen(line);
	const char *what = "malformed HTTP response", *v = line;

	if (n > 0 && line[n - 1] == '\r')
		line[--n] = '\0';
	if ((status = strchr(line, ' ')) != NULL) {
		*status++ = '\0';
		status += strspn(status, " ");
		code = status;
		code[strcspn(code, " ")] = '\0';
		if (strlen(code) != 3) {
			what = "malformed HTTP status code";
			v = code;
		} else {
			/* Go checks the version next: it is not HTTP/x.y */
			what = "malformed HTTP version";
			v = line;
		}
	}
	m = xasprintf("%s \"%s\"", what, v);
	free(line);
	return m;
}

static void
set_error(struct http_req *r)
{
	long oserr = 0;
	const char *eb = r->errbuf[0] ? r->errbuf : curl_easy_strerror(r->result);
	char *ip = NULL;
	long port = 0;

	curl_easy_getinfo(r->easy, CURLINFO_OS_ERRNO, &oserr);
	if (oserr == 0)
		oserr = r->sock_errno;
	curl_easy_getinfo(r->easy, CURLINFO_PRIMARY_IP, &ip);
	curl_easy_getinfo(r->easy, CURLINFO_PRIMARY_PORT, &port);
	free(r->error);
	free(r->log_error);
	r->log_error = NULL;
	switch (r->result) {
	case CURLE_OPERATION_TIMEDOUT:
		r->error_code = 1050;
		r->error = xstrdup("request timeout");
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		r->error_code = 1101;
		r->error = xasprintf("lookup %s: no such host", r->host);
		break;
	case CURLE_COULDNT_CONNECT:
		/* k6's messages name no address or time: the error tag stays
		 * one value per kind of failure */
		r->log_error = xasprintf("dial tcp %s:%ld: %s: %s",
		    ip != NULL && *ip ? ip : r->host, port > 0 ? port : r->port,
		    r->sock_errno != 0 ? "socket" : "connect",
		    oserr != 0 ? go_strerror((int)oserr) : "failed");
		if (oserr == ECONNREFUSED) {
			r->error_code = 1212;
			r->error = xstrdup("dial: connection refused");
		} else if (oserr == ETIMEDOUT) {
			r->error_code = 1211;
			r->error = xstrdup("dial: i/o timeout");
		} else if (oserr == ECONNRESET) {
			/* reset as it was accepted: Go has connected by then
			 * and reads the reset */
			r->error_code = 1220;
			r->error = xstrdup("read: connection reset by peer");
		} else if (oserr != 0) {
			/* EMFILE and the like */
			r->error_code = 1213;
			r->error = xasprintf("dial: unknown errno %ld error with msg "
			    "`%s`", oserr, go_strerror((int)oserr));
		} else {
			r->error_code = 1210;
			r->error = xstrdup("dial tcp: connect failed");
		}
		break;
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
		if (oserr == ECONNRESET) {
			r->error_code = 1220;
			r->error = xasprintf("%s: connection reset by peer",
			    r->result == CURLE_SEND_ERROR ? "write" : "read");
		} else if (oserr == EPIPE) {
			r->error_code = 1201;
			r->error = xstrdup("write: broken pipe");
		} else {
			r->error_code = 1200;
			r->error = untimed(eb);
		}
		break;
	case CURLE_GOT_NOTHING:
		r->error_code = 1000;
		r->error = xstrdup("EOF");
		break;
	case CURLE_PARTIAL_FILE:
		r->error_code = 1000;
		r->error = xstrdup("unexpected EOF");
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
		if (strstr(eb, "subject") != NULL || strstr(eb, "match") != NULL) {
			r->error_code = 1311;
			r->error = xasprintf("x509: certificate is not valid for %s", r->host);
		} else {
			r->error_code = 1310;
			r->error = xstrdup("x509: certificate signed by unknown authority");
		}
		break;
	case CURLE_SSL_CERTPROBLEM:
		/* the only client certificates are options.tlsAuth's */
		r->error_code = 1300;
		r->error = xasprintf("tls: tlsAuth: cannot use the client "
		    "certificate or its key (wrong password?): %s", eb);
		break;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
		r->error_code = 1300;
		r->error = xasprintf("tls: %s", eb);
		break;
	case CURLE_BAD_CONTENT_ENCODING:
		r->error_code = 1701;
		r->error = xasprintf("error decompressing the response: %s", eb);
		break;
	case CURLE_HTTP2:
		r->error_code = 1600;
		r->error = xasprintf("http2: %s", eb);
		break;
	case CURLE_HTTP2_STREAM:
		r->error_code = 1630;
		r->error = xasprintf("http2: stream error: %s", eb);
		break;
	case CURLE_URL_MALFORMAT:
	case CURLE_UNSUPPORTED_PROTOCOL:
		r->error_code = 1020;
		r->error = xasprintf("invalid URL: %s", eb);
		break;
	case CURLE_WRITE_ERROR:
		if (r->not_http) {
			r->error_code = 1000;
			r->error = malformed(r);
			r->log_error = xasprintf("net/http: HTTP/1.x transport "
			    "connection broken: %s", r->error);
			break;
		}
		if (r->too_big) {
			r->error_code = 1000;
			r->error = xasprintf("the response body is larger than %zu MiB, "
			    "the most Lyocell keeps (use responseType: \"none\")",
			    HTTP_BODY_CAP >> 20);
			break;
		}
		/* FALLTHROUGH */
	default:
		r->error_code = 1000;
		r->error = untimed(eb);
		break;
	}
}

static double
us_ms(curl_off_t a, curl_off_t b)
{
	return a > b ? (double)(a - b) / 1000.0 : 0;
}

static void
timings(struct http_req *r)
{
	curl_off_t dns = 0, conn = 0, app = 0, pre = 0, start = 0, total = 0;
	CURL *e = r->easy;

	curl_easy_getinfo(e, CURLINFO_NAMELOOKUP_TIME_T, &dns);
	curl_easy_getinfo(e, CURLINFO_CONNECT_TIME_T, &conn);
	curl_easy_getinfo(e, CURLINFO_APPCONNECT_TIME_T, &app);
	curl_easy_getinfo(e, CURLINFO_PRETRANSFER_TIME_T, &pre);
	curl_easy_getinfo(e, CURLINFO_STARTTRANSFER_TIME_T, &start);
	curl_easy_getinfo(e, CURLINFO_TOTAL_TIME_T, &total);
	if (start == 0)
		start = total;
	/* k6: blocked spans getting the connection (so it covers connecting
	 * and the TLS handshake of a new one); duration is sending + waiting
	 * + receiving.  Sending runs from the first byte of the request
	 * written to the last, waiting from there to the response's first
	 * byte, receiving to the end: our own clock (prereq_cb, debug_cb,
	 * header_cb, done_cb), as libcurl 7.88 has no timer for the first
	 * and reuses a stale clock reading for some of the others. */
	r->t_blocked = us_ms(pre, 0);
	r->t_connecting = conn > 0 ? us_ms(conn, dns) : 0;
	r->t_tls = app > 0 ? us_ms(app, conn) : 0;
	if (r->t_prereq != 0 && r->t_sent >= r->t_prereq &&
	    r->t_first >= r->t_sent && r->t_done >= r->t_first) {
		r->t_sending = (double)(r->t_sent - r->t_prereq) / 1e6;
		r->t_waiting = (double)(r->t_first - r->t_sent) / 1e6;
		r->t_receiving = (double)(r->t_done - r->t_first) / 1e6;
	} else {
		/* no response: what libcurl saw */
		r->t_sending = 0;
		r->t_waiting = us_ms(start, pre);
		r->t_receiving = us_ms(total, start);
	}
	r->t_duration = r->t_sending + r->t_waiting + r->t_receiving;
}

static int
is_expected(struct http_req *r)
{
	struct http_vu *hv = r->hv;
	const struct http_range *rg = r->cb == CB_RANGES ? r->ranges : hv->ranges;
	size_t i, n = r->cb == CB_RANGES ? r->nranges : hv->nranges;

	if (r->cb == CB_VU && hv->cb == CB_VU)
		return r->status >= 200 && r->status <= 399;
	for (i = 0; i < n; i++)
		if (r->status >= rg[i].min && r->status <= rg[i].max)
			return 1;
	return 0;
}

static int
cb_active(struct http_req *r)
{
	return r->cb == CB_RANGES || (r->cb == CB_VU && r->hv->cb != CB_NONE);
}

static uint32_t emit_tags(struct http_req *);

static int
streq(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The tag set of a hop's samples, through a small per-VU cache: a script
 * repeats the same few requests, and deriving the set costs a hash lookup
 * per tag. */
static uint32_t
hop_tags(struct http_req *r)
{
	struct http_vu *hv = r->hv;
	struct http_tagcache *c;
	const char *url = r->url_is_name ? r->name : r->orig_url;
	uint32_t t;
	size_t i;

	for (i = 0; i < HTTP_TAGCACHE; i++) {
		c = &hv->tagcache[i];
		if (c->id != 0 && c->base == r->tags && c->status == r->status &&
		    c->error_code == r->error_code && c->expected == r->expected &&
		    c->cb == cb_active(r) && c->has_name_tag == r->has_name_tag &&
		    streq(c->method, r->method) && streq(c->url, url) &&
		    streq(c->name, r->name) && streq(c->proto, r->proto) &&
		    streq(c->tls, r->tls_version) && streq(c->error, r->error))
			return c->id;
	}
	t = emit_tags(r);
	c = &hv->tagcache[hv->tagnext++ % HTTP_TAGCACHE];
	free(c->method);
	free(c->url);
	free(c->name);
	free(c->tls);
	free(c->error);
	c->id = t;
	c->base = r->tags;
	c->status = r->status;
	c->error_code = r->error_code;
	c->expected = r->expected;
	c->cb = cb_active(r);
	c->has_name_tag = r->has_name_tag;
	c->method = xstrdup(r->method);
	c->url = url != NULL ? xstrdup(url) : NULL;
	c->name = r->name != NULL ? xstrdup(r->name) : NULL;
	c->proto = r->proto;
	c->tls = r->tls_version != NULL ? xstrdup(r->tls_version) : NULL;
	c->error = r->error != NULL ? xstrdup(r->error) : NULL;
	return t;
}

static uint32_t
emit_tags(struct http_req *r)
{
	struct http_vu *hv = r->hv;
	struct engine *e = hv->vu->engine;
	unsigned st = hv->systags;
	uint32_t t = r->tags;
	char num[16];

	if (st & ST_METHOD)
		t = engine_tags_with(e, t, "method", r->method);
	if (st & ST_STATUS) {
		snprintf(num, sizeof num, "%ld", r->status);
		t = engine_tags_with(e, t, "status", num);
	}
	if (st & ST_URL)
		t = engine_tags_with(e, t, "url", r->url_is_name ? r->name : r->orig_url);
	if ((st & ST_NAME) && !r->has_name_tag)
		t = engine_tags_with(e, t, "name", r->name != NULL ? r->name : r->orig_url);
	if ((st & ST_PROTO) && r->proto != NULL)
		t = engine_tags_with(e, t, "proto", r->proto);
	if ((st & ST_TLS) && r->tls_version != NULL)
		t = engine_tags_with(e, t, "tls_version", r->tls_version);
	if ((st & ST_ERROR) && r->error != NULL)
		t = engine_tags_with(e, t, "error", r->error);
	if ((st & ST_ERROR_CODE) && r->error_code != 0) {
		snprintf(num, sizeof num, "%d", r->error_code);
		t = engine_tags_with(e, t, "error_code", num);
	}
	if (cb_active(r) && (st & ST_EXPECTED))
		t = engine_tags_with(e, t, "expected_response",
		    r->expected ? "true" : "false");
	return t;
}

static void
emit_metrics(struct http_req *r)
{
	struct engine *e = r->hv->vu->engine;
	uint32_t t = hop_tags(r);

	engine_emit(e, e->m.http_reqs, t, 1);
	engine_emit(e, e->m.http_req_duration, t, r->t_duration);
	engine_emit(e, e->m.http_req_blocked, t, r->t_blocked);
	engine_emit(e, e->m.http_req_connecting, t, r->t_connecting);
	engine_emit(e, e->m.http_req_tls_handshaking, t, r->t_tls);
	engine_emit(e, e->m.http_req_sending, t, r->t_sending);
	engine_emit(e, e->m.http_req_waiting, t, r->t_waiting);
	engine_emit(e, e->m.http_req_receiving, t, r->t_receiving);
	if (cb_active(r))
		engine_emit(e, e->m.http_req_failed, t, r->expected ? 0 : 1);
}

static void
store_cookies(struct http_req *r)
{
	const char *p = r->rhead.data, *eol;
	struct http_cookie c;
	time_t now = time(NULL);

	if (p == NULL)
		return;
	for (; *p != '\0'; p = *eol ? eol + 1 : eol) {
		eol = strchr(p, '\n');
		if (eol == NULL)
			eol = p + strlen(p);
		if (strncasecmp(p, "Set-Cookie:", 11) != 0)
			continue;
		{
			char *v = xstrndup(p + 11, (size_t)(eol - p - 11));

			if (http_cookie_parse(v, &c) == 0)
				http_cookie_jar_store(r->jar, r->host, r->path, &c, now);
			free(v);
		}
	}
}

static const char *
proto_of(struct http_req *r)
{
	long v = 0;

	curl_easy_getinfo(r->easy, CURLINFO_HTTP_VERSION, &v);
	switch (v) {
	case CURL_HTTP_VERSION_1_0: return "HTTP/1.0";
	case CURL_HTTP_VERSION_1_1: return "HTTP/1.1";
	case CURL_HTTP_VERSION_2_0: return "HTTP/2.0";
	case CURL_HTTP_VERSION_3: return "HTTP/3.0";
	}
	return NULL;
}

static void
log_failure(struct http_req *r)
{
	struct buf f = BUF_INIT;
	const char *m = r->method;

	buf_puts(&f, " error=");
	if (r->url_fault == HTTP_URL_PARSE)
		/* k6 never made the request */
		format_json_cstring(&f, r->error, FORMAT_JSON_BF);
	else {
		char *msg = xasprintf("%c%s \"%s\": %s", m[0], m + 1, r->orig_url,
		    r->log_error != NULL ? r->log_error : r->error);
		size_t i;

		/* Go writes "Get", not "GET" */
		for (i = 2; i < strlen(m) + 1; i++)
			msg[i - 1] = (char)tolower((unsigned char)msg[i - 1]);
		format_json_cstring(&f, msg, FORMAT_JSON_BF);
		free(msg);
	}
	log_msg(LOG_WARN, f.data, "Request Failed");
	buf_free(&f);
}

/* Emit the hops libcurl ran inside r's transfer, before its last one:
 * the 401s it answered itself (NTLM), with their own timings; k6 counts
 * each. */
static void
emit_inner(struct http_req *r)
{
	long status = r->status;
	int error_code = r->error_code, expected = r->expected, i;
	double t[7] = { r->t_blocked, r->t_connecting, r->t_tls, r->t_sending,
	    r->t_waiting, r->t_receiving, r->t_duration };

	for (i = 0; i < r->ninner; i++) {
		r->status = r->inner[i].status;
		r->error_code = r->status >= 400 ? 1000 + (int)r->status : 0;
		r->expected = is_expected(r);
		r->t_blocked = r->t_connecting = r->t_tls = 0;
		r->t_sending = r->inner[i].sending;
		r->t_waiting = r->inner[i].waiting;
		r->t_receiving = r->inner[i].receiving;
		r->t_duration = r->t_sending + r->t_waiting + r->t_receiving;
		emit_metrics(r);
	}
	r->status = status;
	r->error_code = error_code;
	r->expected = expected;
	r->t_blocked = t[0];
	r->t_connecting = t[1];
	r->t_tls = t[2];
	r->t_sending = t[3];
	r->t_waiting = t[4];
	r->t_receiving = t[5];
	r->t_duration = t[6];
}

/* Has r's URL a user name? */
static int
has_credentials(const struct http_req *r)
{
	CURLU *u = curl_url();
	char *user = NULL;
	int yes;

	yes = u != NULL && curl_url_set(u, CURLUPART_URL, r->url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK;
	curl_free(user);
	curl_url_cleanup(u);
	return yes;
}

/* Does r's 401 ask for NTLM (or Negotiate, which falls back to it)? */
static int
asks_ntlm(const struct http_req *r)
{
	const char *p = r->rhead.data, *v;

	for (; p != NULL && *p != '\0'; p = strchr(p, '\n'), p = p ? p + 1 : p) {
		if (strncasecmp(p, "WWW-Authenticate:", 17) != 0)
			continue;
		v = p + 17 + strspn(p + 17, " \t");
		if (strncasecmp(v, "NTLM", 4) == 0 || strncasecmp(v, "Negotiate", 9) == 0)
			return 1;
	}
	return 0;
}

/* r's hop got a 401: the Authorization answering its Digest challenge
 * in r->authz, with the credentials of r's URL; 0, or -1 when there is
 * nothing to answer with. */
static int
digest_answer(struct http_req *r)
{
	const char *p = r->rhead.data, *eol;
	char *user = NULL, *pass = NULL, *path = NULL, *query = NULL;
	char *uri = NULL, *challenge, cnonce[33];
	CURLU *u;
	int rc = -1;

	if (p == NULL || (u = curl_url()) == NULL)
		return -1;
	if (curl_url_set(u, CURLUPART_URL, r->url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_USER, &user, CURLU_URLDECODE) != CURLUE_OK)
		goto out;
	curl_url_get(u, CURLUPART_PASSWORD, &pass, CURLU_URLDECODE);
	curl_url_get(u, CURLUPART_PATH, &path, 0);
	curl_url_get(u, CURLUPART_QUERY, &query, 0);
	uri = xasprintf("%s%s%s", path != NULL ? path : "/", query != NULL ? "?" : "",
	    query != NULL ? query : "");
	http_digest_cnonce(cnonce);
	for (; *p != '\0' && r->authz == NULL; p = *eol ? eol + 1 : eol) {
		eol = strchr(p, '\n');
		if (eol == NULL)
			eol = p + strlen(p);
		if (strncasecmp(p, "WWW-Authenticate:", 17) != 0)
			continue;
		challenge = xstrndup(p + 17, (size_t)(eol - p - 17));
		challenge[strcspn(challenge, "\r")] = '\0';
		r->authz = http_digest_answer(challenge, user,
		    pass != NULL ? pass : "", r->method, uri, r->body.data,
		    r->body.len, cnonce);
		free(challenge);
	}
	if (r->authz != NULL)
		rc = 0;
out:
	curl_free(user);
	curl_free(pass);
	curl_free(path);
	curl_free(query);
	free(uri);
	curl_url_cleanup(u);
	return rc;
}

/* The hop of r is done: measure it, then complete r or queue the next
 * hop. */
static void
req_finish_hop(struct http_req *r)
{
	struct vu *vu = r->hv->vu;
	curl_off_t dl = 0, ul = 0;
	long hsize = 0, rsize = 0, code = 0, nconn = 0;
	char *loc = NULL, *ip = NULL;

	if (r->url_fault != HTTP_URL_OK) {
		/* counted as k6 counts what its transport refused */
		r->t_blocked = r->t_connecting = r->t_tls = r->t_sending = 0;
		r->t_waiting = r->t_receiving = r->t_duration = 0;
		r->status = 0;
		r->proto = NULL;
		r->expected = is_expected(r);
		if (!vu->interrupted)
			emit_metrics(r);
		r->state = RQ_COMPLETE;
		return;
	}
	free(r->error);
	r->error = NULL;
	r->error_code = 0;
	free(r->remote_ip);
	r->remote_ip = NULL;
	curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(r->easy, CURLINFO_HEADER_SIZE, &hsize);
	curl_easy_getinfo(r->easy, CURLINFO_REQUEST_SIZE, &rsize);
	curl_easy_getinfo(r->easy, CURLINFO_SIZE_DOWNLOAD_T, &dl);
	curl_easy_getinfo(r->easy, CURLINFO_SIZE_UPLOAD_T, &ul);
	curl_easy_getinfo(r->easy, CURLINFO_PRIMARY_IP, &ip);
	curl_easy_getinfo(r->easy, CURLINFO_PRIMARY_PORT, &r->remote_port);
	curl_easy_getinfo(r->easy, CURLINFO_NUM_CONNECTS, &nconn);
	r->remote_ip = ip != NULL && *ip ? xstrdup(ip) : NULL;
	/* libcurl retries a request whose reused connection died, at most 5
	 * times per handle until curl_easy_reset: a handle kept set up (see
	 * setup_easy) would give up on every sixth.  A retry connects anew,
	 * so a hop that connected gets its handle reset before the next. */
	if (nconn > 0) {
		free(r->hv->pool_key[r->slot]);
		r->hv->pool_key[r->slot] = NULL;
	}
	/* The request line, headers and body as sent (compressed, if so).
	 * libcurl sends a body under 64 KiB (MAX_INITIAL_POST_SIZE) with the
	 * headers and counts it in CURLINFO_REQUEST_SIZE; a larger one only
	 * in CURLINFO_SIZE_UPLOAD. */
	vu->data_sent += (uint64_t)rsize +
	    (r->body.len >= 65536 ? (uint64_t)ul : 0);
	vu->data_received += (uint64_t)hsize + (uint64_t)dl;
	timings(r);
	r->proto = NULL;
	if (r->not_http && r->result == CURLE_OK)
		r->result = CURLE_WRITE_ERROR;	/* closed before its line ended */
	if (r->result != CURLE_OK) {
		r->status = 0;
		set_error(r);
	} else {
		r->status = code;
		r->proto = proto_of(r);
		if (code >= 400)
			r->error_code = 1000 + (int)code;
	}
	r->expected = is_expected(r);
	/* k6 expects the first response of a digest request to be its
	 * 401 challenge, and only that; of an ntlm request, a 401 too */
	if (r->auth == CURLAUTH_DIGEST && !r->challenged && r->nredirects == 0)
		r->expected = r->status == 401;
	if (r->auth == CURLAUTH_NTLM && !r->challenged && r->nredirects == 0)
		r->expected = r->expected || r->status == 401;
	if (!vu->interrupted) {
		if (r->ninner > 0)
			emit_inner(r);
		emit_metrics(r);
	}
	store_cookies(r);

	/* Digest: answer the challenge in a second request, counted and
	 * timed on its own as k6 does. */
	if (r->auth == CURLAUTH_DIGEST && !r->challenged && r->status == 401 &&
	    digest_answer(r) == 0) {
		r->challenged = 1;
		r->state = RQ_QUEUED;
		return;
	}
	/* NTLM: as k6's negotiator, the credentials only go after a 401,
	 * with NTLM if the server asked for it (libcurl runs its two
	 * steps), else with basic auth. */
	if (r->auth == CURLAUTH_NTLM && !r->challenged && r->status == 401 &&
	    has_credentials(r)) {
		r->challenged = 1;
		if (!asks_ntlm(r))
			r->auth = CURLAUTH_BASIC;
		r->state = RQ_QUEUED;
		return;
	}
	r->state = RQ_COMPLETE;
	if (r->result == CURLE_OK && (code == 301 || code == 302 || code == 303 ||
	    code == 307 || code == 308) &&
	    curl_easy_getinfo(r->easy, CURLINFO_REDIRECT_URL, &loc) == CURLE_OK &&
	    loc != NULL) {
		if (r->nredirects >= r->max_redirects) {
			if (r->max_redirects > 0)
				log_msg(LOG_WARN, NULL, "Stopped after %ld redirects and "
				    "returned the redirection; pass { redirects: n } in "
				    "request params or set global maxRedirects to avoid this",
				    r->nredirects);
			return;
		}
		r->nredirects++;
		r->challenged = 0;
		free(r->authz);
		r->authz = NULL;
		{
			char *next = xstrdup(loc);

			free(r->url);
			r->url = next;
			/* libcurl made it absolute; nothing here throws */
			{
				CURLU *u = curl_url();
				char *host = NULL, *path = NULL, *scheme = NULL, *p;

				curl_url_set(u, CURLUPART_URL, next, 0);
				curl_url_get(u, CURLUPART_HOST, &host, 0);
				curl_url_get(u, CURLUPART_PATH, &path, 0);
				curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
				free(r->host);
				free(r->path);
				r->host = xstrdup(host != NULL ? host : "");
				for (p = r->host; *p; p++)
					*p = (char)tolower((unsigned char)*p);
				r->path = xstrdup(path != NULL ? path : "/");
				r->https = scheme != NULL && strcmp(scheme, "https") == 0;
				curl_free(host);
				curl_free(path);
				curl_free(scheme);
				curl_url_cleanup(u);
			}
			free(r->orig_url);
			r->orig_url = xstrdup(next);
			/* the name of a redirect target is its URL */
			if (!r->has_name_tag) {
				free(r->name);
				r->name = NULL;
			}
		}
		/* Go's client: 301, 302 and 303 turn into a GET without a
		 * body (HEAD stays HEAD); 307 and 308 repeat the request */
		if ((code == 301 || code == 302 || code == 303) &&
		    strcmp(r->method, "HEAD") != 0) {
			free(r->method);
			r->method = xstrdup("GET");
			buf_free(&r->body);
			r->has_body = r->form = 0;
		}
		r->state = RQ_QUEUED;
	}
}

/* Running a call's requests. */

static int
host_running(struct http_vu *hv, const char *host)
{
	size_t i;
	int n = 0;

	for (i = 0; i < hv->nreqs; i++)
		if (hv->reqs[i].state == RQ_RUNNING && strcmp(hv->reqs[i].host, host) == 0)
			n++;
	return n;
}

/* Run every request of the call to completion, at most par at a time
 * and per_host per host.  0, or -1 when the VU was interrupted. */
static int
hv_run(struct http_vu *hv, long par, long per_host)
{
	size_t i;
	int queued;

	for (;;) {
		queued = 0;
		for (i = 0; i < hv->nreqs; i++) {
			struct http_req *r = &hv->reqs[i];

			if (r->state == RQ_HOP_DONE)
				req_finish_hop(r);
			if (r->state != RQ_QUEUED)
				continue;
			queued++;
			if (par > 0 && hv->running >= par)
				continue;
			if (per_host > 0 && hv->nreqs > 1 &&
			    host_running(hv, r->host) >= per_host)
				continue;
			r->easy = hv_easy(hv, i);
			r->slot = i;
			queued--;
			if (req_start(r) == -1)
				i--;	/* finish it now */
		}
		if (hv->running == 0 && queued == 0)
			return 0;
		if (vu_block(hv->vu) == -1) {
			http_interrupt(hv->vu);
			return -1;
		}
	}
}

/* After hv_run: throw for a failed request if asked to. */
static void
maybe_throw(js_State *J, struct http_req *r)
{
	if (r->error != NULL && r->status == 0) {
		if (r->throw_errors)
			js_error(J, "%s", r->error);
		log_failure(r);
	}
}

/* The JavaScript functions. */

/* r->method is set; url, body, params at the given stack indices (0:
 * absent). */
static void
read_request(js_State *J, struct http_req *r, int iurl, int ibody, int iparams)
{
	const char *m;

	for (m = r->method; *m != '\0'; m++)
		if (!isalpha((unsigned char)*m))
			js_error(J, "invalid HTTP method \"%s\"", r->method);
	if (*r->method == '\0')
		js_error(J, "invalid HTTP method: empty");
	read_url(J, r, iurl);
	if (r->url_fault == HTTP_URL_PARSE) {
		/* k6 reads nothing more: no request, no metrics */
		r->state = RQ_COMPLETE;
		return;
	}
	if (ibody != 0)
		read_body(J, r, ibody);
	if (iparams != 0)
		read_params(J, r, iparams);
	r->state = RQ_QUEUED;
}

/* An owned upper-case copy. */
static char *
upper(const char *s)
{
	char *m = xstrdup(s), *p;

	for (p = m; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return m;
}

static void
call_begin(js_State *J, struct http_vu *hv, size_t n)
{
	if (hv->busy || hv->running)
		js_error(J, "an HTTP request cannot start while another one is "
		    "being prepared");
	hv_begin(hv, n);
	hv->busy = 1;
}

static void
do_one(js_State *J, const char *method, int iurl, int ibody, int iparams)
{
	struct http_vu *hv = hv_get(J, INIT_MSG);
	struct http_req *r;

	call_begin(J, hv, 1);
	r = hv_add(hv);
	if (js_try(J)) {
		hv->busy = 0;
		js_throw(J);
	}
	r->method = upper(method);
	read_request(J, r, iurl, ibody, iparams);
	js_endtry(J);
	hv->busy = 0;
	if (hv_run(hv, 1, 0) == -1)
		vu_throw_interrupted(J);
	maybe_throw(J, r);
	http_response_push(J, r);
}

static void
http_get(js_State *J) { do_one(J, "GET", 1, 0, 2); }
static void
http_head(js_State *J) { do_one(J, "HEAD", 1, 0, 2); }
static void
http_post(js_State *J) { do_one(J, "POST", 1, 2, 3); }
static void
http_put(js_State *J) { do_one(J, "PUT", 1, 2, 3); }
static void
http_patch(js_State *J) { do_one(J, "PATCH", 1, 2, 3); }
static void
http_del(js_State *J) { do_one(J, "DELETE", 1, 2, 3); }
static void
http_options(js_State *J) { do_one(J, "OPTIONS", 1, 2, 3); }

static void
http_request(js_State *J)
{
	if (!js_isstring(J, 1))
		js_typeerror(J, "http.request: the method must be a string");
	/* the string stays on the stack while do_one copies it */
	do_one(J, js_tostring(J, 1), 2, 3, 4);
}

/* One batch entry at idx into a new request. */
static void
read_batch_entry(js_State *J, struct http_vu *hv, int idx)
{
	struct http_req *r = hv_add(hv);
	int top;

	if (js_isstring(J, idx) || (js_isobject(J, idx) &&
	    js_hasproperty(J, idx, "__ly_url") && (js_pop(J, 1), 1))) {
		r->method = xstrdup("GET");
		read_request(J, r, idx, 0, 0);
		return;
	}
	if (!js_isobject(J, idx))
		js_typeerror(J, "http.batch: a request must be a URL, an array or an "
		    "object, got %s", js_tostring(J, idx));
	top = js_gettop(J);
	if (js_isarray(J, idx)) {
		js_getindex(J, idx, 0);
		js_getindex(J, idx, 1);
		js_getindex(J, idx, 2);
		js_getindex(J, idx, 3);
	} else {
		js_getproperty(J, idx, "method");
		js_getproperty(J, idx, "url");
		js_getproperty(J, idx, "body");
		js_getproperty(J, idx, "params");
	}
	if (js_isundefined(J, top))
		js_typeerror(J, "http.batch: a request has no method");
	js_tostring(J, top);
	r->method = upper(js_tostring(J, top));
	read_request(J, r, top + 1, top + 2, top + 3);
	js_pop(J, 4);
}

static void
http_batch(js_State *J)
{
	struct http_vu *hv = hv_get(J, INIT_MSG);
	const struct runopts *o = hv->vu->engine->opts;
	int isarr = js_isarray(J, 1), len = 0, i;
	const char *k;

	if (!js_isobject(J, 1))
		js_typeerror(J, "http.batch needs an array or an object of requests");
	/* keys of an object batch, as a JS array kept at index 2 */
	js_newarray(J);
	if (isarr)
		len = js_getlength(J, 1);
	else {
		js_pushiterator(J, 1, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			js_pushstring(J, k);
			js_setindex(J, -3, len++);
		}
		js_pop(J, 1);
	}
	call_begin(J, hv, (size_t)len + 1);
	if (js_try(J)) {
		hv->busy = 0;
		js_throw(J);
	}
	for (i = 0; i < len; i++) {
		if (isarr)
			js_getindex(J, 1, i);
		else {
			js_getindex(J, -1, i);
			js_getproperty(J, 1, js_tostring(J, -1));
			js_rot2(J);
			js_pop(J, 1);
		}
		read_batch_entry(J, hv, js_gettop(J) - 1);
		js_pop(J, 1);
	}
	js_endtry(J);
	hv->busy = 0;
	if (hv_run(hv, o != NULL ? (long)o->batch : 20,
	    o != NULL ? (long)o->batch_per_host : 6) == -1)
		vu_throw_interrupted(J);
	for (i = 0; i < len; i++)
		maybe_throw(J, &hv->reqs[i]);
	if (isarr)
		js_newarray(J);
	else
		js_newobject(J);
	for (i = 0; i < len; i++) {
		if (isarr) {
			http_response_push(J, &hv->reqs[i]);
			js_setindex(J, -2, i);
		} else {
			js_getindex(J, 2, i);
			http_response_push(J, &hv->reqs[i]);
			js_setproperty(J, -3, js_tostring(J, -2));
			js_pop(J, 1);
		}
	}
}

/* expectedStatuses(200, {min: 300, max: 399}, ...) */
static void
http_expected_statuses(js_State *J)
{
	int i, n = 0, top = js_gettop(J);

	js_newobject(J);
	js_newarray(J);
	for (i = 1; i < top; i++) {
		double lo, hi;

		if (js_isnumber(J, i)) {
			lo = hi = js_tonumber(J, i);
		} else if (js_isobject(J, i)) {
			js_getproperty(J, i, "min");
			lo = js_tonumber(J, -1);
			js_getproperty(J, i, "max");
			hi = js_tonumber(J, -1);
			js_pop(J, 2);
		} else
			js_typeerror(J, "expectedStatuses: argument %d must be an "
			    "integer or an object like {min: 200, max: 300}", i);
		if (lo != (int)lo || hi != (int)hi)
			js_typeerror(J, "expectedStatuses: argument %d must be an "
			    "integer or an object like {min: 200, max: 300}", i);
		js_pushnumber(J, lo);
		js_setindex(J, -2, n++);
		js_pushnumber(J, hi);
		js_setindex(J, -2, n++);
	}
	js_setproperty(J, -2, "__ly_expected");
}

static void
http_set_response_callback(js_State *J)
{
	struct vu *vu = vu_of(J);
	struct http_vu *hv;
	int init = vu->in_init;

	/* allowed in the init context too */
	vu->in_init = 0;
	hv = hv_get(J, INIT_MSG);
	vu->in_init = init;
	if (js_isnull(J, 1) || js_isundefined(J, 1)) {
		hv->cb = CB_NONE;
	} else {
		read_ranges(J, 1, &hv->ranges, &hv->nranges);
		hv->cb = CB_RANGES;
	}
	js_pushundefined(J);
}

/* CookieJar */

static void
jar_fin(js_State *J, void *p)
{
	http_cookie_jar_free(p);
}

static struct http_cookie_jar *
this_jar(js_State *J)
{
	if (!js_isuserdata(J, 0, "CookieJar"))
		js_typeerror(J, "not a CookieJar");
	return js_touserdata(J, 0, "CookieJar");
}

/* host and path of the URL at idx; owned, NULL on a bad URL (thrown). */
static void
jar_url(js_State *J, int idx, char **host, char **path, int *https)
{
	CURLU *u = curl_url();
	char *h = NULL, *p = NULL, *s = NULL;

	if (curl_url_set(u, CURLUPART_URL, js_tostring(J, idx), 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &h, 0) != CURLUE_OK) {
		curl_url_cleanup(u);
		js_error(J, "invalid URL \"%s\"", js_tostring(J, idx));
	}
	curl_url_get(u, CURLUPART_PATH, &p, 0);
	curl_url_get(u, CURLUPART_SCHEME, &s, 0);
	*host = xstrdup(h);
	*path = xstrdup(p != NULL ? p : "/");
	*https = s != NULL && strcmp(s, "https") == 0;
	curl_free(h);
	curl_free(p);
	curl_free(s);
	curl_url_cleanup(u);
}

static void
push_jar(js_State *J, struct http_cookie_jar *j, int owned)
{
	js_getregistry(J, "ly.http.CookieJar");
	js_newuserdata(J, "CookieJar", j, owned ? jar_fin : NULL);
}

static void
http_cookie_jar_ctor(js_State *J)
{
	push_jar(J, http_cookie_jar_new(), 1);
}

static void
http_cookie_jar_fn(js_State *J)
{
	struct http_vu *hv = hv_get(J, "getting the cookie jar in the init context is not supported");

	push_jar(J, hv->jar, 0);
}

static void
collect_cookie(const struct http_cookie *c, void *arg)
{
	js_State *J = arg;

	/* stack: result object */
	if (!js_hasproperty(J, -1, c->name)) {
		js_newarray(J);
		js_copy(J, -1);
		js_setproperty(J, -3, c->name);
	}
	js_pushstring(J, c->value);
	js_setindex(J, -2, js_getlength(J, -2));
	js_pop(J, 1);
}

static void
jar_cookies_for_url(js_State *J)
{
	struct http_cookie_jar *j = this_jar(J);
	char *host, *path;
	int https;

	jar_url(J, 1, &host, &path, &https);
	js_newobject(J);
	/* collect_cookie can only throw on memory exhaustion */
	http_cookie_jar_match(j, host, path, https, time(NULL), collect_cookie, J);
	free(host);
	free(path);
}

static void
jar_set(js_State *J)
{
	struct http_cookie_jar *j = this_jar(J);
	struct http_cookie c;
	char *host = NULL, *path = NULL;
	int https;

	memset(&c, 0, sizeof c);
	if (!js_isdefined(J, 2) || *js_tostring(J, 2) == '\0')
		js_typeerror(J, "CookieJar.set: the cookie needs a name");
	if (js_isobject(J, 4)) {
		js_getproperty(J, 4, "domain");
		js_getproperty(J, 4, "path");
		js_getproperty(J, 4, "expires");
		js_getproperty(J, 4, "max_age");
		js_getproperty(J, 4, "secure");
		js_getproperty(J, 4, "http_only");
	} else {
		int i;

		for (i = 0; i < 6; i++)
			js_pushundefined(J);
	}
	/* convert everything first, then allocate */
	js_tostring(J, 1);
	js_tostring(J, 2);
	js_tostring(J, 3);
	if (js_isdefined(J, -6)) js_tostring(J, -6);
	if (js_isdefined(J, -5)) js_tostring(J, -5);
	if (js_isdefined(J, -4)) js_tostring(J, -4);
	jar_url(J, 1, &host, &path, &https);
	c.name = xstrdup(js_tostring(J, 2));
	c.value = xstrdup(js_isdefined(J, 3) ? js_tostring(J, 3) : "");
	if (js_isdefined(J, -6)) {
		const char *d = js_tostring(J, -6);
		c.domain = xstrdup(d + (*d == '.'));
	}
	if (js_isdefined(J, -5))
		c.path = xstrdup(js_tostring(J, -5));
	if (js_isdefined(J, -4))
		c.expires = http_cookie_parse_time(js_tostring(J, -4));
	if (js_isdefined(J, -3) && js_isnumber(J, -3)) {
		c.has_max_age = 1;
		c.max_age = (long)js_tonumber(J, -3);
	}
	c.secure = js_toboolean(J, -2);
	c.http_only = js_toboolean(J, -1);
	/* Go's cookie jar drops a cookie whose domain does not match the
	 * URL, and k6 returns true all the same */
	(void)http_cookie_jar_store(j, host, path, &c, time(NULL));
	free(host);
	free(path);
	js_pushboolean(J, 1);
}

static void
jar_clear(js_State *J)
{
	struct http_cookie_jar *j = this_jar(J);
	char *host, *path;
	int https;

	jar_url(J, 1, &host, &path, &https);
	http_cookie_jar_delete(j, host, path, NULL);
	free(host);
	free(path);
	js_pushundefined(J);
}

static void
jar_delete(js_State *J)
{
	struct http_cookie_jar *j = this_jar(J);
	char *host, *path;
	int https;

	js_tostring(J, 2);
	jar_url(J, 1, &host, &path, &https);
	http_cookie_jar_delete(j, host, path, js_tostring(J, 2));
	free(host);
	free(path);
	js_pushundefined(J);
}

/* http.file(data, filename, contentType): k6's FileData, a value that
 * makes an object body multipart.  The filename defaults to the time in
 * nanoseconds, as in k6. */
static void
http_file(js_State *J)
{
	const unsigned char *p;
	struct timespec ts;
	char name[32];
	size_t n;

	if (!js_isstring(J, 1) && binary_get(J, 1, &p, &n) == -1)
		js_typeerror(J, "http.file: invalid data, expected a string or "
		    "an ArrayBuffer");
	js_newobject(J);
	js_copy(J, 1);
	js_setproperty(J, -2, "data");
	if (js_isdefined(J, 2) && !js_isnull(J, 2))
		js_copy(J, 2);
	else {
		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf(name, sizeof name, "%lld%09ld", (long long)ts.tv_sec,
		    ts.tv_nsec);
		js_pushstring(J, name);
	}
	js_setproperty(J, -2, "filename");
	if (js_isdefined(J, 3) && !js_isnull(J, 3))
		js_copy(J, 3);
	else
		js_pushliteral(J, "application/octet-stream");
	js_setproperty(J, -2, "content_type");
	js_pushboolean(J, 1);
	js_defproperty(J, -2, "__ly_file", JS_DONTENUM | JS_READONLY);
}

/* http.Response: the constructor whose prototype every Response has. */
static void
http_response_getter(js_State *J)
{
	http_js(J);
	js_pop(J, 1);
	js_getregistry(J, "ly.http.ResponseCtor");
}

void
http_module_open(js_State *J)
{
	static const char *const consts[][2] = {
		{ "TLS_1_0", "tls1.0" }, { "TLS_1_1", "tls1.1" },
		{ "TLS_1_2", "tls1.2" }, { "TLS_1_3", "tls1.3" },
		{ "OCSP_STATUS_GOOD", "good" }, { "OCSP_STATUS_REVOKED", "revoked" },
		{ "OCSP_STATUS_SERVER_FAILED", "server_failed" },
		{ "OCSP_STATUS_UNKNOWN", "unknown" },
	};
	size_t i;

	js_newobject(J);
	modules_setfn(J, jar_cookies_for_url, "cookiesForURL", 1);
	modules_setfn(J, jar_set, "set", 4);
	modules_setfn(J, jar_clear, "clear", 1);
	modules_setfn(J, jar_delete, "delete", 2);
	js_copy(J, -1);
	js_setregistry(J, "ly.http.CookieJar");
	js_pop(J, 1);

	js_newobject(J);
	modules_setfn(J, http_get, "get", 2);
	modules_setfn(J, http_head, "head", 2);
	modules_setfn(J, http_post, "post", 3);
	modules_setfn(J, http_put, "put", 3);
	modules_setfn(J, http_patch, "patch", 3);
	modules_setfn(J, http_del, "del", 3);
	modules_setfn(J, http_options, "options", 3);
	modules_setfn(J, http_request, "request", 4);
	modules_setfn(J, http_batch, "batch", 1);
	modules_setfn(J, http_expected_statuses, "expectedStatuses", 0);
	modules_setfn(J, http_set_response_callback, "setResponseCallback", 1);
	modules_setfn(J, http_cookie_jar_fn, "cookieJar", 0);
	modules_setfn(J, http_file, "file", 3);
	js_getregistry(J, "ly.http.CookieJar");
	js_newcconstructor(J, http_cookie_jar_ctor, http_cookie_jar_ctor,
	    "CookieJar", 0);
	js_setproperty(J, -2, "CookieJar");
	modules_setfn(J, http_response_url, "url", 1);
	js_newcfunction(J, http_response_getter, "Response", 0);
	js_pushnull(J);
	js_defaccessor(J, -3, "Response", JS_DONTCONF);
	for (i = 0; i < sizeof consts / sizeof consts[0]; i++) {
		js_pushstring(J, consts[i][1]);
		js_setproperty(J, -2, consts[i][0]);
	}
}

/* A VU that imported k6/http gets its HTTP state, its first libcurl
 * handle and the Response prototype when its init code is done: made
 * inside the first iteration, they were part of its measured duration,
 * and all VUs of a test start their first iteration at once. */
static void
http_prepare_fn(js_State *J)
{
	struct http_vu *hv = hv_get(J, INIT_MSG);

	hv_easy(hv, 0);
	http_js(J);
	js_pop(J, 1);
	js_pushundefined(J);
}

int
http_vu_prepare(struct vu *vu, char **cause)
{
	js_State *J = vu->J;

	js_getregistry(J, "ly.http.CookieJar");
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		return 0;	/* no k6/http in this script */
	}
	js_pop(J, 1);
	js_newcfunction(J, http_prepare_fn, "prepare", 0);
	js_pushundefined(J);
	if (js_pcall(J, 0)) {
		*cause = xasprintf("k6/http: %s", js_trystring(J, -1, "Error"));
		js_pop(J, 1);
		return -1;
	}
	js_pop(J, 1);
	return 0;
}

void
http_vu_free(struct vu *vu)
{
	struct http_vu *hv = vu->http;
	size_t i;

	if (hv == NULL)
		return;
	http_interrupt(vu);
	for (i = 0; i < hv->creqs; i++)
		req_reset(&hv->reqs[i]);
	free(hv->reqs);
	for (i = 0; i < hv->npool; i++) {
		if (hv->pool[i] != NULL)
			curl_easy_cleanup(hv->pool[i]);
		curl_slist_free_all(hv->pool_slist[i]);
		free(hv->pool_key[i]);
	}
	free(hv->pool);
	free(hv->pool_slist);
	free(hv->pool_key);
	buf_free(&hv->key);
	buf_free(&hv->meta);
	for (i = 0; i < HTTP_TAGCACHE; i++) {
		free(hv->tagcache[i].method);
		free(hv->tagcache[i].url);
		free(hv->tagcache[i].name);
		free(hv->tagcache[i].tls);
		free(hv->tagcache[i].error);
	}
	curl_share_cleanup(hv->share);
	http_cookie_jar_free(hv->jar);
	free(hv->ranges);
	free(hv->last_url);
	free(hv->last_host);
	free(hv->last_path);
	free(hv->last_clean);
	curl_slist_free_all(hv->connect_to);
	free(hv->ciphers);
	free(hv->certdirs);
	free(hv->ciphers13);
	free(hv);
	vu->http = NULL;
}

void
http_interrupt(struct vu *vu)
{
	struct http_vu *hv = vu->http;
	size_t i;

	if (hv == NULL)
		return;
	for (i = 0; i < hv->nreqs; i++) {
		struct http_req *r = &hv->reqs[i];

		if (r->state == RQ_RUNNING)
			net_cancel(vu->engine->net, r->easy);
		r->state = RQ_COMPLETE;
	}
	hv->running = 0;
}

void
http_iteration_start(struct vu *vu)
{
	struct http_vu *hv = vu->http;
	const struct runopts *o = vu->engine->opts;
	size_t i;

	if (hv == NULL)
		return;
	if (o == NULL || !o->no_cookies_reset)
		http_cookie_jar_reset(hv->jar);
	if (o != NULL && o->no_vu_connection_reuse) {
		/* a fresh connection cache for every iteration */
		for (i = 0; i < hv->npool; i++) {
			if (hv->pool[i] != NULL)
				curl_easy_setopt(hv->pool[i], CURLOPT_SHARE, NULL);
			free(hv->pool_key[i]);
			hv->pool_key[i] = NULL;
		}
		curl_share_cleanup(hv->share);
		hv->share = curl_share_init();
		curl_share_setopt(hv->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
		curl_share_setopt(hv->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
	}
}
