/* The floor of Lyocell's HTTP design: libcurl's multi interface on
 * libevent, as src/net/net.c drives it, with the options src/js/http.c
 * sets on each easy handle, and nothing else (no JavaScript, no
 * metrics).  N connections, each an easy handle that sends its next GET
 * as soon as the last one is done, for a fixed time or a fixed number
 * of requests; prints the requests, the CPU seconds (getrusage) and the
 * requests per CPU-second.
 *
 *   bench/curl-floor [-c CONNS] [-d SECONDS] [-n REQUESTS] [-bmu] URL
 *
 * -b drops Lyocell's per-transfer callbacks (prereq, header, debug and
 * the verbose toggle that times the sending), leaving libcurl's
 * defaults: the difference is what those callbacks cost inside libcurl.
 * -m shares the multi handle's connection cache instead of one CURLSH
 * per connection (Lyocell gives each VU its own, as k6 does).
 * -u hands libcurl the URL parsed once (CURLOPT_CURLU) instead of the
 * string it parses again for every transfer.
 * Only for 127.0.0.1: the benchmarks point it at a local nginx. */
#include "config.h"

#include <curl/curl.h>
#include <event2/event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

struct conn {
	struct floor	*f;
	CURL		*easy;
	CURLSH		*share;
	struct curl_slist *hdrs;
	char		 errbuf[CURL_ERROR_SIZE];
	size_t		 body;		/* bytes of this response */
	size_t		 head;
	int		 verbose;
};

struct floor {
	struct event_base *base;
	CURLM		*multi;
	struct event	*timer;
	struct event	*stop;
	long		 requests;	/* completed */
	long		 errors;
	long		 limit;		/* 0: until stopped */
	long		 started;
	int		 running;
	int		 stopping;
	int		 bare;
	CURLU		*curlu;		/* -u */
};

struct sock {
	struct event	*ev;
	struct floor	*f;
};

static void
usage(void)
{
	fprintf(stderr, "usage: curl-floor [-c CONNS] [-d SECONDS] "
	    "[-n REQUESTS] [-bmu] URL\n");
	exit(2);
}

static size_t
write_cb(char *p, size_t sz, size_t n, void *arg)
{
	struct conn *c = arg;

	(void)p;
	c->body += sz * n;
	return sz * n;
}

/* What Lyocell's header_cb, prereq_cb and debug_cb ask of libcurl, minus
 * the clock reads: the status line check, verbose on from the prereq
 * callback until the request is written. */
static size_t
header_cb(char *p, size_t sz, size_t n, void *arg)
{
	struct conn *c = arg;

	n *= sz;
	if (n > 5 && strncmp(p, "HTTP/", 5) == 0 && c->verbose) {
		curl_easy_setopt(c->easy, CURLOPT_VERBOSE, 0L);
		c->verbose = 0;
	}
	c->head += n;
	return n;
}

static int
prereq_cb(void *arg, char *ip, char *lip, int port, int lport)
{
	struct conn *c = arg;

	(void)ip;
	(void)lip;
	(void)port;
	(void)lport;
	curl_easy_setopt(c->easy, CURLOPT_VERBOSE, 1L);
	c->verbose = 1;
	return CURL_PREREQFUNC_OK;
}

static int
debug_cb(CURL *e, curl_infotype type, char *p, size_t n, void *arg)
{
	struct conn *c = arg;

	(void)e;
	(void)p;
	(void)n;
	if (type == CURLINFO_HEADER_OUT && c->verbose) {
		curl_easy_setopt(c->easy, CURLOPT_VERBOSE, 0L);
		c->verbose = 0;
	}
	return 0;
}

static void
setup(struct conn *c, const char *url, int multi_cache)
{
	CURL *e = c->easy;

	if (c->f->curlu != NULL)
		curl_easy_setopt(e, CURLOPT_CURLU, c->f->curlu);
	else
		curl_easy_setopt(e, CURLOPT_URL, url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, c);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, c->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, c);
	if (!c->f->bare) {
		curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, header_cb);
		curl_easy_setopt(e, CURLOPT_HEADERDATA, c);
#if LIBCURL_VERSION_NUM >= 0x075000
		curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, prereq_cb);
		curl_easy_setopt(e, CURLOPT_PREREQDATA, c);
#endif
		curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, debug_cb);
		curl_easy_setopt(e, CURLOPT_DEBUGDATA, c);
	}
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(e, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
#if LIBCURL_VERSION_NUM >= 0x074000
	curl_easy_setopt(e, CURLOPT_HTTP09_ALLOWED, 1L);
#endif
	if (!multi_cache) {
		c->share = curl_share_init();
		curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
		curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
		curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
		curl_easy_setopt(e, CURLOPT_SHARE, c->share);
	}
	curl_easy_setopt(e, CURLOPT_CAPATH, NULL);
	curl_easy_setopt(e, CURLOPT_PROXY, "");
	/* Lyocell's default header list for a GET, its default userAgent
	 * too (src/app/options.c): libcurl prints each byte of a header
	 * through its printf, about 80 instructions a byte */
	c->hdrs = curl_slist_append(c->hdrs,
	    "User-Agent: lyocell/" PACKAGE_VERSION " (k6 compatible)");
	c->hdrs = curl_slist_append(c->hdrs, "Accept:");
	c->hdrs = curl_slist_append(c->hdrs, "Accept-Encoding:");
	c->hdrs = curl_slist_append(c->hdrs, "Expect:");
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, c->hdrs);
}

static void
start(struct conn *c)
{
	struct floor *f = c->f;

	if (f->stopping || (f->limit > 0 && f->started >= f->limit))
		return;
	c->body = c->head = 0;
	/* Lyocell sets the request's timeout each time */
	curl_easy_setopt(c->easy, CURLOPT_TIMEOUT_MS, 60000L);
	if (curl_multi_add_handle(f->multi, c->easy) != CURLM_OK) {
		fprintf(stderr, "curl-floor: curl_multi_add_handle failed\n");
		exit(1);
	}
	f->started++;
	f->running++;
}

/* What Lyocell reads of every finished transfer (http.c's response and
 * timings), so the floor pays for it too. */
static long
info(CURL *e)
{
	curl_off_t t, dl, ul;
	long code = 0, l;
	char *ip;

	curl_easy_getinfo(e, CURLINFO_NAMELOOKUP_TIME_T, &t);
	curl_easy_getinfo(e, CURLINFO_CONNECT_TIME_T, &t);
	curl_easy_getinfo(e, CURLINFO_APPCONNECT_TIME_T, &t);
	curl_easy_getinfo(e, CURLINFO_PRETRANSFER_TIME_T, &t);
	curl_easy_getinfo(e, CURLINFO_STARTTRANSFER_TIME_T, &t);
	curl_easy_getinfo(e, CURLINFO_TOTAL_TIME_T, &t);
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(e, CURLINFO_HEADER_SIZE, &l);
	curl_easy_getinfo(e, CURLINFO_REQUEST_SIZE, &l);
	curl_easy_getinfo(e, CURLINFO_SIZE_DOWNLOAD_T, &dl);
	curl_easy_getinfo(e, CURLINFO_SIZE_UPLOAD_T, &ul);
	curl_easy_getinfo(e, CURLINFO_PRIMARY_IP, &ip);
	curl_easy_getinfo(e, CURLINFO_PRIMARY_PORT, &l);
	curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &l);
	curl_easy_getinfo(e, CURLINFO_HTTP_VERSION, &l);
	return code;
}

static void
drain(struct floor *f)
{
	CURLMsg *msg;
	int left;

	while ((msg = curl_multi_info_read(f->multi, &left)) != NULL) {
		CURL *e = msg->easy_handle;
		CURLcode result = msg->data.result;
		struct conn *c = NULL;

		if (msg->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&c);
		curl_multi_remove_handle(f->multi, e);
		f->running--;
		f->requests++;
		if (result != CURLE_OK || info(e) != 200) {
			if (f->errors++ == 0)
				fprintf(stderr, "curl-floor: %s\n", result != CURLE_OK ?
				    (*c->errbuf ? c->errbuf : curl_easy_strerror(result)) :
				    "status is not 200");
		}
		start(c);
	}
	if (f->running == 0)
		event_base_loopbreak(f->base);
}

static void
action(struct floor *f, curl_socket_t fd, int flags)
{
	int still;

	curl_multi_socket_action(f->multi, fd, flags, &still);
	drain(f);
}

static void
sock_cb(evutil_socket_t fd, short what, void *arg)
{
	struct sock *s = arg;
	int flags = 0;

	if (what & EV_READ)
		flags |= CURL_CSELECT_IN;
	if (what & EV_WRITE)
		flags |= CURL_CSELECT_OUT;
	action(s->f, fd, flags);
}

static void
timer_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	action(arg, CURL_SOCKET_TIMEOUT, 0);
}

static void
stop_cb(evutil_socket_t fd, short what, void *arg)
{
	struct floor *f = arg;

	(void)fd;
	(void)what;
	f->stopping = 1;	/* the transfers under way finish */
}

static int
socket_fn(CURL *e, curl_socket_t fd, int what, void *clientp, void *socketp)
{
	struct floor *f = clientp;
	struct sock *s = socketp;
	short ev = EV_PERSIST;

	(void)e;
	if (what == CURL_POLL_REMOVE) {
		if (s != NULL) {
			event_free(s->ev);
			free(s);
			curl_multi_assign(f->multi, fd, NULL);
		}
		return 0;
	}
	if (what & CURL_POLL_IN)
		ev |= EV_READ;
	if (what & CURL_POLL_OUT)
		ev |= EV_WRITE;
	if (s == NULL) {
		if ((s = calloc(1, sizeof *s)) == NULL)
			abort();
		s->f = f;
		curl_multi_assign(f->multi, fd, s);
	} else
		event_free(s->ev);
	s->ev = event_new(f->base, fd, ev, sock_cb, s);
	event_add(s->ev, NULL);
	return 0;
}

static int
timer_fn(CURLM *m, long ms, void *clientp)
{
	struct floor *f = clientp;
	struct timeval tv;

	(void)m;
	if (ms < 0) {
		evtimer_del(f->timer);
		return 0;
	}
	tv.tv_sec = ms / 1000;
	tv.tv_usec = (ms % 1000) * 1000;
	evtimer_add(f->timer, &tv);
	return 0;
}

static double
tv_s(struct timeval tv)
{
	return tv.tv_sec + tv.tv_usec / 1e6;
}

int
main(int argc, char **argv)
{
	struct floor f;
	struct conn *conns;
	struct rusage ru;
	struct timespec t0, t1;
	struct timeval tv;
	double secs = 10, cpu, wall;
	int nconn = 50, multi_cache = 0, parsed = 0, ch, i;

	memset(&f, 0, sizeof f);
	while ((ch = getopt(argc, argv, "bc:d:mn:u")) != -1) {
		switch (ch) {
		case 'b':
			f.bare = 1;
			break;
		case 'c':
			nconn = atoi(optarg);
			break;
		case 'd':
			secs = atof(optarg);
			break;
		case 'm':
			multi_cache = 1;
			break;
		case 'n':
			f.limit = atol(optarg);
			break;
		case 'u':
			parsed = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1 || nconn <= 0 || nconn > 10000 || secs <= 0)
		usage();

	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (parsed) {
		f.curlu = curl_url();
		if (curl_url_set(f.curlu, CURLUPART_URL, argv[optind], 0) != CURLUE_OK) {
			fprintf(stderr, "curl-floor: bad URL %s\n", argv[optind]);
			return 2;
		}
	}
	f.base = event_base_new();
	f.multi = curl_multi_init();
	f.timer = evtimer_new(f.base, timer_cb, &f);
	curl_multi_setopt(f.multi, CURLMOPT_SOCKETFUNCTION, socket_fn);
	curl_multi_setopt(f.multi, CURLMOPT_SOCKETDATA, &f);
	curl_multi_setopt(f.multi, CURLMOPT_TIMERFUNCTION, timer_fn);
	curl_multi_setopt(f.multi, CURLMOPT_TIMERDATA, &f);
	if (f.limit == 0) {
		f.stop = evtimer_new(f.base, stop_cb, &f);
		tv.tv_sec = (time_t)secs;
		tv.tv_usec = (suseconds_t)((secs - (time_t)secs) * 1e6);
		evtimer_add(f.stop, &tv);
	}

	if ((conns = calloc(nconn, sizeof *conns)) == NULL)
		abort();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < nconn; i++) {
		conns[i].f = &f;
		conns[i].easy = curl_easy_init();
		setup(&conns[i], argv[optind], multi_cache);
		start(&conns[i]);
	}
	event_base_dispatch(f.base);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	getrusage(RUSAGE_SELF, &ru);
	cpu = tv_s(ru.ru_utime) + tv_s(ru.ru_stime);
	wall = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%ld requests, %ld errors, %.2f s wall, %.2f CPU s "
	    "(user %.2f, sys %.2f), %.0f req/s, %.0f req per CPU-s\n",
	    f.requests, f.errors, wall, cpu, tv_s(ru.ru_utime),
	    tv_s(ru.ru_stime), f.requests / wall, cpu > 0 ? f.requests / cpu : 0);

	for (i = 0; i < nconn; i++) {
		curl_easy_cleanup(conns[i].easy);
		curl_slist_free_all(conns[i].hdrs);
		curl_share_cleanup(conns[i].share);
	}
	free(conns);
	curl_multi_cleanup(f.multi);
	curl_url_cleanup(f.curlu);
	event_free(f.timer);
	if (f.stop != NULL)
		event_free(f.stop);
	event_base_free(f.base);
	curl_global_cleanup();
	return f.errors > 0 ? 1 : 0;
}
