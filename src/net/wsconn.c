/* A client WebSocket connection; see wsconn.h.
 *
 * The socket is a bufferevent; for wss:// an OpenSSL filter sits on it,
 * so that the byte counts (data_sent, data_received) are the socket's,
 * TLS included, as k6 counts them.  The upgrade request and its answer
 * are read and written here; after a 101, wslay reads frames from the
 * input buffer and writes them to the output buffer. */
#include "config.h"

#include <sys/socket.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>

#include <curl/curl.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/dns.h>
#include <event2/event.h>
#include <event2/util.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wslay/wslay.h>
#include <zlib.h>

#include "engine/module.h"
#include "net/ippool.h"
#include "net/netblock.h"
#include "net/resolver.h"
#include "net/wsconn.h"
#include "net/wsproxy.h"
#include "util/xmalloc.h"

#define WS_GUID		"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
#define HEAD_CAP	(64 << 10)	/* the answer's status line and headers */
#define BODY_CAP	1024		/* of a refusal, as gorilla keeps */

enum { ST_CONNECTING, ST_HANDSHAKE, ST_OPEN, ST_CLOSING, ST_CLOSED };

struct wsconn {
	struct event_base	*base;
	struct bufferevent	*bev;	/* what we read and write */
	struct bufferevent	*sock;	/* the socket under it (== bev for ws://) */
	wslay_event_context_ptr	 ws;
	int			 state;
	int			 wait_close;	/* close only on the peer's close */
	int			 peer_closed;	/* its close frame came */
	int			 we_closed;
	int			 body_want;	/* refusal: bytes still to read, -1 to EOF */
	char			*host, *port, *target;
	int			 tls;
	char			 key[32];	/* Sec-WebSocket-Key */
	char			*headers;
	struct wsconn_reply	 reply;
	struct wsconn_event	*head, **tail;
	wsconn_notify_fn	 notify;
	void			*arg;
	uint64_t		 sent, received;
	uint64_t		 max_msg;
	int			 want_deflate;	/* offered permessage-deflate */
	int			 deflate;	/* and the server took it */
	int			 close_code;	/* the close frame's, ours or the peer's */
	char			*close_reason;	/* the peer's */
	/* the name (or options.hosts' address) looked up, and the lookup */
	char			*dial_host, *dial_port;
	char			*local_ip;	/* options.localIPs' address, or NULL */
	char			 dial_addr[INET6_ADDRSTRLEN + 8];	/* dialled */
	/* through an HTTP proxy: 1 dialling it, 2 its CONNECT sent, 0 done */
	int			 proxy_phase;	/* SOCKS5: 2 greeted, 3 authenticating, 4 connecting */
	char			*proxy_auth;	/* Proxy-Authorization, or NULL */
	int			 socks;		/* the proxy is SOCKS5 */
	char			*socks_user, *socks_pass;
	char			*socks_at;	/* its host:port, for errors */
	SSL			*ssl_later;	/* wss:// after the CONNECT */
	double			 timeout_ms;
	struct evdns_getaddrinfo_request *lookup;
	struct resolver_query	*query;	/* options.dns's lookup */
};

static void	readcb(struct bufferevent *, void *);
static void	writecb(struct bufferevent *, void *);
static void	eventcb(struct bufferevent *, short, void *);
static void	proxy_connect(struct wsconn *);
static void	proxy_reply(struct wsconn *);
static void	socks_read(struct wsconn *);

static void
push(struct wsconn *c, enum wsconn_type type, int code, const void *data,
    size_t len)
{
	struct wsconn_event *e = xcalloc(1, sizeof *e);

	e->type = type;
	e->code = code;
	e->data = xmalloc(len + 1);
	if (len > 0)
		memcpy(e->data, data, len);
	e->data[len] = '\0';
	e->len = len;
	e->t = engine_now();
	*c->tail = e;
	c->tail = &e->next;
	c->notify(c->arg);
}

static void
push_str(struct wsconn *c, enum wsconn_type type, const char *s)
{
	push(c, type, 0, s, strlen(s));
}

/* The socket's byte counts (data_received, data_sent). */
static void
count_cb(struct evbuffer *b, const struct evbuffer_cb_info *info, void *arg)
{
	uint64_t *n = arg;

	*n += info->n_added;
}

static void
count_out_cb(struct evbuffer *b, const struct evbuffer_cb_info *info, void *arg)
{
	uint64_t *n = arg;

	*n += info->n_deleted;
}

/* Free the bufferevents.  libevent may finish freeing them later (the
 * socket under a TLS filter in particular) and still write what they
 * hold: the byte counters, which point into c, are taken off first. */
static void
release(struct wsconn *c)
{
	if (c->sock != NULL) {
		evbuffer_remove_cb(bufferevent_get_input(c->sock), count_cb, &c->received);
		evbuffer_remove_cb(bufferevent_get_output(c->sock), count_out_cb, &c->sent);
	}
	if (c->bev != NULL)
		bufferevent_free(c->bev);
	c->bev = c->sock = NULL;
}

/* The socket is done with: free it now, say so once. */
static void
finish(struct wsconn *c, int code)
{
	if (c->state == ST_CLOSED)
		return;
	c->state = ST_CLOSED;
	release(c);
	push(c, WSE_CLOSE, code, c->close_reason, c->close_reason != NULL ?
	    strlen(c->close_reason) : 0);
}

/* A failure after the handshake: an error event, then the close. */
static void
fail_open(struct wsconn *c, const char *msg, int code)
{
	if (c->state == ST_CLOSED)
		return;
	push_str(c, WSE_ERROR, msg);
	finish(c, code);
}

/* A failure before it: the connection never opened. */
static void
fail_handshake(struct wsconn *c, const char *msg)
{
	if (c->lookup != NULL) {
		/* its callback sees EVUTIL_EAI_CANCEL and leaves c alone */
		evdns_getaddrinfo_cancel(c->lookup);
		c->lookup = NULL;
	}
	resolver_cancel(c->query);
	c->query = NULL;
	c->state = ST_CLOSED;
	release(c);
	push_str(c, WSE_FAIL, msg);
}

/* The system's text for an errno, lower case as Go has it. */
static const char *
errtext(int e, char *buf, size_t len)
{
	snprintf(buf, len, "%s", evutil_socket_error_to_string(e));
	if (buf[0] >= 'A' && buf[0] <= 'Z' && (buf[1] < 'A' || buf[1] > 'Z'))
		buf[0] = (char)(buf[0] - 'A' + 'a');
	return buf;
}

/* The same for the socket's error. */
static const char *
sockerr(char *buf, size_t len)
{
	return errtext(EVUTIL_SOCKET_ERROR(), buf, len);
}


/* wslay's side */

static ssize_t
ws_recv(wslay_event_context_ptr ctx, uint8_t *buf, size_t len, int flags,
    void *arg)
{
	struct wsconn *c = arg;
	int n = evbuffer_remove(bufferevent_get_input(c->bev), buf, len);

	if (n <= 0) {
		wslay_event_set_error(ctx, WSLAY_ERR_WOULDBLOCK);
		return -1;
	}
	return n;
}

static ssize_t
ws_send(wslay_event_context_ptr ctx, const uint8_t *data, size_t len,
    int flags, void *arg)
{
	struct wsconn *c = arg;

	if (c->bev == NULL || evbuffer_add(bufferevent_get_output(c->bev), data, len) != 0) {
		wslay_event_set_error(ctx, WSLAY_ERR_CALLBACK_FAILURE);
		return -1;
	}
	return (ssize_t)len;
}

static int
ws_genmask(wslay_event_context_ptr ctx, uint8_t *buf, size_t len, void *arg)
{
	if (RAND_bytes(buf, (int)len) != 1)
		return -1;
	return 0;
}

/* permessage-deflate (RFC 7692) without context takeover, as gorilla
 * offers it: each message is a raw DEFLATE stream ending in an empty
 * stored block whose last four bytes are left off. */
static void
inflate_msg(struct wsconn *c, enum wsconn_type type, const uint8_t *in, size_t len)
{
	static const uint8_t tail[4] = { 0, 0, 0xff, 0xff };
	z_stream z;
	size_t cap = len * 4 + 256, n = 0;
	uint8_t *out = xmalloc(cap);
	int r = Z_OK, pass, ended = 0;

	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, -15) != Z_OK)
		fatalx(255, "out of memory");
	for (pass = 0; pass < 2 && r == Z_OK && !ended; pass++) {
		z.next_in = (Bytef *)(pass == 0 ? in : tail);
		z.avail_in = (uInt)(pass == 0 ? len : sizeof tail);
		do {
			if (n == cap) {
				if (cap >= c->max_msg) {
					r = Z_MEM_ERROR;
					break;
				}
				cap *= 2;
				out = xrealloc(out, cap);
			}
			z.next_out = out + n;
			z.avail_out = (uInt)(cap - n);
			r = inflate(&z, Z_SYNC_FLUSH);
			n = cap - z.avail_out;
		} while ((r == Z_OK || r == Z_BUF_ERROR) && z.avail_out == 0);
		if (r == Z_STREAM_END)
			ended = 1;
		if (r == Z_BUF_ERROR || r == Z_STREAM_END)
			r = Z_OK;
	}
	inflateEnd(&z);
	if (r == Z_MEM_ERROR || n > c->max_msg) {
		push_str(c, WSE_ERROR, "websocket: read limit exceeded");
		wslay_event_queue_close(c->ws, WSLAY_CODE_MESSAGE_TOO_BIG, NULL, 0);
	} else if (r != Z_OK) {
		push_str(c, WSE_ERROR, "flate: corrupt input before offset 0");
		wslay_event_queue_close(c->ws, WSLAY_CODE_PROTOCOL_ERROR, NULL, 0);
	} else
		push(c, type, 0, out, n);
	free(out);
}

/* Compress a message: owned bytes in *out, 0, or -1. */
static int
deflate_msg(const void *in, size_t len, uint8_t **out, size_t *outlen)
{
	z_stream z;
	size_t cap = deflateBound(NULL, (uLong)len) + 16;
	int r;

	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	*out = xmalloc(cap);
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)len;
	z.next_out = *out;
	z.avail_out = (uInt)cap;
	r = deflate(&z, Z_SYNC_FLUSH);
	*outlen = cap - z.avail_out;
	deflateEnd(&z);
	if (r != Z_OK || *outlen < 4) {
		free(*out);
		return -1;
	}
	*outlen -= 4;	/* 00 00 ff ff */
	return 0;
}

/* gorilla's CloseError text. */
static void
close_error(struct wsconn *c, int code, const char *reason, size_t rlen)
{
	static const struct { int code; const char *name; } names[] = {
		{ 1000, " (normal)" }, { 1001, " (going away)" },
		{ 1002, " (protocol error)" }, { 1003, " (unsupported data)" },
		{ 1005, " (no status)" }, { 1006, " (abnormal closure)" },
		{ 1007, " (invalid payload data)" }, { 1008, " (policy violation)" },
		{ 1009, " (message too big)" }, { 1010, " (mandatory extension missing)" },
		{ 1011, " (internal server error)" }, { 1015, " (TLS handshake error)" },
	};
	const char *name = "";
	char msg[256];
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].code == code)
			name = names[i].name;
	if (rlen > 123)
		rlen = 123;
	snprintf(msg, sizeof msg, "websocket: close %d%s%s%.*s", code, name,
	    rlen > 0 ? ": " : "", (int)rlen, reason);
	push_str(c, WSE_ERROR, msg);
}

static void
ws_msg(wslay_event_context_ptr ctx, const struct wslay_event_on_msg_recv_arg *m,
    void *arg)
{
	struct wsconn *c = arg;

	switch (m->opcode) {
	case WSLAY_TEXT_FRAME:
	case WSLAY_BINARY_FRAME:
		if (c->deflate && (m->rsv & WSLAY_RSV1_BIT))
			inflate_msg(c, m->opcode == WSLAY_TEXT_FRAME ? WSE_TEXT : WSE_BINARY,
			    m->msg, m->msg_length);
		else
			push(c, m->opcode == WSLAY_TEXT_FRAME ? WSE_TEXT : WSE_BINARY, 0,
			    m->msg, m->msg_length);
		break;
	case WSLAY_PING:
		push(c, WSE_PING, 0, m->msg, m->msg_length);
		break;
	case WSLAY_PONG:
		push(c, WSE_PONG, 0, m->msg, m->msg_length);
		break;
	case WSLAY_CONNECTION_CLOSE:
		c->peer_closed = 1;
		c->close_code = m->status_code == 0 ? 1005 : m->status_code;
		free(c->close_reason);
		c->close_reason = xstrndup(m->msg_length > 2 ? (const char *)m->msg + 2 : "",
		    m->msg_length > 2 ? m->msg_length - 2 : 0);
		/* a close the peer began with another code than 1000 or 1001
		 * is an error to k6 (gorilla's IsUnexpectedCloseError) */
		if (!c->we_closed && c->close_code != 1000 && c->close_code != 1001)
			close_error(c, c->close_code, m->msg_length > 2 ?
			    (const char *)m->msg + 2 : "", m->msg_length > 2 ?
			    m->msg_length - 2 : 0);
		break;
	}
}

static const struct wslay_event_callbacks ws_callbacks = {
	ws_recv, ws_send, ws_genmask, NULL, NULL, NULL, ws_msg,
};

/* Run wslay over what came in and write what it queued.  The close
 * frame of the peer ends the connection once our answer is written. */
static void
pump(struct wsconn *c)
{
	int r;
	uint16_t sent;

	if (c->state < ST_OPEN || c->state == ST_CLOSED)
		return;
	r = wslay_event_recv(c->ws);
	if (r == 0)
		r = wslay_event_send(c->ws);
	if (c->bev == NULL)
		return;
	if (r != 0 && r != WSLAY_ERR_WOULDBLOCK) {
		fail_open(c, "websocket: close 1006 (abnormal closure): write failed", 1006);
		return;
	}
	if (c->peer_closed) {
		bufferevent_disable(c->bev, EV_READ);
		if (evbuffer_get_length(bufferevent_get_output(c->bev)) == 0)
			finish(c, c->close_code);
		else
			c->state = ST_CLOSING;
		return;
	}
	/* wslay refused what the peer sent (a frame too big, a broken
	 * frame) and said so in its own close frame. */
	if (wslay_event_get_close_sent(c->ws) && !c->we_closed) {
		sent = wslay_event_get_status_code_sent(c->ws);
		bufferevent_disable(c->bev, EV_READ);
		c->we_closed = 1;
		c->wait_close = 0;
		c->state = ST_CLOSING;
		if (sent == WSLAY_CODE_MESSAGE_TOO_BIG)
			push_str(c, WSE_ERROR, "websocket: read limit exceeded");
		else if (sent == WSLAY_CODE_INVALID_FRAME_PAYLOAD_DATA)
			push_str(c, WSE_ERROR, "websocket: invalid UTF-8 in text frame");
		else {
			char msg[96];

			snprintf(msg, sizeof msg, "websocket: close %u: protocol error", sent);
			push_str(c, WSE_ERROR, msg);
		}
		c->close_code = sent;
		if (evbuffer_get_length(bufferevent_get_output(c->bev)) == 0)
			finish(c, sent);
	}
}

/* The handshake */

static void
accept_key(const char *key, char out[64])
{
	unsigned char md[20];
	char in[128];

	snprintf(in, sizeof in, "%s%s", key, WS_GUID);
	EVP_Digest(in, strlen(in), md, NULL, EVP_sha1(), NULL);
	EVP_EncodeBlock((unsigned char *)out, md, sizeof md);
}

static void
send_request(struct wsconn *c)
{
	struct evbuffer *out = bufferevent_get_output(c->bev);
	unsigned char raw[16];
	int def_port = strcmp(c->port, c->tls ? "443" : "80") == 0;

	RAND_bytes(raw, sizeof raw);
	EVP_EncodeBlock((unsigned char *)c->key, raw, sizeof raw);
	evbuffer_add_printf(out, "GET %s HTTP/1.1\r\nHost: %s%s%s\r\n"
	    "Upgrade: websocket\r\nConnection: Upgrade\r\n"
	    "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n%s%s\r\n",
	    c->target, c->host, def_port ? "" : ":", def_port ? "" : c->port,
	    c->key, c->want_deflate ? "Sec-WebSocket-Extensions: permessage-deflate; "
	    "server_no_context_takeover; client_no_context_takeover\r\n" : "",
	    c->headers != NULL ? c->headers : "");
	c->state = ST_HANDSHAKE;
}

/* The value of header name in "Name: value\r\n" lines, owned, or NULL. */
static char *
header_get(const char *h, const char *name)
{
	size_t n = strlen(name);
	const char *eol, *v;

	for (; *h != '\0'; h = eol + 2) {
		eol = strstr(h, "\r\n");
		if (eol == NULL)
			break;
		if ((size_t)(eol - h) > n && strncasecmp(h, name, n) == 0 && h[n] == ':') {
			v = h + n + 1;
			while (v < eol && (*v == ' ' || *v == '\t'))
				v++;
			return xstrndup(v, (size_t)(eol - v));
		}
	}
	return NULL;
}

static int
has_token(const char *v, const char *tok)
{
	size_t n = strlen(tok);
	const char *p = v;

	while (p != NULL && *p != '\0') {
		p += strspn(p, " \t,");
		if (strncasecmp(p, tok, n) == 0 && (p[n] == '\0' || p[n] == ',' ||
		    p[n] == ' ' || p[n] == '\t'))
			return 1;
		p = strchr(p, ',');
	}
	return 0;
}

static void
open_ws(struct wsconn *c)
{
	wslay_event_context_client_init(&c->ws, &ws_callbacks, c);
	wslay_event_config_set_max_recv_msg_length(c->ws, c->max_msg);
	if (c->deflate)
		wslay_event_config_set_allowed_rsv_bits(c->ws, WSLAY_RSV1_BIT);
	if (c->reply.body != NULL)	/* unused after a 101 */
		c->reply.body[0] = '\0';
	c->state = ST_OPEN;
	bufferevent_set_timeouts(c->bev, NULL, NULL);
	push(c, WSE_OPEN, 0, NULL, 0);
}

/* Read the answer to the upgrade: 0 while it is incomplete. */
static int
read_reply(struct wsconn *c)
{
	struct evbuffer *in = bufferevent_get_input(c->bev);
	struct evbuffer_ptr end;
	size_t hlen;
	char *head, *sp, *eol, *v, *w;
	char want[64];
	int ok;

	end = evbuffer_search(in, "\r\n\r\n", 4, NULL);
	if (end.pos < 0) {
		if (evbuffer_get_length(in) > HEAD_CAP)
			fail_handshake(c, "websocket: bad handshake: response headers too large");
		return 0;
	}
	hlen = (size_t)end.pos + 4;
	head = xmalloc(hlen + 1);
	evbuffer_remove(in, head, hlen);
	head[hlen] = '\0';
	eol = strstr(head, "\r\n");
	sp = strchr(head, ' ');
	if (strncmp(head, "HTTP/1.", 7) != 0 || sp == NULL || sp > eol) {
		free(head);
		fail_handshake(c, "malformed HTTP response");
		return 1;
	}
	c->reply.status = atoi(sp + 1);
	c->reply.headers = xstrdup(eol + 2);
	c->reply.headers[strlen(c->reply.headers) - 2] = '\0';	/* the blank line */
	free(head);
	v = header_get(c->reply.headers, "Sec-WebSocket-Protocol");
	c->reply.protocol = v != NULL ? v : xstrdup("");
	accept_key(c->key, want);
	w = header_get(c->reply.headers, "Sec-WebSocket-Accept");
	v = header_get(c->reply.headers, "Upgrade");
	ok = c->reply.status == 101 && v != NULL && has_token(v, "websocket");
	free(v);
	v = header_get(c->reply.headers, "Connection");
	ok = ok && v != NULL && has_token(v, "upgrade") && w != NULL && strcmp(w, want) == 0;
	free(v);
	free(w);
	v = header_get(c->reply.headers, "Sec-WebSocket-Extensions");
	if (ok && v != NULL && strstr(v, "permessage-deflate") != NULL) {
		/* gorilla takes it only without context takeover both ways */
		if (!c->want_deflate || strstr(v, "server_no_context_takeover") == NULL ||
		    strstr(v, "client_no_context_takeover") == NULL) {
			free(v);
			fail_handshake(c, "websocket: invalid compression negotiation");
			return 1;
		}
		c->deflate = 1;
	}
	free(v);
	if (ok) {
		open_ws(c);
		return 1;
	}
	/* A refusal: keep up to 1 KiB of its body for the response. */
	v = header_get(c->reply.headers, "Content-Length");
	c->body_want = v != NULL ? atoi(v) : -1;
	free(v);
	if (c->body_want > BODY_CAP)
		c->body_want = BODY_CAP;
	c->reply.body = xmalloc(BODY_CAP + 1);
	c->reply.body_len = 0;
	c->reply.body[0] = '\0';
	return 1;
}

static void
read_body(struct wsconn *c, int eof)
{
	struct evbuffer *in = bufferevent_get_input(c->bev);
	size_t room = BODY_CAP - c->reply.body_len;
	int n;

	if (c->body_want >= 0 && (size_t)c->body_want - c->reply.body_len < room)
		room = (size_t)c->body_want - c->reply.body_len;
	n = evbuffer_remove(in, c->reply.body + c->reply.body_len, room);
	if (n > 0)
		c->reply.body_len += (size_t)n;
	c->reply.body[c->reply.body_len] = '\0';
	if (eof || c->reply.body_len == BODY_CAP ||
	    (c->body_want >= 0 && c->reply.body_len >= (size_t)c->body_want))
		fail_handshake(c, "websocket: bad handshake");
}

static void
readcb(struct bufferevent *bev, void *arg)
{
	struct wsconn *c = arg;

	if (c->proxy_phase >= 2) {
		if (c->socks)
			socks_read(c);
		else
			proxy_reply(c);
		return;
	}
	if (c->state == ST_HANDSHAKE) {
		if (c->reply.status == 0 && !read_reply(c))
			return;
		if (c->state == ST_HANDSHAKE) {
			read_body(c, 0);
			return;
		}
		if (c->state != ST_OPEN)
			return;
		if (evbuffer_get_length(bufferevent_get_input(c->bev)) == 0)
			return;
	}
	pump(c);
}

static void
writecb(struct bufferevent *bev, void *arg)
{
	struct wsconn *c = arg;

	/* The output is written: a close we sent or answered is done. */
	if (c->state != ST_CLOSING)
		return;
	if (c->peer_closed || !c->wait_close)
		finish(c, c->close_code);
}

static void
remember_ip(struct wsconn *c)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char ip[INET6_ADDRSTRLEN] = "";

	if (getpeername(bufferevent_getfd(c->sock), (struct sockaddr *)&ss, &len) != 0)
		return;
	if (ss.ss_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, ip, sizeof ip);
	else if (ss.ss_family == AF_INET6)
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, ip, sizeof ip);
	free(c->reply.remote_ip);
	c->reply.remote_ip = xstrdup(ip);
}

/* Go's words for a failed TLS handshake. */
static void
tls_error(struct wsconn *c, unsigned long e, char *msg, size_t len)
{
	SSL *ssl = bufferevent_openssl_get_ssl(c->bev);
	long v = ssl != NULL ? SSL_get_verify_result(ssl) : X509_V_OK;

	if (ERR_GET_REASON(e) != SSL_R_CERTIFICATE_VERIFY_FAILED || v == X509_V_OK) {
		snprintf(msg, len, "tls: ");
		ERR_error_string_n(e, msg + 5, len - 5);
		return;
	}
	switch (v) {
	case X509_V_ERR_HOSTNAME_MISMATCH:
	case X509_V_ERR_IP_ADDRESS_MISMATCH:
		snprintf(msg, len, "tls: failed to verify certificate: x509: "
		    "certificate is not valid for %s", c->host);
		break;
	case X509_V_ERR_CERT_HAS_EXPIRED:
	case X509_V_ERR_CERT_NOT_YET_VALID:
		snprintf(msg, len, "tls: failed to verify certificate: x509: "
		    "certificate has expired or is not yet valid");
		break;
	default:
		snprintf(msg, len, "tls: failed to verify certificate: x509: "
		    "certificate signed by unknown authority");
	}
}

static void
eventcb(struct bufferevent *bev, short what, void *arg)
{
	struct wsconn *c = arg;
	char msg[256], eb[128];
	unsigned long e;

	if ((what & BEV_EVENT_CONNECTED) && c->proxy_phase == 1) {
		proxy_connect(c);
		return;
	}
	if (what & BEV_EVENT_CONNECTED) {
		remember_ip(c);
		send_request(c);
		return;
	}
	if (c->state == ST_CONNECTING || (c->state == ST_HANDSHAKE && c->reply.status == 0)) {
		if ((what & BEV_EVENT_TIMEOUT) && c->dial_addr[0] == '\0')
			snprintf(msg, sizeof msg, "lookup %s: i/o timeout", c->dial_host);
		else if (what & BEV_EVENT_TIMEOUT)
			snprintf(msg, sizeof msg, "dial tcp %s: i/o timeout", c->dial_addr);
		else if (c->tls && (e = bufferevent_get_openssl_error(c->bev)) != 0)
			tls_error(c, e, msg, sizeof msg);
		else if ((what & BEV_EVENT_EOF) && c->socks && c->proxy_phase >= 2)
			snprintf(msg, sizeof msg, "proxy: failed to read %s from SOCKS5 proxy at %s: EOF",
			    c->proxy_phase == 2 ? "greeting" : c->proxy_phase == 3 ?
			    "authentication reply" : "connect reply", c->socks_at);
		else if (what & BEV_EVENT_EOF)
			snprintf(msg, sizeof msg, "EOF");
		else if (c->state == ST_CONNECTING)
			snprintf(msg, sizeof msg, "dial tcp %s: connect: %s", c->dial_addr,
			    sockerr(eb, sizeof eb));
		else
			snprintf(msg, sizeof msg, "read tcp %s:%s: %s", c->host, c->port,
			    sockerr(eb, sizeof eb));
		fail_handshake(c, msg);
		return;
	}
	if (c->state == ST_HANDSHAKE) {	/* a refusal's body ends */
		read_body(c, 1);
		return;
	}
	if (c->state == ST_OPEN && (what & BEV_EVENT_EOF)) {
		pump(c);	/* what came before the EOF */
		if (c->state == ST_OPEN && !c->peer_closed)
			fail_open(c, "websocket: close 1006 (abnormal closure): unexpected EOF", 1006);
		return;
	}
	if (c->state == ST_CLOSING && c->we_closed && !c->peer_closed) {
		finish(c, c->close_code);
		return;
	}
	snprintf(msg, sizeof msg, "read tcp %s:%s: %s", c->host, c->port,
	    sockerr(eb, sizeof eb));
	fail_open(c, msg, 1006);
}

static int
parse_url(struct wsconn *c, const char *url, char **cause)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL, *path = NULL, *query = NULL;
	int rc = -1;

	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
		*cause = xasprintf("malformed ws or wss URL");
		goto out;
	}
	if (strcmp(scheme, "ws") == 0)
		c->tls = 0;
	else if (strcmp(scheme, "wss") == 0)
		c->tls = 1;
	else {
		*cause = xasprintf("malformed ws or wss URL");
		goto out;
	}
	curl_url_get(u, CURLUPART_PORT, &port, 0);
	curl_url_get(u, CURLUPART_PATH, &path, 0);
	curl_url_get(u, CURLUPART_QUERY, &query, 0);
	/* [::1] comes back with its brackets, which the resolver refuses */
	if (host[0] == '[') {
		c->host = xstrndup(host + 1, strlen(host) - 2);
	} else
		c->host = xstrdup(host);
	c->port = xstrdup(port != NULL ? port : c->tls ? "443" : "80");
	c->target = xasprintf("%s%s%s", path != NULL && *path ? path : "/",
	    query != NULL ? "?" : "", query != NULL ? query : "");
	rc = 0;
out:
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_free(path);
	curl_free(query);
	curl_url_cleanup(u);
	return rc;
}

/* Where options.hosts sends host:port: an owned address and its port,
 * or NULL.  A line is "host:port:addr:port", a port empty for any (on
 * the left) or the same (on the right); an IPv6 address in brackets. */
static char *
connect_to(const struct curl_slist *l, const char *host, const char *port,
    char **aport)
{
	const char *s, *p1, *p2, *p3, *e;
	size_t hn = strlen(host);

	for (; l != NULL; l = l->next) {
		s = l->data;
		if (strncasecmp(s, host, hn) != 0 || s[hn] != ':')
			continue;
		p1 = s + hn + 1;
		p2 = strchr(p1, ':');
		if (p2 == NULL || (p2 > p1 && ((size_t)(p2 - p1) != strlen(port) ||
		    strncmp(p1, port, (size_t)(p2 - p1)) != 0)))
			continue;
		p2++;
		if (*p2 == '[') {
			e = strchr(p2, ']');
			if (e == NULL)
				continue;
			p3 = e + 1;
			*aport = xstrdup(*p3 == ':' && p3[1] != '\0' ? p3 + 1 : port);
			return xstrndup(p2 + 1, (size_t)(e - p2 - 1));
		}
		p3 = strrchr(p2, ':');
		if (p3 == NULL)
			p3 = p2 + strlen(p2);
		*aport = xstrdup(*p3 == ':' && p3[1] != '\0' ? p3 + 1 : port);
		return xstrndup(p2, (size_t)(p3 - p2));
	}
	return NULL;
}

/* Through an HTTP proxy, as gorilla/websocket goes for k6: a CONNECT to
 * the socket's host:port once the proxy's socket is up, then TLS (for
 * wss://) and the upgrade in the tunnel.  A refusal fails with the
 * status line's reason, as gorilla's does. */

static void	tunnel_up(struct wsconn *);
static void	socks_greet(struct wsconn *);

static void
proxy_connect(struct wsconn *c)
{
	if (c->socks) {
		socks_greet(c);
		return;
	}
	evbuffer_add_printf(bufferevent_get_output(c->sock),
	    "CONNECT %s:%s HTTP/1.1\r\nHost: %s:%s\r\n"
	    "User-Agent: Go-http-client/1.1\r\n%s%s%s\r\n",
	    c->host, c->port, c->host, c->port,
	    c->proxy_auth != NULL ? "Proxy-Authorization: Basic " : "",
	    c->proxy_auth != NULL ? c->proxy_auth : "",
	    c->proxy_auth != NULL ? "\r\n" : "");
	c->proxy_phase = 2;
}

static void
proxy_reply(struct wsconn *c)
{
	struct evbuffer *in = bufferevent_get_input(c->sock);
	struct evbuffer_ptr end = evbuffer_search(in, "\r\n\r\n", 4, NULL);
	char *head, *sp, *eol;
	int status = 0;

	if (end.pos < 0) {
		if (evbuffer_get_length(in) > HEAD_CAP)
			fail_handshake(c, "malformed HTTP response");
		return;
	}
	head = xmalloc((size_t)end.pos + 1);
	evbuffer_remove(in, head, (size_t)end.pos);
	head[end.pos] = '\0';
	evbuffer_drain(in, 4);
	if ((eol = strstr(head, "\r\n")) != NULL)
		*eol = '\0';
	sp = strchr(head, ' ');
	if (strncmp(head, "HTTP/1.", 7) != 0 || sp == NULL ||
	    (status = atoi(sp + 1)) < 100) {
		free(head);
		fail_handshake(c, "malformed HTTP response");
		return;
	}
	if (status != 200) {
		sp = strchr(sp + 1, ' ');
		fail_handshake(c, sp != NULL ? sp + 1 : "");
		free(head);
		return;
	}
	free(head);
	tunnel_up(c);
}

/* The proxy's tunnel is up: TLS in it for wss://, then the upgrade. */
static void
tunnel_up(struct wsconn *c)
{
	struct timeval tv;

	c->proxy_phase = 0;
	if (c->ssl_later == NULL) {
		remember_ip(c);
		send_request(c);
		return;
	}
	c->bev = bufferevent_openssl_filter_new(c->base, c->sock, c->ssl_later,
	    BUFFEREVENT_SSL_CONNECTING, BEV_OPT_CLOSE_ON_FREE);
	c->ssl_later = NULL;
	bufferevent_setcb(c->bev, readcb, writecb, eventcb, c);
	tv.tv_sec = (long)(c->timeout_ms / 1000);
	tv.tv_usec = (long)((c->timeout_ms - tv.tv_sec * 1000.0) * 1000);
	bufferevent_set_timeouts(c->bev, &tv, &tv);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);
}

/* Through a SOCKS5 proxy, as gorilla's (x/net/proxy's) client does it:
 * no authentication, or a user and password when the URL has a user;
 * the socket's host goes as a name (or an address), so the proxy looks
 * it up.  Errors are gorilla's. */

/* The URL's host without an IPv6 address's brackets, owned. */
static char *
bare_host(const struct wsconn *c)
{
	size_t n = strlen(c->host);

	if (n >= 2 && c->host[0] == '[' && c->host[n - 1] == ']')
		return xstrndup(c->host + 1, n - 2);
	return xstrdup(c->host);
}

static void
socks_fail(struct wsconn *c, const char *what)
{
	char msg[512];

	snprintf(msg, sizeof msg, "proxy: SOCKS5 proxy at %s %s", c->socks_at, what);
	fail_handshake(c, msg);
}

static void
socks_greet(struct wsconn *c)
{
	struct evbuffer *out = bufferevent_get_output(c->sock);

	if (c->socks_user != NULL && *c->socks_user != '\0' &&
	    strlen(c->socks_user) < 256 && strlen(c->socks_pass) < 256)
		evbuffer_add(out, "\x05\x02\x00\x02", 4);
	else
		evbuffer_add(out, "\x05\x01\x00", 3);
	c->proxy_phase = 2;
}

static void
socks_request(struct wsconn *c)
{
	struct evbuffer *out = bufferevent_get_output(c->sock);
	unsigned char ip[16], b[4] = { 5, 1, 0, 0 };
	char *host = bare_host(c);
	size_t n = strlen(host);
	int port = atoi(c->port);

	if (inet_pton(AF_INET, host, ip) == 1) {
		b[3] = 1;
		evbuffer_add(out, b, 4);
		evbuffer_add(out, ip, 4);
	} else if (inet_pton(AF_INET6, host, ip) == 1) {
		b[3] = 4;
		evbuffer_add(out, b, 4);
		evbuffer_add(out, ip, 16);
	} else if (n > 255) {
		free(host);
		fail_handshake(c, "proxy: destination host name too long");
		return;
	} else {
		b[3] = 3;
		evbuffer_add(out, b, 4);
		b[0] = (unsigned char)n;
		evbuffer_add(out, b, 1);
		evbuffer_add(out, host, n);
	}
	b[0] = (unsigned char)(port >> 8);
	b[1] = (unsigned char)port;
	evbuffer_add(out, b, 2);
	free(host);
	c->proxy_phase = 4;
}

static void
socks_read(struct wsconn *c)
{
	static const char *const errs[] = { "", "general failure",
	    "connection forbidden", "network unreachable", "host unreachable",
	    "connection refused", "TTL expired", "command not supported",
	    "address type not supported" };
	struct evbuffer *in = bufferevent_get_input(c->sock);
	struct evbuffer *out = bufferevent_get_output(c->sock);
	unsigned char b[5];
	char what[96];
	size_t need;

	if (c->proxy_phase == 2) {
		if (evbuffer_get_length(in) < 2)
			return;
		evbuffer_remove(in, b, 2);
		if (b[0] != 5) {
			snprintf(what, sizeof what, "has unexpected version %d", b[0]);
			socks_fail(c, what);
		} else if (b[1] == 0xff)
			socks_fail(c, "requires authentication");
		else if (b[1] == 2) {
			b[0] = 1;
			evbuffer_add(out, b, 1);
			b[0] = (unsigned char)strlen(c->socks_user);
			evbuffer_add(out, b, 1);
			evbuffer_add(out, c->socks_user, b[0]);
			b[0] = (unsigned char)strlen(c->socks_pass);
			evbuffer_add(out, b, 1);
			evbuffer_add(out, c->socks_pass, b[0]);
			c->proxy_phase = 3;
		} else
			socks_request(c);
		return;
	}
	if (c->proxy_phase == 3) {
		if (evbuffer_get_length(in) < 2)
			return;
		evbuffer_remove(in, b, 2);
		if (b[1] != 0)
			socks_fail(c, "rejected username/password");
		else
			socks_request(c);
		return;
	}
	/* the connect reply: 4 bytes, the bound address, its port */
	if (evbuffer_copyout(in, b, 5) < 5)
		return;
	if (b[1] != 0) {
		snprintf(what, sizeof what, "failed to connect: %s",
		    b[1] < sizeof errs / sizeof errs[0] ? errs[b[1]] : "unknown error");
		socks_fail(c, what);
		return;
	}
	if (b[3] == 1)
		need = 4 + 4 + 2;
	else if (b[3] == 4)
		need = 4 + 16 + 2;
	else if (b[3] == 3)
		need = 4 + 1 + b[4] + 2;
	else {
		snprintf(what, sizeof what, "proxy: got unknown address type %d from "
		    "SOCKS5 proxy at %s", b[3], c->socks_at);
		fail_handshake(c, what);
		return;
	}
	if (evbuffer_get_length(in) < need)
		return;
	evbuffer_drain(in, need);
	tunnel_up(c);
}

/* The proxy the environment gives the socket: its host and port become
 * what is dialled.  0, or -1 once the handshake failed. */
static int
proxy_setup(struct wsconn *c, const struct wsproxy_env *env)
{
	CURLU *u;
	char *url, *cause, *host, *scheme = NULL, *h = NULL, *port = NULL;
	char *user = NULL, *pass = NULL, *cred, msg[256];
	size_t n;

	host = bare_host(c);
	url = wsproxy_for(env, c->tls, host, c->port, &cause);
	free(host);
	if (url == NULL) {
		if (cause != NULL) {
			fail_handshake(c, cause);
			free(cause);
			return -1;
		}
		return 0;
	}
	u = curl_url();
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &h, 0) != CURLUE_OK) {
		snprintf(msg, sizeof msg, "invalid proxy address %s", url);
		fail_handshake(c, msg);
	} else if (strcmp(scheme, "http") != 0 && strcmp(scheme, "socks5") != 0) {
		/* gorilla knows http and socks5 only */
		snprintf(msg, sizeof msg, "proxy: unknown scheme: %s", scheme);
		fail_handshake(c, msg);
	} else {
		curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
		curl_url_get(u, CURLUPART_USER, &user, CURLU_URLDECODE);
		curl_url_get(u, CURLUPART_PASSWORD, &pass, CURLU_URLDECODE);
		free(c->dial_host);
		free(c->dial_port);
		n = strlen(h);
		c->dial_host = h[0] == '[' ? xstrndup(h + 1, n - 2) : xstrdup(h);
		c->dial_port = xstrdup(port != NULL ? port : "80");
		if ((c->socks = strcmp(scheme, "socks5") == 0)) {
			c->socks_at = xasprintf("%s:%s", h, c->dial_port);
			c->socks_user = xstrdup(user != NULL ? user : "");
			c->socks_pass = xstrdup(pass != NULL ? pass : "");
		} else if (user != NULL && pass != NULL) {
			cred = xasprintf("%s:%s", user, pass);
			n = strlen(cred);
			c->proxy_auth = xmalloc(4 * ((n + 2) / 3) + 1);
			EVP_EncodeBlock((unsigned char *)c->proxy_auth,
			    (const unsigned char *)cred, (int)n);
			free(cred);
		}
		c->proxy_phase = 1;
	}
	curl_free(scheme);
	curl_free(h);
	curl_free(port);
	curl_free(user);
	curl_free(pass);
	curl_url_cleanup(u);
	free(url);
	return c->proxy_phase == 1 ? 0 : -1;
}

/* Dialling, as k6's dialer (lib/netext) does it with its default DNS
 * options: of the name's addresses, the IPv4 ones if any (policy
 * preferIPv4), one at random (select random); only that one is dialled,
 * as an address, so that an error names it ("dial tcp 127.0.0.1:80:
 * connect: connection refused"). */

static const struct evutil_addrinfo *
pick(const struct evutil_addrinfo *ai)
{
	const struct evutil_addrinfo *a;
	int family = AF_INET6, n = 0, k;
	uint32_t r = 0;

	for (a = ai; a != NULL; a = a->ai_next)
		if (a->ai_family == AF_INET)
			family = AF_INET;
	for (a = ai; a != NULL; a = a->ai_next)
		if (a->ai_family == family)
			n++;
	if (n == 0)
		return NULL;
	(void)RAND_bytes((unsigned char *)&r, sizeof r);
	k = (int)(r % (uint32_t)n);
	for (a = ai; a != NULL; a = a->ai_next)
		if (a->ai_family == family && k-- == 0)
			break;
	return a;
}

static void
dial(struct wsconn *c, const struct sockaddr *sa, int len)
{
	char ip[INET6_ADDRSTRLEN] = "", eb[128], msg[256], *blocked;

	if ((blocked = netblock_addr_error(sa)) != NULL) {
		fail_handshake(c, blocked);	/* k6's dialer's words, unwrapped */
		free(blocked);
		return;
	}
	if (sa->sa_family == AF_INET6) {
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, ip,
		    sizeof ip);
		snprintf(c->dial_addr, sizeof c->dial_addr, "[%s]:%d", ip,
		    ntohs(((const struct sockaddr_in6 *)sa)->sin6_port));
	} else {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, ip,
		    sizeof ip);
		snprintf(c->dial_addr, sizeof c->dial_addr, "%s:%d", ip,
		    ntohs(((const struct sockaddr_in *)sa)->sin_port));
	}
	/* options.localIPs: from the VU's address, as k6's dialer */
	if (c->local_ip != NULL) {
		evutil_socket_t fd = ippool_socket(sa->sa_family, c->local_ip);

		if (fd == -1) {
			snprintf(msg, sizeof msg, "dial tcp %s: bind: %s", c->dial_addr,
			    sockerr(eb, sizeof eb));
			fail_handshake(c, msg);
			return;
		}
		bufferevent_setfd(c->sock, fd);
	}
	if (bufferevent_socket_connect(c->sock, sa, len) == 0)
		return;
	snprintf(msg, sizeof msg, "dial tcp %s: connect: %s", c->dial_addr,
	    sockerr(eb, sizeof eb));
	fail_handshake(c, msg);
}

static void
resolved(int rc, struct evutil_addrinfo *ai, void *arg)
{
	struct wsconn *c = arg;
	const struct evutil_addrinfo *a;
	char msg[256];

	if (rc == EVUTIL_EAI_CANCEL)
		return;		/* c is being freed or has failed */
	c->lookup = NULL;
	a = rc == 0 ? pick(ai) : NULL;
	if (a == NULL) {
		/* k6/http's words (k6's when no address is left) */
		if (rc == 0 || rc == EVUTIL_EAI_NONAME)
			snprintf(msg, sizeof msg, "lookup %s: no such host", c->dial_host);
		else
			snprintf(msg, sizeof msg, "lookup %s: %s", c->dial_host,
			    evutil_gai_strerror(rc));
		fail_handshake(c, msg);
	} else
		dial(c, a->ai_addr, (int)a->ai_addrlen);
	if (ai != NULL)
		evutil_freeaddrinfo(ai);
}

/* options.dns's answer: dial the address chosen, on the port. */
static void
answered(const struct resolver_answer *a, void *arg)
{
	struct wsconn *c = arg;
	struct sockaddr_storage ss = a->addr;
	uint16_t port = htons((uint16_t)atoi(c->dial_port));
	char msg[256];

	c->query = NULL;
	if (a->error != 0) {
		if (a->error == EVUTIL_EAI_NONAME || a->error == EVUTIL_EAI_NODATA)
			snprintf(msg, sizeof msg, "lookup %s: no such host", c->dial_host);
		else
			snprintf(msg, sizeof msg, "lookup %s: %s", c->dial_host,
			    evutil_gai_strerror(a->error));
		fail_handshake(c, msg);
		return;
	}
	if (ss.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&ss)->sin6_port = port;
	else
		((struct sockaddr_in *)&ss)->sin_port = port;
	dial(c, (struct sockaddr *)&ss, (int)a->addrlen);
}

/* Look the name up (on the loop with dns, else blocking) and dial;
 * with options.dns, its resolver picks the address (an address is
 * dialled as it is, as k6's dialer does). */
static void
resolve(struct wsconn *c, struct evdns_base *dns, struct resolver *resolver)
{
	struct evutil_addrinfo hints, *ai = NULL;
	struct resolver_answer a;
	int rc;

	if (resolver != NULL && !resolver_literal(c->dial_host)) {
		if (resolver_lookup(resolver, c->dial_host, &a, answered, c,
		    &c->query) == 0)
			answered(&a, c);
		return;
	}
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_protocol = IPPROTO_TCP;
	if (dns == NULL) {
		rc = evutil_getaddrinfo(c->dial_host, c->dial_port, &hints, &ai);
		resolved(rc, ai, c);
		return;
	}
	/* NULL if the callback already ran (an address, a name in the
	 * hosts file) */
	c->lookup = evdns_getaddrinfo(dns, c->dial_host, c->dial_port, &hints,
	    resolved, c);
}

struct wsconn *
wsconn_new(struct event_base *base, const struct wsconn_params *p,
    wsconn_notify_fn notify, void *arg, char **cause)
{
	struct wsconn *c = xcalloc(1, sizeof *c);
	struct timeval tv;
	char *addr, *aport = NULL;
	SSL *ssl;

	c->base = base;
	c->notify = notify;
	c->arg = arg;
	c->tail = &c->head;
	c->max_msg = p->max_msg > 0 ? p->max_msg : (uint64_t)64 << 20;
	c->want_deflate = p->deflate;
	if (parse_url(c, p->url, cause) == -1) {
		wsconn_free(c);
		return NULL;
	}
	if (c->tls && p->ssl == NULL) {
		*cause = xstrdup("wss: no TLS context");
		wsconn_free(c);
		return NULL;
	}
	c->headers = p->headers != NULL ? xstrdup(p->headers) : NULL;
	c->timeout_ms = p->timeout_ms;
	c->state = ST_CONNECTING;
	c->dial_host = xstrdup(c->host);
	c->dial_port = xstrdup(c->port);
	c->local_ip = p->local_ip != NULL ? xstrdup(p->local_ip) : NULL;
	/* a failure queues its event (fail_handshake): keep c for the reader */
	if (p->proxy != NULL && proxy_setup(c, p->proxy) == -1)
		return c;
	c->sock = bufferevent_socket_new(base, -1, BEV_OPT_CLOSE_ON_FREE);
	evbuffer_add_cb(bufferevent_get_input(c->sock), count_cb, &c->received);
	evbuffer_add_cb(bufferevent_get_output(c->sock), count_out_cb, &c->sent);
	if (c->tls) {
		ssl = SSL_new(p->ssl);
		SSL_set_tlsext_host_name(ssl, c->host);
		if (!p->insecure) {
			SSL_set_verify(ssl, SSL_VERIFY_PEER, NULL);
			if (SSL_set1_host(ssl, c->host) != 1) {
				SSL_free(ssl);
				*cause = xstrdup("wss: cannot set the host to verify");
				wsconn_free(c);
				return NULL;
			}
			/* an IP address is checked as one */
			{
				unsigned char ipbuf[16];

				if (inet_pton(AF_INET, c->host, ipbuf) == 1 ||
				    inet_pton(AF_INET6, c->host, ipbuf) == 1) {
					X509_VERIFY_PARAM *vp = SSL_get0_param(ssl);

					X509_VERIFY_PARAM_set1_host(vp, NULL, 0);
					X509_VERIFY_PARAM_set1_ip_asc(vp, c->host);
				}
			}
		}
		SSL_set_alpn_protos(ssl, (const unsigned char *)"\x08http/1.1", 9);
		if (c->proxy_phase != 0) {	/* TLS once the tunnel is up */
			c->ssl_later = ssl;
			c->bev = c->sock;
		} else
			c->bev = bufferevent_openssl_filter_new(base, c->sock, ssl,
			    BUFFEREVENT_SSL_CONNECTING, BEV_OPT_CLOSE_ON_FREE);
		/* the socket's CONNECTED is the TLS filter's business */
	} else
		c->bev = c->sock;
	bufferevent_setcb(c->bev, readcb, writecb, eventcb, c);
	tv.tv_sec = (long)(p->timeout_ms / 1000);
	tv.tv_usec = (long)((p->timeout_ms - tv.tv_sec * 1000.0) * 1000);
	bufferevent_set_timeouts(c->bev, &tv, &tv);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);
	/* a blocked name fails before options.hosts and the lookup, as
	 * in k6's dialer (the proxy's name, with a proxy) */
	if ((addr = netblock_host_error(c->dial_host)) != NULL) {
		fail_handshake(c, addr);
		free(addr);
		return c;
	}
	/* options.hosts (for the proxy's name with one): the name stays in
	 * Host and SNI, as in k6 */
	if ((addr = connect_to(p->connect_to, c->dial_host, c->dial_port, &aport)) != NULL) {
		free(c->dial_host);
		free(c->dial_port);
		c->dial_host = addr;
		c->dial_port = aport;
	}
	resolve(c, p->dns, p->resolver);
	return c;
}

void
wsconn_free(struct wsconn *c)
{
	struct wsconn_event *e;

	if (c == NULL)
		return;
	if (c->lookup != NULL)
		evdns_getaddrinfo_cancel(c->lookup);
	resolver_cancel(c->query);
	free(c->dial_host);
	free(c->dial_port);
	free(c->local_ip);
	free(c->proxy_auth);
	free(c->socks_user);
	free(c->socks_pass);
	free(c->socks_at);
	if (c->ssl_later != NULL)
		SSL_free(c->ssl_later);
	release(c);
	if (c->ws != NULL)
		wslay_event_context_free(c->ws);
	while ((e = c->head) != NULL) {
		c->head = e->next;
		wsconn_event_free(e);
	}
	free(c->host);
	free(c->port);
	free(c->target);
	free(c->headers);
	free(c->close_reason);
	free(c->reply.headers);
	free(c->reply.body);
	free(c->reply.protocol);
	free(c->reply.remote_ip);
	free(c);
}

struct wsconn_event *
wsconn_next(struct wsconn *c)
{
	struct wsconn_event *e = c->head;

	if (e != NULL) {
		c->head = e->next;
		if (c->head == NULL)
			c->tail = &c->head;
		e->next = NULL;
	}
	return e;
}

void
wsconn_event_free(struct wsconn_event *e)
{
	if (e == NULL)
		return;
	free(e->data);
	free(e);
}

const struct wsconn_reply *
wsconn_reply(const struct wsconn *c)
{
	return &c->reply;
}

int
wsconn_send(struct wsconn *c, int opcode, const void *data, size_t len,
    const char **err)
{
	struct wslay_event_msg m;

	if (c->state != ST_OPEN || c->we_closed) {
		*err = "websocket: close sent";
		return -1;
	}
	m.opcode = (uint8_t)opcode;
	m.msg = data;
	m.msg_length = len;
	if (c->deflate && (opcode == 1 || opcode == 2)) {
		uint8_t *z;
		size_t zlen;
		int r;

		if (deflate_msg(data, len, &z, &zlen) == -1) {
			*err = "websocket: cannot compress the message";
			return -1;
		}
		m.msg = z;
		m.msg_length = zlen;
		r = wslay_event_queue_msg_ex(c->ws, &m, WSLAY_RSV1_BIT);
		free(z);
		if (r != 0) {
			*err = "websocket: close sent";
			return -1;
		}
	} else if (wslay_event_queue_msg(c->ws, &m) != 0) {
		*err = "websocket: close sent";
		return -1;
	}
	if (wslay_event_send(c->ws) != 0 && c->bev == NULL) {
		*err = "websocket: close sent";
		return -1;
	}
	return 0;
}

void
wsconn_close(struct wsconn *c, int code, const char *reason, int wait)
{
	size_t rlen = reason != NULL ? strlen(reason) : 0;

	if (c->state == ST_CLOSED)
		return;
	if (c->state != ST_OPEN || c->we_closed) {
		if (c->state != ST_CLOSING) {
			c->state = ST_CLOSED;
			release(c);
		}
		return;
	}
	if (rlen > 123)
		rlen = 123;
	c->we_closed = 1;
	c->wait_close = wait;
	c->close_code = code;
	wslay_event_queue_close(c->ws, (uint16_t)code, (const uint8_t *)reason, rlen);
	wslay_event_send(c->ws);
	c->state = ST_CLOSING;
	if (c->bev != NULL && !wait &&
	    evbuffer_get_length(bufferevent_get_output(c->bev)) == 0)
		finish(c, code);
}

void
wsconn_goodbye(struct wsconn *c, int code)
{
	struct evbuffer_iovec v[8];
	struct msghdr mh;
	int n;

	if (c->state != ST_OPEN || c->we_closed || c->bev == NULL)
		return;
	c->we_closed = 1;
	wslay_event_queue_close(c->ws, (uint16_t)code, NULL, 0);
	wslay_event_send(c->ws);
	/* through the TLS filter, then what the socket takes at once,
	 * written past the bufferevent, which is freed next: peek, do not
	 * drain */
	if (c->bev != c->sock)
		bufferevent_flush(c->bev, EV_WRITE, BEV_FLUSH);
	n = evbuffer_peek(bufferevent_get_output(c->sock), -1, NULL, v, 8);
	if (n <= 0 || n > 8)
		return;
	memset(&mh, 0, sizeof mh);
	mh.msg_iov = (struct iovec *)v;
	mh.msg_iovlen = (size_t)n;
	(void)sendmsg(bufferevent_getfd(c->sock), &mh, MSG_NOSIGNAL | MSG_DONTWAIT);
}

int
wsconn_closed(const struct wsconn *c)
{
	return c->state == ST_CLOSED;
}

void
wsconn_traffic(struct wsconn *c, uint64_t *sent, uint64_t *received)
{
	*sent = c->sent;
	*received = c->received;
	c->sent = c->received = 0;
}

size_t
wsconn_buffered(const struct wsconn *c)
{
	if (c->bev == NULL)
		return 0;
	return evbuffer_get_length(bufferevent_get_output(c->bev));
}
