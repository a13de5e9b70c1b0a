/* A cookie jar as k6 keeps one per VU (RFC 6265 storage and matching,
 * without the public-suffix list).
 *
 * http_cookie_jar_new returns an owned jar; http_cookie_jar_free(NULL) is
 * a no-op.  Functions taking const char * borrow it; cookies handed to a
 * callback are valid only during the call. */
#ifndef LYOCELL_HTTP_COOKIE_H
#define LYOCELL_HTTP_COOKIE_H

#include <time.h>

struct http_cookie {
	char	*name;
	char	*value;
	char	*domain;	/* lower case, no leading dot */
	char	*path;
	int	 host_only;
	int	 secure;
	int	 http_only;
	int	 has_max_age;
	long	 max_age;
	time_t	 expires;	/* 0: a session cookie */
};

struct http_cookie_jar;

typedef void (*http_cookie_fn)(const struct http_cookie *, void *arg);

struct http_cookie_jar *http_cookie_jar_new(void);
void	 http_cookie_jar_free(struct http_cookie_jar *);
void	 http_cookie_jar_reset(struct http_cookie_jar *);
/* Parse one Set-Cookie value into c (owned strings; free with
 * http_cookie_clear).  0, or -1 when it has no name=value. */
int	 http_cookie_parse(const char *header, struct http_cookie *c);
void	 http_cookie_clear(struct http_cookie *);
/* Store a parsed cookie received from scheme://host/path (takes c's
 * strings; c is cleared).  Returns 0, or -1 when it was rejected (a
 * foreign domain), -2 when it deleted an existing cookie. */
int	 http_cookie_jar_store(struct http_cookie_jar *, const char *host,
	     const char *path, struct http_cookie *c, time_t now);
/* Call fn for every live cookie that would be sent to the URL parts, in
 * RFC 6265 order (longer paths first). */
void	 http_cookie_jar_match(struct http_cookie_jar *, const char *host,
	     const char *path, int secure, time_t now, http_cookie_fn fn,
	     void *arg);
/* Delete the cookies that match the URL parts (name NULL: all). */
void	 http_cookie_jar_delete(struct http_cookie_jar *, const char *host,
	     const char *path, const char *name);
/* Expires parsing: RFC 1123 and the common variants; 0 if unparsable. */
time_t	 http_cookie_parse_time(const char *);

#endif
