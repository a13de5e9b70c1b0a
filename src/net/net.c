/* libcurl multi on libevent; see net.h and the pattern described in
 * ../shared/reference/mujs-and-curl.md (hiperfifo, multi-event). */
#include "config.h"

#include <event2/event.h>
#include <stdlib.h>
#include <string.h>

#include "net/net.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"

struct net {
	struct event_base *base;
	CURLM		*multi;
	struct event	*timer;
	int		 running;
	int		 in_action;
	unsigned long	 calls;		/* into libcurl, from the loop */
	struct net_xfer	*spare;		/* ended transfers' records, for reuse */
};

/* What a transfer's CURLOPT_PRIVATE points to. */
struct net_xfer {
	net_done_fn	 fn;
	void		*arg;
	struct net_xfer	*next;		/* in net's spare list */
};

/* One per socket libcurl asks us to watch. */
struct net_sock {
	struct event	*ev;		/* just after the record */
	struct net	*net;
};

/* A transfer's record goes back to the spare list: no malloc and free
 * per request. */
static void
xfer_put(struct net *n, struct net_xfer *x)
{
	x->next = n->spare;
	n->spare = x;
}

static void
drain(struct net *n)
{
	CURLMsg *msg;
	int left;

	while ((msg = curl_multi_info_read(n->multi, &left)) != NULL) {
		CURL *easy = msg->easy_handle;
		CURLcode result = msg->data.result;	/* copy before removal */
		struct net_xfer *x = NULL;

		if (msg->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **)&x);
		curl_multi_remove_handle(n->multi, easy);
		n->running--;
		if (x != NULL) {
			curl_easy_setopt(easy, CURLOPT_PRIVATE, NULL);
			x->fn(easy, result, x->arg);
			xfer_put(n, x);
		}
	}
}

static void
action(struct net *n, curl_socket_t fd, int flags)
{
	int still;

	n->in_action = 1;
	n->calls++;
	curl_multi_socket_action(n->multi, fd, flags, &still);
	n->in_action = 0;
	drain(n);
}

static void
sock_cb(evutil_socket_t fd, short what, void *arg)
{
	struct net_sock *s = arg;
	int flags = 0;

	if (what & EV_READ)
		flags |= CURL_CSELECT_IN;
	if (what & EV_WRITE)
		flags |= CURL_CSELECT_OUT;
	action(s->net, fd, flags);
}

static void
timer_cb(evutil_socket_t fd, short what, void *arg)
{
	action(arg, CURL_SOCKET_TIMEOUT, 0);
}

static int
socket_fn(CURL *easy, curl_socket_t fd, int what, void *clientp, void *socketp)
{
	struct net *n = clientp;
	struct net_sock *s = socketp;
	short ev = EV_PERSIST;

	if (what == CURL_POLL_REMOVE) {
		if (s != NULL) {
			event_del(s->ev);
			free(s);
			curl_multi_assign(n->multi, fd, NULL);
		}
		return 0;
	}
	if (what & CURL_POLL_IN)
		ev |= EV_READ;
	if (what & CURL_POLL_OUT)
		ev |= EV_WRITE;
	/* the event lives in the socket's record, set again on each change
	 * of interest: no malloc and free per change */
	if (s == NULL) {
		s = xcalloc(1, sizeof *s + event_get_struct_event_size());
		s->net = n;
		s->ev = (struct event *)(s + 1);
		curl_multi_assign(n->multi, fd, s);
	} else
		event_del(s->ev);
	event_assign(s->ev, n->base, fd, ev, sock_cb, s);
	event_add(s->ev, NULL);
	return 0;
}

static int
timer_fn(CURLM *multi, long ms, void *clientp)
{
	struct net *n = clientp;
	struct timeval tv;

	if (ms < 0) {
		evtimer_del(n->timer);
		return 0;
	}
	/* Never call libcurl from here: a 0 ms timer runs from the loop. */
	tv = timeval_ms(ms);
	evtimer_add(n->timer, &tv);
	return 0;
}

struct net *
net_new(struct event_base *base, char **cause)
{
	struct net *n = xcalloc(1, sizeof *n);

	n->base = base;
	n->multi = curl_multi_init();
	if (n->multi == NULL) {
		*cause = xstrdup("cannot initialise libcurl");
		free(n);
		return NULL;
	}
	n->timer = evtimer_new(base, timer_cb, n);
	curl_multi_setopt(n->multi, CURLMOPT_SOCKETFUNCTION, socket_fn);
	curl_multi_setopt(n->multi, CURLMOPT_SOCKETDATA, n);
	curl_multi_setopt(n->multi, CURLMOPT_TIMERFUNCTION, timer_fn);
	curl_multi_setopt(n->multi, CURLMOPT_TIMERDATA, n);
	return n;
}

void
net_free(struct net *n)
{
	struct net_xfer *x;

	if (n == NULL)
		return;
	/* Cached connections close here and the socket callback still
	 * fires, so the event base must outlive this. */
	curl_multi_cleanup(n->multi);
	event_free(n->timer);
	while ((x = n->spare) != NULL) {
		n->spare = x->next;
		free(x);
	}
	free(n);
}

int
net_start(struct net *n, CURL *easy, net_done_fn fn, void *arg)
{
	struct net_xfer *x = n->spare;

	if (x != NULL)
		n->spare = x->next;
	else
		x = xmalloc(sizeof *x);
	x->fn = fn;
	x->arg = arg;
	curl_easy_setopt(easy, CURLOPT_PRIVATE, x);
	if (curl_multi_add_handle(n->multi, easy) != CURLM_OK) {
		curl_easy_setopt(easy, CURLOPT_PRIVATE, NULL);
		xfer_put(n, x);
		return -1;
	}
	n->running++;
	return 0;
}

void
net_cancel(struct net *n, CURL *easy)
{
	struct net_xfer *x = NULL;

	curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **)&x);
	if (x == NULL)
		return;
	curl_multi_remove_handle(n->multi, easy);
	curl_easy_setopt(easy, CURLOPT_PRIVATE, NULL);
	xfer_put(n, x);
	n->running--;
}

CURLM *
net_multi(struct net *n)
{
	return n->multi;
}

int
net_running(const struct net *n)
{
	return n->running;
}

unsigned long
net_calls(const struct net *n)
{
	return n->calls;
}
