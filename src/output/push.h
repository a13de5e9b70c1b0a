/* Batches POSTed to one URL on the coordinator's event loop: what the
 * network outputs (influxdb, experimental-prometheus-rw) share.
 *
 * An output builds a batch body and hands it over with push_send; batches
 * wait in a queue and at most `concurrent` POSTs are in flight, through
 * net/net.h (libcurl's multi socket interface on the caller's event base,
 * no threads: the coordinator forks after the outputs start).  When the
 * server is slow or down the queue is capped: the oldest batches are
 * dropped.  Every sample that was not written is counted with the first
 * reason, and push_stop reports them.
 *
 * push_new returns an owned push, or NULL with an owned *cause;
 * push_free(NULL) is a no-op and must run before the event base is freed.
 * Strings in struct push_config are copied; headers is taken over. */
#ifndef LYOCELL_PUSH_H
#define LYOCELL_PUSH_H

#include <curl/curl.h>
#include <stdint.h>

#include "util/buf.h"

struct event_base;
struct push;

struct push_config {
	const char		*name;		/* "influxdb": prefix of causes */
	const char		*addr;		/* the server, in messages */
	const char		*url;		/* where batches go */
	const char		*user;		/* basic auth when not empty */
	const char		*pass;
	const char		*proxy;		/* NULL: libcurl's default */
	const char		*agent;		/* User-Agent */
	const char		*cert;		/* client certificate (PEM) */
	const char		*key;		/* and its key */
	int			 insecure;	/* skip TLS verification */
	long			 concurrent;	/* POSTs in flight, 1 at least */
	long			 timeout_ms;	/* one request */
	struct curl_slist	*headers;	/* of every batch; taken over */
};

struct push	*push_new(struct event_base *, const struct push_config *,
		    char **cause);
void		 push_free(struct push *);

/* Queue body (taken over, left empty) holding n samples and send what
 * there is room for. */
void		 push_send(struct push *, struct buf *body, uint64_t n);
/* POST body (len bytes, copied) to url before any batch, without the
 * batch headers; its answer is ignored (InfluxDB's CREATE DATABASE). */
void		 push_first(struct push *, const char *url, const char *body,
		    size_t len);
/* Count n samples the output could not send, with a reason for the
 * first loss. */
void		 push_lose(struct push *, uint64_t n, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
/* Wait at most timeout_ms for what is queued and in flight; 0, or -1
 * with *cause "NAME: N samples were not written: REASON". */
int		 push_stop(struct push *, int timeout_ms, char **cause);

#endif
