/* Unit tests for src/net/resolver.c, the dns option's resolver, against
 * a name server on 127.0.0.1 (LYOCELL_DNS_SERVER) that counts the
 * questions it gets: ttl keeps answers that long (0: never), errors are
 * not kept, a lookup cancelled calls nothing, select and policy choose
 * as k6's resolver does. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <cmocka.h>

#include <event2/dns.h>
#include <event2/dns_struct.h>
#include <event2/event.h>

#include "net/resolver.h"

struct ns {
	struct event_base		*base;
	struct evdns_server_port	*port;
	int				 fd;
	int				 asked;		/* A questions */
	int				 answered;	/* callbacks run */
	struct resolver_answer		 last;
};

/* multi.test: 127.0.0.1, 127.0.0.2, 127.0.0.3 (A), ::1 (AAAA); any
 * other name does not exist. */
static void
serve(struct evdns_server_request *req, void *arg)
{
	struct ns *ns = arg;
	struct evdns_server_question *q = req->questions[0];
	uint32_t a[3] = { htonl(0x7f000001), htonl(0x7f000002), htonl(0x7f000003) };
	unsigned char six[16] = { [15] = 1 };

	if (req->nquestions != 1 || strcasecmp(q->name, "multi.test") != 0) {
		evdns_server_request_respond(req, DNS_ERR_NOTEXIST);
		return;
	}
	if (q->type == EVDNS_TYPE_A) {
		ns->asked++;
		evdns_server_request_add_a_reply(req, q->name, 3, a, 60);
	} else if (q->type == EVDNS_TYPE_AAAA)
		evdns_server_request_add_aaaa_reply(req, q->name, 1, six, 60);
	evdns_server_request_respond(req, 0);
}

static void
ns_start(struct ns *ns)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	char at[32];

	memset(ns, 0, sizeof *ns);
	ns->base = event_base_new();
	ns->fd = socket(AF_INET, SOCK_DGRAM, 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(ns->fd, (struct sockaddr *)&sin, sizeof sin), 0);
	getsockname(ns->fd, (struct sockaddr *)&sin, &len);
	evutil_make_socket_nonblocking(ns->fd);
	ns->port = evdns_add_server_port_with_base(ns->base, ns->fd, 0, serve, ns);
	snprintf(at, sizeof at, "127.0.0.1:%d", ntohs(sin.sin_port));
	setenv("LYOCELL_DNS_SERVER", at, 1);
	unsetenv("LYOCELL_DNS_HOSTS");
}

static void
ns_stop(struct ns *ns)
{
	evdns_close_server_port(ns->port);
	close(ns->fd);
	event_base_free(ns->base);
}

static void
answered(const struct resolver_answer *a, void *arg)
{
	struct ns *ns = arg;

	ns->answered++;
	ns->last = *a;
	event_base_loopbreak(ns->base);
}

/* Look name up, from the cache or by waiting: the answer's address as
 * text, or "error". */
static const char *
lookup(struct ns *ns, struct resolver *r, const char *name)
{
	static char ip[64];
	struct resolver_query *q;
	struct resolver_answer a;
	struct timeval tv = { 5, 0 };

	if (resolver_lookup(r, name, &a, answered, ns, &q) == 1) {
		int before = ns->answered;

		event_base_loopexit(ns->base, &tv);
		event_base_dispatch(ns->base);
		assert_int_equal(ns->answered, before + 1);
		a = ns->last;
	}
	if (a.error != 0)
		return "error";
	resolver_ntop(&a, ip, sizeof ip);
	return ip;
}

/* Lookups of multi.test in a row with each conf: the addresses chosen,
 * and how many questions the name server got. */
static const struct {
	struct resolver_conf	 conf;
	const char		*want[4];
	int			 asked;
} rows[] = {
	/* ttl keeps the answer; roundRobin takes each address in turn */
	{ { 60000, RESOLVER_ROUND_ROBIN, RESOLVER_PREFER_IPV4 },
	  { "127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.1" }, 1 },
	/* ttl 0 asks every time */
	{ { 0, RESOLVER_FIRST, RESOLVER_PREFER_IPV4 },
	  { "127.0.0.1", "127.0.0.1", "127.0.0.1" }, 3 },
	{ { 60000, RESOLVER_FIRST, RESOLVER_ONLY_IPV6 }, { "::1", "::1" }, 1 },
	{ { 60000, RESOLVER_FIRST, RESOLVER_PREFER_IPV6 }, { "::1" }, 1 },
	/* libevent answers IPv4 first */
	{ { 60000, RESOLVER_FIRST, RESOLVER_ANY }, { "127.0.0.1" }, 1 },
};

static void
test_rows(void **state)
{
	struct resolver *r;
	struct ns ns;
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ns_start(&ns);
		r = resolver_new(ns.base, &rows[i].conf);
		for (j = 0; j < 4 && rows[i].want[j] != NULL; j++)
			assert_string_equal(lookup(&ns, r, "multi.test"), rows[i].want[j]);
		assert_int_equal(ns.asked, rows[i].asked);
		resolver_free(r);
		ns_stop(&ns);
	}
}

/* Names compare without case; a reused connection gives its roundRobin
 * turn back; a name that does not exist is k6's "no such host". */
static void
test_names(void **state)
{
	struct resolver_conf conf = { 60000, RESOLVER_ROUND_ROBIN, RESOLVER_ONLY_IPV4 };
	struct resolver *r;
	struct ns ns;

	(void)state;
	ns_start(&ns);
	r = resolver_new(ns.base, &conf);
	assert_string_equal(lookup(&ns, r, "multi.test"), "127.0.0.1");
	assert_string_equal(lookup(&ns, r, "MULTI.test"), "127.0.0.2");
	resolver_unpick(r, "Multi.Test");
	assert_string_equal(lookup(&ns, r, "multi.test"), "127.0.0.2");
	assert_int_equal(ns.asked, 1);
	assert_string_equal(lookup(&ns, r, "other.test"), "error");
	assert_int_equal(ns.last.error, EVUTIL_EAI_NONAME);
	resolver_free(r);
	ns_stop(&ns);
}

/* A lookup cancelled before its answer calls nothing; the others
 * waiting for the same answer get it. */
static void
test_cancel(void **state)
{
	struct resolver_conf conf = { 60000, RESOLVER_RANDOM, RESOLVER_ONLY_IPV4 };
	struct resolver_query *q, *q2;
	struct resolver_answer a;
	struct resolver *r;
	struct timeval tv = { 0, 200000 };
	struct ns ns;

	(void)state;
	ns_start(&ns);
	r = resolver_new(ns.base, &conf);
	assert_int_equal(resolver_lookup(r, "multi.test", &a, answered, &ns, &q), 1);
	resolver_cancel(q);
	event_base_loopexit(ns.base, &tv);
	event_base_dispatch(ns.base);
	assert_int_equal(ns.answered, 0);
	/* the answer is kept all the same */
	assert_int_equal(resolver_lookup(r, "multi.test", &a, answered, &ns, &q), 0);
	assert_int_equal(a.error, 0);
	/* one of two waiting for the same answer */
	assert_int_equal(resolver_lookup(r, "other.test", &a, answered, &ns, &q), 1);
	assert_int_equal(resolver_lookup(r, "other.test", &a, answered, &ns, &q2), 1);
	resolver_cancel(q);
	event_base_loopexit(ns.base, &tv);
	event_base_dispatch(ns.base);
	assert_int_equal(ns.answered, 1);
	assert_int_equal(ns.last.error, EVUTIL_EAI_NONAME);
	resolver_free(r);
	ns_stop(&ns);
}

static void
test_literal(void **state)
{
	(void)state;
	assert_true(resolver_literal("127.0.0.1"));
	assert_true(resolver_literal("::1"));
	assert_true(resolver_literal("[::1]"));
	assert_false(resolver_literal("localhost"));
	assert_false(resolver_literal("1.2.3"));
	assert_int_equal(resolver_select_of("roundRobin"), RESOLVER_ROUND_ROBIN);
	assert_int_equal(resolver_select_of("roundrobin"), 0);
	assert_int_equal(resolver_policy_of("onlyIPv6"), RESOLVER_ONLY_IPV6);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_literal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
