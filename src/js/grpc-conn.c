/* One gRPC connection: HTTP/2 through libnghttp2 over a bufferevent on
 * the worker's event base, plaintext (h2c with prior knowledge) or TLS
 * with ALPN h2, and its calls: gRPC's 5-byte message framing, metadata,
 * grpc-timeout and the deadline, status from trailers.
 *
 * Everything here runs in libevent callbacks but grpc_conn_new, which
 * blocks the VU until the connection is up.  A call reports through its
 * notify function, which wakes whoever waits on it; bytes on the socket
 * count as the VU's data_sent and data_received. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/event.h>
#include <event2/util.h>
#include <netdb.h>
#include <nghttp2/nghttp2.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "engine/module.h"
#include "js/grpc.h"
#include "net/ippool.h"
#include "net/netblock.h"
#include "net/resolver.h"
#include "util/buf.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

enum { C_CONNECTING, C_OPEN, C_DEAD };

struct grpc_conn {
	struct vu		*vu;
	struct bufferevent	*bev;
	SSL_CTX			*ctx;
	nghttp2_session		*h2;
	int			 state;
	int			 tls;
	char			*cause;
	char			*addr;
	char			*authority;
	char			 ip[64];
	struct grpc_call	*calls;
	struct event		*timer;		/* the connect timeout */
	int			 waiting;	/* the VU blocks in grpc_conn_wait */
};

struct grpc_call {
	struct grpc_call	*next;
	struct grpc_conn	*conn;
	int32_t			 id;
	struct buf		 out;
	size_t			 out_off;
	int			 out_closed;
	int			 deferred;
	struct buf		 in;
	size_t			 in_off;
	struct buf		 headers, trailers;
	int			 nheaders_blocks;
	int			 http_status;
	int			 status;
	char			*message;
	int			 have_status;
	int			 done;
	size_t			 max_recv;
	struct event		*deadline;
	int64_t			 began, ended;
	int64_t			 deadline_at;	/* engine_now() of the deadline, or 0 */
	void			(*notify)(void *);
	void			*arg;
};

static void	conn_flush(struct grpc_conn *);

/* Wake the VU only when it waits here: a VU woken elsewhere would run
 * ahead of its schedule. */
static void
conn_wake(struct grpc_conn *cn)
{
	if (cn->waiting)
		vu_wake(cn->vu);
}

static void
call_notify(struct grpc_call *c)
{
	if (c->notify != NULL)
		c->notify(c->arg);
	if (c->conn != NULL)
		conn_wake(c->conn);
}

int
grpc_conn_wait(struct grpc_conn *cn)
{
	int rc;

	cn->waiting = 1;
	rc = vu_block(cn->vu);
	cn->waiting = 0;
	return rc;
}

/* End the call with status and message, unless it has ended. */
static void
call_end(struct grpc_call *c, int status, const char *msg)
{
	if (c->done)
		return;
	if (!c->have_status) {
		c->status = status;
		free(c->message);
		c->message = xstrdup(msg);
		c->have_status = 1;
	}
	c->done = 1;
	c->ended = engine_now();
	if (c->deadline != NULL)
		evtimer_del(c->deadline);
	call_notify(c);
}

static void
conn_fail(struct grpc_conn *cn, const char *why)
{
	struct grpc_call *c;
	char *msg;

	if (cn->state == C_DEAD)
		return;
	cn->state = C_DEAD;
	if (cn->cause == NULL)
		cn->cause = xstrdup(why);
	msg = xasprintf("connection error: desc = \"%s\"", why);
	for (c = cn->calls; c != NULL; c = c->next)
		call_end(c, GRPC_UNAVAILABLE, msg);
	free(msg);
	conn_wake(cn);
}

static struct grpc_call *
call_of(struct grpc_conn *cn, int32_t id)
{
	return nghttp2_session_get_stream_user_data(cn->h2, id);
}

/* libnghttp2's callbacks. */

static ssize_t
h2_send(nghttp2_session *s, const uint8_t *data, size_t len, int flags, void *arg)
{
	struct grpc_conn *cn = arg;

	if (bufferevent_write(cn->bev, data, len) < 0)
		return NGHTTP2_ERR_CALLBACK_FAILURE;
	vu_add_traffic(cn->vu, len, 0);
	return (ssize_t)len;
}

static void
add_md(struct buf *b, const uint8_t *name, size_t nlen, const uint8_t *value,
    size_t vlen)
{
	buf_add(b, name, nlen);
	buf_putc(b, '\0');
	buf_add(b, value, vlen);
	buf_putc(b, '\0');
}

/* Headers that are gRPC's own and not the application's metadata, as
 * grpc-go leaves them out. */
static int
reserved(const uint8_t *name, size_t len)
{
	static const char *const r[] = { "grpc-status", "grpc-message",
	    "grpc-status-details-bin", "grpc-encoding", "grpc-accept-encoding",
	    "grpc-message-type", "te", NULL };
	size_t i;

	if (len > 0 && name[0] == ':')
		return 1;
	for (i = 0; r[i] != NULL; i++)
		if (strlen(r[i]) == len && memcmp(r[i], name, len) == 0)
			return 1;
	return 0;
}

/* grpc-message is percent-encoded. */
static char *
unpercent(const uint8_t *v, size_t len)
{
	char *s = xmalloc(len + 1), *o = s;
	size_t i;
	unsigned x;

	for (i = 0; i < len; i++) {
		if (v[i] == '%' && i + 2 < len && sscanf((const char *)v + i + 1, "%2x",
		    &x) == 1) {
			*o++ = (char)x;
			i += 2;
		} else
			*o++ = (char)v[i];
	}
	*o = '\0';
	return s;
}

static int
h2_header(nghttp2_session *s, const nghttp2_frame *frame, const uint8_t *name,
    size_t nlen, const uint8_t *value, size_t vlen, uint8_t flags, void *arg)
{
	struct grpc_conn *cn = arg;
	struct grpc_call *c;

	if (frame->hd.type != NGHTTP2_HEADERS ||
	    (c = call_of(cn, frame->hd.stream_id)) == NULL)
		return 0;
	if (nlen == 7 && memcmp(name, ":status", 7) == 0)
		c->http_status = atoi((const char *)value);
	else if (nlen == 11 && memcmp(name, "grpc-status", 11) == 0) {
		c->status = atoi((const char *)value);
		c->have_status = 1;
		if (c->message == NULL)
			c->message = xstrdup("");
	} else if (nlen == 12 && memcmp(name, "grpc-message", 12) == 0) {
		free(c->message);
		c->message = unpercent(value, vlen);
	}
	if (!reserved(name, nlen))
		add_md(c->nheaders_blocks == 0 ? &c->headers : &c->trailers, name, nlen,
		    value, vlen);
	return 0;
}

static int
h2_frame(nghttp2_session *s, const nghttp2_frame *frame, void *arg)
{
	struct grpc_conn *cn = arg;
	struct grpc_call *c;

	if (frame->hd.type != NGHTTP2_HEADERS ||
	    (c = call_of(cn, frame->hd.stream_id)) == NULL)
		return 0;
	/* Trailers-only: the first block ends the stream and is the
	 * trailers, as grpc-go sees it. */
	if (c->nheaders_blocks == 0 && (frame->hd.flags & NGHTTP2_FLAG_END_STREAM)) {
		buf_add(&c->trailers, c->headers.data, c->headers.len);
		buf_reset(&c->headers);
	}
	c->nheaders_blocks++;
	return 0;
}

static int
h2_data(nghttp2_session *s, uint8_t flags, int32_t id, const uint8_t *data,
    size_t len, void *arg)
{
	struct grpc_conn *cn = arg;
	struct grpc_call *c = call_of(cn, id);
	const unsigned char *p;
	uint32_t mlen;
	char *msg;

	if (c == NULL || c->done)
		return 0;
	if (buf_add(&c->in, data, len) < 0) {
		nghttp2_submit_rst_stream(s, NGHTTP2_FLAG_NONE, id, NGHTTP2_CANCEL);
		call_end(c, GRPC_RESOURCE_EXHAUSTED, "grpc: received message larger than the buffer");
		return 0;
	}
	/* Refuse a message over the limit as soon as its length shows. */
	if (c->in.len - c->in_off >= 5) {
		p = (const unsigned char *)c->in.data + c->in_off;
		mlen = (uint32_t)p[1] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 8 | p[4];
		if (mlen > c->max_recv) {
			msg = xasprintf("grpc: received message larger than max (%u vs. %zu)",
			    mlen, c->max_recv);
			nghttp2_submit_rst_stream(s, NGHTTP2_FLAG_NONE, id, NGHTTP2_CANCEL);
			call_end(c, GRPC_RESOURCE_EXHAUSTED, msg);
			free(msg);
			return 0;
		}
		if (c->in.len - c->in_off >= 5 + (size_t)mlen)
			call_notify(c);
	}
	return 0;
}

static int
h2_close(nghttp2_session *s, int32_t id, uint32_t err, void *arg)
{
	struct grpc_conn *cn = arg;
	struct grpc_call *c = call_of(cn, id);
	char *msg;

	if (c == NULL)
		return 0;
	nghttp2_session_set_stream_user_data(s, id, NULL);
	c->id = -1;
	if (c->have_status)
		call_end(c, c->status, c->message);
	else if (err == NGHTTP2_CANCEL && c->deadline_at != 0 &&
	    engine_now() >= c->deadline_at - 2000000) {
		/* The server cancels at the deadline it was sent; as grpc-go,
		 * that is the deadline exceeded (within a timer's slack). */
		call_end(c, GRPC_DEADLINE_EXCEEDED, "context deadline exceeded");
	} else if (err != NGHTTP2_NO_ERROR) {
		msg = xasprintf("stream terminated by RST_STREAM with error code: %s",
		    nghttp2_http2_strerror(err));
		call_end(c, err == NGHTTP2_REFUSED_STREAM ? GRPC_UNAVAILABLE :
		    err == NGHTTP2_CANCEL ? GRPC_CANCELLED : GRPC_INTERNAL, msg);
		free(msg);
	} else if (c->http_status != 200) {
		/* grpc-go's mapping of HTTP statuses without grpc-status. */
		int st = c->http_status == 400 ? GRPC_INTERNAL :
		    c->http_status == 401 ? 16 : c->http_status == 403 ? 7 :
		    c->http_status == 404 ? GRPC_UNIMPLEMENTED :
		    c->http_status == 429 || c->http_status == 502 ||
		    c->http_status == 503 || c->http_status == 504 ?
		    GRPC_UNAVAILABLE : GRPC_UNKNOWN;

		msg = xasprintf("unexpected HTTP status code received from server: %d",
		    c->http_status);
		call_end(c, st, msg);
		free(msg);
	} else
		call_end(c, GRPC_INTERNAL, "server closed the stream without sending trailers");
	return 0;
}

static ssize_t
h2_read_body(nghttp2_session *s, int32_t id, uint8_t *out, size_t len,
    uint32_t *flags, nghttp2_data_source *src, void *arg)
{
	struct grpc_call *c = src->ptr;
	size_t n = c->out.len - c->out_off;

	if (n == 0) {
		if (c->out_closed) {
			*flags |= NGHTTP2_DATA_FLAG_EOF;
			return 0;
		}
		c->deferred = 1;
		return NGHTTP2_ERR_DEFERRED;
	}
	if (n > len)
		n = len;
	memcpy(out, c->out.data + c->out_off, n);
	c->out_off += n;
	if (c->out_off == c->out.len) {
		buf_reset(&c->out);
		c->out_off = 0;
		if (c->out_closed)
			*flags |= NGHTTP2_DATA_FLAG_EOF;
	}
	return (ssize_t)n;
}

/* The socket's callbacks. */

static void
conn_read(struct bufferevent *bev, void *arg)
{
	struct grpc_conn *cn = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	size_t len = evbuffer_get_length(in);
	unsigned char *data = evbuffer_pullup(in, -1);
	ssize_t n;

	vu_add_traffic(cn->vu, 0, len);
	n = nghttp2_session_mem_recv(cn->h2, data, len);
	evbuffer_drain(in, len);
	if (n < 0) {
		conn_fail(cn, nghttp2_strerror((int)n));
		return;
	}
	conn_flush(cn);
}

static void
conn_event(struct bufferevent *bev, short what, void *arg)
{
	struct grpc_conn *cn = arg;
	const unsigned char *alpn = NULL;
	unsigned alen = 0;
	unsigned long e;
	char why[512];
	int err;

	if (what & BEV_EVENT_CONNECTED) {
		if (cn->tls) {
			SSL_get0_alpn_selected(bufferevent_openssl_get_ssl(bev), &alpn, &alen);
			if (alen != 2 || memcmp(alpn, "h2", 2) != 0) {
				conn_fail(cn, "transport: authentication handshake failed: "
				    "credentials: cannot check peer: missing selected ALPN "
				    "property");
				return;
			}
		}
		cn->state = C_OPEN;
		evtimer_del(cn->timer);
		nghttp2_submit_settings(cn->h2, NGHTTP2_FLAG_NONE, NULL, 0);
		conn_flush(cn);
		conn_wake(cn);
		return;
	}
	if (what & (BEV_EVENT_ERROR | BEV_EVENT_EOF)) {
		err = EVUTIL_SOCKET_ERROR();
		e = cn->tls ? bufferevent_get_openssl_error(bev) : 0;
		/* A socket's error under TLS (a refused dial) comes as
		 * OpenSSL's system error, or as libevent's SSL_ERROR_SYSCALL
		 * (library 0): the socket says which. */
		if (e != 0 && (ERR_GET_LIB(e) == ERR_LIB_SYS || ERR_GET_LIB(e) == 0)) {
			int so = 0;
			socklen_t len = sizeof so;

			if (ERR_GET_LIB(e) == ERR_LIB_SYS)
				so = ERR_GET_REASON(e);
			else if (getsockopt(bufferevent_getfd(bev), SOL_SOCKET, SO_ERROR,
			    &so, &len) == -1)
				so = 0;
			if (so != 0)
				err = so;
			e = 0;
		}
		if (e != 0 && ERR_reason_error_string(e) == NULL) {
			char buf[256];

			ERR_error_string_n(e, buf, sizeof buf);
			snprintf(why, sizeof why, "transport: authentication handshake "
			    "failed: %s", buf);
		} else if (e != 0)
			snprintf(why, sizeof why, "transport: authentication handshake "
			    "failed: %s", ERR_reason_error_string(e));
		else if (cn->state == C_CONNECTING && (what & BEV_EVENT_ERROR) && err != 0)
			snprintf(why, sizeof why, "transport: Error while dialing: dial "
			    "tcp %s: connect: %s", cn->addr, evutil_socket_error_to_string(err));
		else
			snprintf(why, sizeof why, "transport: the server closed the "
			    "connection");
		/* Lower-case as Go's errors are. */
		if (why[0] != '\0' && strstr(why, "connect: ") != NULL) {
			char *p = strstr(why, "connect: ") + 9;

			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		}
		conn_fail(cn, why);
	}
}

static void
conn_timeout(evutil_socket_t fd, short what, void *arg)
{
	conn_fail(arg, "context deadline exceeded");
}

static void
conn_flush(struct grpc_conn *cn)
{
	int rv;

	if (cn->state != C_OPEN)
		return;
	if ((rv = nghttp2_session_send(cn->h2)) != 0)
		conn_fail(cn, nghttp2_strerror(rv));
}

/* OpenSSL's passphrase callback: the password, or none (never a
 * prompt on the terminal). */
static int
tls_password(char *buf, int size, int rwflag, void *u)
{
	size_t len = u != NULL ? strlen(u) : 0;

	(void)rwflag;
	if (u == NULL || len > (size_t)size)
		return -1;
	memcpy(buf, u, len);
	return (int)len;
}

/* The client's private key; with a password, decrypted as k6 does: the
 * first PEM block, in the legacy PEM encryption (Proc-Type and
 * DEK-Info headers), not an encrypted PKCS #8 key.  The messages are
 * Go's. */
static EVP_PKEY *
tls_key(const char *pem, const char *password, char **cause)
{
	char *name = NULL, *header = NULL;
	const char *why = NULL;
	unsigned char *data = NULL;
	EVP_PKEY *k;
	long len;
	BIO *bio;

	if (password != NULL && *password == '\0')
		password = NULL;
	if (password != NULL) {
		bio = BIO_new_mem_buf(pem, -1);
		if (PEM_read_bio(bio, &name, &header, &data, &len) != 1)
			why = "failed to decode PEM key";
		else if (strcmp(name, "ENCRYPTED PRIVATE KEY") == 0)
			why = "encrypted pkcs8 formatted key is not supported";
		else if (strstr(header, "DEK-Info:") == NULL)
			why = "x509: no DEK-Info header in block";
		BIO_free(bio);
		OPENSSL_free(name);
		OPENSSL_free(header);
		OPENSSL_free(data);
		if (why != NULL) {
			*cause = xstrdup(why);
			return NULL;
		}
	}
	bio = BIO_new_mem_buf(pem, -1);
	k = PEM_read_bio_PrivateKey(bio, NULL, tls_password, (void *)password);
	BIO_free(bio);
	if (k == NULL)
		*cause = xstrdup(password != NULL ? "x509: decryption password incorrect" :
		    "failed to append certificate from PEM: tls: failed to parse private key");
	return k;
}

static SSL_CTX *
tls_ctx(const struct grpc_tls *t, char **cause)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	const char *why = NULL;
	X509_STORE *store;
	X509 *x;
	EVP_PKEY *k;
	BIO *bio;
	size_t i;

	SSL_CTX_set_alpn_protos(ctx, (const unsigned char *)"\x02h2", 3);
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_verify(ctx, t->insecure ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, NULL);
	SSL_CTX_set_default_verify_paths(ctx);
	store = SSL_CTX_get_cert_store(ctx);
	for (i = 0; t->cacerts != NULL && t->cacerts[i] != NULL; i++) {
		bio = BIO_new_mem_buf(t->cacerts[i], -1);
		x = PEM_read_bio_X509(bio, NULL, NULL, NULL);
		BIO_free(bio);
		if (x == NULL) {
			*cause = xasprintf("failed to append ca certificate [%zu] from PEM", i);
			goto fail;
		}
		X509_STORE_add_cert(store, x);
		X509_free(x);
	}
	if (t->cert != NULL && *t->cert != '\0' && t->key != NULL && *t->key != '\0') {
		if ((k = tls_key(t->key, t->password, cause)) == NULL)
			goto fail;
		bio = BIO_new_mem_buf(t->cert, -1);
		x = PEM_read_bio_X509(bio, NULL, NULL, NULL);
		BIO_free(bio);
		if (x == NULL)
			why = "failed to find any PEM data in certificate input";
		else if (SSL_CTX_use_certificate(ctx, x) != 1 ||
		    SSL_CTX_use_PrivateKey(ctx, k) != 1)
			why = "private key does not match public key";
		X509_free(x);
		EVP_PKEY_free(k);
		if (why != NULL) {
			*cause = xasprintf("failed to append certificate from PEM: tls: %s", why);
			goto fail;
		}
	}
	return ctx;
fail:
	ERR_clear_error();
	SSL_CTX_free(ctx);
	return NULL;
}

/* host and port of "host:port" or "[v6]:port", owned host. */
static char *
split_addr(const char *addr, const char **port)
{
	const char *colon;

	if (addr[0] == '[' && (colon = strstr(addr, "]:")) != NULL) {
		*port = colon + 2;
		return xstrndup(addr + 1, (size_t)(colon - addr - 1));
	}
	colon = strrchr(addr, ':');
	if (colon == NULL) {
		*port = "443";
		return xstrdup(addr);
	}
	*port = colon + 1;
	return xstrndup(addr, (size_t)(colon - addr));
}

/* A lookup of options.dns's resolver the VU waits for. */
struct dns_wait {
	struct vu		*vu;
	struct resolver_answer	 a;
	int			 done;
};

static void
dns_waited(const struct resolver_answer *a, void *arg)
{
	struct dns_wait *w = arg;

	w->a = *a;
	w->done = 1;
	vu_wake(w->vu);
}

/* options.dns: host's address, looked up by the VU's resolver while
 * the VU waits; then as an addrinfo of that address and port (*ai), as
 * evutil_getaddrinfo gives one.  0 or an EVUTIL_EAI_* code; *interrupted
 * if the VU was. */
static int
dns_lookup(struct vu *vu, struct resolver *rs, const char *host, const char *port,
    struct evutil_addrinfo **ai, int *interrupted)
{
	struct dns_wait w = { vu, { 0 }, 0 };
	struct resolver_query *q;
	struct evutil_addrinfo hints;
	char ip[INET6_ADDRSTRLEN];

	if (resolver_lookup(rs, host, &w.a, dns_waited, &w, &q) == 1) {
		while (!w.done)
			if (vu_block(vu) == -1) {
				resolver_cancel(q);
				*interrupted = 1;
				return EVUTIL_EAI_FAIL;
			}
	}
	if (w.a.error != 0)
		return w.a.error;
	resolver_ntop(&w.a, ip, sizeof ip);
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = EVUTIL_AI_NUMERICHOST;
	return evutil_getaddrinfo(ip, port, &hints, ai);
}

struct grpc_conn *
grpc_conn_new(struct vu *vu, const char *addr, const struct grpc_tls *tls,
    const char *authority, double timeout_ms, int *interrupted, char **cause)
{
	struct grpc_conn *cn = xcalloc(1, sizeof *cn);
	struct evutil_addrinfo hints, *ai = NULL;
	nghttp2_session_callbacks *cbs;
	struct timeval tv;
	const char *port;
	char *host, *blocked;
	SSL *ssl;
	int rv = 0;

	*interrupted = 0;
	cn->vu = vu;
	cn->addr = xstrdup(addr);
	host = split_addr(addr, &port);
	cn->authority = xstrdup(authority != NULL && *authority != '\0' ? authority : addr);
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	/* k6's dialer: a blocked name before the lookup (options.dns's
	 * resolver for a name, with it), then the address */
	if ((blocked = netblock_host_error(host)) == NULL) {
		if (vu_resolver(vu) != NULL && !resolver_literal(host))
			rv = dns_lookup(vu, vu_resolver(vu), host, port, &ai, interrupted);
		else
			rv = evutil_getaddrinfo(host, port, &hints, &ai);
		if (*interrupted) {
			*cause = xstrdup("interrupted");
			goto fail;
		}
		if (rv == 0)
			blocked = netblock_addr_error(ai->ai_addr);
	}
	if (blocked != NULL) {
		*cause = xasprintf("connection error: desc = \"transport: Error while "
		    "dialing: %s\"", blocked);
		free(blocked);
		goto fail;
	}
	if (rv != 0) {
		*cause = xasprintf("connection error: desc = \"transport: Error while "
		    "dialing: dial tcp: lookup %s: %s\"", host, rv == EVUTIL_EAI_NONAME ?
		    "no such host" : evutil_gai_strerror(rv));
		goto fail;
	}
	if (ai->ai_family == AF_INET)
		evutil_inet_ntop(AF_INET, &((struct sockaddr_in *)ai->ai_addr)->sin_addr,
		    cn->ip, sizeof cn->ip);
	else
		evutil_inet_ntop(AF_INET6, &((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr,
		    cn->ip, sizeof cn->ip);
	if (tls != NULL) {
		if ((cn->ctx = tls_ctx(tls, cause)) == NULL)
			goto fail;
		ssl = SSL_new(cn->ctx);
		if (!tls->insecure) {
			if (ai->ai_family == AF_INET || ai->ai_family == AF_INET6) {
				/* An address checks against IP SANs, a name against DNS. */
				if (X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host) != 1)
					SSL_set1_host(ssl, host);
			}
		}
		SSL_set_tlsext_host_name(ssl, host);
		cn->tls = 1;
		cn->bev = bufferevent_openssl_socket_new(vu_event_base(vu), -1, ssl,
		    BUFFEREVENT_SSL_CONNECTING, BEV_OPT_CLOSE_ON_FREE);
	} else
		cn->bev = bufferevent_socket_new(vu_event_base(vu), -1, BEV_OPT_CLOSE_ON_FREE);
	bufferevent_setcb(cn->bev, conn_read, NULL, conn_event, cn);
	bufferevent_enable(cn->bev, EV_READ | EV_WRITE);
	nghttp2_session_callbacks_new(&cbs);
	nghttp2_session_callbacks_set_send_callback(cbs, h2_send);
	nghttp2_session_callbacks_set_on_header_callback(cbs, h2_header);
	nghttp2_session_callbacks_set_on_frame_recv_callback(cbs, h2_frame);
	nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cbs, h2_data);
	nghttp2_session_callbacks_set_on_stream_close_callback(cbs, h2_close);
	nghttp2_session_client_new(&cn->h2, cbs, cn);
	nghttp2_session_callbacks_del(cbs);
	cn->state = C_CONNECTING;
	cn->timer = evtimer_new(vu_event_base(vu), conn_timeout, cn);
	tv = timeval_ms(timeout_ms);
	evtimer_add(cn->timer, &tv);
	/* options.localIPs: from the VU's address, as k6's dialer */
	if (vu_opts(vu) != NULL && vu_opts(vu)->local_ips != NULL) {
		evutil_socket_t fd;
		char ip[64];

		ippool_get(vu_opts(vu)->local_ips, vu_id(vu) > 0 ? vu_id(vu) - 1 : 0, ip);
		if ((fd = ippool_socket(ai->ai_family, ip)) == -1) {
			char *e = xstrdup(strerror(errno));

			e[0] = (char)tolower((unsigned char)e[0]);	/* Go's */
			*cause = xasprintf("connection error: desc = \"transport: Error "
			    "while dialing: dial tcp %s:%s: bind: %s\"", cn->ip, port, e);
			free(e);
			goto fail;
		}
		bufferevent_setfd(cn->bev, fd);
	}
	if (bufferevent_socket_connect(cn->bev, ai->ai_addr, (int)ai->ai_addrlen) < 0 &&
	    cn->state != C_DEAD)
		conn_fail(cn, "transport: Error while dialing");
	while (cn->state == C_CONNECTING) {
		if (grpc_conn_wait(cn) < 0) {
			*interrupted = 1;
			*cause = xstrdup("interrupted");
			goto fail;
		}
	}
	if (cn->state == C_DEAD) {
		*cause = strcmp(cn->cause, "context deadline exceeded") == 0 ?
		    xstrdup(cn->cause) :
		    xasprintf("connection error: desc = \"%s\"", cn->cause);
		goto fail;
	}
	evutil_freeaddrinfo(ai);
	free(host);
	return cn;
fail:
	if (ai != NULL)
		evutil_freeaddrinfo(ai);
	free(host);
	grpc_conn_free(cn);
	return NULL;
}

void
grpc_conn_free(struct grpc_conn *cn)
{
	struct grpc_call *c;

	if (cn == NULL)
		return;
	/* Its calls end, and live on without it until their owners free
	 * them. */
	while ((c = cn->calls) != NULL) {
		cn->calls = c->next;
		if (c->id > 0)
			nghttp2_session_set_stream_user_data(cn->h2, c->id, NULL);
		c->id = -1;
		call_end(c, GRPC_CANCELLED, "grpc: the client connection is closing");
		c->conn = NULL;
	}
	if (cn->timer != NULL)
		event_free(cn->timer);
	if (cn->h2 != NULL)
		nghttp2_session_del(cn->h2);
	if (cn->bev != NULL)
		bufferevent_free(cn->bev);
	SSL_CTX_free(cn->ctx);
	free(cn->cause);
	free(cn->addr);
	free(cn->authority);
	free(cn);
}

int
grpc_conn_alive(const struct grpc_conn *cn)
{
	return cn->state == C_OPEN;
}

const char *
grpc_conn_ip(const struct grpc_conn *cn)
{
	return cn->ip;
}

static void
call_deadline(evutil_socket_t fd, short what, void *arg)
{
	struct grpc_call *c = arg;

	if (c->conn != NULL && c->id > 0 && c->conn->state == C_OPEN) {
		nghttp2_submit_rst_stream(c->conn->h2, NGHTTP2_FLAG_NONE, c->id,
		    NGHTTP2_CANCEL);
		conn_flush(c->conn);
	}
	c->have_status = 0;
	call_end(c, GRPC_DEADLINE_EXCEEDED, "context deadline exceeded");
}

/* grpc-timeout: at most 8 digits and a unit. */
static void
timeout_header(double ms, char *out, size_t size)
{
	if (ms < 1e8)
		snprintf(out, size, "%lldm", (long long)(ms + 0.999));
	else
		snprintf(out, size, "%lldS", (long long)(ms / 1000 + 0.999));
}

#define NV(n, v) { (uint8_t *)(n), (uint8_t *)(v), strlen(n), strlen(v), \
	NGHTTP2_NV_FLAG_NONE }

struct grpc_call *
grpc_call_start(struct grpc_conn *cn, const char *path, const char *const *md,
    size_t nmd, double timeout_ms, size_t max_recv, char **cause)
{
	struct grpc_call *c;
	const struct runopts *o;
	nghttp2_data_provider dp;
	nghttp2_nv *nv;
	char tmo[32], *ua;
	size_t n = 0, i;

	if (cn->state != C_OPEN) {
		*cause = xasprintf("connection error: desc = \"%s\"",
		    cn->cause != NULL ? cn->cause : "the connection is closed");
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->conn = cn;
	c->max_recv = max_recv;
	buf_init(&c->in, max_recv + 4096 > max_recv ? max_recv + 4096 : 0);
	c->began = engine_now();
	nv = xreallocarray(NULL, nmd + 9, sizeof *nv);
	nv[n++] = (nghttp2_nv)NV(":method", "POST");
	nv[n++] = (nghttp2_nv)NV(":scheme", cn->tls ? "https" : "http");
	nv[n++] = (nghttp2_nv)NV(":path", path);
	nv[n++] = (nghttp2_nv)NV(":authority", cn->authority);
	nv[n++] = (nghttp2_nv)NV("content-type", "application/grpc");
	nv[n++] = (nghttp2_nv)NV("te", "trailers");
	if (timeout_ms > 0) {
		timeout_header(timeout_ms, tmo, sizeof tmo);
		nv[n++] = (nghttp2_nv)NV("grpc-timeout", tmo);
	}
	/* The options' userAgent, then the transport's, as grpc-go joins them. */
	o = vu_opts(cn->vu);
	ua = xasprintf("%s%sgrpc-c-lyocell/%s", o != NULL && o->user_agent != NULL ?
	    o->user_agent : "", o != NULL && o->user_agent != NULL &&
	    *o->user_agent != '\0' ? " " : "", PACKAGE_VERSION);
	nv[n++] = (nghttp2_nv)NV("user-agent", ua);
	for (i = 0; i < nmd; i++)
		nv[n++] = (nghttp2_nv)NV(md[2 * i], md[2 * i + 1]);
	dp.source.ptr = c;
	dp.read_callback = h2_read_body;
	c->id = nghttp2_submit_request(cn->h2, NULL, nv, n, &dp, c);
	free(nv);
	free(ua);
	if (c->id < 0) {
		*cause = xasprintf("cannot start the call: %s", nghttp2_strerror(c->id));
		buf_free(&c->in);
		free(c);
		return NULL;
	}
	c->next = cn->calls;
	cn->calls = c;
	if (timeout_ms > 0) {
		struct timeval tv = timeval_ms(timeout_ms);

		c->deadline_at = c->began + (int64_t)(timeout_ms * 1e6);
		c->deadline = evtimer_new(vu_event_base(cn->vu), call_deadline, c);
		evtimer_add(c->deadline, &tv);
	}
	conn_flush(cn);
	return c;
}

void
grpc_call_free(struct grpc_call *c)
{
	struct grpc_call **pp;

	if (c == NULL)
		return;
	for (pp = c->conn != NULL ? &c->conn->calls : NULL; pp != NULL && *pp != NULL;
	    pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	if (c->conn != NULL && c->id > 0 && c->conn->h2 != NULL) {
		nghttp2_session_set_stream_user_data(c->conn->h2, c->id, NULL);
		if (!c->done && c->conn->state == C_OPEN) {
			nghttp2_submit_rst_stream(c->conn->h2, NGHTTP2_FLAG_NONE, c->id,
			    NGHTTP2_CANCEL);
			conn_flush(c->conn);
		}
	}
	if (c->deadline != NULL)
		event_free(c->deadline);
	buf_free(&c->out);
	buf_free(&c->in);
	buf_free(&c->headers);
	buf_free(&c->trailers);
	free(c->message);
	free(c);
}

static void
call_resume(struct grpc_call *c)
{
	if (c->deferred && c->id > 0 && c->conn->state == C_OPEN) {
		c->deferred = 0;
		nghttp2_session_resume_data(c->conn->h2, c->id);
	}
	conn_flush(c->conn);
}

void
grpc_call_send(struct grpc_call *c, const void *p, size_t len)
{
	unsigned char hdr[5] = { 0, (unsigned char)(len >> 24), (unsigned char)(len >> 16),
	    (unsigned char)(len >> 8), (unsigned char)len };

	if (c->done || c->out_closed)
		return;
	buf_add(&c->out, hdr, 5);
	buf_add(&c->out, p, len);
	call_resume(c);
}

void
grpc_call_close_send(struct grpc_call *c)
{
	if (c->done || c->out_closed)
		return;
	c->out_closed = 1;
	call_resume(c);
}

void
grpc_call_fail(struct grpc_call *c, int status, const char *why)
{
	/* The messages after the one that failed are not read. */
	c->in_off = c->in.len;
	if (c->done) {
		/* Its messages were in before its end: the failure of one
		 * is its status all the same, as in grpc-go. */
		c->status = status;
		free(c->message);
		c->message = xstrdup(why);
		return;
	}
	/* Ended first: the reset's stream-close callback must not say
	 * why instead. */
	c->have_status = 0;
	call_end(c, status, why);
	if (c->id > 0 && c->conn->state == C_OPEN) {
		nghttp2_submit_rst_stream(c->conn->h2, NGHTTP2_FLAG_NONE, c->id,
		    NGHTTP2_CANCEL);
		conn_flush(c->conn);
	}
}

void
grpc_call_cancel(struct grpc_call *c, const char *why)
{
	if (!c->done)
		grpc_call_fail(c, GRPC_CANCELLED, why);
}

void
grpc_call_notify(struct grpc_call *c, void (*fn)(void *), void *arg)
{
	c->notify = fn;
	c->arg = arg;
}

const unsigned char *
grpc_call_message(struct grpc_call *c, size_t *len)
{
	const unsigned char *p;
	uint32_t mlen;

	if (c->in.len - c->in_off < 5)
		goto none;
	p = (const unsigned char *)c->in.data + c->in_off;
	mlen = (uint32_t)p[1] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 8 | p[4];
	if (c->in.len - c->in_off < 5 + (size_t)mlen)
		goto none;
	if (p[0] != 0) {
		/* Nothing compressed was asked for. */
		c->in_off = c->in.len;
		c->have_status = 0;
		call_end(c, GRPC_INTERNAL, "grpc: compressed message received without "
		    "a grpc-encoding");
		return NULL;
	}
	c->in_off += 5 + (size_t)mlen;
	*len = mlen;
	return p + 5;
none:
	if (c->in_off > 0 && c->in_off == c->in.len) {
		buf_reset(&c->in);
		c->in_off = 0;
	}
	return NULL;
}

int
grpc_call_done(const struct grpc_call *c)
{
	return c->done;
}

int
grpc_call_status(const struct grpc_call *c, const char **message)
{
	*message = c->message != NULL ? c->message : "";
	return c->status;
}

const char *
grpc_call_headers(const struct grpc_call *c, size_t *len)
{
	*len = c->headers.len;
	return c->headers.data;
}

const char *
grpc_call_trailers(const struct grpc_call *c, size_t *len)
{
	*len = c->trailers.len;
	return c->trailers.data;
}

int64_t
grpc_call_began(const struct grpc_call *c)
{
	return c->began;
}

int64_t
grpc_call_ended(const struct grpc_call *c)
{
	return c->ended;
}
