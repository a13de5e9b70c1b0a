/* Batches POSTed on the event loop; see push.h. */
#include "config.h"

#include <curl/curl.h>
#include <event2/event.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/net.h"
#include "output/push.h"
#include "util/timeunit.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define PUSH_QUEUE_BYTES	((size_t)64 << 20)	/* pending batches */
#define PUSH_QUEUE_MIN		8			/* batches, at least */
#define PUSH_CONNECT_MS		10000L
#define PUSH_RESPONSE_MAX	2048			/* error text kept */

struct push_batch {
	struct push_batch	*next;
	struct buf		 body;
	uint64_t		 n;		/* samples */
};

/* One request in flight: a batch, or the first request. */
struct push_req {
	struct push_req		*next;
	struct push		*p;
	CURL			*easy;
	struct push_batch	*batch;
	char			*post;		/* the first request's body */
	struct buf		 resp;
	char			 errbuf[CURL_ERROR_SIZE];
};

struct push {
	char			*name;
	char			*addr;
	char			*url;
	char			*user;
	char			*pass;
	char			*proxy;
	char			*agent;
	char			*cert;
	char			*key;
	int			 insecure;
	long			 concurrent;
	long			 timeout_ms;
	struct curl_slist	*headers;

	struct event_base	*base;
	struct net		*net;
	int			 expired;	/* stop's deadline passed */

	struct push_batch	*qhead;
	struct push_batch	*qtail;
	size_t			 qlen;
	size_t			 qbytes;
	size_t			 qmax;
	struct push_req		*reqs;
	long			 inflight;	/* batches */
	int			 first;		/* the first request in flight */

	uint64_t		 lost;
	char			*reason;	/* of the first loss */
};

static void	push_pump(struct push *);

static char *
push_strdup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

struct push *
push_new(struct event_base *base, const struct push_config *cfg,
    char **cause)
{
	struct push	*p = xcalloc(1, sizeof *p);

	p->net = net_new(base, cause);
	if (p->net == NULL) {
		curl_slist_free_all(cfg->headers);
		free(p);
		return NULL;
	}
	p->base = base;
	p->name = xstrdup(cfg->name);
	p->addr = xstrdup(cfg->addr);
	p->url = xstrdup(cfg->url);
	p->user = push_strdup(cfg->user);
	p->pass = push_strdup(cfg->pass);
	p->proxy = push_strdup(cfg->proxy);
	p->agent = push_strdup(cfg->agent);
	p->cert = push_strdup(cfg->cert);
	p->key = push_strdup(cfg->key);
	p->insecure = cfg->insecure;
	p->concurrent = cfg->concurrent > 0 ? cfg->concurrent : 1;
	p->timeout_ms = cfg->timeout_ms;
	p->headers = cfg->headers;
	p->qmax = PUSH_QUEUE_MIN;
	if ((size_t)p->concurrent * 4 > p->qmax)
		p->qmax = (size_t)p->concurrent * 4;
	return p;
}

void
push_lose(struct push *p, uint64_t n, const char *fmt, ...)
{
	va_list	 ap;

	if (n == 0)
		return;
	p->lost += n;
	if (p->reason == NULL) {
		va_start(ap, fmt);
		p->reason = xvasprintf(fmt, ap);
		va_end(ap);
	}
}

static void
push_batch_free(struct push_batch *b)
{
	if (b == NULL)
		return;
	buf_free(&b->body);
	free(b);
}

static void
push_req_free(struct push_req *r)
{
	struct push		*p = r->p;
	struct push_req		**pp;

	for (pp = &p->reqs; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == r) {
			*pp = r->next;
			break;
		}
	}
	curl_easy_cleanup(r->easy);
	push_batch_free(r->batch);
	buf_free(&r->resp);
	free(r->post);
	free(r);
}

static void
push_done(struct push_req *r, CURLcode rc)
{
	struct push	*p = r->p;
	long		 code = 0;
	size_t		 len;

	curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &code);
	if (r->batch == NULL) {
		/* The first request's answer does not matter (InfluxDB: the
		 * user may not be an admin of an existing database); a dead
		 * server shows in the batches. */
		p->first = 0;
	} else {
		p->inflight--;
		if (rc == CURLE_OK && code >= 200 && code < 300)
			;
		else if (rc != CURLE_OK) {
			push_lose(p, r->batch->n, "cannot reach %s: %s",
			    p->addr, r->errbuf[0] != '\0' ? r->errbuf :
			    curl_easy_strerror(rc));
		} else {
			len = r->resp.len;
			while (len > 0 && (r->resp.data[len - 1] == '\n' ||
			    r->resp.data[len - 1] == '\r'))
				len--;
			push_lose(p, r->batch->n, "HTTP %ld from %s%s%.*s",
			    code, p->url, len > 0 ? ": " : "", (int)len,
			    len > 0 ? r->resp.data : "");
		}
	}
	push_req_free(r);
}

/* A request ended (called from the loop, after libcurl returned): record
 * it and send what is queued. */
static void
push_done_cb(CURL *easy, CURLcode rc, void *arg)
{
	struct push_req	*r = arg;
	struct push	*p = r->p;

	push_done(r, rc);
	push_pump(p);
}

static size_t
push_write_cb(char *data, size_t size, size_t n, void *arg)
{
	struct push_req	*r = arg;
	size_t		 len = size * n;

	if (r->resp.len < PUSH_RESPONSE_MAX) {
		buf_add(&r->resp, data, len < PUSH_RESPONSE_MAX - r->resp.len ?
		    len : PUSH_RESPONSE_MAX - r->resp.len);
	}
	return len;
}

/* Start a POST of body (len bytes, borrowed until the request ends). */
static struct push_req *
push_post(struct push *p, const char *url, const char *body, size_t len,
    int batch)
{
	struct push_req	*r = xcalloc(1, sizeof *r);

	r->p = p;
	buf_init(&r->resp, 0);
	r->easy = curl_easy_init();
	if (r->easy == NULL) {
		free(r);
		return NULL;
	}
	curl_easy_setopt(r->easy, CURLOPT_URL, url);
	curl_easy_setopt(r->easy, CURLOPT_POST, 1L);
	curl_easy_setopt(r->easy, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(r->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	if (batch)
		curl_easy_setopt(r->easy, CURLOPT_HTTPHEADER, p->headers);
	curl_easy_setopt(r->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(r->easy, CURLOPT_TIMEOUT_MS, p->timeout_ms);
	curl_easy_setopt(r->easy, CURLOPT_CONNECTTIMEOUT_MS,
	    p->timeout_ms < PUSH_CONNECT_MS ? p->timeout_ms : PUSH_CONNECT_MS);
	if (p->agent != NULL)
		curl_easy_setopt(r->easy, CURLOPT_USERAGENT, p->agent);
	curl_easy_setopt(r->easy, CURLOPT_ERRORBUFFER, r->errbuf);
	curl_easy_setopt(r->easy, CURLOPT_WRITEFUNCTION, push_write_cb);
	curl_easy_setopt(r->easy, CURLOPT_WRITEDATA, r);
	if (p->user != NULL && *p->user != '\0') {
		curl_easy_setopt(r->easy, CURLOPT_USERNAME, p->user);
		curl_easy_setopt(r->easy, CURLOPT_PASSWORD,
		    p->pass != NULL ? p->pass : "");
	}
	if (p->insecure) {
		curl_easy_setopt(r->easy, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(r->easy, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	if (p->proxy != NULL)
		curl_easy_setopt(r->easy, CURLOPT_PROXY, p->proxy);
	if (p->cert != NULL) {
		curl_easy_setopt(r->easy, CURLOPT_SSLCERT, p->cert);
		curl_easy_setopt(r->easy, CURLOPT_SSLKEY, p->key);
	}
	if (net_start(p->net, r->easy, push_done_cb, r) == -1) {
		curl_easy_cleanup(r->easy);
		free(r);
		return NULL;
	}
	r->next = p->reqs;
	p->reqs = r;
	return r;
}

void
push_first(struct push *p, const char *url, const char *body, size_t len)
{
	struct push_req	*r;
	char		*copy = xmalloc(len + 1);

	memcpy(copy, body, len);
	copy[len] = '\0';
	r = push_post(p, url, copy, len, 0);
	if (r == NULL) {
		free(copy);
		return;
	}
	r->post = copy;
	p->first = 1;
}

/* Send queued batches while there is room in flight. */
static void
push_pump(struct push *p)
{
	struct push_batch	*b;
	struct push_req		*r;

	while (!p->first && p->inflight < p->concurrent && p->qhead != NULL) {
		b = p->qhead;
		p->qhead = b->next;
		if (p->qhead == NULL)
			p->qtail = NULL;
		p->qlen--;
		p->qbytes -= b->body.len;
		b->next = NULL;
		r = push_post(p, p->url, b->body.data, b->body.len, 1);
		if (r == NULL) {
			push_lose(p, b->n, "libcurl refused a request");
			push_batch_free(b);
			continue;
		}
		r->batch = b;
		p->inflight++;
	}
}

/* Queue a batch, dropping the oldest past the cap: a slow or dead server
 * must not eat the coordinator's memory. */
void
push_send(struct push *p, struct buf *body, uint64_t n)
{
	struct push_batch	*b, *old;

	if (n == 0) {
		buf_free(body);
		return;
	}
	b = xcalloc(1, sizeof *b);
	b->body = *body;
	b->n = n;
	buf_init(body, 0);
	if (p->qtail != NULL)
		p->qtail->next = b;
	else
		p->qhead = b;
	p->qtail = b;
	p->qlen++;
	p->qbytes += b->body.len;
	while (p->qhead != b &&
	    (p->qlen > p->qmax || p->qbytes > PUSH_QUEUE_BYTES)) {
		old = p->qhead;
		p->qhead = old->next;
		p->qlen--;
		p->qbytes -= old->body.len;
		push_lose(p, old->n, "%s is too slow or down: the oldest "
		    "batches were dropped", p->addr);
		push_batch_free(old);
	}
	push_pump(p);
}

static void
push_deadline_cb(evutil_socket_t fd, short what, void *arg)
{
	struct push	*p = arg;

	p->expired = 1;
}

/* Abandon what is in flight and queued; the number of samples in it. */
static uint64_t
push_drop(struct push *p)
{
	struct push_batch	*b;
	uint64_t		 left = 0;

	while (p->reqs != NULL) {
		if (p->reqs->batch != NULL)
			left += p->reqs->batch->n;
		net_cancel(p->net, p->reqs->easy);
		push_req_free(p->reqs);
	}
	p->inflight = 0;
	p->first = 0;
	while ((b = p->qhead) != NULL) {
		p->qhead = b->next;
		left += b->n;
		push_batch_free(b);
	}
	p->qtail = NULL;
	p->qlen = p->qbytes = 0;
	return left;
}

int
push_stop(struct push *p, int timeout_ms, char **cause)
{
	struct event	*deadline;
	struct timeval	 tv;

	if (timeout_ms < 0)
		timeout_ms = 0;
	tv = timeval_ms(timeout_ms);
	p->expired = 0;
	deadline = evtimer_new(p->base, push_deadline_cb, p);
	evtimer_add(deadline, &tv);
	/* The deadline timer bounds every EVLOOP_ONCE round; a loop that
	 * cannot run here (called from inside the base's own dispatch)
	 * ends the wait. */
	while (!p->expired && (p->reqs != NULL || p->qhead != NULL)) {
		if (event_base_loop(p->base, EVLOOP_ONCE) == -1)
			break;
	}
	event_free(deadline);

	/* Whatever is left did not make it in time. */
	push_lose(p, push_drop(p), "%s did not answer within %d ms at the "
	    "end of the test", p->addr, timeout_ms);
	if (p->lost == 0)
		return 0;
	*cause = xasprintf("%s: %llu samples were not written: %s", p->name,
	    (unsigned long long)p->lost, p->reason);
	return -1;
}

void
push_free(struct push *p)
{
	if (p == NULL)
		return;
	push_drop(p);
	/* Cached connections close here and the socket callback may still
	 * fire: the event base must outlive this. */
	net_free(p->net);
	curl_slist_free_all(p->headers);
	free(p->name);
	free(p->addr);
	free(p->url);
	free(p->user);
	free(p->pass);
	free(p->proxy);
	free(p->agent);
	free(p->cert);
	free(p->key);
	free(p->reason);
	free(p);
}
