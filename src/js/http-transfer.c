/* The transfer: a request's libcurl easy handle, its callbacks, its start. */
#include "config.h"

#include <sys/socket.h>
#include <ctype.h>
#include <dlfcn.h>
#include <errno.h>
#include <event2/event.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "engine/coro.h"
#include "engine/module.h"
#include "net/net.h"
#include "net/netblock.h"
#include "net/resolver.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"
#include "js/http-debug.h"
#include "js/http-int.h"

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
	r->call_prereq = net_calls(vu_net(r->hv->vu));
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
		if (net_calls(vu_net(r->hv->vu)) == r->call_prereq) {
			int64_t cpu = r->t_prereq + thread_cpu() - r->cpu_prereq;

			if (cpu < r->t_sent)
				r->t_sent = cpu;
		}
		verbose_off(r);
	}
	return 0;
}

/* Whether the hop may connect to a, as k6's dialer decides it: a
 * blocked host name first, then a blacklisted address.  If not, the
 * reason is kept for set_error. */
static int
may_connect(struct http_req *r, const struct sockaddr *a)
{
	free(r->block_text);
	r->blocked = 1111;
	if ((r->block_text = netblock_host_error(r->host)) != NULL)
		return 0;
	r->blocked = 1110;
	if ((r->block_text = netblock_addr_error(a)) != NULL)
		return 0;
	r->blocked = 0;
	return 1;
}

/* libcurl 7.88 keeps no errno when socket() fails (EMFILE): open the
 * sockets here and note it. */
static curl_socket_t
opensocket_cb(void *arg, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct http_req *r = arg;
	curl_socket_t fd;

	(void)purpose;
	if (netblock_active() && !may_connect(r, &a->addr))
		return CURL_SOCKET_BAD;
	fd = socket(a->family, a->socktype, a->protocol);
	if (fd == CURL_SOCKET_BAD)
		r->sock_errno = errno;
	return fd;
}


static size_t
header_cb(char *p, size_t sz, size_t n, void *arg)
{
	struct http_req *r = arg;
	const char *sp;

	n *= sz;
	/* libcurl's TLS pointer is only valid while the transfer runs */
	if (r->https && r->tls_version == NULL)
		tls_info(r);
	/* keep the last response's header block only (every line is
	 * tested: its first byte before a call into libc) */
	if (n > 5 && p[0] == 'H' && strncmp(p, "HTTP/", 5) == 0) {
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
		r->set_cookie = 0;
	}
	/* store_cookies looks for these only when there are some */
	if (n >= 11 && (p[0] == 'S' || p[0] == 's') &&
	    strncasecmp(p, "Set-Cookie:", 11) == 0)
		r->set_cookie = 1;
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

/* The "same request as last time" key of setup_easy: the fields below,
 * each followed by a newline (the request record the callbacks point at
 * and the authentication scheme are compared apart, in pool_for).  A
 * request is compared with the key of its handle's last one field by
 * field, and a key is built only when they differ (building one for
 * every request was 3.5 % of a request's instructions with printf, 0.7 %
 * with plain copies). */
static int
key_fields(const struct http_req *r, int (*fn)(void *, const char *),
    void *arg)
{
	size_t i;

	if (!fn(arg, r->method) || !fn(arg, r->url) ||
	    !fn(arg, r->cookie_hdr != NULL ? r->cookie_hdr : ""))
		return 0;
	for (i = 0; i < r->nhdrs; i++)
		if (!fn(arg, r->hdrs[i].name) || !fn(arg, r->hdrs[i].value))
			return 0;
	if (r->authz != NULL &&
	    (!fn(arg, "Authorization") || !fn(arg, r->authz)))
		return 0;
	return !r->challenged || fn(arg, "challenged");
}

static int
key_put(void *arg, const char *s)
{
	buf_puts(arg, s);
	buf_putc(arg, '\n');
	return 1;
}

/* Whether the key at *arg goes on with s: then past it. */
static int
key_match(void *arg, const char *s)
{
	const char **k = arg;
	size_t n = strlen(s);

	if (strncmp(*k, s, n) != 0 || (*k)[n] != '\n')
		return 0;
	*k += n + 1;
	return 1;
}

/* The URL of slot i's handle, just reset.  libcurl parses a string URL
 * again for every transfer (12,000 instructions, a sixth of one); a
 * handle kept set up for the same request (setup_easy) reuses this one,
 * parsed with the flags libcurl gives its own parse.  A URL that does
 * not parse so goes as a string, for libcurl's own error. */
struct url_set {
	CURLU		*u;
	const char	*url;
	CURLUcode	 rc;
};

static void
url_set(void *arg)
{
	struct url_set *s = arg;

	s->rc = curl_url_set(s->u, CURLUPART_URL, s->url,
	    CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME);
}

static void
set_easy_url(struct http_vu *hv, size_t i, const char *url)
{
	CURL *e = hv->pool[i];
	CURLU *u = curl_url();
	struct url_set s = { u, url, CURLUE_OUT_OF_MEMORY };

	/* on a lent stack: libcurl's printf takes 6 KiB (http-params.c) */
	if (u != NULL)
		coro_call_deep(url_set, &s);
	if (u != NULL && s.rc == CURLUE_OK)
		curl_easy_setopt(e, CURLOPT_CURLU, u);
	else {
		curl_url_cleanup(u);
		u = NULL;
		curl_easy_setopt(e, CURLOPT_URL, url);
	}
	curl_url_cleanup(hv->pool_url[i]);
	hv->pool_url[i] = u;
}

const char *
http_user_agent(struct http_vu *hv)
{
	const struct runopts *o = vu_opts(hv->vu);

	return o != NULL && o->user_agent != NULL ? o->user_agent :
	    "lyocell/" PACKAGE_VERSION;
}

/* Whether r's host is an IPv6 address with a zone ("[fe80::1%25eth0]"). */
static int
has_zone(const struct http_req *r)
{
	const char *b;

	if (r->host[0] != '[' || (b = strchr(r->url, '[')) == NULL)
		return 0;
	return memchr(b, '%', strcspn(b, "]")) != NULL;
}

/* The headers of a request that has none of its own, the same for every
 * request of the process (the options' User-Agent): one list, not one
 * per handle. */
static struct curl_slist *
default_headers(struct http_vu *hv)
{
	static struct curl_slist *sl;
	char *ua;

	if (sl == NULL) {
		ua = xasprintf("User-Agent: %s", http_user_agent(hv));
		sl = curl_slist_append(sl, ua);
		sl = curl_slist_append(sl, "Accept:");
		sl = curl_slist_append(sl, "Accept-Encoding:");
		sl = curl_slist_append(sl, "Expect:");
		free(ua);
	}
	return sl;
}

static void
setup_easy(struct http_req *r)
{
	struct http_vu *hv = r->hv;
	const struct runopts *o = vu_opts(hv->vu);
	CURL *e = r->easy;
	struct buf line = BUF_INIT;
	int anon = r->auth == CURLAUTH_DIGEST ||
	    (r->auth == CURLAUTH_NTLM && !r->challenged);
	const char *k;
	int64_t left;
	size_t i, j;

	free(r->cookie_hdr);
	r->cookie_hdr = cookie_header(r);
	left = (r->deadline - engine_now()) / 1000000;
	/* A handle that made the same request last time keeps its options:
	 * only the timeout changes (most scripts repeat their requests). */
	if (!r->has_body && (k = hv->pool_key[r->slot]) != NULL &&
	    hv->pool_for[r->slot].r == r && hv->pool_for[r->slot].auth == r->auth &&
	    key_fields(r, key_match, &k) && *k == '\0') {
		curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(left > 0 ? left : 1));
		return;
	}
	free(hv->pool_key[r->slot]);
	hv->pool_key[r->slot] = NULL;
	if (!r->has_body) {
		buf_reset(&hv->key);
		key_fields(r, key_put, &hv->key);
		hv->pool_key[r->slot] = xstrdup(hv->key.data);
		hv->pool_for[r->slot].r = r;
		hv->pool_for[r->slot].auth = r->auth;
	}

	curl_easy_reset(e);
	/* digest, and the first request of ntlm, go without credentials
	 * (digest sends them in r->authz) */
	set_easy_url(hv, r->slot, anon && r->orig_url != NULL ?
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
	if (o == NULL || !o->no_connection_reuse) {
		int zoned = has_zone(r);

		curl_easy_setopt(e, CURLOPT_SHARE, hv_share(hv, zoned));
		/* The VU's connections apart from its group's others' (a
		 * scope only reaches the kernel for link-local IPv6, where
		 * a URL's zone is the scope); no TLS session of another VU
		 * resumed: k6 resumes none. */
		if (!zoned && hv->group != NULL) {
			curl_easy_setopt(e, CURLOPT_ADDRESS_SCOPE, (long)hv->scope);
			curl_easy_setopt(e, CURLOPT_SSL_SESSIONID_CACHE, 0L);
		}
	} else {
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
	if (hv->interface != NULL)
		curl_easy_setopt(e, CURLOPT_INTERFACE, hv->interface);
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
	if (r->nhdrs == 0 && !r->form && !r->has_body && r->cookie_hdr == NULL &&
	    r->authz == NULL) {
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, default_headers(hv));
		return;
	}
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
		buf_printf(&line, "User-Agent: %s", http_user_agent(hv));
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
	http_debug_end(&r->debug);
	if (r->async) {
		/* for the event loop; a VU in a synchronous call goes on */
		r->hv->arunning--;
		vu_loop_wake(r->hv->vu);
		return;
	}
	r->hv->running--;
	vu_wake(r->hv->vu);
}

CURL *
hv_easy(struct http_vu *hv, size_t i)
{
	if (i >= hv->npool) {
		hv->pool = xreallocarray(hv->pool, i + 1, sizeof *hv->pool);
		hv->pool_key = xreallocarray(hv->pool_key, i + 1, sizeof *hv->pool_key);
		hv->pool_url = xreallocarray(hv->pool_url, i + 1, sizeof *hv->pool_url);
		hv->pool_slist = xreallocarray(hv->pool_slist, i + 1,
		    sizeof *hv->pool_slist);
		hv->pool_for = xreallocarray(hv->pool_for, i + 1, sizeof *hv->pool_for);
		while (hv->npool <= i) {
			hv->pool_key[hv->npool] = NULL;
			hv->pool_url[hv->npool] = NULL;
			hv->pool_slist[hv->npool] = NULL;
			hv->pool_for[hv->npool].r = NULL;
			hv->pool[hv->npool++] = NULL;
		}
	}
	if (hv->pool[i] == NULL && (hv->pool[i] = curl_easy_init()) == NULL)
		fatalx(1, "cannot create a libcurl handle: out of memory");
	return hv->pool[i];
}

/* options.rps as k6's limiter (x/time/rate, a burst of 1) over this
 * process's VUs: a call's request takes the next slot, 1/rps after the
 * one before or now if that is past, and starts then; its redirects
 * and authentication rounds do not wait again. */
static int64_t rps_next;

static void
rps_cb(evutil_socket_t fd, short what, void *arg)
{
	struct http_vu *hv = arg;

	(void)fd;
	(void)what;
	if (hv->rps_sync) {
		hv->rps_sync = 0;
		vu_wake(hv->vu);	/* hv_run, blocked */
	} else
		vu_loop_wake(hv->vu);	/* http.asyncRequest's, from run_ready */
}

int
rps_hold(struct http_req *r)
{
	struct http_vu *hv = r->hv;
	const struct runopts *o = vu_opts(hv->vu);
	struct timeval tv;
	int64_t now;

	if (o == NULL || o->rps <= 0)
		return 0;
	now = engine_now();
	if (r->rps_at == 0) {
		r->rps_at = now > rps_next ? now : rps_next;
		rps_next = r->rps_at + (int64_t)(1e9 / o->rps);
	}
	if (r->rps_at <= now)
		return 0;
	if (hv->rps_ev == NULL)
		hv->rps_ev = evtimer_new(vu_event_base(hv->vu), rps_cb, hv);
	if (!evtimer_pending(hv->rps_ev, NULL) || r->rps_at < hv->rps_wake) {
		hv->rps_wake = r->rps_at;
		tv = timeval_ms((double)(r->rps_at - now) / 1e6);
		evtimer_add(hv->rps_ev, &tv);
	}
	if (!r->async)
		hv->rps_sync = 1;
	return 1;
}

/* options.dns: hand libcurl the address the lookup chose, as
 * CURLOPT_RESOLVE, so that connections are still shared by name (one
 * made to another address is reused, as Go's transport does) and Host
 * and SNI stay the name.  0, or -1 when the lookup failed. */
static int
dns_use(struct http_req *r, const struct resolver_answer *a)
{
	char ip[INET6_ADDRSTRLEN], line[512];

	if (a->error != 0) {
		r->dns_error = a->error;
		return -1;
	}
	resolver_ntop(a, ip, sizeof ip);
	snprintf(line, sizeof line, a->addr.ss_family == AF_INET6 ?
	    "%s:%ld:[%s]" : "%s:%ld:%s", r->host, r->port, ip);
	curl_slist_free_all(r->resolve);
	r->resolve = curl_slist_append(NULL, line);
	curl_easy_setopt(r->easy, CURLOPT_RESOLVE, r->resolve);
	return 0;
}

/* Forget r's lookup and its deadline (made for each lookup that waits:
 * r may move between them). */
static void
dns_stop(struct http_req *r)
{
	resolver_cancel(r->lookup);
	r->lookup = NULL;
	if (r->lookup_ev != NULL)
		event_free(r->lookup_ev);
	r->lookup_ev = NULL;
}

static void
dns_done(const struct resolver_answer *a, void *arg)
{
	struct http_req *r = arg;
	int64_t left;

	r->lookup = NULL;
	dns_stop(r);
	r->t_lookup = engine_now() - r->t_lookup;
	if (dns_use(r, a) == -1) {
		done_cb(r->easy, CURLE_COULDNT_RESOLVE_HOST, r);
		return;
	}
	left = (r->deadline - engine_now()) / 1000000;
	curl_easy_setopt(r->easy, CURLOPT_TIMEOUT_MS, (long)(left > 0 ? left : 1));
	if (net_start(vu_net(r->hv->vu), r->easy, done_cb, r) == -1)
		done_cb(r->easy, CURLE_FAILED_INIT, r);
}

/* The request's time ran out while its host was looked up: k6's
 * dialer gives up the lookup with the request ("request timeout"). */
static void
dns_timeout(evutil_socket_t fd, short what, void *arg)
{
	struct http_req *r = arg;

	(void)fd;
	(void)what;
	dns_stop(r);
	r->t_lookup = engine_now() - r->t_lookup;
	r->dns_error = EVUTIL_EAI_AGAIN;
	done_cb(r->easy, CURLE_OPERATION_TIMEDOUT, r);
}

/* Look r's host up with options.dns's resolver, where k6's dialer
 * would: not for an address, a name options.hosts maps, a blocked name
 * (refused before any lookup), nor through a proxy.  0: go on; 1: the
 * lookup runs, dns_done starts the transfer; -1: it failed. */
static int
dns_start(struct http_req *r, struct resolver *rs)
{
	struct http_vu *hv = r->hv;
	struct resolver_answer a;

	curl_slist_free_all(r->resolve);
	r->resolve = NULL;
	curl_easy_setopt(r->easy, CURLOPT_RESOLVE, NULL);
	if (!hv->no_proxy_env || resolver_literal(r->host) ||
	    (netblock_active() && netblock_host(r->host) != NULL) ||
	    (hv->connect_to != NULL && hv_hosts_match(hv, r->host, r->port)))
		return 0;
	r->t_lookup = engine_now();
	if (resolver_lookup(rs, r->host, &a, dns_done, r, &r->lookup) == 1) {
		int64_t left = r->deadline - r->t_lookup;
		struct timeval tv = timeval_ms(left > 0 ? (double)left / 1e6 : 0);

		r->lookup_ev = evtimer_new(vu_event_base(hv->vu), dns_timeout, r);
		evtimer_add(r->lookup_ev, &tv);
		return 1;
	}
	r->t_lookup = engine_now() - r->t_lookup;
	return dns_use(r, &a);
}

void
req_cancel(struct http_req *r)
{
	if (r->lookup != NULL)
		dns_stop(r);
	else
		net_cancel(vu_net(r->hv->vu), r->easy);
}

/* Start the transfer of r's current hop; 0 or -1 (r completed with an
 * error). */
int
req_start(struct http_req *r)
{
	struct resolver *rs;
	int rc;

	r->result = CURLE_OK;
	r->errbuf[0] = '\0';
	r->t_prereq = r->t_sent = r->t_first = r->t_done = 0;
	r->ninner = 0;
	r->too_big = 0;
	r->not_http = 0;
	r->sock_errno = 0;
	r->blocked = 0;
	r->rbytes = 0;
	free(r->tls_version);
	free(r->tls_cipher);
	r->tls_version = r->tls_cipher = NULL;
	buf_reset(&r->rbody);
	buf_reset(&r->rhead);
	r->set_cookie = 0;
	if (r->url_fault != HTTP_URL_OK) {
		r->state = RQ_HOP_DONE;	/* refused before any byte */
		return -1;
	}
	r->dns_error = 0;
	r->t_lookup = 0;
	setup_easy(r);
	http_debug_start(&r->debug, r->easy, vu_opts(r->hv->vu));
	/* options.dns: its lookup runs first (rc 1: dns_done starts the
	 * transfer) */
	rc = (rs = vu_resolver(r->hv->vu)) != NULL ? dns_start(r, rs) : 0;
	if (rc == -1 || (rc == 0 &&
	    net_start(vu_net(r->hv->vu), r->easy, done_cb, r) == -1)) {
		r->result = rc == -1 ? CURLE_COULDNT_RESOLVE_HOST : CURLE_FAILED_INIT;
		r->state = RQ_HOP_DONE;
		return -1;
	}
	r->state = RQ_RUNNING;
	if (r->async)
		r->hv->arunning++;
	else
		r->hv->running++;
	return 0;
}

void
hv_pool_swap(struct http_vu *hv, size_t i, size_t j)
{
	CURL *h;
	char *k;
	CURLU *u;
	struct curl_slist *sl;
	struct http_for f;

	hv_easy(hv, i);
	hv_easy(hv, j);
	h = hv->pool[i];
	hv->pool[i] = hv->pool[j];
	hv->pool[j] = h;
	k = hv->pool_key[i];
	hv->pool_key[i] = hv->pool_key[j];
	hv->pool_key[j] = k;
	u = hv->pool_url[i];
	hv->pool_url[i] = hv->pool_url[j];
	hv->pool_url[j] = u;
	sl = hv->pool_slist[i];
	hv->pool_slist[i] = hv->pool_slist[j];
	hv->pool_slist[j] = sl;
	f = hv->pool_for[i];
	hv->pool_for[i] = hv->pool_for[j];
	hv->pool_for[j] = f;
}
