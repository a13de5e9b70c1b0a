/* A client WebSocket connection on a libevent loop: the socket and TLS
 * are bufferevents of the worker's loop, the HTTP/1.1 upgrade is ours,
 * and wslay does the framing (it never touches the socket).
 *
 * What happens on the connection is queued as events; the notify
 * function given to wsconn_new runs (from the loop) whenever one is
 * queued, and should only wake whoever reads them with wsconn_next.
 *
 * wsconn_new returns an owned connection; wsconn_free(NULL) is a no-op.
 * Functions taking const char * borrow it; wsconn_next returns an owned
 * event (free with wsconn_event_free). */
#ifndef LYOCELL_WSCONN_H
#define LYOCELL_WSCONN_H

#include <stddef.h>
#include <stdint.h>

struct curl_slist;
struct event_base;
struct evdns_base;
struct resolver;
struct wsconn;
struct wsproxy_env;
typedef struct ssl_ctx_st SSL_CTX;

enum wsconn_type {
	WSE_OPEN,	/* the handshake succeeded */
	WSE_FAIL,	/* it failed: data is the error */
	WSE_TEXT,	/* a message: data, len */
	WSE_BINARY,
	WSE_PING,	/* the peer's ping, already answered */
	WSE_PONG,
	WSE_ERROR,	/* data is the error; a WSE_CLOSE follows */
	WSE_CLOSE,	/* the peer closed: code (1006 if it never said) */
};

struct wsconn_event {
	struct wsconn_event	*next;
	enum wsconn_type	 type;
	int			 code;
	char			*data;	/* NUL-terminated past len */
	size_t			 len;
	int64_t			 t;	/* monotonic ns */
};

struct wsconn_params {
	const char	*url;		/* ws:// or wss:// */
	const char	*headers;	/* "Name: value\r\n" lines, or NULL */
	SSL_CTX		*ssl;		/* for wss:// */
	int		 insecure;	/* no certificate check */
	uint64_t	 max_msg;	/* bytes of one message received */
	double		 timeout_ms;	/* for the handshake */
	int		 deflate;	/* offer permessage-deflate */
	/* options.hosts as libcurl's CONNECT_TO lines ("host:port:addr:port",
	 * either port empty for any or the same), or NULL */
	const struct curl_slist *connect_to;
	/* options.localIPs: the address to connect from, or NULL */
	const char	*local_ip;
	/* resolves host names without blocking the loop; NULL: the
	 * system's resolver, which blocks */
	struct evdns_base *dns;
	/* options.dns's resolver (src/net/resolver.h), which then looks
	 * names up instead of dns, or NULL */
	struct resolver	*resolver;
	/* the environment's proxies (wsproxy.h), or NULL for none */
	const struct wsproxy_env *proxy;
};

/* The handshake's answer (status 0 until there is one). */
struct wsconn_reply {
	int	 status;
	char	*headers;	/* "Name: value\r\n" lines */
	char	*body;		/* of a refusal, at most 1 KiB */
	size_t	 body_len;
	char	*protocol;	/* Sec-WebSocket-Protocol, "" if none */
	char	*remote_ip;
};

typedef void (*wsconn_notify_fn)(void *arg);

/* Start connecting; NULL with an owned *cause for a URL it cannot use. */
struct wsconn	*wsconn_new(struct event_base *, const struct wsconn_params *,
		     wsconn_notify_fn, void *arg, char **cause);
void		 wsconn_free(struct wsconn *);
struct wsconn_event *wsconn_next(struct wsconn *);
void		 wsconn_event_free(struct wsconn_event *);
const struct wsconn_reply *wsconn_reply(const struct wsconn *);
/* Queue a message (opcode 1 text, 2 binary, 9 ping, 10 pong); 0, or -1
 * with a static message once the connection is closing. */
int		 wsconn_send(struct wsconn *, int opcode, const void *,
		     size_t, const char **err);
/* Send a close frame with code (0: none) and reason; the socket closes
 * once it is written, or when the peer answers, whichever is first
 * unless wait is set, which waits for the peer's close frame. */
void		 wsconn_close(struct wsconn *, int code, const char *reason,
		     int wait);
/* Before wsconn_free of a connection still open: send a close frame
 * with code if the socket takes it at once, without waiting. */
void		 wsconn_goodbye(struct wsconn *, int code);
/* Whether the socket is gone. */
int		 wsconn_closed(const struct wsconn *);
/* Bytes written and read on the socket since the last call. */
void		 wsconn_traffic(struct wsconn *, uint64_t *sent,
		     uint64_t *received);
/* Bytes queued and not yet written. */
size_t		 wsconn_buffered(const struct wsconn *);

#endif
