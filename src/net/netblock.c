/* The addresses and host names a test may not connect to (k6's
 * blacklistIPs and blockHostnames), matched as k6's dialer matches them:
 * a range by Go's net.IPNet.Contains, a host name by k6's HostnameTrie
 * (an exact pattern first, else the longest "*" pattern whose rest ends
 * the name), both without case. */
#include "config.h"

#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/netblock.h"
#include "util/xmalloc.h"

struct range {
	int		 family;	/* AF_INET or AF_INET6 */
	unsigned char	 net[16];	/* masked */
	int		 bits;
};

static struct range *ranges;
static size_t nranges;
static char **patterns;		/* lower case */
static size_t npatterns;

/* An address as Go's net.IP.String writes it: IPv4 (also mapped into
 * IPv6) dotted, IPv6 as RFC 5952 (glibc's inet_ntop). */
static void
go_ip(int family, const unsigned char *a, char out[NETBLOCK_TEXT])
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

	if (family == AF_INET6 && memcmp(a, mapped, sizeof mapped) == 0)
		inet_ntop(AF_INET, a + 12, out, NETBLOCK_TEXT);
	else
		inet_ntop(family, a, out, NETBLOCK_TEXT);
}

int
netblock_add_cidr(const char *s)
{
	struct range r;
	char addr[NETBLOCK_TEXT], *end;
	const char *slash = strchr(s, '/');
	long bits;
	int i, len;

	if (slash == NULL || (size_t)(slash - s) >= sizeof addr ||
	    !isdigit((unsigned char)slash[1]))
		return -1;
	memcpy(addr, s, (size_t)(slash - s));
	addr[slash - s] = '\0';
	memset(&r, 0, sizeof r);
	if (inet_pton(AF_INET, addr, r.net) == 1)
		r.family = AF_INET;
	else if (inet_pton(AF_INET6, addr, r.net) == 1)
		r.family = AF_INET6;
	else
		return -1;
	bits = strtol(slash + 1, &end, 10);
	len = r.family == AF_INET ? 4 : 16;
	/* Go reads the length with leading zeros too */
	if (*end != '\0' || bits < 0 || bits > len * 8)
		return -1;
	r.bits = (int)bits;
	for (i = 0; i < len; i++) {
		int keep = r.bits - i * 8;

		if (keep <= 0)
			r.net[i] = 0;
		else if (keep < 8)
			r.net[i] &= (unsigned char)(0xff << (8 - keep));
	}
	ranges = xreallocarray(ranges, nranges + 1, sizeof *ranges);
	ranges[nranges++] = r;
	return 0;
}

/* k6's pattern: ^(\*\.?)?((label\.)*label)?$ with labels of letters,
 * digits and inner hyphens. */
static int
valid_pattern(const char *p)
{
	size_t n;

	if (*p == '*') {
		p++;
		if (*p == '.')
			p++;
	}
	if (*p == '\0')
		return 1;
	for (;;) {
		n = 0;
		while (isalnum((unsigned char)p[n]) || p[n] == '-')
			n++;
		if (n == 0 || p[0] == '-' || p[n - 1] == '-')
			return 0;
		p += n;
		if (*p == '\0')
			return 1;
		if (*p != '.')
			return 0;
		p++;
	}
}

int
netblock_add_host(const char *pattern)
{
	char *p;

	if (!valid_pattern(pattern))
		return -1;
	p = xstrdup(pattern);
	for (char *c = p; *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
	patterns = xreallocarray(patterns, npatterns + 1, sizeof *patterns);
	patterns[npatterns++] = p;
	return 0;
}

int
netblock_active(void)
{
	return nranges > 0 || npatterns > 0;
}

const char *
netblock_host(const char *host)
{
	unsigned char a[16];
	const char *best = NULL;
	size_t hl = strlen(host), i, bestlen = 0;

	if (npatterns == 0 || inet_pton(AF_INET, host, a) == 1 ||
	    inet_pton(AF_INET6, host, a) == 1)
		return NULL;
	for (i = 0; i < npatterns; i++) {
		const char *p = patterns[i];
		size_t sl;

		if (*p != '*') {
			if (strcasecmp(p, host) == 0)
				return p;
			continue;
		}
		sl = strlen(p + 1);
		if (sl <= hl && strcasecmp(host + hl - sl, p + 1) == 0 &&
		    (best == NULL || sl > bestlen)) {
			best = p;
			bestlen = sl;
		}
	}
	return best;
}

int
netblock_addr(const struct sockaddr *sa, char ip[NETBLOCK_TEXT],
    char range[NETBLOCK_TEXT])
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	const unsigned char *a;
	int family, i;

	if (sa->sa_family == AF_INET) {
		family = AF_INET;
		a = (const unsigned char *)&((const struct sockaddr_in *)(const void *)sa)->sin_addr;
	} else if (sa->sa_family == AF_INET6) {
		a = (const unsigned char *)&((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr;
		family = AF_INET6;
		if (memcmp(a, mapped, sizeof mapped) == 0) {
			family = AF_INET;
			a += 12;
		}
	} else
		return 0;
	for (i = 0; (size_t)i < nranges; i++) {
		const struct range *r = &ranges[i];
		int full = r->bits / 8, rest = r->bits % 8;

		if (r->family != family || memcmp(a, r->net, (size_t)full) != 0)
			continue;
		if (rest != 0 && (a[full] & (0xff << (8 - rest)) & 0xff) != r->net[full])
			continue;
		go_ip(family, a, ip);
		go_ip(r->family, r->net, range);
		snprintf(range + strlen(range), NETBLOCK_TEXT - strlen(range), "/%d", r->bits);
		return 1;
	}
	return 0;
}

char *
netblock_host_error(const char *host)
{
	const char *pattern = netblock_host(host);

	return pattern == NULL ? NULL :
	    xasprintf("hostname (%s) is in a blocked pattern (%s)", host, pattern);
}

char *
netblock_addr_error(const struct sockaddr *sa)
{
	char ip[NETBLOCK_TEXT], range[NETBLOCK_TEXT];

	return !netblock_addr(sa, ip, range) ? NULL :
	    xasprintf("IP (%s) is in a blacklisted range (%s)", ip, range);
}

void
netblock_reset(void)
{
	size_t i;

	for (i = 0; i < npatterns; i++)
		free(patterns[i]);
	free(patterns);
	free(ranges);
	patterns = NULL;
	ranges = NULL;
	npatterns = nranges = 0;
}
