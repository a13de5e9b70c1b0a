/* The dns option's resolver; see resolver.h. */
#include "config.h"

#include <sys/socket.h>
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <event2/dns.h>
#include <event2/event.h>
#include <event2/util.h>
#include <openssl/rand.h>

#include "net/resolver.h"
#include "util/xmalloc.h"

/* Names kept at most: past it, those with no lookup in flight are
 * forgotten (their cache and roundRobin place). */
#define RESOLVER_MAX_NAMES	4096

struct resolver_query {
	struct resolver_query	*next;
	struct name		*n;
	resolver_fn		*fn;
	void			*arg;
	int			 detached;	/* being answered */
};

struct name {
	struct name		*next;		/* in its bucket */
	char			*host;
	struct sockaddr_storage	*addrs;		/* the policy's, in order */
	size_t			 naddrs;
	int64_t			 at;		/* ms of the last lookup, -1: none */
	uint8_t			 rr;		/* roundRobin's turn: a byte, as k6's */
	struct evdns_getaddrinfo_request *req;	/* the lookup in flight */
	struct resolver_query	*waiting;
	int			 sync;		/* inside evdns_getaddrinfo */
	int			 sync_error;	/* its answer, if it came then */
	int			 sync_done;
};

struct resolver {
	struct event_base	*base;
	struct evdns_base	*dns;
	struct resolver_conf	 conf;
	struct name		**tab;
	size_t			 ntab, count;
	uint64_t		 rand;		/* xorshift64 state, for random */
};

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct resolver *
resolver_new(struct event_base *base, const struct resolver_conf *conf)
{
	struct resolver *r = xcalloc(1, sizeof *r);
	const char *hosts = getenv("LYOCELL_DNS_HOSTS");
	const char *server = getenv("LYOCELL_DNS_SERVER");

	r->base = base;
	r->conf = *conf;
	r->dns = evdns_base_new(base, EVDNS_BASE_INITIALIZE_NAMESERVERS);
	if (r->dns == NULL)
		r->dns = evdns_base_new(base, 0);
	if (r->dns != NULL && hosts != NULL && *hosts != '\0')
		evdns_base_load_hosts(r->dns, hosts);
	if (r->dns != NULL && server != NULL && *server != '\0') {
		evdns_base_clear_nameservers_and_suspend(r->dns);
		evdns_base_nameserver_ip_add(r->dns, server);
		evdns_base_resume(r->dns);
	}
	r->ntab = 64;
	r->tab = xcalloc(r->ntab, sizeof *r->tab);
	if (RAND_bytes((unsigned char *)&r->rand, sizeof r->rand) != 1 || r->rand == 0)
		r->rand = (uint64_t)now_ms() ^ ((uint64_t)getpid() << 32) ^ 0x9e3779b97f4a7c15ULL;
	return r;
}

static void
name_free(struct name *n)
{
	struct resolver_query *q;

	if (n->req != NULL)
		evdns_getaddrinfo_cancel(n->req);	/* got() returns at once */
	while ((q = n->waiting) != NULL) {
		n->waiting = q->next;
		free(q);
	}
	free(n->host);
	free(n->addrs);
	free(n);
}

void
resolver_free(struct resolver *r)
{
	struct name *n;
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->ntab; i++)
		while ((n = r->tab[i]) != NULL) {
			r->tab[i] = n->next;
			name_free(n);
		}
	free(r->tab);
	if (r->dns != NULL)
		evdns_base_free(r->dns, 0);
	free(r);
}

int
resolver_select_of(const char *s)
{
	return strcmp(s, "first") == 0 ? RESOLVER_FIRST :
	    strcmp(s, "roundRobin") == 0 ? RESOLVER_ROUND_ROBIN :
	    strcmp(s, "random") == 0 ? RESOLVER_RANDOM : 0;
}

int
resolver_policy_of(const char *s)
{
	return strcmp(s, "preferIPv4") == 0 ? RESOLVER_PREFER_IPV4 :
	    strcmp(s, "preferIPv6") == 0 ? RESOLVER_PREFER_IPV6 :
	    strcmp(s, "onlyIPv4") == 0 ? RESOLVER_ONLY_IPV4 :
	    strcmp(s, "onlyIPv6") == 0 ? RESOLVER_ONLY_IPV6 :
	    strcmp(s, "any") == 0 ? RESOLVER_ANY : 0;
}

int
resolver_literal(const char *host)
{
	unsigned char b[16];
	char tmp[64];
	size_t n = strlen(host);

	if (n >= 2 && host[0] == '[' && host[n - 1] == ']' && n - 2 < sizeof tmp) {
		memcpy(tmp, host + 1, n - 2);
		tmp[n - 2] = '\0';
		return inet_pton(AF_INET6, tmp, b) == 1;
	}
	return inet_pton(AF_INET, host, b) == 1 || inet_pton(AF_INET6, host, b) == 1;
}

void
resolver_ntop(const struct resolver_answer *a, char *out, size_t size)
{
	if (a->addr.ss_family == AF_INET6)
		evutil_inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)&a->addr)->sin6_addr,
		    out, size);
	else
		evutil_inet_ntop(AF_INET, &((const struct sockaddr_in *)&a->addr)->sin_addr,
		    out, size);
}

static size_t
hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) * 16777619u;
	return h;
}

/* Forget the names with no lookup in flight (the cap was reached). */
static void
forget_idle(struct resolver *r)
{
	struct name **np, *n;
	size_t i;

	for (i = 0; i < r->ntab; i++)
		for (np = &r->tab[i]; (n = *np) != NULL;) {
			if (n->req != NULL || n->sync) {
				np = &n->next;
				continue;
			}
			*np = n->next;
			name_free(n);
			r->count--;
		}
}

static struct name *
name_get(struct resolver *r, const char *host)
{
	struct name *n;
	size_t i = hash(host) & (r->ntab - 1);

	for (n = r->tab[i]; n != NULL; n = n->next)
		if (strcasecmp(n->host, host) == 0)
			return n;
	if (r->count >= RESOLVER_MAX_NAMES)
		forget_idle(r);
	if (r->count >= r->ntab && r->ntab < RESOLVER_MAX_NAMES) {
		struct name **tab = xcalloc(r->ntab * 2, sizeof *tab), *next;
		size_t j;

		for (j = 0; j < r->ntab; j++)
			for (n = r->tab[j]; n != NULL; n = next) {
				next = n->next;
				n->next = tab[hash(n->host) & (r->ntab * 2 - 1)];
				tab[hash(n->host) & (r->ntab * 2 - 1)] = n;
			}
		free(r->tab);
		r->tab = tab;
		r->ntab *= 2;
		i = hash(host) & (r->ntab - 1);
	}
	n = xcalloc(1, sizeof *n);
	n->host = xstrdup(host);
	n->at = -1;
	n->next = r->tab[i];
	r->tab[i] = n;
	r->count++;
	return n;
}

/* Keep the addresses of ai the policy allows, in their order (k6's
 * applyPolicy). */
static void
keep(struct resolver *r, struct name *n, const struct evutil_addrinfo *ai)
{
	const struct evutil_addrinfo *a;
	size_t n4 = 0, n6 = 0, k = 0;
	int want = 0;		/* a family, or 0 for both */

	for (a = ai; a != NULL; a = a->ai_next) {
		n4 += a->ai_family == AF_INET;
		n6 += a->ai_family == AF_INET6;
	}
	switch (r->conf.policy) {
	case RESOLVER_PREFER_IPV4:
		want = n4 > 0 ? AF_INET : AF_INET6;
		break;
	case RESOLVER_PREFER_IPV6:
		want = n6 > 0 ? AF_INET6 : AF_INET;
		break;
	case RESOLVER_ONLY_IPV4:
		want = AF_INET;
		break;
	case RESOLVER_ONLY_IPV6:
		want = AF_INET6;
		break;
	case RESOLVER_ANY:
		break;
	}
	free(n->addrs);
	n->addrs = xcalloc(n4 + n6 + 1, sizeof *n->addrs);
	for (a = ai; a != NULL; a = a->ai_next) {
		if ((a->ai_family != AF_INET && a->ai_family != AF_INET6) ||
		    (want != 0 && a->ai_family != want) ||
		    a->ai_addrlen > sizeof *n->addrs)
			continue;
		memcpy(&n->addrs[k++], a->ai_addr, a->ai_addrlen);
	}
	n->naddrs = k;
	n->at = now_ms();
}

/* One of n's addresses, as select says (k6's selectOne). */
static void
pick(struct resolver *r, struct name *n, struct resolver_answer *out)
{
	size_t i = 0;

	memset(out, 0, sizeof *out);
	if (n->naddrs == 0) {
		out->error = EVUTIL_EAI_NONAME;
		return;
	}
	switch (r->conf.select) {
	case RESOLVER_FIRST:
		break;
	case RESOLVER_ROUND_ROBIN:
		i = n->rr++ % n->naddrs;
		break;
	case RESOLVER_RANDOM:
		r->rand ^= r->rand << 13;
		r->rand ^= r->rand >> 7;
		r->rand ^= r->rand << 17;
		i = (size_t)(r->rand % n->naddrs);
		break;
	}
	out->addr = n->addrs[i];
	if (out->addr.ss_family == AF_INET6) {
		((struct sockaddr_in6 *)&out->addr)->sin6_port = 0;
		out->addrlen = sizeof(struct sockaddr_in6);
	} else {
		((struct sockaddr_in *)&out->addr)->sin_port = 0;
		out->addrlen = sizeof(struct sockaddr_in);
	}
}

struct got_arg {
	struct resolver	*r;
	struct name	*n;
};

static void
got(int err, struct evutil_addrinfo *ai, void *arg)
{
	struct got_arg *g = arg;
	struct resolver *r = g->r;
	struct name *n = g->n;
	struct resolver_query *list, *q;
	struct resolver_answer a;

	free(g);
	if (err == EVUTIL_EAI_CANCEL) {
		if (ai != NULL)
			evutil_freeaddrinfo(ai);
		return;		/* n is being freed */
	}
	n->req = NULL;
	/* k6 keeps what the policy leaves, even nothing; not a failure */
	if (err == 0)
		keep(r, n, ai);
	if (ai != NULL)
		evutil_freeaddrinfo(ai);
	if (n->sync) {
		n->sync_done = 1;
		n->sync_error = err;
		return;
	}
	/* the waiters may start lookups of n again: answer a list of
	 * their own */
	list = n->waiting;
	n->waiting = NULL;
	for (q = list; q != NULL; q = q->next)
		q->detached = 1;
	while ((q = list) != NULL) {
		list = q->next;
		if (q->fn != NULL) {
			memset(&a, 0, sizeof a);
			if (err != 0)
				a.error = err;
			else
				pick(r, n, &a);
			q->fn(&a, q->arg);
		}
		free(q);
	}
}

int
resolver_lookup(struct resolver *r, const char *host, struct resolver_answer *out,
    resolver_fn *fn, void *arg, struct resolver_query **qp)
{
	struct evutil_addrinfo hints;
	struct resolver_query *q;
	struct got_arg *g;
	struct name *n;

	*qp = NULL;
	memset(out, 0, sizeof *out);
	if (r->dns == NULL) {
		out->error = EVUTIL_EAI_FAIL;
		return 0;
	}
	n = name_get(r, host);
	if (n->req == NULL && n->at >= 0 && r->conf.ttl_ms > 0 &&
	    (double)(now_ms() - n->at) < r->conf.ttl_ms) {
		pick(r, n, out);
		return 0;
	}
	q = xcalloc(1, sizeof *q);
	q->n = n;
	q->fn = fn;
	q->arg = arg;
	q->next = n->waiting;
	n->waiting = q;
	if (n->req != NULL) {
		*qp = q;
		return 1;
	}
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_protocol = IPPROTO_TCP;
	g = xmalloc(sizeof *g);
	g->r = r;
	g->n = n;
	n->sync = 1;
	n->sync_done = 0;
	/* NULL when got() already ran (the hosts file, an error) */
	n->req = evdns_getaddrinfo(r->dns, host, NULL, &hints, got, g);
	n->sync = 0;
	if (!n->sync_done) {
		*qp = q;
		return 1;
	}
	n->waiting = q->next;	/* the only waiter: no lookup was in flight */
	free(q);
	if (n->sync_error != 0)
		out->error = n->sync_error;
	else
		pick(r, n, out);
	return 0;
}

void
resolver_unpick(struct resolver *r, const char *host)
{
	struct name *n;

	if (r->conf.select != RESOLVER_ROUND_ROBIN)
		return;
	for (n = r->tab[hash(host) & (r->ntab - 1)]; n != NULL; n = n->next)
		if (strcasecmp(n->host, host) == 0) {
			n->rr--;
			return;
		}
}

void
resolver_cancel(struct resolver_query *q)
{
	struct resolver_query **qp;

	if (q == NULL)
		return;
	if (q->detached) {
		q->fn = NULL;	/* got() frees it */
		return;
	}
	for (qp = &q->n->waiting; *qp != NULL; qp = &(*qp)->next)
		if (*qp == q) {
			*qp = q->next;
			break;
		}
	free(q);
}
