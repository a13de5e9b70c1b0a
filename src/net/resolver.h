/* The dns option's resolver, as k6's (lib/netext/resolver.go): a name's
 * addresses are looked up on the event loop (libevent's evdns, reading
 * /etc/resolv.conf and /etc/hosts), kept for ttl, narrowed to the
 * families the policy allows, and one of them chosen by select for each
 * connection.  k6 has one per process; Lyocell one per engine (a worker,
 * or the coordinator for setup and teardown).
 *
 * resolver_new returns an owned object; resolver_free(NULL) is a no-op
 * and must run before the event base is freed.  Functions taking
 * const char * borrow it. */
#ifndef LYOCELL_RESOLVER_H
#define LYOCELL_RESOLVER_H

#include <sys/socket.h>

struct event_base;
struct resolver;
struct resolver_query;

enum resolver_select { RESOLVER_FIRST = 1, RESOLVER_ROUND_ROBIN, RESOLVER_RANDOM };
enum resolver_policy {
	RESOLVER_PREFER_IPV4 = 1, RESOLVER_PREFER_IPV6, RESOLVER_ONLY_IPV4,
	RESOLVER_ONLY_IPV6, RESOLVER_ANY
};

struct resolver_conf {
	double			ttl_ms;		/* 0: no cache */
	enum resolver_select	select;
	enum resolver_policy	policy;
};

/* A lookup's answer: error 0 and the address chosen (port 0), or an
 * EVUTIL_EAI_* code (EVUTIL_EAI_NONAME: no address the policy allows). */
struct resolver_answer {
	int			error;
	struct sockaddr_storage	addr;
	socklen_t		addrlen;
};

typedef void resolver_fn(const struct resolver_answer *, void *arg);

/* The resolver of conf on base.  For tests: LYOCELL_DNS_HOSTS names a
 * hosts file read after /etc/hosts, LYOCELL_DNS_SERVER (ADDRESS:PORT)
 * the name server to ask instead of /etc/resolv.conf's. */
struct resolver	*resolver_new(struct event_base *, const struct resolver_conf *);
void		 resolver_free(struct resolver *);
/* "first", "roundRobin", ..., as k6 spells them: the value, or 0. */
int		 resolver_select_of(const char *);
int		 resolver_policy_of(const char *);
/* Whether host is an address ("127.0.0.1", "::1", "[::1]"): k6 dials it
 * without a lookup. */
int		 resolver_literal(const char *host);
/* Look host up: 0 with *out the answer (from the cache, or at once), or
 * 1 when fn will get it from the loop (never before this returns) and
 * *q can cancel it until then. */
int		 resolver_lookup(struct resolver *, const char *host,
		    struct resolver_answer *out, resolver_fn *fn, void *arg,
		    struct resolver_query **q);
void		 resolver_cancel(struct resolver_query *);
/* The address host's last lookup chose went unused (a connection was
 * reused): roundRobin gives its turn back, since k6 looks a name up
 * only to dial. */
void		 resolver_unpick(struct resolver *, const char *host);
/* Write a's address as text ("127.0.0.1", "::1"). */
void		 resolver_ntop(const struct resolver_answer *a, char *out, size_t size);

#endif
