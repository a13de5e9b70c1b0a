/* Request URLs as Go's net/url.Parse and http.Transport judge them, so a
 * URL k6 refuses fails the same way here, with the same message.  Only
 * the checks that can fail are kept: Parse cuts the fragment, refuses
 * control bytes, reads the scheme, and checks the authority (userinfo,
 * brackets, port), the percent escapes of host, path and fragment, and a
 * colon in the first segment of a relative path. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "js/http-url.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* Go's strconv.Quote, for the ASCII a URL error shows. */
static void
quote(struct buf *b, const char *s, size_t n)
{
	size_t i;

	buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\r')
			buf_puts(b, "\\r");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\x%02x", c);
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

/* The reason url.Parse gives, in why (reset first); -1 when it fails. */
static int
fail(struct buf *why, const char *msg)
{
	buf_reset(why);
	buf_puts(why, msg);
	return -1;
}

/* Go's unescape: every '%' starts two hex digits; a host allows fewer
 * characters. */
static int
unescape_ok(const char *s, size_t n, int host, struct buf *why)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '%') {
			if (i + 2 >= n || !isxdigit((unsigned char)s[i + 1]) ||
			    !isxdigit((unsigned char)s[i + 2])) {
				buf_reset(why);
				buf_puts(why, "invalid URL escape ");
				quote(why, s + i, n - i > 3 ? 3 : n - i);
				return -1;
			}
			i += 2;
		} else if (host && c < 0x80 && !isalnum(c) &&
		    strchr("-_.~!$&'()*+,;=:[]<>\"", c) == NULL) {
			buf_reset(why);
			buf_puts(why, "invalid character ");
			quote(why, s + i, 1);
			buf_puts(why, " in host name");
			return -1;
		}
	}
	return 0;
}

/* ":digits", ":" or nothing. */
static int
port_ok(const char *p, size_t n)
{
	size_t i;

	if (n == 0)
		return 1;
	if (*p != ':')
		return 0;
	for (i = 1; i < n; i++)
		if (!isdigit((unsigned char)p[i]))
			return 0;
	return 1;
}

static int
host_ok(const char *h, size_t n, struct buf *why)
{
	const char *port = NULL;
	size_t i;

	if (n > 0 && h[0] == '[') {
		for (i = n; i > 0 && h[i - 1] != ']'; i--)
			;
		if (i == 0)
			return fail(why, "missing ']' in host");
		port = h + i;
	} else {
		for (i = n; i > 0 && h[i - 1] != ':'; i--)
			;
		if (i > 0)
			port = h + i - 1;
	}
	if (port != NULL && !port_ok(port, (size_t)(h + n - port))) {
		buf_reset(why);
		buf_puts(why, "invalid port ");
		quote(why, port, (size_t)(h + n - port));
		buf_puts(why, " after host");
		return -1;
	}
	return unescape_ok(h, n, 1, why);
}

static int
authority_ok(const char *a, size_t n, size_t *host_len, struct buf *why)
{
	size_t at, i;

	for (at = n; at > 0 && a[at - 1] != '@'; at--)
		;
	if (at > 0) {
		for (i = 0; i < at - 1; i++)
			if (!isalnum((unsigned char)a[i]) &&
			    strchr("-._:~!$&'()*+,;=%@", a[i]) == NULL)
				return fail(why, "net/url: invalid userinfo");
	}
	*host_len = n - at;
	return host_ok(a + at, n - at, why);
}

/* url.Parse of u (the part before '#'): 0, or -1 with the reason in why;
 * the scheme (lower case) and whether a host was found. */
static int
parse(const char *u, struct buf *scheme, int *has_host, struct buf *why)
{
	const char *rest = u, *p;
	size_t n, hl = 0;

	for (p = u; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return fail(why, "net/url: invalid control character in URL");
	if (strcmp(u, "*") == 0)
		return 0;
	for (p = u; *p != '\0'; p++) {
		if (isalpha((unsigned char)*p))
			continue;
		if (isdigit((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.') {
			if (p == u)
				break;
			continue;
		}
		if (*p == ':') {
			if (p == u)
				return fail(why, "missing protocol scheme");
			for (; u < p; u++)
				buf_putc(scheme, (char)tolower((unsigned char)*u));
			rest = p + 1;
		}
		break;
	}
	/* the query is not checked by Parse */
	n = strcspn(rest, "?");
	if (*rest != '/') {
		if (scheme->len > 0)
			return 0;	/* opaque */
		p = memchr(rest, '/', n);
		if (memchr(rest, ':', p != NULL ? (size_t)(p - rest) : n) != NULL)
			return fail(why, "first path segment in URL cannot "
			    "contain colon");
	}
	if (strncmp(rest, "//", 2) == 0 &&
	    (scheme->len > 0 || strncmp(rest, "///", 3) != 0)) {
		size_t an = strcspn(rest + 2, "/?");

		if (authority_ok(rest + 2, an, &hl, why) == -1)
			return -1;
		*has_host = hl > 0;
		rest += 2 + an;
		n = strcspn(rest, "?");
	}
	return unescape_ok(rest, n, 0, why);
}

char *
http_url_check(const char *url, enum http_url_fault *fault)
{
	struct buf scheme = BUF_INIT, why = BUF_INIT, msg = BUF_INIT;
	const char *hash = strchr(url, '#');
	size_t n = hash != NULL ? (size_t)(hash - url) : strlen(url);
	char *u = xstrndup(url, n);
	int has_host = 0, rc;

	*fault = HTTP_URL_OK;
	rc = parse(u, &scheme, &has_host, &why);
	if (rc == 0 && hash != NULL) {
		n = strlen(url);	/* Go names the whole URL here */
		rc = unescape_ok(hash + 1, strlen(hash + 1), 0, &why);
	}
	if (rc == -1) {
		*fault = HTTP_URL_PARSE;
		buf_puts(&msg, "invalid URL: parse ");
		quote(&msg, url, n);
		buf_printf(&msg, ": %s", why.data);
	} else if (scheme.len == 0 || (strcmp(scheme.data, "http") != 0 &&
	    strcmp(scheme.data, "https") != 0)) {
		*fault = HTTP_URL_SEND;
		buf_puts(&msg, "unsupported protocol scheme ");
		quote(&msg, scheme.data != NULL ? scheme.data : "", scheme.len);
	} else if (!has_host) {
		*fault = HTTP_URL_SEND;
		buf_puts(&msg, "http: no Host in request URL");
	}
	free(u);
	buf_free(&scheme);
	buf_free(&why);
	return msg.len > 0 ? buf_steal(&msg) : NULL;
}
