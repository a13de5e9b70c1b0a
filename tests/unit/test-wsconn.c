/* Unit tests for src/net/wsconn.c's dialling, as k6's dialer does it
 * with its default DNS options: of a name's addresses, an IPv4 one if
 * any (preferIPv4), picked at random (select random), and only that one
 * dialled, its error naming it.  The names come from a hosts file given
 * to the connection's own evdns base, or from a name server on
 * 127.0.0.1. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <cmocka.h>

#include <event2/dns.h>
#include <event2/event.h>
#include <event2/listener.h>

#include "net/wsconn.h"
#include "net/wsproxy.h"

struct dial {
	struct event_base	*base;
	struct evdns_base	*dns;
	struct evconnlistener	*lev;
	int			 port;
	int			 accepted;
	int			 notified;
	char			 hosts[64];
};

static void
accepted(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa,
    int len, void *arg)
{
	struct dial *d = arg;

	(void)l, (void)sa, (void)len;
	d->accepted++;
	close(fd);	/* the client sees EOF: enough, it got here */
}

static void
notified(void *arg)
{
	struct dial *d = arg;

	d->notified = 1;
	event_base_loopbreak(d->base);
}

/* A listener on 127.0.0.1 and a hosts file naming the given addresses
 * for multi.test, in that order. */
static void
dial_setup(struct dial *d, const char *addrs[], int n)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	FILE *f;
	int fd, i;

	memset(d, 0, sizeof *d);
	d->base = event_base_new();
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	d->lev = evconnlistener_new_bind(d->base, accepted, d,
	    LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE, 8,
	    (struct sockaddr *)&sin, sizeof sin);
	assert_non_null(d->lev);
	getsockname(evconnlistener_get_fd(d->lev), (struct sockaddr *)&sin, &len);
	d->port = ntohs(sin.sin_port);
	snprintf(d->hosts, sizeof d->hosts, "/tmp/lyocell-hosts.XXXXXX");
	fd = mkstemp(d->hosts);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	for (i = 0; i < n; i++)
		fprintf(f, "%s multi.test\n", addrs[i]);
	fclose(f);
	d->dns = evdns_base_new(d->base, 0);
	assert_int_equal(evdns_base_load_hosts(d->dns, d->hosts), 0);
}

/* Dial ws://NAME:PORT/ and return the first event. */
static struct wsconn_event *
dial_run(struct dial *d, struct wsconn **cp, const char *name)
{
	struct wsconn_params p;
	struct timeval tv = { 5, 0 };
	char url[64], *cause = NULL;
	struct wsconn_event *e;

	snprintf(url, sizeof url, "ws://%s:%d/", name, d->port);
	memset(&p, 0, sizeof p);
	p.url = url;
	p.timeout_ms = 5000;
	p.dns = d->dns;
	*cp = wsconn_new(d->base, &p, notified, d, &cause);
	assert_non_null(*cp);
	while ((e = wsconn_next(*cp)) == NULL) {
		d->notified = 0;
		event_base_loopexit(d->base, &tv);
		event_base_dispatch(d->base);
		assert_true(d->notified);
	}
	return e;
}

static void
dial_teardown(struct dial *d, struct wsconn *c, struct wsconn_event *e)
{
	wsconn_event_free(e);
	wsconn_free(c);
	evconnlistener_free(d->lev);
	evdns_base_free(d->dns, 0);
	event_base_free(d->base);
	unlink(d->hosts);
}

/* IPv6 first in the hosts file, yet the IPv4 address is dialled (the
 * listener is on 127.0.0.1 only: ::1 would refuse). */
static void
test_prefers_ipv4(void **state)
{
	const char *addrs[] = { "::1", "127.0.0.1" };
	struct dial d;
	struct wsconn *c;
	struct wsconn_event *e;

	(void)state;
	dial_setup(&d, addrs, 2);
	e = dial_run(&d, &c, "multi.test");
	assert_int_equal(d.accepted, 1);
	assert_int_equal(e->type, WSE_FAIL);
	assert_string_equal(e->data, "EOF");
	dial_teardown(&d, c, e);
}

/* Only IPv6: it is dialled, and its refusal names it as Go does. */
static void
test_ipv6_only(void **state)
{
	const char *addrs[] = { "::1" };
	struct dial d;
	struct wsconn *c;
	struct wsconn_event *e;
	char want[96];

	(void)state;
	dial_setup(&d, addrs, 1);
	e = dial_run(&d, &c, "multi.test");
	assert_int_equal(d.accepted, 0);
	assert_int_equal(e->type, WSE_FAIL);
	snprintf(want, sizeof want, "dial tcp [::1]:%d: connect: connection refused",
	    d.port);
	/* no IPv6 at all fails otherwise, but still names [::1] */
	assert_memory_equal(e->data, want, strlen("dial tcp [::1]:"));
	dial_teardown(&d, c, e);
}

/* Two IPv4 addresses, one refusing: each dial takes one at random and
 * only that one, so over 24 dials both are taken (all the same: 1 in
 * 8 million) and each refusal names 127.0.0.2. */
static void
test_random_one(void **state)
{
	const char *addrs[] = { "127.0.0.2", "127.0.0.1" };
	struct dial d;
	struct wsconn *c;
	struct wsconn_event *e;
	char want[96];
	int i, refused = 0;

	(void)state;
	dial_setup(&d, addrs, 2);
	snprintf(want, sizeof want, "dial tcp 127.0.0.2:%d: connect: connection refused",
	    d.port);
	for (i = 0; i < 24; i++) {
		e = dial_run(&d, &c, "multi.test");
		assert_int_equal(e->type, WSE_FAIL);
		if (strcmp(e->data, "EOF") != 0) {
			assert_string_equal(e->data, want);
			refused++;
		}
		wsconn_event_free(e);
		wsconn_free(c);
	}
	assert_int_equal(refused + d.accepted, 24);
	assert_true(refused > 0 && d.accepted > 0);
	dial_teardown(&d, NULL, NULL);
}

/* A UDP socket on 127.0.0.1, made d's name server. */
static int
name_server(struct dial *d)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	char at[32];
	int fd;

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sin, sizeof sin), 0);
	getsockname(fd, (struct sockaddr *)&sin, &len);
	snprintf(at, sizeof at, "127.0.0.1:%d", ntohs(sin.sin_port));
	assert_int_equal(evdns_base_nameserver_ip_add(d->dns, at), 0);
	return fd;
}

static void
nxdomain(struct evdns_server_request *req, void *arg)
{
	(void)arg;
	evdns_server_request_respond(req, DNS_ERR_NOTEXIST);
}

/* A name the hosts file does not have, which the name server (one on
 * 127.0.0.1 here) says does not exist: k6/http's text. */
static void
test_no_such_host(void **state)
{
	const char *addrs[] = { "127.0.0.1" };
	struct evdns_server_port *ns;
	struct dial d;
	struct wsconn *c;
	struct wsconn_event *e;
	int fd;

	(void)state;
	dial_setup(&d, addrs, 1);
	fd = name_server(&d);
	evutil_make_socket_nonblocking(fd);
	ns = evdns_add_server_port_with_base(d.base, fd, 0, nxdomain, NULL);
	e = dial_run(&d, &c, "other.test");
	assert_int_equal(d.accepted, 0);
	assert_int_equal(e->type, WSE_FAIL);
	assert_string_equal(e->data, "lookup other.test: no such host");
	evdns_close_server_port(ns);
	close(fd);
	dial_teardown(&d, c, e);
}

/* A connection freed while its name is being looked up (a VU cut
 * short): the lookup is cancelled, nothing runs on the freed connection
 * (valgrind says so). */
static void
test_free_while_looking_up(void **state)
{
	const char *addrs[] = { "127.0.0.1" };
	struct wsconn_params p;
	struct timeval tv = { 0, 100000 };
	struct dial d;
	struct wsconn *c;
	char *cause = NULL;
	int fd;

	(void)state;
	dial_setup(&d, addrs, 1);
	fd = name_server(&d);	/* one that never answers */
	memset(&p, 0, sizeof p);
	p.url = "ws://slow.test/";
	p.timeout_ms = 5000;
	p.dns = d.dns;
	c = wsconn_new(d.base, &p, notified, &d, &cause);
	assert_non_null(c);
	event_base_loopexit(d.base, &tv);
	event_base_dispatch(d.base);
	assert_false(d.notified);
	wsconn_free(c);
	event_base_loopexit(d.base, &tv);
	event_base_dispatch(d.base);
	assert_false(d.notified);
	close(fd);
	dial_teardown(&d, NULL, NULL);
}

/* A proxy this connection cannot use, and HTTP_PROXY under CGI: the
 * handshake fails with the reason, nothing is dialled. */
static void
test_proxy_refused_here(void **state)
{
	static const struct {
		struct wsproxy_env	 env;
		const char		*want;
	} cases[] = {
		{ { "socks4://127.0.0.1:1", NULL, NULL, 0 },
		    "proxy: unknown scheme: socks4" },
		{ { "https://127.0.0.1:1", NULL, NULL, 0 },
		    "proxy: unknown scheme: https" },
		{ { "http://127.0.0.1:1", NULL, NULL, 1 },
		    "refusing to use HTTP_PROXY value in CGI environment; "
		    "see golang.org/s/cgihttpproxy" },
	};
	struct wsconn_params p;
	struct wsconn *c;
	struct wsconn_event *e;
	char *cause = NULL;
	struct dial d;
	size_t i;

	(void)state;
	memset(&d, 0, sizeof d);
	d.base = event_base_new();
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&p, 0, sizeof p);
		p.url = "ws://echo.test/";
		p.timeout_ms = 1000;
		p.proxy = &cases[i].env;
		c = wsconn_new(d.base, &p, notified, &d, &cause);
		assert_non_null(c);
		e = wsconn_next(c);
		assert_non_null(e);
		assert_int_equal(e->type, WSE_FAIL);
		assert_string_equal(e->data, cases[i].want);
		wsconn_event_free(e);
		wsconn_free(c);
	}
	event_base_free(d.base);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefers_ipv4),
		cmocka_unit_test(test_ipv6_only),
		cmocka_unit_test(test_random_one),
		cmocka_unit_test(test_no_such_host),
		cmocka_unit_test(test_free_while_looking_up),
		cmocka_unit_test(test_proxy_refused_here),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
