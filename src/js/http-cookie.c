/* Cookie storage and matching; see http-cookie.h. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "js/http-cookie.h"
#include "util/xmalloc.h"

#define JAR_MAX	3000	/* cookies per jar, as browsers cap them */

struct http_cookie_jar {
	struct http_cookie	*c;
	size_t			 n;
	unsigned long		*seq;	/* creation order, for stable sorting */
	unsigned long		 next;
};

struct http_cookie_jar *
http_cookie_jar_new(void)
{
	return xcalloc(1, sizeof(struct http_cookie_jar));
}

void
http_cookie_clear(struct http_cookie *c)
{
	free(c->name);
	free(c->value);
	free(c->domain);
	free(c->path);
	memset(c, 0, sizeof *c);
}

static void
jar_remove(struct http_cookie_jar *j, size_t i)
{
	http_cookie_clear(&j->c[i]);
	j->c[i] = j->c[j->n - 1];
	j->seq[i] = j->seq[j->n - 1];
	j->n--;
}

void
http_cookie_jar_reset(struct http_cookie_jar *j)
{
	while (j != NULL && j->n > 0)
		jar_remove(j, j->n - 1);
}

void
http_cookie_jar_free(struct http_cookie_jar *j)
{
	if (j == NULL)
		return;
	http_cookie_jar_reset(j);
	free(j->c);
	free(j->seq);
	free(j);
}

static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && isspace((unsigned char)*s))
		s++, n--;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

time_t
http_cookie_parse_time(const char *s)
{
	static const char *const fmts[] = {
		"%a, %d %b %Y %H:%M:%S",	/* RFC 1123 */
		"%a, %d-%b-%Y %H:%M:%S",	/* Netscape */
		"%A, %d-%b-%y %H:%M:%S",	/* RFC 850 */
		"%a %b %d %H:%M:%S %Y",		/* asctime */
		"%a, %d-%b-%y %H:%M:%S",
	};
	struct tm tm;
	size_t i;

	for (i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		memset(&tm, 0, sizeof tm);
		if (strptime(s, fmts[i], &tm) != NULL)
			return timegm(&tm);
	}
	return 0;
}

int
http_cookie_parse(const char *h, struct http_cookie *c)
{
	const char *semi, *eq, *end;
	char *k, *v;

	memset(c, 0, sizeof *c);
	semi = strchr(h, ';');
	end = semi != NULL ? semi : h + strlen(h);
	eq = memchr(h, '=', (size_t)(end - h));
	if (eq == NULL)
		return -1;
	c->name = trimmed(h, (size_t)(eq - h));
	c->value = trimmed(eq + 1, (size_t)(end - eq - 1));
	if (*c->name == '\0') {
		http_cookie_clear(c);
		return -1;
	}
	/* A quoted value keeps its quotes in Go's net/http only when
	 * invalid; strip a plain pair as it does. */
	if (strlen(c->value) >= 2 && c->value[0] == '"' &&
	    c->value[strlen(c->value) - 1] == '"') {
		memmove(c->value, c->value + 1, strlen(c->value) - 2);
		c->value[strlen(c->value) - 2] = '\0';
	}
	while (semi != NULL) {
		h = semi + 1;
		semi = strchr(h, ';');
		end = semi != NULL ? semi : h + strlen(h);
		eq = memchr(h, '=', (size_t)(end - h));
		k = trimmed(h, (size_t)((eq != NULL ? eq : end) - h));
		v = eq != NULL ? trimmed(eq + 1, (size_t)(end - eq - 1)) : xstrdup("");
		if (strcasecmp(k, "domain") == 0 && *v != '\0') {
			char *d = v + (*v == '.'), *p;

			for (p = d; *p != '\0'; p++)
				*p = (char)tolower((unsigned char)*p);
			free(c->domain);
			c->domain = xstrdup(d);
		} else if (strcasecmp(k, "path") == 0 && *v == '/') {
			free(c->path);
			c->path = xstrdup(v);
		} else if (strcasecmp(k, "max-age") == 0 && *v != '\0') {
			char *ep;
			long n = strtol(v, &ep, 10);

			if (*ep == '\0') {
				c->has_max_age = 1;
				c->max_age = n;
			}
		} else if (strcasecmp(k, "expires") == 0) {
			c->expires = http_cookie_parse_time(v);
		} else if (strcasecmp(k, "secure") == 0) {
			c->secure = 1;
		} else if (strcasecmp(k, "httponly") == 0) {
			c->http_only = 1;
		}
		free(k);
		free(v);
	}
	return 0;
}

static int
domain_match(const char *host, const char *domain)
{
	size_t h = strlen(host), d = strlen(domain);

	if (strcasecmp(host, domain) == 0)
		return 1;
	return h > d && host[h - d - 1] == '.' && strcasecmp(host + h - d, domain) == 0;
}

static int
path_match(const char *req, const char *cp)
{
	size_t n = strlen(cp);

	if (strncmp(req, cp, n) != 0)
		return 0;
	return cp[n - 1] == '/' || req[n] == '\0' || req[n] == '/';
}

static char *
default_path(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (path[0] != '/' || slash == NULL || slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

int
http_cookie_jar_store(struct http_cookie_jar *j, const char *host, const char *path,
    struct http_cookie *c, time_t now)
{
	size_t i;
	int expired;

	if (c->domain == NULL || *c->domain == '\0') {
		free(c->domain);
		c->domain = xstrdup(host);
		c->host_only = 1;
	} else if (!domain_match(host, c->domain)) {
		http_cookie_clear(c);
		return -1;
	}
	if (c->path == NULL)
		c->path = default_path(path);
	if (c->has_max_age)
		c->expires = c->max_age <= 0 ? 1 : now + c->max_age;
	expired = c->expires != 0 && c->expires <= now;
	for (i = 0; i < j->n; i++) {
		struct http_cookie *o = &j->c[i];

		if (strcmp(o->name, c->name) == 0 && strcmp(o->path, c->path) == 0 &&
		    strcasecmp(o->domain, c->domain) == 0) {
			if (expired) {
				jar_remove(j, i);
				http_cookie_clear(c);
				return -2;
			}
			http_cookie_clear(o);
			*o = *c;
			memset(c, 0, sizeof *c);
			return 0;
		}
	}
	if (expired) {
		http_cookie_clear(c);
		return -2;
	}
	if (j->n == JAR_MAX)
		jar_remove(j, 0);
	j->c = xreallocarray(j->c, j->n + 1, sizeof *j->c);
	j->seq = xreallocarray(j->seq, j->n + 1, sizeof *j->seq);
	j->c[j->n] = *c;
	j->seq[j->n++] = j->next++;
	memset(c, 0, sizeof *c);
	return 0;
}

void
http_cookie_jar_match(struct http_cookie_jar *j, const char *host, const char *path,
    int secure, time_t now, http_cookie_fn fn, void *arg)
{
	size_t i, k, n = 0, *idx;

	if (j == NULL || j->n == 0)
		return;
	idx = xcalloc(j->n, sizeof *idx);
	for (i = 0; i < j->n; i++) {
		struct http_cookie *c = &j->c[i];

		if (c->expires != 0 && c->expires <= now)
			continue;
		if (c->host_only ? strcasecmp(host, c->domain) != 0 :
		    !domain_match(host, c->domain))
			continue;
		if (!path_match(path, c->path) || (c->secure && !secure))
			continue;
		/* insertion sort: longer paths first, then older first */
		for (k = n; k > 0; k--) {
			struct http_cookie *p = &j->c[idx[k - 1]];
			size_t lp = strlen(p->path), lc = strlen(c->path);

			if (lp > lc || (lp == lc && j->seq[idx[k - 1]] < j->seq[i]))
				break;
			idx[k] = idx[k - 1];
		}
		idx[k] = i;
		n++;
	}
	for (i = 0; i < n; i++)
		fn(&j->c[idx[i]], arg);
	free(idx);
}

void
http_cookie_jar_delete(struct http_cookie_jar *j, const char *host, const char *path,
    const char *name)
{
	size_t i = 0;

	while (i < j->n) {
		struct http_cookie *c = &j->c[i];

		if ((name == NULL || strcmp(c->name, name) == 0) &&
		    (c->host_only ? strcasecmp(host, c->domain) == 0 :
		    domain_match(host, c->domain)) && path_match(path, c->path))
			jar_remove(j, i);
		else
			i++;
	}
}
