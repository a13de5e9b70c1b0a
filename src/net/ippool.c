/* k6's IPPool (lib/types/ipblock.go): blocks of consecutive addresses,
 * an address, a range "a-b" or a CIDR range (an IPv4 one of more than
 * two addresses without its network and broadcast addresses), counted
 * in 128-bit arithmetic as k6 counts them in big integers. */
#include "config.h"

#include <sys/socket.h>
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/ippool.h"
#include "util/xmalloc.h"

typedef unsigned __int128 u128;

struct block {
	int	 v6;
	u128	 first, count;
};

struct ippool {
	struct block	*b;
	size_t		 n;
	u128		 total;
};

static u128
to_u128(const unsigned char *a, int len)
{
	u128 v = 0;
	int i;

	for (i = 0; i < len; i++)
		v = v << 8 | a[i];
	return v;
}

/* An address as Go's net.ParseIP takes it: v4 (4 bytes) or v6. */
static int
parse_ip(const char *s, u128 *v, int *v6)
{
	unsigned char a[16];
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

	if (inet_pton(AF_INET, s, a) == 1) {
		*v = to_u128(a, 4);
		*v6 = 0;
		return 0;
	}
	if (inet_pton(AF_INET6, s, a) != 1)
		return -1;
	if (memcmp(a, mapped, sizeof mapped) == 0) {	/* Go's To4 */
		*v = to_u128(a + 12, 4);
		*v6 = 0;
	} else {
		*v = to_u128(a, 16);
		*v6 = 1;
	}
	return 0;
}

static int
block_range(const char *s, struct block *b, char **cause)
{
	const char *dash = strchr(s, '-');
	char *lo = xstrndup(s, (size_t)(dash - s));
	u128 first, last;
	int v6a, v6b, bad;

	bad = parse_ip(lo, &first, &v6a) == -1 || parse_ip(dash + 1, &last, &v6b) == -1;
	free(lo);
	if (bad) {
		*cause = xasprintf("wrong IP range format: %s", s);
		return -1;
	}
	if (v6a != v6b) {
		*cause = xasprintf("mixed IP range format: %s", s);
		return -1;
	}
	if (last < first) {
		*cause = xasprintf("negative IP range: %s", s);
		return -1;
	}
	b->v6 = v6a;
	b->first = first;
	b->count = last - first + 1;
	return 0;
}

static int
block_cidr(const char *s, struct block *b, char **cause)
{
	const char *slash = strchr(s, '/');
	char *ip = xstrndup(s, (size_t)(slash - s)), *end;
	long bits = strtol(slash + 1, &end, 10);
	int v6, len, bad = parse_ip(ip, &b->first, &v6) == -1 || strchr(ip, '%') != NULL;

	free(ip);
	len = v6 ? 128 : 32;
	if (bad || slash[1] < '0' || slash[1] > '9' || *end != '\0' || bits < 0 || bits > len) {
		*cause = xasprintf("parseCIDR() failed parsing %s: invalid CIDR address: %s", s, s);
		return -1;
	}
	b->v6 = v6;
	if (bits < len) {
		u128 host = ((u128)1 << (len - bits)) - 1;

		b->first &= ~host;
		b->count = host + 1;
	} else
		b->count = 1;
	if (bits == 0 && v6)
		b->count = ~(u128)0;	/* all of IPv6: one short, as good as all */
	/* an IPv4 block of more than two: neither network nor broadcast */
	if (!v6 && b->count > 2) {
		b->count -= 2;
		b->first += 1;
	}
	return 0;
}

struct ippool *
ippool_parse(const char *s, char **cause)
{
	struct ippool *p = xcalloc(1, sizeof *p);
	char *copy = xstrdup(s), *rest = copy, *part;
	int rv = 0;

	while (rv == 0 && (part = strsep(&rest, ",")) != NULL) {
		struct block b;
		u128 v;
		int v6;

		if (strchr(part, '-') != NULL)
			rv = block_range(part, &b, cause);
		else if (strchr(part, '/') != NULL)
			rv = block_cidr(part, &b, cause);
		else if (parse_ip(part, &v, &v6) == 0) {
			b.v6 = v6;
			b.first = v;
			b.count = 1;
		} else {
			*cause = xasprintf("%s is not a valid IP, IP range or CIDR", part);
			rv = -1;
		}
		if (rv == 0) {
			p->b = xreallocarray(p->b, p->n + 1, sizeof *p->b);
			p->b[p->n++] = b;
			p->total += b.count;
		}
	}
	free(copy);
	if (rv == -1) {
		ippool_free(p);
		return NULL;
	}
	return p;
}

void
ippool_get(const struct ippool *p, uint64_t index, char out[64])
{
	u128 i = (u128)index % p->total, v;
	unsigned char a[16];
	size_t k;
	int j;

	for (k = 0; k < p->n && i >= p->b[k].count; k++)
		i -= p->b[k].count;
	v = p->b[k].first + i;
	for (j = p->b[k].v6 ? 15 : 3; j >= 0; j--) {
		a[j] = (unsigned char)v;
		v >>= 8;
	}
	inet_ntop(p->b[k].v6 ? AF_INET6 : AF_INET, a, out, 64);
}

int
ippool_socket(int family, const char *ip)
{
	struct sockaddr_in s4;
	struct sockaddr_in6 s6;
	int fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0), rc = 0, e;

	if (fd == -1)
		return -1;
	memset(&s4, 0, sizeof s4);
	memset(&s6, 0, sizeof s6);
	if (family == AF_INET && inet_pton(AF_INET, ip, &s4.sin_addr) == 1) {
		s4.sin_family = AF_INET;
		rc = bind(fd, (struct sockaddr *)&s4, sizeof s4);
	} else if (family == AF_INET6 && inet_pton(AF_INET6, ip, &s6.sin6_addr) == 1) {
		s6.sin6_family = AF_INET6;
		rc = bind(fd, (struct sockaddr *)&s6, sizeof s6);
	}
	if (rc == -1) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

void
ippool_free(struct ippool *p)
{
	if (p == NULL)
		return;
	free(p->b);
	free(p);
}
