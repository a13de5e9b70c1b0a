/* k6/net/grpc: the pieces its files share.
 *
 * grpc-codec.c turns messages into JavaScript values and back;
 * grpc-conn.c is one HTTP/2 connection (libnghttp2 on the worker's
 * libevent base, plaintext or TLS) and its calls; grpc.c gives the
 * module's primitives to src/js/jsmod/grpc.js.
 *
 * grpc_conn_new returns an owned connection; grpc_conn_free(NULL) is a
 * no-op and ends its calls; a call belongs to its connection until
 * grpc_call_free.  Functions taking const char * borrow it. */
#ifndef LYOCELL_JS_GRPC_H
#define LYOCELL_JS_GRPC_H

#include <stddef.h>
#include <stdint.h>

#include <mujs.h>

struct buf;
struct grpc_conn;
struct grpc_call;
struct grpc_op;
struct proto_message;
struct proto_method;
struct proto_pool;
struct vu;

/* A client of the VU (grpc.c): its descriptors and its connection. */
struct client {
	struct proto_pool	*pool;
	struct grpc_conn	*conn;
	char			*addr;
	size_t			 max_recv, max_send;
};

/* The VU's state: its clients (JavaScript holds their indexes), the
 * metrics' ids and the calls on the event loop (grpc-async.c). */
struct grpc_vu {
	struct client		*clients;
	size_t			 nclients;
	uint32_t		 req_duration, streams, msgs_sent, msgs_received;
	struct grpc_op		*ops;
	unsigned		 next_op;
};

struct grpc_vu *grpc_vu(struct vu *);
/* The client whose handle is at idx, or a throw. */
struct client *grpc_client(js_State *, int idx);
const struct proto_method *grpc_method(js_State *, struct client *, const char *path);
struct grpc_call *grpc_start(js_State *, struct client *, const char *path, int md_idx,
	    double timeout_ms, char **cause);
uint32_t grpc_tags(js_State *, struct client *, const char *path, int tags_idx,
	    int has_name);
void	 grpc_emit_duration(struct vu *, uint32_t tags, int status,
	    const struct grpc_call *);
void	 grpc_push_error(js_State *, int status, const char *message);
int	 grpc_push_response(js_State *, struct grpc_call *, const struct proto_method *,
	    uint32_t tags, int discard);
/* grpc-go's name of a status code ("DeadlineExceeded"). */
const char *grpc_code_name(int);
struct grpc_call *grpc_unary_start(js_State *, const struct proto_method **,
	    uint32_t *tags);

/* asyncInvoke and streams on the VU's event loop (grpc-async.c). */
void	 grpc_async_prims(js_State *);
int	 grpc_async_run_ready(struct vu *);
int	 grpc_async_pending(struct vu *);
void	 grpc_async_cancel(struct vu *);
void	 grpc_async_free(struct vu *);

/* The codec (grpc-codec.c): 0, or -1 with an owned *cause. */
int	grpc_codec_encode(js_State *, int idx, const struct proto_message *,
	    struct buf *out, char **cause);
int	grpc_codec_decode(js_State *, const struct proto_message *,
	    const unsigned char *, size_t, char **cause);
/* What grpc_codec_decode returns for a message that decodes but has no
 * JSON form (a Timestamp out of range, a Value with nothing set): k6
 * says so as "failed to marshal the message: proto: ...". */
#define GRPC_CODEC_JSON	(-2)

/* gRPC's status codes that the client gives itself. */
enum {
	GRPC_OK = 0, GRPC_CANCELLED = 1, GRPC_UNKNOWN = 2,
	GRPC_DEADLINE_EXCEEDED = 4, GRPC_UNIMPLEMENTED = 12, GRPC_INTERNAL = 13,
	GRPC_UNAVAILABLE = 14, GRPC_RESOURCE_EXHAUSTED = 8,
};

struct grpc_tls {
	int		 insecure;	/* insecureSkipTLSVerify */
	const char	*cert, *key;	/* PEM texts, or NULL */
	const char	*password;	/* of an encrypted key, or NULL */
	const char	**cacerts;	/* PEM texts, NULL-terminated, or NULL */
};

/* Connect to host:port, blocking the VU up to timeout_ms; tls NULL for
 * plaintext (h2c with prior knowledge).  NULL with *cause on failure or
 * when the VU was interrupted (*interrupted set). */
struct grpc_conn *grpc_conn_new(struct vu *, const char *addr,
	    const struct grpc_tls *, const char *authority, double timeout_ms,
	    int *interrupted, char **cause);
void	 grpc_conn_free(struct grpc_conn *);
/* On the VU: block until something happens on the connection or its
 * calls; -1 if the VU was interrupted. */
int	 grpc_conn_wait(struct grpc_conn *);
/* Whether the connection still carries calls. */
int	 grpc_conn_alive(const struct grpc_conn *);

/* A call of path with metadata (name, value pairs, n of them) and a
 * deadline (0: none).  Messages go with grpc_call_send; end with
 * grpc_call_close_send. */
struct grpc_call *grpc_call_start(struct grpc_conn *, const char *path,
	    const char *const *md, size_t nmd, double timeout_ms,
	    size_t max_recv, char **cause);
void	 grpc_call_free(struct grpc_call *);
/* Queue one message (len bytes, framed here). */
void	 grpc_call_send(struct grpc_call *, const void *, size_t);
void	 grpc_call_close_send(struct grpc_call *);
/* Cancel: the call, unless it has ended, ends with status CANCELLED.
 * Fail: it ends with status, or if it has ended (its messages were read
 * after its end) its status becomes status; the messages not yet read
 * are dropped. */
void	 grpc_call_cancel(struct grpc_call *, const char *why);
void	 grpc_call_fail(struct grpc_call *, int status, const char *why);
/* Called on the loop when a message came or the call ended (the VU
 * waiting in grpc_conn_wait is woken besides). */
void	 grpc_call_notify(struct grpc_call *, void (*fn)(void *), void *arg);
/* The next received message (borrowed until the next call), or NULL. */
const unsigned char *grpc_call_message(struct grpc_call *, size_t *len);
/* Whether the call ended, and its status, message, headers and
 * trailers ("name\0value\0" pairs). */
int	 grpc_call_done(const struct grpc_call *);
int	 grpc_call_status(const struct grpc_call *, const char **message);
const char *grpc_call_headers(const struct grpc_call *, size_t *len);
const char *grpc_call_trailers(const struct grpc_call *, size_t *len);
/* When the call began and ended (engine_now). */
int64_t	 grpc_call_began(const struct grpc_call *);
int64_t	 grpc_call_ended(const struct grpc_call *);
/* The remote address ("127.0.0.1"). */
const char *grpc_conn_ip(const struct grpc_conn *);

#endif
