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

#include <ctype.h>
#include <event2/event.h>
#include <mujs.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "engine/module.h"
#include "js/binary.h"
#include "js/http-debug.h"
#include "js/http-digest.h"
#include "js/http-int.h"
#include "js/modules.h"
#include "net/ippool.h"
#include "net/resolver.h"
#include "net/net.h"
#include "util/log.h"
#include "util/xmalloc.h"


static void	http_interrupt(struct vu *);

/* The VU's HTTP state, created on first use. */
static struct http_vu *
hv_of(js_State *J)
{
	struct vu *vu = vu_of(J);
	struct http_vu *hv = vu_module_data(vu, &http_engine_module);
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

	if (hv != NULL)
		return hv;
	hv = xcalloc(1, sizeof *hv);
	vu_module_set(vu, &http_engine_module, hv);
	hv->vu = vu;
	hv->jar = http_cookie_jar_new();
	hv->cb = CB_VU;
	for (i = 0; i < sizeof st / sizeof st[0]; i++)
		if (vu_system_tag(vu, st[i].n))
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
	/* options.localIPs: VU n connects from the pool's address n - 1
	 * (the coordinator's VU 0 from the first), as in k6 */
	if (vu_opts(vu) != NULL && vu_opts(vu)->local_ips != NULL) {
		char ip[64];

		ippool_get(vu_opts(vu)->local_ips, vu_id(vu) > 0 ? vu_id(vu) - 1 : 0, ip);
		hv->interface = xasprintf("host!%s", ip);
	}
	return hv;
}

/* A share's connection cache costs about 11 KiB in libcurl 7.88 (a
 * whole easy handle to close connections with, a hash table of 103
 * slots made with its first connection, the DNS cache's table, the TLS
 * session slots), so the VUs of a process share one by groups of
 * SHARE_VUS.  Each VU of a group has its own address scope
 * (CURLOPT_ADDRESS_SCOPE, part of the key libcurl files a connection
 * under), so it finds only its own connections, as with k6's per-VU
 * transport.  The group taking VUs is share_open; a group ends with its
 * last VU. */
#define SHARE_VUS	32

struct http_share {
	CURLSH		*share;
	unsigned	 scopes;	/* given out */
	unsigned	 vus;		/* holding it */
	pid_t		 pid;		/* the process it is for */
};

static struct http_share *share_open;

static CURLSH *
share_new(int tls_sessions)
{
	CURLSH *sh;

	if ((sh = curl_share_init()) == NULL)
		fatalx(1, "cannot create a libcurl share: out of memory");
	curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
	curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
	if (tls_sessions)
		curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
	return sh;
}

/* The share for a request of the VU, taken on its first: a VU that
 * imports k6/http and never sends one holds none.  A VU has one of its
 * own under noVUConnectionReuse (renewed at each iteration's start,
 * closing its connections, without the TLS sessions after the first)
 * and for a URL whose IPv6 zone the address scope must carry (own). */
CURLSH *
hv_share(struct http_vu *hv, int own)
{
	const struct runopts *o = vu_opts(hv->vu);
	struct http_share *g;
	long most;

	if (own || (o != NULL && o->no_vu_connection_reuse)) {
		if (hv->own == NULL)
			hv->own = share_new(!hv->renewed);
		return hv->own;
	}
	if (hv->group != NULL)
		return hv->group->share;
	/* a worker does not join its coordinator's group (setup()'s VU),
	 * whose connections are the coordinator's */
	if ((g = share_open) == NULL || g->pid != getpid()) {
		g = share_open = xcalloc(1, sizeof *g);
		g->share = share_new(1);
		g->pid = getpid();
		/* libcurl closes the oldest idle connection of a share past
		 * four per transfer in flight: too few for a group of mostly
		 * sleeping VUs.  k6 keeps up to options.batch idle per VU. */
		most = SHARE_VUS * (o != NULL && o->batch > 0 ? (long)o->batch : 20);
		curl_multi_setopt(net_multi(vu_net(hv->vu)), CURLMOPT_MAXCONNECTS, most);
	}
	g->vus++;
	hv->scope = ++g->scopes;
	if (g->scopes == SHARE_VUS)
		share_open = NULL;
	hv->group = g;
	return g->share;
}

/* Leave the VU's shares (its easy handles already cleaned up). */
static void
hv_share_free(struct http_vu *hv)
{
	struct http_share *g = hv->group;

	curl_share_cleanup(hv->own);
	hv->own = NULL;
	if (g != NULL && --g->vus == 0) {
		if (share_open == g)
			share_open = NULL;
		curl_share_cleanup(g->share);
		free(g);
	}
	hv->group = NULL;
}

/* hv_of for a call the init context may not make: what is the message
 * it throws there. */
struct http_vu *
hv_get(js_State *J, const char *what)
{
	if (vu_in_init(vu_of(J)))
		modules_goerror(J, "%s", what);
	return hv_of(J);
}

void
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
	free(r->block_text);
	free(r->hdr_fault);
	free(r->tls_version);
	free(r->tls_cipher);
	free(r->remote_ip);
	free(r->meta);
	http_debug_end(&r->debug);
	if (r->lookup != NULL)
		req_cancel(r);
	curl_slist_free_all(r->resolve);
	free(r->spare.method);
	free(r->spare.url);
	free(r->spare.host);
	free(r->spare.path);
	free(r->spare.orig_url);
	free(r->spare.remote_ip);
	memset(r, 0, sizeof *r);
}

char *
http_reuse(char **spare, const char *s)
{
	char *p = *spare;

	*spare = NULL;
	if (p != NULL && strcmp(p, s) == 0)
		return p;
	free(p);
	return xstrdup(s);
}

/* Move *s to *spare, unless it is NULL. */
static void
spare_keep(char **spare, char **s)
{
	if (*s == NULL)
		return;
	free(*spare);
	*spare = *s;
	*s = NULL;
}

/* Like req_reset, but the buffers keep their storage for the next
 * request of the slot (unless a big body made them large), and its
 * strings are kept for it as spares: malloc and free of six strings
 * were about 1,000 instructions of every request. */
void
req_recycle(struct http_req *r)
{
	struct buf keep[3] = { r->body, r->rbody, r->rhead };
	struct http_spare sp = r->spare;
	size_t i;

	memset(&r->body, 0, sizeof r->body);
	memset(&r->rbody, 0, sizeof r->rbody);
	memset(&r->rhead, 0, sizeof r->rhead);
	memset(&r->spare, 0, sizeof r->spare);
	spare_keep(&sp.method, &r->method);
	spare_keep(&sp.url, &r->url);
	spare_keep(&sp.host, &r->host);
	spare_keep(&sp.path, &r->path);
	spare_keep(&sp.orig_url, &r->orig_url);
	spare_keep(&sp.remote_ip, &r->remote_ip);
	req_reset(r);
	r->spare = sp;
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

void
req_init(struct http_vu *hv, struct http_req *r)
{
	struct vu *vu = hv->vu;
	const struct runopts *o = vu_opts(vu);

	r->hv = hv;
	r->tags = vu_tags(vu);
	r->jar = hv->jar;
	r->max_redirects = o != NULL ? (long)o->max_redirects : 10;
	r->rtype = o != NULL && o->discard_response_bodies ? RT_NONE : RT_TEXT;
	r->throw_errors = o != NULL && o->throw_errors;
	r->deadline = engine_now() + (int64_t)DEFAULT_TIMEOUT_MS * 1000000;
	r->cb = CB_VU;
	r->rbody.cap = HTTP_BODY_CAP;
}

static struct http_req *
hv_add(struct http_vu *hv)
{
	struct http_req *r = &hv->reqs[hv->nreqs++];

	/* r is zero but for the recycled buffers */
	req_init(hv, r);
	return r;
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
void
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
		if (!vu_interrupted(vu))
			emit_metrics(r);
		r->state = RQ_COMPLETE;
		return;
	}
	if (r->dns_error != 0) {
		/* options.dns found no address: libcurl never had the hop */
		r->t_connecting = r->t_tls = r->t_sending = 0;
		r->t_waiting = r->t_receiving = r->t_duration = 0;
		r->t_blocked = (double)r->t_lookup / 1e6;
		free(r->remote_ip);
		r->remote_ip = NULL;
		r->remote_port = 0;
		r->status = 0;
		r->proto = NULL;
		set_error(r);
		r->expected = is_expected(r);
		if (!vu_interrupted(vu))
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
	r->remote_ip = ip != NULL && *ip ? http_reuse(&r->spare.remote_ip, ip) :
	    NULL;
	/* libcurl retries a request whose reused connection died, at most 5
	 * times per handle until curl_easy_reset: a handle kept set up (see
	 * setup_easy) would give up on every sixth.  A retry connects anew,
	 * so a hop that connected gets its handle reset before the next. */
	if (nconn > 0) {
		free(r->hv->pool_key[r->slot]);
		r->hv->pool_key[r->slot] = NULL;
	} else if (r->resolve != NULL && r->result == CURLE_OK)
		resolver_unpick(vu_resolver(vu), r->host);
	/* The request line, headers and body as sent (compressed, if so).
	 * libcurl sends a body under 64 KiB (MAX_INITIAL_POST_SIZE) with the
	 * headers and counts it in CURLINFO_REQUEST_SIZE; a larger one only
	 * in CURLINFO_SIZE_UPLOAD. */
	vu_add_traffic(vu, (uint64_t)rsize + (r->body.len >= 65536 ? (uint64_t)ul : 0),
	    (uint64_t)hsize + (uint64_t)dl);
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
	if (!vu_interrupted(vu)) {
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
			if (rps_hold(r))
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
		if (r->throw_errors) {
			char *msg = http_failure(r);

			js_pushstring(J, msg);
			free(msg);
			modules_goerror(J, "%s", js_tostring(J, -1));
		}
		log_failure(r);
	}
}

/* The JavaScript functions. */

/* r->method is set; url, body, params at the given stack indices (0:
 * absent). */
void
read_request(js_State *J, struct http_req *r, int iurl, int ibody, int iparams)
{
	const char *m;

	read_url(J, r, iurl);
	if (r->url_fault == HTTP_URL_PARSE) {
		/* k6 reads nothing more: no request, no metrics */
		r->state = RQ_COMPLETE;
		return;
	}
	/* a method that is no token: Go's transport refuses it after the
	 * scheme and before the host, as a request that fails */
	for (m = r->method; *m != '\0'; m++)
		if (!isalnum((unsigned char)*m) && strchr("!#$%&'*+-.^_`|~", *m) == NULL)
			break;
	if (*m != '\0' && (r->url_fault == HTTP_URL_OK ||
	    strcmp(r->error, "http: no Host in request URL") == 0)) {
		char *e = xasprintf("net/http: invalid method \"%s\"", r->method);
		char *u = xstrdup(r->orig_url != NULL ? r->orig_url : "");

		url_fault(r, u, HTTP_URL_SEND, e);
		free(u);
	}
	if (ibody != 0)
		read_body(J, r, ibody);
	if (iparams != 0) {
		if (js_try(J)) {
			if (!r->params_fault)
				js_throw(J);
			/* a value k6 cannot use: an error response, as for a
			 * URL it cannot parse */
			js_pop(J, 1);
			r->state = RQ_COMPLETE;
			return;
		}
		read_params(J, r, iparams);
		js_endtry(J);
	}
	/* Go's transport checks the headers of an http or https URL first */
	if (r->hdr_fault != NULL && (r->url_fault == HTTP_URL_OK ||
	    strncmp(r->error, "unsupported protocol scheme", 27) != 0)) {
		char *u = xstrdup(r->url_fault == HTTP_URL_OK && r->orig_url != NULL ?
		    r->orig_url : r->url != NULL ? r->url : "");

		url_fault(r, u, HTTP_URL_SEND, r->hdr_fault);
		r->hdr_fault = NULL;
		free(u);
	}
	r->state = RQ_QUEUED;
}

/* An owned upper-case copy. */
char *
http_upper(struct http_req *r, const char *s)
{
	char *m, *p;

	/* the last method, upper case too */
	if (r->spare.method != NULL && strcasecmp(r->spare.method, s) == 0) {
		m = r->spare.method;
		r->spare.method = NULL;
		return m;
	}
	m = xstrdup(s);

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
	http_async_make_room(hv, n);
	hv_begin(hv, n);
	hv->busy = 1;
}

static void
do_one(js_State *J, const char *method, int iurl, int ibody, int iparams)
{
	struct http_vu *hv = hv_get(J, INIT_MSG);
	struct http_req *r;

	/* the arguments k6's functions do not count in their length */
	while (js_gettop(J) <= iparams)
		js_pushundefined(J);
	call_begin(J, hv, 1);
	r = hv_add(hv);
	if (js_try(J)) {
		hv->busy = 0;
		js_throw(J);
	}
	r->method = http_upper(r, method);
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

/* Go's %#v of the value at idx, for the simple values k6's batch
 * errors show. */
static void
push_gosyntax(js_State *J, int idx)
{
	if (js_isundefined(J, idx) || js_isnull(J, idx))
		js_pushliteral(J, "interface {}(nil)");
	else if (js_isstring(J, idx)) {
		js_getglobal(J, "JSON");
		js_getproperty(J, -1, "stringify");
		js_rot2pop1(J);
		js_pushundefined(J);
		js_copy(J, idx < 0 ? idx - 3 : idx);
		js_call(J, 1);
	} else if (js_isnumber(J, idx) || js_isboolean(J, idx))
		js_pushstring(J, js_tostring(J, idx));
	else
		js_pushstring(J, modules_gotype(J, idx));
}

/* An entry k6's batch cannot use: it sends none, answers with empty
 * responses up to this one, which carries the error (and code), and
 * nothing after it.  http_batch catches what this throws. */
static JS_NORETURN void
batch_fail(js_State *J, struct http_vu *hv, struct http_req *r, int code,
    const char *msg)
{
	if (msg != NULL)
		url_fault(r, "", HTTP_URL_PARSE, xstrdup(msg));
	r->error_code = code;
	hv->batch_fault = 1;
	js_error(J, "%s", r->error);
}

/* One batch entry at idx (key is its index or name) into a new
 * request. */
static void
read_batch_entry(js_State *J, struct http_vu *hv, int idx, const char *key)
{
	struct http_req *r = hv_add(hv);
	int top, n;

	if (!js_isobject(J, idx) || (js_hasproperty(J, idx, "__ly_url") &&
	    (js_pop(J, 1), 1))) {
		/* anything else is a URL, as k6 takes it */
		r->method = xstrdup("GET");
		read_request(J, r, idx, 0, 0);
		if (r->url_fault == HTTP_URL_PARSE)
			batch_fail(J, hv, r, 1020, NULL);
		return;
	}
	top = js_gettop(J);
	if (js_isarray(J, idx)) {
		n = js_getlength(J, idx);
		js_getindex(J, idx, 0);
		js_getindex(J, idx, 1);
		js_getindex(J, idx, 2);
		js_getindex(J, idx, 3);
		if (n < 2) {
			r->method = xstrdup("GET");
			js_pushliteral(J, "invalid batch request '[]interface {}{");
			if (n == 1) {
				push_gosyntax(J, top);
				js_concat(J);
			}
			js_pushliteral(J, "}'");
			js_concat(J);
			batch_fail(J, hv, r, 0, js_tostring(J, -1));
		}
	} else {
		js_getproperty(J, idx, "method");
		if (!js_hasproperty(J, idx, "url")) {
			char *m = xasprintf("batch request %s doesn't have a url key", key);

			r->method = xstrdup("GET");
			js_pushstring(J, m);
			free(m);
			batch_fail(J, hv, r, 0, js_tostring(J, -1));
		}
		js_getproperty(J, idx, "body");
		js_getproperty(J, idx, "params");
		/* k6 sends no body with GET and HEAD */
		if (js_isstring(J, top) && (strcasecmp(js_tostring(J, top), "GET") == 0 ||
		    strcasecmp(js_tostring(J, top), "HEAD") == 0)) {
			js_pushundefined(J);
			js_replace(J, top + 2);
		}
	}
	if (js_isundefined(J, top) && !js_isarray(J, idx)) {
		js_pushliteral(J, "GET");
		js_replace(J, top);
	}
	if (!js_isstring(J, top)) {
		r->method = xstrdup("GET");
		js_pushliteral(J, "invalid method type '");
		push_gosyntax(J, top);
		js_concat(J);
		js_pushliteral(J, "'");
		js_concat(J);
		batch_fail(J, hv, r, 0, js_tostring(J, -1));
	}
	r->method = http_upper(r, js_tostring(J, top));
	read_request(J, r, top + 1, top + 2, top + 3);
	if (r->url_fault == HTTP_URL_PARSE)
		batch_fail(J, hv, r, r->params_fault ? 0 : 1020, NULL);
	js_pop(J, 4);
}

/* batch's result: the responses of its first n requests of len, in an
 * array (null past n) or under the object's keys (stack index 2 holds
 * them, in order). */
static void
batch_result(js_State *J, struct http_vu *hv, int isarr, int len, int n)
{
	int i;

	if (isarr)
		js_newarray(J);
	else
		js_newobject(J);
	for (i = 0; i < len; i++) {
		if (isarr) {
			if (i < n)
				http_response_push(J, &hv->reqs[i]);
			else
				js_pushnull(J);
			js_setindex(J, -2, i);
		} else if (i < n) {
			js_getindex(J, 2, i);
			http_response_push(J, &hv->reqs[i]);
			js_setproperty(J, -3, js_tostring(J, -2));
			js_pop(J, 1);
		}
	}
}

/* After batch_fail: k6's results, its warning or, with the global throw
 * option, its GoError.  The keys of an object batch are at 2. */
static void
batch_failed(js_State *J, struct http_vu *hv, int isarr, int len)
{
	const struct runopts *o = vu_opts(hv->vu);
	struct http_req *bad = &hv->reqs[hv->nreqs - 1];
	int i, n = (int)hv->nreqs;

	if (o != NULL && o->throw_errors)
		modules_goerror(J, "%s", bad->error);
	log_error_field("A batch request failed", bad->error);
	for (i = 0; i < n - 1; i++) {	/* never sent: empty responses */
		url_fault(&hv->reqs[i], "", HTTP_URL_PARSE, NULL);
		hv->reqs[i].error_code = 0;
	}
	batch_result(J, hv, isarr, len, n);
}

static void
http_batch(js_State *J)
{
	struct http_vu *hv = hv_get(J, "Using batch in the init context is not supported");
	const struct runopts *o = vu_opts(hv->vu);
	int isarr = js_isarray(J, 1), len = 0, i;
	const char *k;

	/* k6's words; mujs gives a missing argument as undefined */
	if (js_isundefined(J, 1))
		modules_goerror(J, "no argument was provided to http.batch()");
	if (js_gettop(J) > 2)
		modules_goerror(J, "http.batch() accepts only an array or an object of requests");
	if (!js_isobject(J, 1) || js_iscallable(J, 1) || binary_typed_name(J, 1) != NULL ||
	    js_isuserdata(J, 1, "ArrayBuffer"))
		modules_goerror(J, "invalid http.batch() argument type %s", modules_gotype(J, 1));
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
	hv->batch_fault = 0;
	if (js_try(J)) {
		hv->busy = 0;
		if (!hv->batch_fault)
			js_throw(J);
		js_pop(J, 1);
		batch_failed(J, hv, isarr, len);
		return;
	}
	for (i = 0; i < len; i++) {
		char key[24];

		if (isarr) {
			js_getindex(J, 1, i);
			snprintf(key, sizeof key, "%d", i);
			read_batch_entry(J, hv, js_gettop(J) - 1, key);
		} else {
			js_getindex(J, 2, i);
			js_getproperty(J, 1, js_tostring(J, -1));
			read_batch_entry(J, hv, js_gettop(J) - 1, js_tostring(J, -2));
			js_pop(J, 1);
		}
		js_pop(J, 1);
	}
	js_endtry(J);
	hv->busy = 0;
	if (hv_run(hv, o != NULL ? (long)o->batch : 20,
	    o != NULL ? (long)o->batch_per_host : 6) == -1)
		vu_throw_interrupted(J);
	for (i = 0; i < len; i++)
		maybe_throw(J, &hv->reqs[i]);
	batch_result(J, hv, isarr, len, len);
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
	struct http_vu *hv = hv_of(J);	/* the init context may call it too */

	if (js_isnull(J, 1) || js_isundefined(J, 1)) {
		hv->cb = CB_NONE;
	} else {
		read_ranges(J, 1, &hv->ranges, &hv->nranges);
		hv->cb = CB_RANGES;
	}
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

	/* k6's length is 2: the content type is padded here */
	while (js_gettop(J) < 4)
		js_pushundefined(J);
	if (!js_isstring(J, 1) && !js_isuserdata(J, 1, "ArrayBuffer"))
		modules_goerror(J, "invalid type %s, expected string or ArrayBuffer",
		    modules_gotype(J, 1));
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
	/* k6's names: get and head are closures of NewModuleInstance, the
	 * other methods' one closure of getMethodClosure */
#define H	"go.k6.io/k6/js/modules/k6/http."
	modules_setgofn(J, http_get, "get", H "(*RootModule).NewModuleInstance.func2", 2);
	modules_setgofn(J, http_head, "head", H "(*RootModule).NewModuleInstance.func3", 2);
	modules_setgofn(J, http_post, "post", H "(*Client).getMethodClosure.func1", 2);
	modules_setgofn(J, http_put, "put", H "(*Client).getMethodClosure.func1", 2);
	modules_setgofn(J, http_patch, "patch", H "(*Client).getMethodClosure.func1", 2);
	modules_setgofn(J, http_del, "del", H "(*Client).getMethodClosure.func1", 2);
	modules_setgofn(J, http_options, "options", H "(*Client).getMethodClosure.func1", 2);
	modules_setgofn(J, http_request, "request", H "(*Client).Request-fm", 3);
	modules_setgofn(J, http_batch, "batch", H "(*Client).Batch-fm", 1);
	modules_setgofn(J, http_async_request, "asyncRequest", H "(*Client).asyncRequest-fm", 3);
	modules_setgofn(J, http_expected_statuses, "expectedStatuses",
	    H "(*ModuleInstance).expectedStatuses-fm", 0);
	modules_setgofn(J, http_set_response_callback, "setResponseCallback",
	    H "(*Client).SetResponseCallback-fm", 1);
	modules_setgofn(J, http_cookie_jar_fn, "cookieJar", H "(*ModuleInstance).getVUCookieJar-fm", 0);
	modules_setgofn(J, http_file, "file", H "(*ModuleInstance).file-fm", 2);
	js_getregistry(J, "ly.http.CookieJar");
	js_newcconstructor(J, http_cookie_jar_ctor, http_cookie_jar_ctor,
	    "CookieJar", 0);
	js_setproperty(J, -2, "CookieJar");
	modules_setgofn(J, http_response_url, "url", H "(*ModuleInstance).URL-fm", 2);
#undef H
	js_newcfunction(J, http_response_getter, "Response", 0);
	js_pushnull(J);
	js_defaccessor(J, -3, "Response", JS_DONTCONF);
	for (i = 0; i < sizeof consts / sizeof consts[0]; i++) {
		js_pushstring(J, consts[i][1]);
		js_setproperty(J, -2, consts[i][0]);
	}
}

/* A VU that imported k6/http gets its HTTP state and the Response
 * prototype when its init code is done: made inside the first
 * iteration, they were part of its measured duration, and all VUs of a
 * test start their first iteration at once.  Its libcurl handle and
 * share wait for its first request (hv_easy, hv_share): about 14 KiB
 * that a VU which never sends one does not need, made in some 10 µs. */
static void
http_prepare_fn(js_State *J)
{
	hv_get(J, INIT_MSG);
	http_js(J);
	js_pop(J, 1);
	js_pushundefined(J);
}

static int
http_vu_prepare(struct vu *vu, char **cause)
{
	js_State *J = vu_js(vu);

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

static void
http_vu_free(struct vu *vu)
{
	struct http_vu *hv = vu_module_data(vu, &http_engine_module);
	size_t i;

	if (hv == NULL)
		return;
	http_interrupt(vu);
	if (hv->rps_ev != NULL)
		event_free(hv->rps_ev);
	http_async_free(hv);
	for (i = 0; i < hv->creqs; i++)
		req_reset(&hv->reqs[i]);
	free(hv->reqs);
	for (i = 0; i < hv->npool; i++) {
		if (hv->pool[i] != NULL)
			curl_easy_cleanup(hv->pool[i]);
		curl_slist_free_all(hv->pool_slist[i]);
		free(hv->pool_key[i]);
		curl_url_cleanup(hv->pool_url[i]);
	}
	free(hv->pool);
	free(hv->pool_url);
	free(hv->pool_slist);
	free(hv->pool_for);
	free(hv->pool_key);
	buf_free(&hv->key);
	buf_free(&hv->meta);
	for (i = 0; i < hv->ntagcache; i++) {
		free(hv->tagcache[i].method);
		free(hv->tagcache[i].url);
		free(hv->tagcache[i].name);
		free(hv->tagcache[i].tls);
		free(hv->tagcache[i].error);
	}
	free(hv->tagcache);
	hv_share_free(hv);
	http_cookie_jar_free(hv->jar);
	free(hv->ranges);
	free(hv->last_url);
	free(hv->last_host);
	free(hv->last_path);
	free(hv->last_clean);
	curl_slist_free_all(hv->connect_to);
	free(hv->ciphers);
	free(hv->certdirs);
	free(hv->interface);
	free(hv->ciphers13);
	free(hv);
	vu_module_set(vu, &http_engine_module, NULL);
}

static void
http_interrupt(struct vu *vu)
{
	struct http_vu *hv = vu_module_data(vu, &http_engine_module);
	size_t i;

	if (hv == NULL)
		return;
	for (i = 0; i < hv->nreqs; i++) {
		struct http_req *r = &hv->reqs[i];

		if (r->state == RQ_RUNNING)
			req_cancel(r);
		r->state = RQ_COMPLETE;
	}
	hv->running = 0;
	if (hv->rps_ev != NULL)
		evtimer_del(hv->rps_ev);
	hv->rps_sync = 0;
	http_async_cancel(hv);
}

static void
http_iteration_start(struct vu *vu)
{
	struct http_vu *hv = vu_module_data(vu, &http_engine_module);
	const struct runopts *o = vu_opts(vu);
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
		curl_share_cleanup(hv->own);
		hv->own = NULL;
		hv->renewed = 1;
	}
}

const struct engine_module http_engine_module = {
	.name = "k6/http",
	.vu_init = http_vu_prepare,
	.iteration_start = http_iteration_start,
	.run_ready = http_async_run_ready,
	.pending = http_async_pending,
	.iteration_end = http_async_iteration_end,
	.interrupt = http_interrupt,
	.vu_free = http_vu_free,
};
