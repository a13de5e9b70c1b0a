/* The C primitives of k6/ws and k6/websockets (src/js/jsmod/ws.js and
 * websockets.js): a connection (src/net/wsconn.c) per handle, waiting
 * for its events on the VU's coroutine, and k6's ws_* metrics.
 *
 * A handle is userdata "WsConn" over a struct ws_conn that the VU's
 * list also holds, so that the end of an iteration or of the VU closes
 * what the script left open; the handle's finalizer only unlinks it. */
#include "config.h"

#include <curl/curl.h>
#include <event2/dns.h>
#include <event2/event.h>
#include <mujs.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "engine/module.h"
#include "js/binary.h"
#include "js/http-int.h"
#include "js/jsmod.h"
#include "js/modules.h"
#include "js/surrogate.h"
#include "metrics/metric.h"
#include "net/wsconn.h"
#include "net/wsproxy.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/timeunit.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define HANDSHAKE_MS	60000.0		/* gorilla's HandshakeTimeout in k6 */
#define MAX_PINGS	64

struct ws_vu;

struct ws_conn {
	struct ws_conn	*next;
	struct ws_vu	*wv;
	struct wsconn	*c;
	char		*url;
	uint32_t	 tags;
	int64_t		 start;		/* connect began */
	int		 ended;		/* ws_session_duration emitted */
	int		 async;		/* k6/websockets: events go to run_ready */
	int		 id;		/* its object's key in "ly.ws.sockets" */
	char		*set_cookie_host, *set_cookie_path;
	struct http_cookie_jar *jar;	/* borrowed; NULL: none */
	int		 ping_next;
	struct { int id; int64_t t; } pings[MAX_PINGS];
};

struct ws_vu {
	struct vu	*vu;
	struct ws_conn	*conns;
	struct event	*timer;
	int		 waiting;
	int		 woken;
	int		 next_id;
	uint32_t	 m_sessions, m_connecting, m_duration;
	uint32_t	 m_sent, m_received, m_ping;
};

static SSL_CTX *ws_ssl;
/* The process's resolver, shared by its VUs' sockets while any VU has
 * used WebSockets: it lives on the worker's loop. */
static struct evdns_base *ws_dns;
/* The environment's proxies, read once (k6 reads them once too). */
static struct wsproxy_env ws_proxy_env;
static int ws_proxy_read;
static int ws_dns_users;

static void ws_vu_free(struct vu *);
static void ws_iteration_end(struct vu *);
static void ws_interrupt(struct vu *);

static int ws_run_ready(struct vu *);
static int ws_pending(struct vu *);

const struct engine_module ws_engine_module = {
	.name = "k6/ws",
	.run_ready = ws_run_ready,
	.pending = ws_pending,
	.iteration_end = ws_iteration_end,
	.interrupt = ws_interrupt,
	.vu_free = ws_vu_free,
};

/* A k6/ws connect waits in vu_block; k6/websockets in the VU's loop. */
static void
wake(struct ws_vu *wv)
{
	wv->woken = 1;
	if (wv->waiting)
		vu_wake(wv->vu);
	else
		vu_loop_wake(wv->vu);
}

static void
notify(void *arg)
{
	struct ws_conn *wc = arg;

	if (wc->wv != NULL)
		wake(wc->wv);
}

static void
timer_fired(evutil_socket_t fd, short what, void *arg)
{
	wake(arg);
}

static uint32_t
metric(struct vu *vu, const char *name)
{
	struct metric *m = metric_registry_get(vu_metric_registry(vu), name);

	return m != NULL ? m->id : 0;
}

static struct ws_vu *
wv_of(js_State *J)
{
	struct vu *vu = vu_of(J);
	struct ws_vu *wv = vu_module_data(vu, &ws_engine_module);

	if (wv != NULL)
		return wv;
	wv = xcalloc(1, sizeof *wv);
	wv->vu = vu;
	wv->timer = evtimer_new(vu_event_base(vu), timer_fired, wv);
	wv->m_sessions = metric(vu, "ws_sessions");
	wv->m_connecting = metric(vu, "ws_connecting");
	wv->m_duration = metric(vu, "ws_session_duration");
	wv->m_sent = metric(vu, "ws_msgs_sent");
	wv->m_received = metric(vu, "ws_msgs_received");
	wv->m_ping = metric(vu, "ws_ping");
	if (ws_dns_users++ == 0)
		ws_dns = evdns_base_new(vu_event_base(vu), EVDNS_BASE_INITIALIZE_NAMESERVERS);
	vu_module_set(vu, &ws_engine_module, wv);
	return wv;
}

static void
traffic(struct ws_conn *wc)
{
	uint64_t sent, received;

	if (wc->c == NULL || wc->wv == NULL)
		return;
	wsconn_traffic(wc->c, &sent, &received);
	if (sent > 0 || received > 0)
		vu_add_traffic(wc->wv->vu, sent, received);
}

/* ws_session_duration, once; the socket is closed and freed. */
static void
conn_end(struct ws_conn *wc)
{
	if (wc->c != NULL) {
		traffic(wc);
		wsconn_free(wc->c);
		wc->c = NULL;
	}
	if (!wc->ended && wc->wv != NULL) {
		wc->ended = 1;
		vu_emit(wc->wv->vu, wc->wv->m_duration, wc->tags,
		    (double)(engine_now() - wc->start) / 1e6);
	}
}

static void
conn_unlink(struct ws_conn *wc)
{
	struct ws_conn **pp;

	if (wc->wv == NULL)
		return;
	for (pp = &wc->wv->conns; *pp != NULL; pp = &(*pp)->next)
		if (*pp == wc) {
			*pp = wc->next;
			break;
		}
	wc->wv = NULL;
}

static void
conn_fin(js_State *J, void *p)
{
	struct ws_conn *wc = p;

	conn_unlink(wc);
	wsconn_free(wc->c);
	free(wc->url);
	free(wc->set_cookie_host);
	free(wc->set_cookie_path);
	free(wc);
}

static struct ws_conn *
this_conn(js_State *J, int idx)
{
	struct ws_conn *wc;

	if (!js_isuserdata(J, idx, "WsConn"))
		js_typeerror(J, "not a WebSocket handle");
	wc = js_touserdata(J, idx, "WsConn");
	return wc;
}

/* libcurl's TLS version (k6/http's reading of options.tlsVersion) as
 * OpenSSL's, or 0. */
static int
tls_version(long v)
{
	switch (v) {
	case CURL_SSLVERSION_TLSv1_0: return TLS1_VERSION;
	case CURL_SSLVERSION_TLSv1_1: return TLS1_1_VERSION;
	case CURL_SSLVERSION_TLSv1_2: return TLS1_2_VERSION;
	case CURL_SSLVERSION_TLSv1_3: return TLS1_3_VERSION;
	}
	return 0;
}

/* The process's TLS context for wss://, made on first use with the TLS
 * options as k6/http read them (tlsVersion, tlsCipherSuites). */
static SSL_CTX *
ssl_ctx(js_State *J)
{
	struct http_vu *hv;
	int v;

	if (ws_ssl != NULL)
		return ws_ssl;
	hv = hv_get(J, "using websockets in the init context is not supported");
	ws_ssl = SSL_CTX_new(TLS_client_method());
	if (ws_ssl == NULL)
		fatalx(255, "cannot create a TLS context");
	/* Go reads SSL_CERT_FILE and SSL_CERT_DIR, and so does this */
	SSL_CTX_set_default_verify_paths(ws_ssl);
	v = tls_version(hv->sslversion & 0xffff);
	SSL_CTX_set_min_proto_version(ws_ssl, v != 0 ? v : TLS1_2_VERSION);
	if ((v = tls_version(hv->sslversion >> 16)) != 0)
		SSL_CTX_set_max_proto_version(ws_ssl, v);
	if (hv->ciphers != NULL)
		SSL_CTX_set_cipher_list(ws_ssl, hv->ciphers);
	if (hv->ciphers13 != NULL)
		SSL_CTX_set_ciphersuites(ws_ssl, hv->ciphers13);
	return ws_ssl;
}

struct cookie_line {
	struct buf	*b;
	int		 n;
};

static void
add_cookie(const struct http_cookie *c, void *arg)
{
	struct cookie_line *l = arg;

	buf_printf(l->b, "%s%s=%s", l->n++ ? "; " : "Cookie: ", c->name, c->value);
}

/* host and path of url for the jar; 0, or -1 if curl cannot read it. */
static int
url_parts(const char *url, char **host, char **path, int *secure)
{
	CURLU *u = curl_url();
	char *h = NULL, *p = NULL, *s = NULL;
	int rc = -1;

	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK) {
		curl_url_get(u, CURLUPART_PATH, &p, 0);
		curl_url_get(u, CURLUPART_SCHEME, &s, 0);
		*host = xstrdup(h);
		*path = xstrdup(p != NULL && *p ? p : "/");
		*secure = s != NULL && strcmp(s, "wss") == 0;
		rc = 0;
	}
	curl_free(h);
	curl_free(p);
	curl_free(s);
	curl_url_cleanup(u);
	return rc;
}

/* The tags object at idx onto base. */
static uint32_t
tags_from(js_State *J, struct vu *vu, int idx, uint32_t t)
{
	const char *k;

	if (!js_isobject(J, idx))
		return t;
	js_pushiterator(J, idx, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		js_getproperty(J, idx, k);
		if (js_isstring(J, -1) || js_isnumber(J, -1) || js_isboolean(J, -1))
			t = vu_tags_with(vu, t, k, js_tostring(J, -1));
		js_pop(J, 1);
	}
	js_pop(J, 1);
	return t;
}

/* P.open(url, headers, tags, jar, ws, deflate): start connecting.
 * headers is an object of single values, jar a CookieJar, or true for
 * the VU's; ws the k6/websockets object the events go to (k6/ws: none);
 * deflate offers permessage-deflate. */
static void
p_open(js_State *J)
{
	struct ws_vu *wv = wv_of(J);
	struct vu *vu = wv->vu;
	const char *url = js_tostring(J, 1), *k;
	struct wsconn_params p;
	struct ws_conn *wc;
	struct http_vu *hv;
	struct buf h = BUF_INIT;
	struct cookie_line cl;
	char *cause = NULL, *host = NULL, *path = NULL;
	int secure = 0;

	buf_init(&h, 1 << 20);
	if (js_isobject(J, 2)) {
		js_pushiterator(J, 2, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			js_getproperty(J, 2, k);
			buf_printf(&h, "%s: %s\r\n", k, js_tostring(J, -1));
			js_pop(J, 1);
		}
		js_pop(J, 1);
	}
	wc = xcalloc(1, sizeof *wc);
	wc->url = xstrdup(url);
	wc->start = engine_now();
	if (js_isuserdata(J, 4, "CookieJar"))
		wc->jar = js_touserdata(J, 4, "CookieJar");
	else if (js_isboolean(J, 4) && js_toboolean(J, 4))
		wc->jar = hv_get(J, "using websockets in the init context is not supported")->jar;
	if (wc->jar != NULL && url_parts(url, &host, &path, &secure) == 0) {
		cl.b = &h;
		cl.n = 0;
		http_cookie_jar_match(wc->jar, host, path, secure, time(NULL), add_cookie, &cl);
		if (cl.n > 0)
			buf_puts(&h, "\r\n");
		wc->set_cookie_host = host;
		wc->set_cookie_path = path;
	}
	wc->tags = tags_from(J, vu, 3, vu_tags(vu));
	wc->async = js_isobject(J, 5);
	if (wc->async && js_isobject(J, 3) && js_hasproperty(J, 3, "name")) {
		/* k6/websockets: a name tag is the url tag too */
		if (vu_system_tag(vu, "url"))
			wc->tags = vu_tags_with(vu, wc->tags, "url", js_tostring(J, -1));
		js_pop(J, 1);
	} else {
		if (vu_system_tag(vu, "url"))
			wc->tags = vu_tags_with(vu, wc->tags, "url", url);
		if (wc->async && vu_system_tag(vu, "name"))
			wc->tags = vu_tags_with(vu, wc->tags, "name", url);
	}
	memset(&p, 0, sizeof p);
	p.url = url;
	p.headers = h.data;
	p.insecure = vu_opts(vu) != NULL && vu_opts(vu)->insecure_skip_tls_verify;
	p.ssl = strncasecmp(url, "wss:", 4) == 0 ? ssl_ctx(J) : NULL;
	p.dns = ws_dns;
	p.resolver = vu_resolver(vu);
	if (!ws_proxy_read) {
		wsproxy_getenv(&ws_proxy_env);
		ws_proxy_read = 1;
	}
	p.proxy = &ws_proxy_env;
	p.timeout_ms = HANDSHAKE_MS;
	p.deflate = js_toboolean(J, 6);
	hv = hv_get(J, "using websockets in the init context is not supported");
	p.connect_to = hv->connect_to;
	p.local_ip = hv->interface != NULL ? hv->interface + 5 : NULL;	/* after "host!" */
	wc->c = wsconn_new(vu_event_base(vu), &p, notify, wc, &cause);
	buf_free(&h);
	if (wc->c == NULL) {
		/* k6 counts the session of a URL it cannot dial all the same */
		vu_emit(vu, wv->m_sessions, wc->tags, 1);
		vu_emit(vu, wv->m_connecting, wc->tags, (double)(engine_now() - wc->start) / 1e6);
		vu_emit(vu, wv->m_duration, wc->tags, (double)(engine_now() - wc->start) / 1e6);
		conn_fin(J, wc);
		js_pushstring(J, cause);
		free(cause);
		js_throw(J);	/* the caller makes it an Error */
	}
	wc->wv = wv;
	wc->next = wv->conns;
	wv->conns = wc;
	if (wc->async) {
		char key[16];

		wc->id = ++wv->next_id;
		snprintf(key, sizeof key, "%d", wc->id);
		js_getregistry(J, "ly.ws.sockets");
		if (!js_isobject(J, -1)) {
			js_pop(J, 1);
			js_newobject(J);
			js_copy(J, -1);
			js_setregistry(J, "ly.ws.sockets");
		}
		js_copy(J, 5);
		js_setproperty(J, -2, key);
		js_pop(J, 1);
	}
	js_getregistry(J, "ly.ws.WsConn");
	if (!js_isobject(J, -1)) {
		js_pop(J, 1);
		js_newobject(J);
		js_copy(J, -1);
		js_setregistry(J, "ly.ws.WsConn");
	}
	js_newuserdata(J, "WsConn", wc, conn_fin);
}

/* Text for JavaScript: what is not UTF-8 becomes U+FFFD, as a Go string
 * does on its way to JavaScript. */
static void
push_text(js_State *J, const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	size_t w, i;
	long r;
	int clean = 1;

	for (i = 0; i < len && clean; i++)
		if (p[i] >= 0x80 || p[i] == 0)
			clean = 0;
	if (clean) {
		js_pushlstring(J, s, (int)len);
		return;
	}
	buf_init(&b, 0);
	while (p < end) {
		if (*p == 0) {
			buf_add(&b, "\xc0\x80", 2);
			p++;
			continue;
		}
		r = (size_t)(end - p) >= 4 ? utf8_decode(p, &w) : -1;
		if ((size_t)(end - p) < 4) {
			/* decode from a padded copy near the end */
			unsigned char tmp[8] = { 0 };

			memcpy(tmp, p, (size_t)(end - p));
			r = utf8_decode(tmp, &w);
			if (w > (size_t)(end - p))
				r = -1, w = 1;
		}
		if (r < 0 || (r >= 0xd800 && r <= 0xdfff) || (r == 0xfffd && w == 3 &&
		    memcmp(p, "\xef\xbf\xbd", 3) != 0)) {
			buf_add(&b, "\xef\xbf\xbd", 3);
			p += w;
		} else {
			buf_add(&b, p, w);
			p += w;
		}
	}
	js_pushlstring(J, b.data != NULL ? b.data : "", (int)b.len);
	buf_free(&b);
}

static void
set_num(js_State *J, const char *k, double v)
{
	js_pushnumber(J, v);
	js_setproperty(J, -2, k);
}

static void
set_str(js_State *J, const char *k, const char *v)
{
	js_pushstring(J, v);
	js_setproperty(J, -2, k);
}

/* The handshake's result: status and subproto tags, Set-Cookie into the
 * jar, ws_sessions and ws_connecting. */
static void
handshake_done(struct ws_conn *wc, int64_t t)
{
	struct vu *vu = wc->wv->vu;
	const struct wsconn_reply *r = wsconn_reply(wc->c);
	char num[16];
	const char *h, *eol;

	if (r->status != 0) {
		if (vu_system_tag(vu, "status")) {
			snprintf(num, sizeof num, "%d", r->status);
			wc->tags = vu_tags_with(vu, wc->tags, "status", num);
		}
		if (vu_system_tag(vu, "subproto"))
			wc->tags = vu_tags_with(vu, wc->tags, "subproto",
			    r->protocol != NULL ? r->protocol : "");
	}
	if (r->remote_ip != NULL && vu_system_tag(vu, "ip"))
		wc->tags = vu_tags_with(vu, wc->tags, "ip", r->remote_ip);
	if (wc->jar != NULL && wc->set_cookie_host != NULL && r->headers != NULL)
		for (h = r->headers; (eol = strstr(h, "\r\n")) != NULL; h = eol + 2) {
			struct http_cookie c;
			char *line;

			if (strncasecmp(h, "Set-Cookie:", 11) != 0)
				continue;
			line = xstrndup(h + 11, (size_t)(eol - h - 11));
			if (http_cookie_parse(line + strspn(line, " \t"), &c) == 0)
				http_cookie_jar_store(wc->jar, wc->set_cookie_host,
				    wc->set_cookie_path, &c, time(NULL));
			http_cookie_clear(&c);
			free(line);
		}
	vu_emit(vu, wc->wv->m_sessions, wc->tags, 1);
	vu_emit(vu, wc->wv->m_connecting, wc->tags, (double)(t - wc->start) / 1e6);
}

static void
pong(struct ws_conn *wc, const struct wsconn_event *e)
{
	int id, i;
	char *end;

	id = (int)strtol(e->data, &end, 10);
	if (e->len == 0 || *end != '\0')
		return;
	for (i = 0; i < MAX_PINGS; i++)
		if (wc->pings[i].t != 0 && wc->pings[i].id == id) {
			vu_emit(wc->wv->vu, wc->wv->m_ping, wc->tags,
			    (double)(e->t - wc->pings[i].t) / 1e6);
			wc->pings[i].t = 0;
			return;
		}
}

/* Push the event as {type, data, code}. */
static void
push_event(js_State *J, struct ws_conn *wc, struct wsconn_event *e)
{
	static const char *const names[] = {
		"open", "fail", "text", "binary", "ping", "pong", "error", "close",
	};

	js_newobject(J);
	set_str(J, "type", names[e->type]);
	switch (e->type) {
	case WSE_OPEN:
	case WSE_FAIL:
		handshake_done(wc, e->t);
		if (e->type == WSE_FAIL)
			set_str(J, "data", e->data);
		break;
	case WSE_TEXT:
		vu_emit(wc->wv->vu, wc->wv->m_received, wc->tags, 1);
		push_text(J, e->data, e->len);
		js_setproperty(J, -2, "data");
		break;
	case WSE_BINARY:
		vu_emit(wc->wv->vu, wc->wv->m_received, wc->tags, 1);
		binary_push_arraybuffer(J, e->data, e->len);
		js_setproperty(J, -2, "data");
		break;
	case WSE_PONG:
		pong(wc, e);
		/* FALLTHROUGH */
	case WSE_PING:
		push_text(J, e->data, e->len);
		js_setproperty(J, -2, "data");
		break;
	case WSE_ERROR:
		set_str(J, "data", e->data);
		break;
	case WSE_CLOSE:
		set_num(J, "code", e->code);
		push_text(J, e->data, e->len);
		js_setproperty(J, -2, "reason");
		break;
	}
}

/* The first queued event of any of the VU's connections, with its handle
 * on the stack under it, or 0. */
static int
take_any(js_State *J, struct ws_vu *wv, struct ws_conn *only)
{
	struct ws_conn *wc;
	struct wsconn_event *e;

	for (wc = wv->conns; wc != NULL; wc = wc->next) {
		if (only != NULL ? wc != only : wc->async)
			continue;
		traffic(wc);
		if (wc->c == NULL || (e = wsconn_next(wc->c)) == NULL)
			continue;
		push_event(J, wc, e);
		wsconn_event_free(e);
		return 1;
	}
	return 0;
}

/* P.wait(h, ms): the next event of h (any of the VU's connections if h
 * is null), blocking up to ms milliseconds (for ever if ms < 0); null
 * when the time is up.  An interruption closes the VU's connections and
 * throws. */
static void
p_wait(js_State *J)
{
	struct ws_vu *wv = wv_of(J);
	struct ws_conn *only = js_isnull(J, 1) || js_isundefined(J, 1) ? NULL : this_conn(J, 1);
	double ms = js_tonumber(J, 2);
	struct timeval tv;
	int rc;

	wv->woken = 0;
	if (take_any(J, wv, only))
		return;
	if (ms == 0) {
		js_pushnull(J);
		return;
	}
	if (ms > 0) {
		tv = timeval_ms(ms);
		evtimer_add(wv->timer, &tv);
	}
	for (;;) {
		wv->waiting = 1;
		rc = vu_block(wv->vu);
		wv->waiting = 0;
		if (rc == -1) {
			evtimer_del(wv->timer);
			ws_iteration_end(wv->vu);
			vu_throw_interrupted(J);
		}
		if (take_any(J, wv, only))
			break;
		if (ms > 0 && !evtimer_pending(wv->timer, NULL)) {
			js_pushnull(J);
			return;
		}
	}
	evtimer_del(wv->timer);
}

/* P.send(h, data, binary): null, or the error's text. */
static void
p_send(js_State *J)
{
	struct ws_conn *wc = this_conn(J, 1);
	const unsigned char *data;
	const char *err = "websocket: close sent", *s;
	size_t len;
	int rc = -1;

	if (js_toboolean(J, 3)) {
		if (binary_get(J, 2, &data, &len) == -1)
			js_typeerror(J, "expected ArrayBuffer");
		if (wc->c != NULL)
			rc = wsconn_send(wc->c, 2, data, len, &err);
	} else {
		s = js_tostring(J, 2);
		if (wc->c != NULL && strchr(s, 0xed) != NULL) {
			/* a lone surrogate is sent as k6's Go string holds it */
			char *t = xstrdup(s);

			surrogate_fffd(t, strlen(t));
			rc = wsconn_send(wc->c, 1, t, strlen(t), &err);
			free(t);
		} else if (wc->c != NULL)
			rc = wsconn_send(wc->c, 1, s, strlen(s), &err);
	}
	if (wc->wv != NULL)
		vu_emit(wc->wv->vu, wc->wv->m_sent, wc->tags, 1);
	traffic(wc);
	if (rc == 0)
		js_pushnull(J);
	else
		js_pushstring(J, err);
}

/* P.ping(h): null, or the error's text.  The payload is a number whose
 * pong gives ws_ping. */
static void
p_ping(js_State *J)
{
	struct ws_conn *wc = this_conn(J, 1);
	const char *err = "websocket: close sent";
	char id[16];
	int slot;

	snprintf(id, sizeof id, "%d", wc->ping_next);
	if (wc->c == NULL || wsconn_send(wc->c, 9, id, strlen(id), &err) == -1) {
		js_pushstring(J, err);
		return;
	}
	slot = wc->ping_next % MAX_PINGS;
	wc->pings[slot].id = wc->ping_next++;
	wc->pings[slot].t = engine_now();
	traffic(wc);
	js_pushnull(J);
}

/* P.close(h, code, reason, wait). */
static void
p_close(js_State *J)
{
	struct ws_conn *wc = this_conn(J, 1);

	if (wc->c != NULL)
		wsconn_close(wc->c, js_isnumber(J, 2) ? (int)js_tonumber(J, 2) : 0,
		    js_isstring(J, 3) ? js_tostring(J, 3) : NULL, js_toboolean(J, 4));
	traffic(wc);
	js_pushundefined(J);
}

/* P.end(h): the session is over. */
static void
p_end(js_State *J)
{
	conn_end(this_conn(J, 1));
	js_pushundefined(J);
}

/* P.closed(h), P.buffered(h). */
static void
p_closed(js_State *J)
{
	struct ws_conn *wc = this_conn(J, 1);

	js_pushboolean(J, wc->c == NULL || wsconn_closed(wc->c));
}

static void
p_buffered(js_State *J)
{
	struct ws_conn *wc = this_conn(J, 1);

	js_pushnumber(J, wc->c != NULL ? (double)wsconn_buffered(wc->c) : 0);
}

/* P.response(h): {status, headers, body, protocol} of the handshake. */
static void
p_response(js_State *J)
{
	struct ws_conn *wc = this_conn(J, 1);
	const struct wsconn_reply *r = wc->c != NULL ? wsconn_reply(wc->c) : NULL;
	const char *h, *eol, *colon, *v;

	js_newobject(J);
	set_num(J, "status", r != NULL ? r->status : 0);
	js_newarray(J);
	if (r != NULL && r->headers != NULL) {
		int i = 0;

		for (h = r->headers; (eol = strstr(h, "\r\n")) != NULL; h = eol + 2) {
			colon = memchr(h, ':', (size_t)(eol - h));
			if (colon == NULL)
				continue;
			js_pushlstring(J, h, (int)(colon - h));
			js_setindex(J, -2, i++);
			v = colon + 1;
			while (v < eol && (*v == ' ' || *v == '\t'))
				v++;
			js_pushlstring(J, v, (int)(eol - v));
			js_setindex(J, -2, i++);
		}
	}
	js_setproperty(J, -2, "headers");
	if (r != NULL && r->body != NULL)
		push_text(J, r->body, r->body_len);
	else
		js_pushliteral(J, "");
	js_setproperty(J, -2, "body");
	set_str(J, "protocol", r != NULL && r->protocol != NULL ? r->protocol : "");
}

static void
p_in_init(js_State *J)
{
	js_pushboolean(J, vu_in_init(vu_of(J)));
}

static void
p_now(js_State *J)
{
	js_pushnumber(J, (double)engine_now() / 1e6);
}

static void
p_user_agent(js_State *J)
{
	const struct runopts *o = vu_opts(vu_of(J));

	js_pushstring(J, o != NULL && o->user_agent != NULL ? o->user_agent :
	    "lyocell/" PACKAGE_VERSION);
}

static void
p_throw_errors(js_State *J)
{
	const struct runopts *o = vu_opts(vu_of(J));

	js_pushboolean(J, o != NULL && o->throw_errors);
}

/* P.bytes(s): s as UTF-8 in an ArrayBuffer.  P.text(ab): the reverse. */
static void
p_bytes(js_State *J)
{
	struct buf b = BUF_INIT;

	buf_init(&b, 0);
	encoding_bytes(J, 1, &b);
	binary_push_arraybuffer(J, b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
}

static void
p_text(js_State *J)
{
	const unsigned char *d;
	size_t n;

	if (binary_get(J, 1, &d, &n) == -1)
		js_typeerror(J, "expected ArrayBuffer");
	push_text(J, (const char *)d, n);
}

void
ws_prims(js_State *J)
{
	modules_setfn(J, p_open, "open", 6);
	modules_setfn(J, p_wait, "wait", 2);
	modules_setfn(J, p_send, "send", 3);
	modules_setfn(J, p_ping, "ping", 1);
	modules_setfn(J, p_close, "close", 4);
	modules_setfn(J, p_end, "end", 1);
	modules_setfn(J, p_closed, "closed", 1);
	modules_setfn(J, p_buffered, "buffered", 1);
	modules_setfn(J, p_response, "response", 1);
	modules_setfn(J, p_in_init, "inInit", 0);
	modules_setfn(J, p_now, "now", 0);
	modules_setfn(J, p_user_agent, "userAgent", 0);
	modules_setfn(J, p_throw_errors, "throwErrors", 0);
	modules_setfn(J, p_bytes, "bytes", 1);
	modules_setfn(J, p_text, "text", 1);
}

/* Hooks */

static void
forget(js_State *J, struct ws_conn *wc)
{
	char key[16];

	snprintf(key, sizeof key, "%d", wc->id);
	js_getregistry(J, "ly.ws.sockets");
	if (js_isobject(J, -1))
		js_delproperty(J, -1, key);
	js_pop(J, 1);
}

/* k6/websockets: hand one queued event to its WebSocket's _dispatch; the
 * last one (close, or a failed handshake) ends the session. */
static int
ws_run_ready(struct vu *vu)
{
	struct ws_vu *wv = vu_module_data(vu, &ws_engine_module);
	js_State *J = vu_js(vu);
	struct ws_conn *wc;
	struct wsconn_event *e;
	char key[16];
	int last;

	if (wv == NULL)
		return 0;
	for (wc = wv->conns; wc != NULL; wc = wc->next) {
		if (!wc->async || wc->c == NULL)
			continue;
		traffic(wc);
		if ((e = wsconn_next(wc->c)) == NULL)
			continue;
		last = e->type == WSE_CLOSE || e->type == WSE_FAIL;
		snprintf(key, sizeof key, "%d", wc->id);
		js_getregistry(J, "ly.ws.sockets");
		js_getproperty(J, -1, key);
		js_getproperty(J, -1, "_dispatch");
		js_rot2(J);
		push_event(J, wc, e);
		wsconn_event_free(e);
		if (last)
			conn_end(wc);	/* before the handlers: they may open more */
		if (js_pcall(J, 1))
			vu_loop_throw(vu_of(J));	/* ends the iteration, as in k6 */
		else
			js_pop(J, 1);
		js_pop(J, 1);
		if (last)
			forget(J, wc);
		return 1;
	}
	return 0;
}

static int
ws_pending(struct vu *vu)
{
	struct ws_vu *wv = vu_module_data(vu, &ws_engine_module);
	struct ws_conn *wc;
	int n = 0;

	for (wc = wv != NULL ? wv->conns : NULL; wc != NULL; wc = wc->next)
		if (wc->async && wc->c != NULL)
			n++;
	return n;
}

/* Close every connection of the VU, saying goodbye as k6 does when a
 * VU stops (k6/ws: 1001, k6/websockets: 1000); the handles' finalizers
 * free them. */
static void
close_all(struct ws_vu *wv)
{
	struct ws_conn *wc;

	while ((wc = wv->conns) != NULL) {
		if (wc->c != NULL)
			wsconn_goodbye(wc->c, wc->async ? 1000 : 1001);
		conn_end(wc);
		conn_unlink(wc);
	}
}

static void
ws_iteration_end(struct vu *vu)
{
	struct ws_vu *wv = vu_module_data(vu, &ws_engine_module);

	if (wv == NULL)
		return;
	close_all(wv);
	/* the WebSocket objects the loop still held */
	js_newobject(vu_js(vu));
	js_setregistry(vu_js(vu), "ly.ws.sockets");
}

static void
ws_interrupt(struct vu *vu)
{
	struct ws_vu *wv = vu_module_data(vu, &ws_engine_module);

	if (wv != NULL)
		wv->woken = 1;
}

static void
ws_vu_free(struct vu *vu)
{
	struct ws_vu *wv = vu_module_data(vu, &ws_engine_module);

	if (wv == NULL)
		return;
	close_all(wv);
	event_free(wv->timer);
	if (--ws_dns_users == 0 && ws_dns != NULL) {
		evdns_base_free(ws_dns, 1);
		ws_dns = NULL;
	}
	free(wv);
	vu_module_set(vu, &ws_engine_module, NULL);
}
