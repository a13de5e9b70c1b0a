/* The proxy of a WebSocket; see wsproxy.h.  The rules are those of Go's
 * golang.org/x/net/http/httpproxy, which k6's WebSockets use. */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "net/wsproxy.h"
#include "util/xmalloc.h"

static const char *
env2(const char *upper, const char *lower)
{
	const char *v = getenv(upper);

	return v != NULL && *v != '\0' ? v : getenv(lower);
}

void
wsproxy_getenv(struct wsproxy_env *e)
{
	const char *rm = getenv("REQUEST_METHOD");

	e->http_proxy = env2("HTTP_PROXY", "http_proxy");
	e->https_proxy = env2("HTTPS_PROXY", "https_proxy");
	e->no_proxy = env2("NO_PROXY", "no_proxy");
	e->cgi = rm != NULL && *rm != '\0';
}

/* An address of either family in out (16 bytes), its family, or 0. */
static int
parse_ip(const char *s, unsigned char out[16])
{
	if (inet_pton(AF_INET, s, out) == 1)
		return AF_INET;
	if (inet_pton(AF_INET6, s, out) == 1)
		return AF_INET6;
	return 0;
}

static int
is_loopback(int af, const unsigned char *a)
{
	static const unsigned char v6lo[16] = { [15] = 1 };
	static const unsigned char v4mapped[12] = { [10] = 0xff, [11] = 0xff };

	if (af == AF_INET)
		return a[0] == 127;
	if (memcmp(a, v6lo, 16) == 0)
		return 1;
	return memcmp(a, v4mapped, 12) == 0 && a[12] == 127;
}

/* Whether ip (of family af) is in the CIDR s ("10.0.0.0/8"); -1 if s
 * is no CIDR. */
static int
cidr_match(const char *s, int af, const unsigned char *ip)
{
	unsigned char net[16];
	char buf[64], *slash, *end;
	long bits;
	int naf, i;

	if (strlen(s) >= sizeof buf || (slash = strchr(s, '/')) == NULL)
		return -1;
	memcpy(buf, s, (size_t)(slash - s));
	buf[slash - s] = '\0';
	if ((naf = parse_ip(buf, net)) == 0)
		return -1;
	bits = strtol(slash + 1, &end, 10);
	if (*end != '\0' || slash[1] == '\0' || bits < 0 ||
	    bits > (naf == AF_INET ? 32 : 128))
		return -1;
	if (af != naf)
		return 0;
	for (i = 0; bits > 0; i++, bits -= 8) {
		unsigned char m = bits >= 8 ? 0xff : (unsigned char)(0xff << (8 - bits));

		if ((ip[i] & m) != (net[i] & m))
			return 0;
	}
	return 1;
}

/* Whether the NO_PROXY entry p (lower case, trimmed) excludes host:port. */
static int
no_proxy_match(char *p, const char *host, const char *port, int af,
    const unsigned char *ip)
{
	unsigned char pip[16];
	char *phost = p, *pport = NULL, *c;
	size_t hl, pl;
	int paf, r;

	if ((r = cidr_match(p, af, ip)) >= 0)
		return r;
	/* host:port, [v6]:port; a bare v6 address has colons too */
	if (p[0] == '[' && (c = strchr(p, ']')) != NULL) {
		*c = '\0';
		phost = p + 1;
		pport = c[1] == ':' ? c + 2 : NULL;
	} else if ((c = strrchr(p, ':')) != NULL && strchr(p, ':') == c) {
		*c = '\0';
		pport = c + 1;
	}
	if (*phost == '\0')
		return 0;
	if ((paf = parse_ip(phost, pip)) != 0)
		return af == paf && memcmp(pip, ip, paf == AF_INET ? 4 : 16) == 0 &&
		    (pport == NULL || strcmp(pport, port) == 0);
	if (strncmp(phost, "*.", 2) == 0)
		phost++;
	hl = strlen(host);
	pl = strlen(phost);
	if (phost[0] != '.') {
		/* foo.com: foo.com itself and its subdomains */
		if (!(hl == pl && strcmp(host, phost) == 0) &&
		    !(hl > pl && host[hl - pl - 1] == '.' && strcmp(host + hl - pl, phost) == 0))
			return 0;
	} else if (!(hl >= pl && strcmp(host + hl - pl, phost) == 0))
		return 0;
	return pport == NULL || strcmp(pport, port) == 0;
}

char *
wsproxy_for(const struct wsproxy_env *e, int tls, const char *host,
    const char *port, char **cause)
{
	const char *proxy = tls ? e->https_proxy : e->http_proxy;
	unsigned char ip[16] = { 0 };
	char *lhost, *list, *p, *save, *end;
	int af, skip = 0;
	size_t i;

	*cause = NULL;
	if (proxy == NULL || *proxy == '\0')
		return NULL;
	if (!tls && e->cgi) {
		*cause = xstrdup("refusing to use HTTP_PROXY value in CGI environment; "
		    "see golang.org/s/cgihttpproxy");
		return NULL;
	}
	if (strcasecmp(host, "localhost") == 0)
		return NULL;
	af = parse_ip(host, ip);
	if (af != 0 && is_loopback(af, ip))
		return NULL;
	lhost = xstrdup(host);
	for (i = 0; lhost[i] != '\0'; i++)
		lhost[i] = (char)tolower((unsigned char)lhost[i]);
	list = xstrdup(e->no_proxy != NULL ? e->no_proxy : "");
	for (p = strtok_r(list, ",", &save); p != NULL && !skip;
	    p = strtok_r(NULL, ",", &save)) {
		while (isspace((unsigned char)*p))
			p++;
		end = p + strlen(p);
		while (end > p && isspace((unsigned char)end[-1]))
			*--end = '\0';
		for (i = 0; p[i] != '\0'; i++)
			p[i] = (char)tolower((unsigned char)p[i]);
		if (*p == '\0')
			continue;
		if (strcmp(p, "*") == 0)
			skip = 1;
		else
			skip = no_proxy_match(p, lhost, port, af, ip);
	}
	free(list);
	free(lhost);
	if (skip)
		return NULL;
	if (strstr(proxy, "://") == NULL)
		return xasprintf("http://%s", proxy);
	return xstrdup(proxy);
}
