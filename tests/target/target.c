/*
 * lyocell-target: a small httpbin-like HTTP/HTTPS server on libevent's evhttp.
 *
 * Tests, examples and benchmarks use it as the load-test target, so it has to
 * start fast, pick free ports, never linger and survive abusive clients.  It
 * is never installed.  It uses libevent, OpenSSL, zlib and libc; gzip and
 * deflate responses are built from stored DEFLATE blocks, and zlib only
 * inflates compressed request bodies (/inspect).
 */

#define _GNU_SOURCE

#include <sys/queue.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <event2/listener.h>
#include <event2/util.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <zlib.h>

#include "util/hex.h"

#define JSON_CT		"application/json"
#define HTML_CT		"text/html; charset=utf-8"
#define TEXT_CT		"text/plain; charset=utf-8"
#define MAX_BODY	(64L << 20)
#define MAX_BYTES	(100L << 20)
#define MAX_DELAY	60000L
#define SLOW_PIECES	10
#define CSRF		"a1b2c3d4e5f60718293a4b5c6d7e8f90"
#define REALM		"me@kennethreitz.com"
#define ALLOW		"GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE"

#define M_GET	(EVHTTP_REQ_GET | EVHTTP_REQ_HEAD)
#define M_ANY	0xffff

struct srv;

/* One listening evhttp: the plain one, the TLS one or the one that
 * requires a client certificate (mTLS). */
struct lst {
	struct srv	*srv;
	struct evhttp	*http;
	const char	*scheme;
	int		 port;
};

/* A request answered later, from a timer. */
enum { JOB_DELAY, JOB_SLOW, JOB_DRIBBLE, JOB_DROP };
struct job {
	struct job		*prev, *next;
	struct lst		*l;
	struct evhttp_request	*req;
	struct event		*ev;
	int			 kind;
	int			 left;	/* slow-body pieces still to send */
	struct timeval		 step;
};

/* Responses a connection has had from /fault/close-after. */
struct conncount {
	struct conncount		*next;
	struct evhttp_connection	*conn;
	long				 n;
};

struct srv {
	struct event_base	*base;
	struct conncount	*counts;
	unsigned long long	 requests;	/* answered or not, but /stats */
	struct lst		 plain, tls, mtls;
	struct job		*jobs;
	SSL_CTX			*ssl, *mssl;
	X509			*cert;
	EVP_PKEY		*key;
	X509			*client_ca;	/* signs the client certificates */
	EVP_PKEY		*client_ca_key;
	char			 host[128];	/* host part of absolute URLs */
	uint32_t		 crc[256];
	unsigned char		 secret[32];	/* signs digest nonces */
};

/* What a handler gets besides the request. */
struct call {
	struct lst	*l;
	const char	*rest;	/* path after the route prefix and '/' */
};

struct kv {
	char	*k, *v;
	size_t	 kn, vn;
};
struct kvs {
	struct kv	*a;
	size_t		 n, cap;
};

static void
die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void
die(const char *fmt, ...)
{
	va_list ap;

	fputs("lyocell-target: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die("out of memory");
	return p;
}

static struct evbuffer *
xbuf(void)
{
	struct evbuffer *b = evbuffer_new();

	if (b == NULL)
		die("out of memory");
	return b;
}

/* ---- small parsers ---- */

/* Parses a decimal number; values above max are clamped to max. */
static int
parse_num(const char *s, long max, long *out)
{
	long v = 0;

	if (s == NULL || !isdigit((unsigned char)*s))
		return -1;
	for (; isdigit((unsigned char)*s); s++) {
		if (v <= max)
			v = v * 10 + (*s - '0');
	}
	if (*s != '\0')
		return -1;
	*out = v > max ? max : v;
	return 0;
}

/* Percent-decodes n bytes; the result is NUL-terminated but may hold NULs. */
static char *
pct_decode(const char *s, size_t n, int plus, size_t *outn)
{
	char *o = xmalloc(n + 1), *q = o;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '+' && plus)
			*q++ = ' ';
		else if (s[i] == '%' && i + 2 < n &&
		    hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
			*q++ = (char)(hex_value(s[i + 1]) << 4 | hex_value(s[i + 2]));
			i += 2;
		} else
			*q++ = s[i];
	}
	*q = '\0';
	*outn = (size_t)(q - o);
	return o;
}

static void
kvs_add(struct kvs *l, char *k, size_t kn, char *v, size_t vn)
{
	if (l->n == l->cap) {
		struct kv *a;

		l->cap = l->cap ? l->cap * 2 : 8;
		if ((a = realloc(l->a, l->cap * sizeof *a)) == NULL)
			die("out of memory");
		l->a = a;
	}
	l->a[l->n].k = k;
	l->a[l->n].kn = kn;
	l->a[l->n].v = v;
	l->a[l->n].vn = vn;
	l->n++;
}

static void
kvs_copy(struct kvs *l, const char *k, size_t kn, const char *v, size_t vn)
{
	char *kc = xmalloc(kn + 1), *vc = xmalloc(vn + 1);

	memcpy(kc, k, kn);
	kc[kn] = '\0';
	memcpy(vc, v, vn);
	vc[vn] = '\0';
	kvs_add(l, kc, kn, vc, vn);
}

static void
kvs_free(struct kvs *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->a[i].k);
		free(l->a[i].v);
	}
	free(l->a);
	memset(l, 0, sizeof *l);
}

static const char *
kvs_get(const struct kvs *l, const char *k)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (strcmp(l->a[i].k, k) == 0)
			return l->a[i].v;
	}
	return NULL;
}

/* Splits "a=1&b=2&c" (query strings, urlencoded forms) into l. */
static void
parse_form(struct kvs *l, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const char *p = s + i, *amp, *eq;
		size_t len, kn, vn;
		char *k, *v;

		amp = memchr(p, '&', n - i);
		len = amp ? (size_t)(amp - p) : n - i;
		if (len > 0) {
			eq = memchr(p, '=', len);
			k = pct_decode(p, eq ? (size_t)(eq - p) : len, 1, &kn);
			if (eq)
				v = pct_decode(eq + 1, len - (size_t)(eq - p) - 1,
				    1, &vn);
			else
				v = pct_decode("", 0, 1, &vn);
			kvs_add(l, k, kn, v, vn);
		}
		i += len + 1;
	}
}

static void
parse_query(struct kvs *l, struct evhttp_request *req)
{
	const struct evhttp_uri *u = evhttp_request_get_evhttp_uri(req);
	const char *q = u ? evhttp_uri_get_query(u) : NULL;

	if (q != NULL)
		parse_form(l, q, strlen(q));
}

/* "a=1; b=2" from every Cookie header. */
static void
parse_cookies(struct kvs *l, struct evhttp_request *req)
{
	struct evkeyvalq *hs = evhttp_request_get_input_headers(req);
	struct evkeyval *h;

	TAILQ_FOREACH(h, hs, next) {
		const char *p = h->value;

		if (strcasecmp(h->key, "Cookie") != 0)
			continue;
		while (*p) {
			size_t len, kn;
			const char *eq;

			p += strspn(p, " \t;");
			len = strcspn(p, ";");
			if (len == 0)
				continue;
			eq = memchr(p, '=', len);
			kn = eq ? (size_t)(eq - p) : len;
			while (kn > 0 && (p[kn - 1] == ' ' || p[kn - 1] == '\t'))
				kn--;
			if (eq)
				kvs_copy(l, p, kn, eq + 1,
				    len - (size_t)(eq - p) - 1);
			else
				kvs_copy(l, p, kn, "", 0);
			p += len;
		}
	}
}

/* Case-insensitive media type test: "text/html; charset=x" is "text/html". */
static int
ctype_is(const char *ct, const char *want)
{
	size_t n = strlen(want);

	if (ct == NULL)
		return 0;
	ct += strspn(ct, " \t");
	return strncasecmp(ct, want, n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ' || ct[n] == '\t');
}

/* Finds param=value or param="value" in a ';'-separated header line. */
static int
hdr_param(const char *s, size_t n, const char *name, const char **v,
    size_t *vn)
{
	size_t nn = strlen(name), i = 0;

	while (i < n) {
		size_t j;

		while (i < n && (s[i] == ';' || s[i] == ' ' || s[i] == '\t'))
			i++;
		j = i;
		while (j < n && s[j] != '=' && s[j] != ';')
			j++;
		if (j < n && s[j] == '=') {
			int match = j - i == nn && strncasecmp(s + i, name, nn) == 0;
			size_t vs, ve;

			j++;
			if (j < n && s[j] == '"') {
				vs = ++j;
				while (j < n && s[j] != '"')
					j++;
				ve = j;
				if (j < n)
					j++;
			} else {
				vs = j;
				while (j < n && s[j] != ';')
					j++;
				ve = j;
				while (ve > vs && (s[ve - 1] == ' ' || s[ve - 1] == '\t'))
					ve--;
			}
			if (match) {
				*v = s + vs;
				*vn = ve - vs;
				return 0;
			}
		}
		while (j < n && s[j] != ';')
			j++;
		i = j;
	}
	return -1;
}

/* multipart/form-data: text fields go to form, file parts to files. */
static void
parse_multipart(struct kvs *form, struct kvs *files, const char *ct,
    const char *body, size_t n)
{
	const char *e = body + n, *p, *bv, *s;
	char delim[256];
	size_t bn, dn;

	if (hdr_param(ct, strlen(ct), "boundary", &bv, &bn) < 0 || bn == 0 ||
	    bn > sizeof delim - 8)
		return;
	/* delim is "\r\n--boundary"; the first one may lack the CRLF */
	dn = (size_t)snprintf(delim, sizeof delim, "\r\n--%.*s", (int)bn, bv);
	if (n >= dn - 2 && memcmp(body, delim + 2, dn - 2) == 0)
		s = body + dn - 2;
	else if ((p = memmem(body, n, delim, dn)) != NULL)
		s = p + dn;
	else
		return;

	for (;;) {
		const char *hdr, *he, *data, *next, *line, *name = NULL,
		    *fname = NULL;
		size_t namen = 0, fnamen = 0;

		if (e - s >= 2 && s[0] == '-' && s[1] == '-')
			break;				/* closing delimiter */
		if ((p = memmem(s, (size_t)(e - s), "\r\n", 2)) == NULL)
			break;
		hdr = p + 2;
		if ((he = memmem(hdr - 2, (size_t)(e - hdr + 2), "\r\n\r\n", 4)) ==
		    NULL)
			break;
		data = he + 4;
		if ((next = memmem(data, (size_t)(e - data), delim, dn)) == NULL)
			break;
		for (line = hdr; line < he; ) {
			const char *le = memmem(line, (size_t)(he - line + 2),
			    "\r\n", 2);
			static const char cd[] = "content-disposition:";

			if (le == NULL)
				le = he;
			if ((size_t)(le - line) > sizeof cd - 1 &&
			    strncasecmp(line, cd, sizeof cd - 1) == 0) {
				const char *v = line + sizeof cd - 1;

				if (hdr_param(v, (size_t)(le - v), "name", &name,
				    &namen) < 0)
					name = NULL;
				if (hdr_param(v, (size_t)(le - v), "filename",
				    &fname, &fnamen) < 0)
					fname = NULL;
			}
			line = le + 2;
		}
		if (name != NULL)
			kvs_copy(fname ? files : form, name, namen, data,
			    (size_t)(next - data));
		s = next + dn;
	}
}

/* ---- JSON ---- */

/* Length of the valid UTF-8 sequence at p, 0 if invalid. */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
	uint32_t cp, min;
	size_t k, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		k = 2;
		cp = p[0] & 0x1f;
		min = 0x80;
	} else if ((p[0] & 0xf0) == 0xe0) {
		k = 3;
		cp = p[0] & 0x0f;
		min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		k = 4;
		cp = p[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (n < k)
		return 0;
	for (i = 1; i < k; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return k;
}

/* A JSON string; bytes that are not UTF-8 come out as \u00XX (Latin-1). */
static void
json_str(struct evbuffer *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n, *run = p;
	size_t k;

	evbuffer_add(b, "\"", 1);
	while (p < e) {
		unsigned c = *p;

		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			p++;
			continue;
		}
		if (c >= 0x80 && (k = utf8_len(p, (size_t)(e - p))) != 0) {
			p += k;
			continue;
		}
		evbuffer_add(b, run, (size_t)(p - run));
		switch (c) {
		case '"':
			evbuffer_add(b, "\\\"", 2);
			break;
		case '\\':
			evbuffer_add(b, "\\\\", 2);
			break;
		case '\n':
			evbuffer_add(b, "\\n", 2);
			break;
		case '\r':
			evbuffer_add(b, "\\r", 2);
			break;
		case '\t':
			evbuffer_add(b, "\\t", 2);
			break;
		default:
			evbuffer_add_printf(b, "\\u%04x", c);
			break;
		}
		run = ++p;
	}
	evbuffer_add(b, run, (size_t)(p - run));
	evbuffer_add(b, "\"", 1);
}

static void
json_cstr(struct evbuffer *b, const char *s)
{
	if (s == NULL)
		evbuffer_add(b, "null", 4);
	else
		json_str(b, s, strlen(s));
}

static int
kv_same(const struct kv *a, const struct kv *b)
{
	return a->kn == b->kn && memcmp(a->k, b->k, a->kn) == 0;
}

/*
 * An object from l.  With multi, repeated keys become arrays (httpbin's
 * args and form); without, the last value wins (a dict, like cookies).
 */
static void
json_kvs(struct evbuffer *b, const struct kvs *l, int multi)
{
	size_t i, j, count;
	int first = 1;

	evbuffer_add(b, "{", 1);
	for (i = 0; i < l->n; i++) {
		const struct kv *last = &l->a[i];

		for (j = 0; j < i && !kv_same(&l->a[j], &l->a[i]); j++)
			;
		if (j < i)
			continue;			/* already written */
		for (count = 0, j = i; j < l->n; j++) {
			if (kv_same(&l->a[j], &l->a[i])) {
				count++;
				last = &l->a[j];
			}
		}
		evbuffer_add(b, first ? "" : ", ", first ? 0 : 2);
		first = 0;
		json_str(b, l->a[i].k, l->a[i].kn);
		evbuffer_add(b, ": ", 2);
		if (count == 1 || !multi) {
			json_str(b, last->v, last->vn);
			continue;
		}
		evbuffer_add(b, "[", 1);
		for (count = 0, j = i; j < l->n; j++) {
			if (!kv_same(&l->a[j], &l->a[i]))
				continue;
			evbuffer_add(b, ", ", count++ ? 2 : 0);
			json_str(b, l->a[j].v, l->a[j].vn);
		}
		evbuffer_add(b, "]", 1);
	}
	evbuffer_add(b, "}", 1);
}

/* Request headers with names as received; repeated ones joined by ",". */
static void
json_headers(struct evbuffer *b, struct evhttp_request *req)
{
	struct evkeyvalq *hs = evhttp_request_get_input_headers(req);
	struct evkeyval *h, *o;
	int first = 1;

	evbuffer_add(b, "{", 1);
	TAILQ_FOREACH(h, hs, next) {
		struct evbuffer *v;

		for (o = TAILQ_FIRST(hs); o != h; o = TAILQ_NEXT(o, next)) {
			if (strcasecmp(o->key, h->key) == 0)
				break;
		}
		if (o != h)
			continue;
		v = xbuf();
		for (o = h; o != NULL; o = TAILQ_NEXT(o, next)) {
			if (strcasecmp(o->key, h->key) != 0)
				continue;
			if (evbuffer_get_length(v) > 0)
				evbuffer_add(v, ",", 1);
			evbuffer_add(v, o->value, strlen(o->value));
		}
		evbuffer_add(b, first ? "" : ", ", first ? 0 : 2);
		first = 0;
		json_cstr(b, h->key);
		evbuffer_add(b, ": ", 2);
		json_str(b, (const char *)evbuffer_pullup(v, -1),
		    evbuffer_get_length(v));
		evbuffer_free(v);
	}
	evbuffer_add(b, "}", 1);
}

/* A strict JSON validator, enough to decide whether to echo "json". */
struct jp {
	const unsigned char *p, *e;
};

static void
jp_ws(struct jp *j)
{
	while (j->p < j->e && (*j->p == ' ' || *j->p == '\t' ||
	    *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static int
jp_lit(struct jp *j, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(j->e - j->p) < n || memcmp(j->p, lit, n) != 0)
		return 0;
	j->p += n;
	return 1;
}

static int
jp_string(struct jp *j)
{
	size_t k;
	int i;

	j->p++;
	while (j->p < j->e) {
		unsigned c = *j->p;

		if (c == '"') {
			j->p++;
			return 1;
		}
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			if (++j->p >= j->e)
				return 0;
			c = *j->p++;
			if (c == 'u') {
				for (i = 0; i < 4; i++, j->p++) {
					if (j->p >= j->e || hex_value(*j->p) < 0)
						return 0;
				}
			} else if (c == 0 || strchr("\"\\/bfnrt", (int)c) == NULL)
				return 0;
			continue;
		}
		if ((k = utf8_len(j->p, (size_t)(j->e - j->p))) == 0)
			return 0;
		j->p += k;
	}
	return 0;
}

static int
jp_digits(struct jp *j)
{
	const unsigned char *p = j->p;

	while (j->p < j->e && isdigit(*j->p))
		j->p++;
	return j->p > p;
}

static int
jp_number(struct jp *j)
{
	if (j->p < j->e && *j->p == '-')
		j->p++;
	if (j->p < j->e && *j->p == '0')
		j->p++;
	else if (!jp_digits(j))
		return 0;
	if (j->p < j->e && *j->p == '.') {
		j->p++;
		if (!jp_digits(j))
			return 0;
	}
	if (j->p < j->e && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->e && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!jp_digits(j))
			return 0;
	}
	return 1;
}

static int
jp_value(struct jp *j, int depth)
{
	int obj;

	if (depth > 256)
		return 0;
	jp_ws(j);
	if (j->p >= j->e)
		return 0;
	switch (*j->p) {
	case '{':
	case '[':
		obj = *j->p++ == '{';
		jp_ws(j);
		if (j->p < j->e && *j->p == (obj ? '}' : ']')) {
			j->p++;
			return 1;
		}
		for (;;) {
			if (obj) {
				jp_ws(j);
				if (j->p >= j->e || *j->p != '"' || !jp_string(j))
					return 0;
				jp_ws(j);
				if (j->p >= j->e || *j->p++ != ':')
					return 0;
			}
			if (!jp_value(j, depth + 1))
				return 0;
			jp_ws(j);
			if (j->p >= j->e)
				return 0;
			if (*j->p == ',') {
				j->p++;
				continue;
			}
			return *j->p++ == (obj ? '}' : ']');
		}
	case '"':
		return jp_string(j);
	case 't':
		return jp_lit(j, "true");
	case 'f':
		return jp_lit(j, "false");
	case 'n':
		return jp_lit(j, "null");
	default:
		return jp_number(j);
	}
}

static int
json_valid(const char *s, size_t n)
{
	struct jp j;

	j.p = (const unsigned char *)s;
	j.e = j.p + n;
	if (!jp_value(&j, 0))
		return 0;
	jp_ws(&j);
	return j.p == j.e;
}

/* ---- checksums, gzip and deflate without zlib ---- */

static void
crc_init(uint32_t t[256])
{
	uint32_t c;
	int i, k;

	for (i = 0; i < 256; i++) {
		for (c = (uint32_t)i, k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
		t[i] = c;
	}
}

static uint32_t
crc32_buf(const uint32_t t[256], const unsigned char *p, size_t n)
{
	uint32_t c = 0xffffffffu;

	while (n--)
		c = t[(c ^ *p++) & 0xff] ^ (c >> 8);
	return c ^ 0xffffffffu;
}

static uint32_t
adler32_buf(const unsigned char *p, size_t n)
{
	uint32_t a = 1, b = 0;

	while (n--) {
		a = (a + *p++) % 65521;
		b = (b + a) % 65521;
	}
	return b << 16 | a;
}

/* DEFLATE stored blocks (BTYPE=00), at most 65535 bytes each. */
static void
deflate_stored(struct evbuffer *out, const unsigned char *p, size_t n)
{
	do {
		size_t k = n > 65535 ? 65535 : n;
		unsigned char h[5];

		h[0] = k == n;			/* BFINAL, BTYPE=00 */
		h[1] = (unsigned char)(k & 0xff);
		h[2] = (unsigned char)(k >> 8);
		h[3] = (unsigned char)(~k & 0xff);
		h[4] = (unsigned char)((~k >> 8) & 0xff);
		evbuffer_add(out, h, 5);
		evbuffer_add(out, p, k);
		p += k;
		n -= k;
	} while (n > 0);
}

static void
put_le32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

/* Replaces the contents of b by a gzip member (or a zlib stream). */
static void
compress_buf(struct evbuffer *b, const uint32_t crc[256], int gzip)
{
	static const unsigned char gzhdr[10] =
	    { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff };
	size_t n = evbuffer_get_length(b);
	const unsigned char *p = evbuffer_pullup(b, -1);
	struct evbuffer *o = xbuf();
	unsigned char t[8];

	if (p == NULL)
		p = (const unsigned char *)"";
	if (gzip) {
		evbuffer_add(o, gzhdr, sizeof gzhdr);
		deflate_stored(o, p, n);
		put_le32(t, crc32_buf(crc, p, n));
		put_le32(t + 4, (uint32_t)n);
		evbuffer_add(o, t, 8);
	} else {
		uint32_t a = adler32_buf(p, n);

		evbuffer_add(o, "\x78\x01", 2);
		deflate_stored(o, p, n);
		t[0] = (unsigned char)(a >> 24);
		t[1] = (unsigned char)(a >> 16);
		t[2] = (unsigned char)(a >> 8);
		t[3] = (unsigned char)a;
		evbuffer_add(o, t, 4);
	}
	evbuffer_drain(b, n);
	evbuffer_add_buffer(b, o);
	evbuffer_free(o);
}

/* ---- replies ---- */

static const char *
method_name(enum evhttp_cmd_type m)
{
	switch (m) {
	case EVHTTP_REQ_GET:		return "GET";
	case EVHTTP_REQ_POST:		return "POST";
	case EVHTTP_REQ_HEAD:		return "HEAD";
	case EVHTTP_REQ_PUT:		return "PUT";
	case EVHTTP_REQ_DELETE:		return "DELETE";
	case EVHTTP_REQ_OPTIONS:	return "OPTIONS";
	case EVHTTP_REQ_TRACE:		return "TRACE";
	case EVHTTP_REQ_CONNECT:	return "CONNECT";
	case EVHTTP_REQ_PATCH:		return "PATCH";
	}
	return "UNKNOWN";
}

static void
add_header(struct evhttp_request *req, const char *k, const char *v)
{
	evhttp_add_header(evhttp_request_get_output_headers(req), k, v);
}

/* Sends body (NULL for none) and frees it. */
static void
reply(struct evhttp_request *req, int code, const char *ctype,
    struct evbuffer *body)
{
	struct evkeyvalq *h = evhttp_request_get_output_headers(req);

	if (ctype != NULL)
		evhttp_add_header(h, "Content-Type", ctype);
	if (body != NULL &&
	    evhttp_request_get_command(req) == EVHTTP_REQ_HEAD) {
		/* evhttp would send the body after a HEAD response:
		 * announce the length it would have had, then drop it */
		char n[32];

		snprintf(n, sizeof n, "%zu", evbuffer_get_length(body));
		if (evhttp_find_header(h, "Content-Length") == NULL)
			evhttp_add_header(h, "Content-Length", n);
		evbuffer_drain(body, evbuffer_get_length(body));
	}
	evhttp_send_reply(req, code, NULL, body);
	if (body != NULL)
		evbuffer_free(body);
}

static void
reply_error(struct evhttp_request *req, int code, const char *msg)
{
	struct evbuffer *b = xbuf();

	evbuffer_add(b, "{\"error\": ", 10);
	json_cstr(b, msg);
	evbuffer_add(b, "}\n", 2);
	reply(req, code, JSON_CT, b);
}

static const char *
origin(struct evhttp_request *req)
{
	struct evhttp_connection *c = evhttp_request_get_connection(req);
	char *addr = NULL;
	ev_uint16_t port = 0;

	if (c != NULL)
		evhttp_connection_get_peer(c, &addr, &port);
	return addr != NULL && *addr != '\0' ? addr : "127.0.0.1";
}

static void
base_url(struct evbuffer *b, const struct lst *l)
{
	evbuffer_add_printf(b, "%s://%s:%d", l->scheme, l->srv->host, l->port);
}

/* "http://127.0.0.1:PORT/path?query" as a JSON string */
static void
json_url(struct evbuffer *b, struct evhttp_request *req, const struct lst *l)
{
	struct evbuffer *u = xbuf();
	const char *uri = evhttp_request_get_uri(req);

	base_url(u, l);
	evbuffer_add(u, uri, strlen(uri));
	json_str(b, (const char *)evbuffer_pullup(u, -1), evbuffer_get_length(u));
	evbuffer_free(u);
}

enum { E_BODY = 1, E_METHOD = 2 };

/* The httpbin request echo shared by /get, /post, /anything, /delay... */
static void
echo(struct evbuffer *b, struct evhttp_request *req, const struct lst *l,
    int flags)
{
	struct kvs args = { 0 }, form = { 0 }, files = { 0 };
	struct evbuffer *in = evhttp_request_get_input_buffer(req);
	const char *ct, *body = "";
	size_t n = 0;

	parse_query(&args, req);
	evbuffer_add(b, "{\n  \"args\": ", 12);
	json_kvs(b, &args, 1);
	if (flags & E_BODY) {
		ct = evhttp_find_header(evhttp_request_get_input_headers(req),
		    "Content-Type");
		if ((n = evbuffer_get_length(in)) > 0)
			body = (const char *)evbuffer_pullup(in, -1);
		if (ctype_is(ct, "application/x-www-form-urlencoded"))
			parse_form(&form, body, n);
		else if (ctype_is(ct, "multipart/form-data"))
			parse_multipart(&form, &files, ct, body, n);
		evbuffer_add(b, ",\n  \"data\": ", 12);
		json_str(b, body, n);
		evbuffer_add(b, ",\n  \"files\": ", 13);
		json_kvs(b, &files, 1);
		evbuffer_add(b, ",\n  \"form\": ", 12);
		json_kvs(b, &form, 1);
	}
	evbuffer_add(b, ",\n  \"headers\": ", 15);
	json_headers(b, req);
	if (flags & E_BODY) {
		/* like httpbin, any body that parses as JSON is echoed,
		 * whatever its Content-Type; forms never are */
		evbuffer_add(b, ",\n  \"json\": ", 12);
		if (n > 0 && form.n == 0 && files.n == 0 && json_valid(body, n))
			evbuffer_add(b, body, n);
		else
			evbuffer_add(b, "null", 4);
	}
	if (flags & E_METHOD) {
		evbuffer_add(b, ",\n  \"method\": ", 14);
		json_cstr(b, method_name(evhttp_request_get_command(req)));
	}
	evbuffer_add(b, ",\n  \"origin\": ", 14);
	json_cstr(b, origin(req));
	evbuffer_add(b, ",\n  \"url\": ", 11);
	json_url(b, req, l);
	evbuffer_add(b, "\n}\n", 3);
	kvs_free(&args);
	kvs_free(&form);
	kvs_free(&files);
}

/* ---- deferred replies ---- */

static void job_timer(evutil_socket_t, short, void *);

static struct job *
job_new(struct lst *l, struct evhttp_request *req, int kind)
{
	struct srv *s = l->srv;
	struct job *j = calloc(1, sizeof *j);

	if (j == NULL)
		die("out of memory");
	j->l = l;
	j->req = req;
	j->kind = kind;
	if ((j->ev = evtimer_new(s->base, job_timer, j)) == NULL)
		die("out of memory");
	if ((j->next = s->jobs) != NULL)
		j->next->prev = j;
	s->jobs = j;
	return j;
}

static void
job_free(struct job *j)
{
	if (j->prev != NULL)
		j->prev->next = j->next;
	else
		j->l->srv->jobs = j->next;
	if (j->next != NULL)
		j->next->prev = j->prev;
	event_free(j->ev);
	free(j);
}

/*
 * Requests we still hold at exit.  evhttp_free() frees those that still
 * have a connection; the ones evhttp handed back to us when their client
 * went away (connection NULL) are ours to free.
 */
static void
jobs_free_all(struct srv *s)
{
	while (s->jobs != NULL) {
		struct job *j = s->jobs;

		if (evhttp_request_get_connection(j->req) == NULL)
			evhttp_request_free(j->req);
		job_free(j);
	}
}

static void
job_timer(evutil_socket_t fd, short what, void *arg)
{
	struct job *j = arg;
	struct evhttp_request *req = j->req;
	struct evbuffer *b;

	/*
	 * When a client goes away while we hold its request, evhttp frees
	 * the connection but not the request (we have not answered yet):
	 * the request's connection becomes NULL and the request is ours.
	 */
	if (j->kind == JOB_DROP) {
		/* out of evhttp's callbacks, so freeing is safe; it frees
		 * the request with its connection */
		struct evhttp_connection *conn = evhttp_request_get_connection(req);

		if (conn != NULL)
			evhttp_connection_free(conn);
		else
			evhttp_request_free(req);
		job_free(j);
		return;
	}
	if (j->kind == JOB_DRIBBLE && j->left > 0 &&
	    evhttp_request_get_connection(req) != NULL) {
		b = xbuf();
		evbuffer_add(b, "x", 1);
		evhttp_send_reply_chunk(req, b);
		evbuffer_free(b);
		if (--j->left > 0) {
			evtimer_add(j->ev, &j->step);
			return;
		}
	}
	if (j->kind == JOB_DELAY) {
		if (evhttp_request_get_connection(req) == NULL)
			evhttp_request_free(req);
		else {
			b = xbuf();
			echo(b, req, j->l, 0);
			reply(req, 200, JSON_CT, b);
		}
		job_free(j);
		return;
	}
	if (j->kind == JOB_SLOW && j->left > 0 &&
	    evhttp_request_get_connection(req) != NULL) {
		b = xbuf();
		evbuffer_add_printf(b, "piece %02d/%02d\n",
		    SLOW_PIECES - j->left + 1, SLOW_PIECES);
		evhttp_send_reply_chunk(req, b);
		evbuffer_free(b);
		if (--j->left > 0) {
			evtimer_add(j->ev, &j->step);
			return;
		}
	}
	evhttp_send_reply_end(req);	/* frees req if the client is gone */
	job_free(j);
}

/* ---- endpoints ---- */

static void
handle_root(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = xbuf();

	evbuffer_add(b, "ok\n", 3);
	reply(req, 200, TEXT_CT, b);
}

static void
handle_get(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	struct evbuffer *b = xbuf();

	echo(b, req, c->l, 0);
	reply(req, 200, JSON_CT, b);
}

/* /post, /put, /patch, /delete (methods checked by the route table) and
 * /anything */
static void
handle_echo(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	struct evbuffer *b = xbuf();

	echo(b, req, c->l, E_BODY | E_METHOD);
	reply(req, 200, JSON_CT, b);
}

static void
handle_status(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	long code;

	if (parse_num(c->rest, 1000, &code) < 0 || code <= 100 || code >= 600) {
		reply_error(req, 400, "invalid status code");
		return;
	}
	if (code >= 300 && code < 400)
		add_header(req, "Location", "/get");
	if (code == 401)
		add_header(req, "WWW-Authenticate", "Basic realm=\"Fake Realm\"");
	reply(req, (int)code, NULL, NULL);
}

static void
handle_delay(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	struct job *j;
	long ms;

	if (parse_num(c->rest, MAX_DELAY, &ms) < 0) {
		reply_error(req, 400, "invalid delay");
		return;
	}
	j = job_new(c->l, req, JOB_DELAY);
	j->step.tv_sec = ms / 1000;
	j->step.tv_usec = ms % 1000 * 1000;
	evtimer_add(j->ev, &j->step);
}

static void
handle_bytes(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	struct kvs q = { 0 };
	struct evbuffer *b;
	const char *seed;
	uint64_t x = 42;
	long n;

	if (parse_num(c->rest, MAX_BYTES, &n) < 0) {
		reply_error(req, 400, "invalid byte count");
		return;
	}
	parse_query(&q, req);
	if ((seed = kvs_get(&q, "seed")) != NULL)
		x = strtoull(seed, NULL, 10);
	kvs_free(&q);
	if (x == 0)
		x = 0x9e3779b97f4a7c15ull;	/* xorshift must not start at 0 */
	b = xbuf();
	while (n > 0) {
		struct evbuffer_iovec v;
		size_t k = n > 65536 ? 65536 : (size_t)n, i;
		unsigned char *p;

		if (evbuffer_reserve_space(b, (ev_ssize_t)k, &v, 1) < 1)
			die("out of memory");
		p = v.iov_base;
		/* 8 bytes per xorshift64 step, little endian; 65536 is a
		 * multiple of 8 so the stream does not depend on blocking */
		for (i = 0; i < k; i++) {
			if (i % 8 == 0) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
			}
			p[i] = (unsigned char)(x >> (8 * (i % 8)));
		}
		v.iov_len = k;
		evbuffer_commit_space(b, &v, 1);
		n -= (long)k;
	}
	reply(req, 200, "application/octet-stream", b);
}

static void
handle_headers(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = xbuf();

	evbuffer_add(b, "{\n  \"headers\": ", 15);
	json_headers(b, req);
	evbuffer_add(b, "\n}\n", 3);
	reply(req, 200, JSON_CT, b);
}

static void
handle_user_agent(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = xbuf();

	evbuffer_add(b, "{\n  \"user-agent\": ", 18);
	json_cstr(b, evhttp_find_header(evhttp_request_get_input_headers(req),
	    "User-Agent"));
	evbuffer_add(b, "\n}\n", 3);
	reply(req, 200, JSON_CT, b);
}

/* The address the client reached: one of --also's, or the listener's. */
static const char *
local_addr(struct evhttp_request *req, char *out, size_t size)
{
	struct evhttp_connection *c = evhttp_request_get_connection(req);
	struct bufferevent *bev = c != NULL ? evhttp_connection_get_bufferevent(c) : NULL;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;

	snprintf(out, size, "?");
	if (bev == NULL || getsockname(bufferevent_getfd(bev), (struct sockaddr *)&ss, &sl) < 0)
		return out;
	if (ss.ss_family == AF_INET6)
		evutil_inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, out, size);
	else
		evutil_inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, out, size);
	return out;
}

static void
handle_ip(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = xbuf();
	char local[64];

	evbuffer_add(b, "{\n  \"origin\": ", 14);
	json_cstr(b, origin(req));
	evbuffer_add(b, ",\n  \"local\": ", 13);
	json_cstr(b, local_addr(req, local, sizeof local));
	evbuffer_add(b, "\n}\n", 3);
	reply(req, 200, JSON_CT, b);
}

static void
handle_cookies(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = xbuf();
	struct kvs l = { 0 };

	parse_cookies(&l, req);
	evbuffer_add(b, "{\n  \"cookies\": ", 15);
	json_kvs(b, &l, 0);
	evbuffer_add(b, "\n}\n", 3);
	kvs_free(&l);
	reply(req, 200, JSON_CT, b);
}

static void
handle_cookies_set(struct evhttp_request *req, void *arg)
{
	struct kvs q = { 0 };
	size_t i;

	parse_query(&q, req);
	for (i = 0; i < q.n; i++) {
		struct evbuffer *v = xbuf();

		evbuffer_add_printf(v, "%s=%s; Path=/", q.a[i].k, q.a[i].v);
		add_header(req, "Set-Cookie",
		    (const char *)evbuffer_pullup(v, -1));
		evbuffer_free(v);
	}
	kvs_free(&q);
	add_header(req, "Location", "/cookies");
	reply(req, 302, NULL, NULL);
}

static void
handle_cookies_delete(struct evhttp_request *req, void *arg)
{
	struct kvs q = { 0 };
	size_t i;

	parse_query(&q, req);
	for (i = 0; i < q.n; i++) {
		struct evbuffer *v = xbuf();

		evbuffer_add_printf(v, "%s=; Expires=Thu, 01 Jan 1970 00:00:00 "
		    "GMT; Max-Age=0; Path=/", q.a[i].k);
		add_header(req, "Set-Cookie",
		    (const char *)evbuffer_pullup(v, -1));
		evbuffer_free(v);
	}
	kvs_free(&q);
	add_header(req, "Location", "/cookies");
	reply(req, 302, NULL, NULL);
}

static void
redirect_n(struct evhttp_request *req, struct call *c, int absolute)
{
	struct evbuffer *loc;
	long n;

	if (parse_num(c->rest, 1000000, &n) < 0 || n < 1) {
		reply_error(req, 400, "invalid redirect count");
		return;
	}
	loc = xbuf();
	if (absolute)
		base_url(loc, c->l);
	if (n == 1)
		evbuffer_add_printf(loc, "/get");
	else
		evbuffer_add_printf(loc, "/%sredirect/%ld",
		    absolute ? "absolute-" : "", n - 1);
	add_header(req, "Location", (const char *)evbuffer_pullup(loc, -1));
	evbuffer_free(loc);
	reply(req, 302, NULL, NULL);
}

static void
handle_redirect(struct evhttp_request *req, void *arg)
{
	redirect_n(req, arg, 0);
}

static void
handle_absolute_redirect(struct evhttp_request *req, void *arg)
{
	redirect_n(req, arg, 1);
}

static void
handle_redirect_to(struct evhttp_request *req, void *arg)
{
	struct kvs q = { 0 };
	const char *url, *sc;
	long code = 302;

	parse_query(&q, req);
	url = kvs_get(&q, "url");
	if ((sc = kvs_get(&q, "status_code")) != NULL &&
	    (parse_num(sc, 1000, &code) < 0 || code < 300 || code > 399))
		code = 302;
	if (url == NULL || evhttp_add_header(evhttp_request_get_output_headers(
	    req), "Location", url) < 0)
		reply_error(req, 400, "missing or invalid url");
	else
		reply(req, (int)code, NULL, NULL);
	kvs_free(&q);
}

/* Splits "a/b/c" into at most max percent-decoded segments. */
static int
split_path(const char *s, char **seg, int max)
{
	int n = 0;
	size_t len, dn;

	while (n < max) {
		len = strcspn(s, "/");
		seg[n++] = pct_decode(s, len, 0, &dn);
		if (s[len] == '\0')
			break;
		s += len + 1;
	}
	return n;
}

static void
free_segs(char **seg, int n)
{
	while (n-- > 0)
		free(seg[n]);
}

static void
reply_authenticated(struct evhttp_request *req, const char *user)
{
	struct evbuffer *b = xbuf();

	evbuffer_add(b, "{\n  \"authenticated\": true,\n  \"user\": ", 37);
	json_cstr(b, user);
	evbuffer_add(b, "\n}\n", 3);
	reply(req, 200, JSON_CT, b);
}

static int
b64val(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Standard base64 into a NUL-terminated malloc'd string, NULL if invalid. */
static char *
b64_decode(const char *s)
{
	size_t n = strlen(s);
	char *o = xmalloc(n + 1), *q = o;
	uint32_t acc = 0;
	int bits = 0, v;

	for (; *s && *s != '='; s++) {
		if ((v = b64val((unsigned char)*s)) < 0) {
			free(o);
			return NULL;
		}
		acc = acc << 6 | (uint32_t)v;
		if ((bits += 6) >= 8) {
			bits -= 8;
			*q++ = (char)(acc >> bits & 0xff);
		}
	}
	*q = '\0';
	return o;
}

static void
handle_basic_auth(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	const char *auth = evhttp_find_header(
	    evhttp_request_get_input_headers(req), "Authorization");
	char *seg[2], *cred = NULL;
	int n = split_path(c->rest, seg, 2), ok = 0;

	if (n == 2 && auth != NULL && strncasecmp(auth, "Basic ", 6) == 0 &&
	    (cred = b64_decode(auth + 6 + strspn(auth + 6, " "))) != NULL) {
		size_t un = strlen(seg[0]);

		ok = strncmp(cred, seg[0], un) == 0 && cred[un] == ':' &&
		    strcmp(cred + un + 1, seg[1]) == 0;
	}
	free(cred);
	if (n != 2)
		reply_error(req, 404, "not found");
	else if (ok)
		reply_authenticated(req, seg[0]);
	else {
		add_header(req, "WWW-Authenticate", "Basic realm=\"Fake Realm\"");
		reply(req, 401, NULL, NULL);
	}
	free_segs(seg, n);
}

/* The NTLM message in an "NTLM <base64>" header: its type (1, 2 or 3)
 * and the decoded bytes in *msg (malloc'd, *len of them), or 0. */
static int
ntlm_message(const char *auth, unsigned char **msg, int *len)
{
	size_t n;

	*msg = NULL;
	if (auth == NULL || strncasecmp(auth, "NTLM ", 5) != 0)
		return 0;
	auth += 5;
	n = strlen(auth);
	*msg = xmalloc(n / 4 * 3 + 3);
	if (n == 0 || n % 4 != 0 ||
	    (*len = EVP_DecodeBlock(*msg, (const unsigned char *)auth, (int)n)) < 12 ||
	    memcmp(*msg, "NTLMSSP", 8) != 0)
		return 0;
	return (*msg)[8] | (*msg)[9] << 8;
}

/* /ntlm-auth/USER: NTLM's three steps, as a Windows server does them.
 * No NTLM header: 401 asking for NTLM; a negotiate message (type 1): 401
 * with a challenge (type 2); an authenticate message (type 3) for USER:
 * 200.  The response in the type 3 message is not checked. */
static void
handle_ntlm_auth(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	const char *auth = evhttp_find_header(
	    evhttp_request_get_input_headers(req), "Authorization");
	unsigned char *m = NULL, t2[32], b64[64];
	char *seg[1], user[128], hdr[128];
	int n = split_path(c->rest, seg, 1), type, len = 0;
	size_t i, ulen, uoff, flags;

	type = ntlm_message(auth, &m, &len);
	if (n != 1) {
		reply_error(req, 404, "not found");
	} else if (type == 1) {
		/* signature, type 2, an empty target name, flags (unicode,
		 * NTLM), the server challenge */
		memset(t2, 0, sizeof t2);
		memcpy(t2, "NTLMSSP", 8);
		t2[8] = 2;
		t2[16] = 32;
		t2[20] = 0x01;
		t2[21] = 0x02;
		if (RAND_bytes(t2 + 24, 8) != 1)
			die("RAND_bytes failed");
		EVP_EncodeBlock(b64, t2, sizeof t2);
		snprintf(hdr, sizeof hdr, "NTLM %s", b64);
		add_header(req, "WWW-Authenticate", hdr);
		reply(req, 401, NULL, NULL);
	} else if (type == 3 && len >= 64) {
		ulen = (size_t)(m[36] | m[37] << 8);
		uoff = (size_t)(m[40] | m[41] << 8 | m[42] << 16);
		flags = (size_t)m[60];
		for (i = 0; uoff + ulen <= (size_t)len && i < ulen &&
		    i < sizeof user - 1; i += (flags & 1) ? 2 : 1)
			user[(flags & 1) ? i / 2 : i] = (char)m[uoff + i];
		user[(flags & 1) ? i / 2 : i] = '\0';
		if (strcmp(user, seg[0]) == 0)
			reply_authenticated(req, user);
		else
			reply(req, 401, NULL, NULL);
	} else {
		add_header(req, "WWW-Authenticate", "NTLM");
		reply(req, 401, NULL, NULL);
	}
	free(m);
	free_segs(seg, n);
}

static void
hex(char *out, const unsigned char *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";

	while (n--) {
		*out++ = digits[*p >> 4];
		*out++ = digits[*p++ & 15];
	}
	*out = '\0';
}

/* Lowercase hex MD5 of the formatted string; -1 if it does not fit. */
static int
md5_hex(char out[33], const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int
md5_hex(char out[33], const char *fmt, ...)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdn = 0;
	char s[4096];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(s, sizeof s, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof s ||
	    !EVP_Digest(s, (size_t)n, md, &mdn, EVP_md5(), NULL) || mdn != 16)
		return -1;
	hex(out, md, 16);
	return 0;
}

/* Nonces are 16 random bytes plus their HMAC under a per-process secret,
 * so any nonce we issued verifies without keeping a table. */
static void
nonce_mac(const struct srv *s, const unsigned char r[16], char out[33])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdn = 0;

	HMAC(EVP_sha256(), s->secret, sizeof s->secret, r, 16, md, &mdn);
	hex(out, md, 16);
}

static void
nonce_new(const struct srv *s, char out[65])
{
	unsigned char r[16];

	if (RAND_bytes(r, sizeof r) != 1)
		die("RAND_bytes failed");
	hex(out, r, 16);
	nonce_mac(s, r, out + 32);
}

static int
nonce_ok(const struct srv *s, const char *nonce)
{
	unsigned char r[16];
	char mac[33];
	int i;

	if (strlen(nonce) != 64)
		return 0;
	for (i = 0; i < 16; i++) {
		int hi = hex_value(nonce[2 * i]), lo = hex_value(nonce[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return 0;
		r[i] = (unsigned char)(hi << 4 | lo);
	}
	nonce_mac(s, r, mac);
	return strcasecmp(mac, nonce + 32) == 0;
}

/* Finds key in a Digest header's "k=v, k2="v 2"" list. */
static int
auth_param(const char *s, const char *key, char *out, size_t cap)
{
	size_t kn = strlen(key);

	while (*s) {
		const char *k;
		size_t klen, o = 0;
		int match;

		s += strspn(s, " \t,");
		k = s;
		s += strcspn(s, "=,");
		klen = (size_t)(s - k);
		while (klen > 0 && (k[klen - 1] == ' ' || k[klen - 1] == '\t'))
			klen--;
		if (*s != '=')
			continue;
		s++;
		s += strspn(s, " \t");
		match = klen == kn && strncasecmp(k, key, kn) == 0;
		if (*s == '"') {
			for (s++; *s && *s != '"'; s++) {
				if (*s == '\\' && s[1] != '\0')
					s++;
				if (o + 1 < cap)
					out[o++] = *s;
			}
			if (*s == '"')
				s++;
		} else {
			for (; *s && *s != ',' && *s != ' ' && *s != '\t'; s++) {
				if (o + 1 < cap)
					out[o++] = *s;
			}
		}
		if (match) {
			out[o] = '\0';
			return 0;
		}
	}
	return -1;
}

static int
digest_ok(struct evhttp_request *req, const struct srv *s, const char *user,
    const char *pass)
{
	const char *auth = evhttp_find_header(
	    evhttp_request_get_input_headers(req), "Authorization");
	char un[256], realm[256], nonce[128], uri[2048], resp[64], qop[32],
	    nc[32], cnonce[256], ha1[33], ha2[33], want[33];
	const char *method = method_name(evhttp_request_get_command(req));

	if (auth == NULL || strncasecmp(auth, "Digest ", 7) != 0)
		return 0;
	auth += 7;
	if (auth_param(auth, "username", un, sizeof un) < 0 ||
	    auth_param(auth, "realm", realm, sizeof realm) < 0 ||
	    auth_param(auth, "nonce", nonce, sizeof nonce) < 0 ||
	    auth_param(auth, "uri", uri, sizeof uri) < 0 ||
	    auth_param(auth, "response", resp, sizeof resp) < 0)
		return 0;
	if (strcmp(un, user) != 0 || strcmp(realm, REALM) != 0 ||
	    !nonce_ok(s, nonce))
		return 0;
	if (md5_hex(ha1, "%s:%s:%s", user, REALM, pass) < 0 ||
	    md5_hex(ha2, "%s:%s", method, uri) < 0)
		return 0;
	if (auth_param(auth, "qop", qop, sizeof qop) == 0) {
		if (strcmp(qop, "auth") != 0 ||
		    auth_param(auth, "nc", nc, sizeof nc) < 0 ||
		    auth_param(auth, "cnonce", cnonce, sizeof cnonce) < 0 ||
		    md5_hex(want, "%s:%s:%s:%s:%s:%s", ha1, nonce, nc, cnonce,
		    qop, ha2) < 0)
			return 0;
	} else if (md5_hex(want, "%s:%s:%s", ha1, nonce, ha2) < 0)
		return 0;			/* RFC 2069 style, no qop */
	return strcasecmp(want, resp) == 0;
}

/* /digest-auth/auth/USER/PASS[/MD5] */
static void
handle_digest_auth(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	struct srv *s = c->l->srv;
	char *seg[4], nonce[65], opaque[33], hdr[512];
	unsigned char o[16];
	int n = split_path(c->rest, seg, 4);

	if (n < 3 || strcmp(seg[0], "auth") != 0 ||
	    (n == 4 && strcasecmp(seg[3], "MD5") != 0)) {
		reply_error(req, 404, "only qop=auth with MD5 is supported");
	} else if (digest_ok(req, s, seg[1], seg[2])) {
		reply_authenticated(req, seg[1]);
	} else {
		nonce_new(s, nonce);
		if (RAND_bytes(o, sizeof o) != 1)
			die("RAND_bytes failed");
		hex(opaque, o, sizeof o);
		snprintf(hdr, sizeof hdr, "Digest realm=\"" REALM "\", "
		    "nonce=\"%s\", qop=\"auth\", opaque=\"%s\", "
		    "algorithm=MD5, stale=FALSE", nonce, opaque);
		add_header(req, "WWW-Authenticate", hdr);
		reply(req, 401, NULL, NULL);
	}
	free_segs(seg, n);
}

static void
compressed(struct evhttp_request *req, struct call *c, int gzip)
{
	struct evbuffer *b = xbuf();

	evbuffer_add_printf(b, "{\n  \"%s\": true,\n  \"headers\": ",
	    gzip ? "gzipped" : "deflated");
	json_headers(b, req);
	evbuffer_add(b, ",\n  \"method\": ", 14);
	json_cstr(b, method_name(evhttp_request_get_command(req)));
	evbuffer_add(b, ",\n  \"origin\": ", 14);
	json_cstr(b, origin(req));
	evbuffer_add(b, "\n}\n", 3);
	compress_buf(b, c->l->srv->crc, gzip);
	add_header(req, "Content-Encoding", gzip ? "gzip" : "deflate");
	reply(req, 200, JSON_CT, b);
}

static void
handle_gzip(struct evhttp_request *req, void *arg)
{
	compressed(req, arg, 1);
}

static void
handle_deflate(struct evhttp_request *req, void *arg)
{
	compressed(req, arg, 0);
}

/* /brotli and /zstd: a fixed body in each encoding.  The target links
 * neither library, so the bytes are a stream made once (brotli -q 11 and
 * zstd -19 of the JSON in the comment): as short as they are, they are
 * real streams that only a decoder turns back into the JSON. */
static void
handle_brotli(struct evhttp_request *req, void *arg)
{
	/* {"brotli": true, "method": "GET"}\n */
	static const unsigned char br[] = {
		0x8b, 0x10, 0x80, 0x7b, 0x22, 0x62, 0x72, 0x6f, 0x74, 0x6c,
		0x69, 0x22, 0x3a, 0x20, 0x74, 0x72, 0x75, 0x65, 0x2c, 0x20,
		0x22, 0x6d, 0x65, 0x74, 0x68, 0x6f, 0x64, 0x22, 0x3a, 0x20,
		0x22, 0x47, 0x45, 0x54, 0x22, 0x7d, 0x0a, 0x03,
	};
	struct evbuffer *b = xbuf();

	evbuffer_add(b, br, sizeof br);
	add_header(req, "Content-Encoding", "br");
	reply(req, 200, JSON_CT, b);
}

static void
handle_zstd(struct evhttp_request *req, void *arg)
{
	/* {"zstd": true, "method": "GET"}\n */
	static const unsigned char zst[] = {
		0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x20, 0x01, 0x01, 0x00, 0x7b,
		0x22, 0x7a, 0x73, 0x74, 0x64, 0x22, 0x3a, 0x20, 0x74, 0x72,
		0x75, 0x65, 0x2c, 0x20, 0x22, 0x6d, 0x65, 0x74, 0x68, 0x6f,
		0x64, 0x22, 0x3a, 0x20, 0x22, 0x47, 0x45, 0x54, 0x22, 0x7d,
		0x0a, 0x9f, 0x4d, 0x00, 0x87,
	};
	struct evbuffer *b = xbuf();

	evbuffer_add(b, zst, sizeof zst);
	add_header(req, "Content-Encoding", "zstd");
	reply(req, 200, JSON_CT, b);
}

/* ---- /inspect: what exactly a request body held ---- */

/* Lowercase hex SHA-256 of p. */
static void
sha256_hex(char out[65], const void *p, size_t n)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdn = 0;

	if (!EVP_Digest(p, n, md, &mdn, EVP_sha256(), NULL) || mdn != 32)
		die("sha256 failed");
	hex(out, md, 32);
}

/* "length", "sha256" and "base64" of p, then a comma. */
static void
json_bytes(struct evbuffer *b, const char *prefix, const void *p, size_t n)
{
	char sum[65];
	unsigned char *b64 = xmalloc(4 * ((n + 2) / 3) + 1);

	sha256_hex(sum, p, n);
	EVP_EncodeBlock(b64, p, (int)n);
	evbuffer_add_printf(b, "  \"%slength\": %zu,\n  \"%ssha256\": \"%s\",\n"
	    "  \"%sbase64\": \"%s\",\n", prefix, n, prefix, sum, prefix,
	    (const char *)b64);
	free(b64);
}

/* Undo one Content-Encoding (gzip or deflate, zlib guesses which) into
 * out; -1 if p is not a whole stream or inflates past MAX_BODY. */
static int
inflate_into(struct evbuffer *out, const unsigned char *p, size_t n)
{
	unsigned char chunk[16384];
	z_stream z;
	int rc;

	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 15 + 32) != Z_OK)
		return -1;
	z.next_in = (unsigned char *)p;
	z.avail_in = (uInt)n;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof chunk;
		rc = inflate(&z, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END)
			break;
		evbuffer_add(out, chunk, sizeof chunk - z.avail_out);
		if (evbuffer_get_length(out) > (size_t)MAX_BODY)
			rc = Z_MEM_ERROR;
	} while (rc == Z_OK && (z.avail_in > 0 || z.avail_out == 0));
	inflateEnd(&z);
	return rc == Z_STREAM_END && z.avail_in == 0 ? 0 : -1;
}

/* The parts of a multipart/form-data body, each with its name, filename,
 * Content-Type and bytes. */
static void
json_parts(struct evbuffer *b, const char *ct, const char *body, size_t n)
{
	const char *e = body + n, *bv, *s;
	char delim[256];
	size_t bn, dn;
	int first = 1;

	evbuffer_add_printf(b, "  \"parts\": [");
	if (hdr_param(ct, strlen(ct), "boundary", &bv, &bn) < 0 || bn == 0 ||
	    bn > sizeof delim - 8)
		goto out;
	dn = (size_t)snprintf(delim, sizeof delim, "\r\n--%.*s", (int)bn, bv);
	if (n < dn - 2 || memcmp(body, delim + 2, dn - 2) != 0)
		goto out;
	s = body + dn - 2;
	while (e - s >= 2 && memcmp(s, "\r\n", 2) == 0) {
		const char *hdr = s + 2, *he, *data, *next, *line;
		const char *name = NULL, *fname = NULL, *pct = NULL;
		size_t namen = 0, fnamen = 0, pctn = 0;
		char sum[65];

		if ((he = memmem(hdr, (size_t)(e - hdr), "\r\n\r\n", 4)) == NULL)
			break;
		data = he + 4;
		if ((next = memmem(data, (size_t)(e - data), delim, dn)) == NULL)
			break;
		for (line = hdr; line < he; ) {
			const char *le = memmem(line, (size_t)(he + 2 - line),
			    "\r\n", 2), *v;

			if (le == NULL)
				le = he;
			if ((v = memchr(line, ':', (size_t)(le - line))) != NULL) {
				size_t kn = (size_t)(v - line);

				v++;
				v += strspn(v, " ");
				if (kn == 19 && strncasecmp(line,
				    "Content-Disposition", kn) == 0) {
					if (hdr_param(v, (size_t)(le - v), "name",
					    &name, &namen) < 0)
						name = NULL;
					if (hdr_param(v, (size_t)(le - v),
					    "filename", &fname, &fnamen) < 0)
						fname = NULL;
				} else if (kn == 12 && strncasecmp(line,
				    "Content-Type", kn) == 0) {
					pct = v;
					pctn = (size_t)(le - v);
				}
			}
			line = le + 2;
		}
		sha256_hex(sum, data, (size_t)(next - data));
		evbuffer_add_printf(b, "%s\n    {\"name\": ", first ? "" : ",");
		first = 0;
		if (name != NULL)
			json_str(b, name, namen);
		else
			evbuffer_add(b, "null", 4);
		evbuffer_add(b, ", \"filename\": ", 14);
		if (fname != NULL)
			json_str(b, fname, fnamen);
		else
			evbuffer_add(b, "null", 4);
		evbuffer_add(b, ", \"content_type\": ", 18);
		if (pct != NULL)
			json_str(b, pct, pctn);
		else
			evbuffer_add(b, "null", 4);
		evbuffer_add_printf(b, ", \"length\": %zu, \"sha256\": \"%s\", "
		    "\"data\": ", (size_t)(next - data), sum);
		json_str(b, data, (size_t)(next - data));
		evbuffer_add(b, "}", 1);
		s = next + dn;
	}
	/* A well-formed body ends with the closing delimiter. */
	evbuffer_add_printf(b, "\n  ],\n  \"closed\": %s,\n",
	    e - s == 4 && memcmp(s, "--\r\n", 4) == 0 ? "true" : "false");
	return;
out:
	evbuffer_add_printf(b, "],\n  \"closed\": false,\n");
}

/*
 * Any method: the raw body's length, SHA-256 and base64; the body decoded
 * by its Content-Encoding (gzip, deflate or a list of them, undone in
 * reverse order) and, for multipart/form-data, its parts.
 */
static void
handle_inspect(struct evhttp_request *req, void *arg)
{
	struct evkeyvalq *h = evhttp_request_get_input_headers(req);
	struct evbuffer *in = evhttp_request_get_input_buffer(req);
	struct evbuffer *b = xbuf(), *cur = xbuf(), *next;
	const char *ct = evhttp_find_header(h, "Content-Type");
	const char *ce = evhttp_find_header(h, "Content-Encoding");
	const char *body, *err = NULL;
	size_t n = evbuffer_get_length(in), k;
	char alg[32];

	(void)arg;
	body = n > 0 ? (const char *)evbuffer_pullup(in, -1) : "";
	evbuffer_add(b, "{\n", 2);
	json_bytes(b, "", body, n);
	evbuffer_add(cur, body, n);
	/* The last encoding listed was applied last. */
	for (k = ce != NULL ? strlen(ce) : 0; k > 0 && err == NULL; ) {
		size_t end = k, start;

		while (end > 0 && (ce[end - 1] == ' ' || ce[end - 1] == ','))
			end--;
		start = end;
		while (start > 0 && ce[start - 1] != ' ' && ce[start - 1] != ',')
			start--;
		k = start;
		if (end == start)
			break;
		snprintf(alg, sizeof alg, "%.*s", (int)(end - start), ce + start);
		if (strcasecmp(alg, "gzip") != 0 && strcasecmp(alg, "deflate") != 0) {
			err = "unknown Content-Encoding";
			break;
		}
		next = xbuf();
		if (inflate_into(next, evbuffer_pullup(cur, -1),
		    evbuffer_get_length(cur)) == -1)
			err = "the body does not decompress";
		evbuffer_free(cur);
		cur = next;
	}
	n = evbuffer_get_length(cur);
	body = n > 0 ? (const char *)evbuffer_pullup(cur, -1) : "";
	if (err == NULL)
		json_bytes(b, "decoded_", body, n);
	evbuffer_add(b, "  \"decode_error\": ", 18);
	if (err != NULL)
		json_cstr(b, err);
	else
		evbuffer_add(b, "null", 4);
	evbuffer_add(b, ",\n", 2);
	if (err == NULL && ctype_is(ct, "multipart/form-data"))
		json_parts(b, ct, body, n);
	evbuffer_add(b, "  \"content_type\": ", 18);
	json_cstr(b, ct);
	evbuffer_add(b, ",\n  \"content_encoding\": ", 24);
	json_cstr(b, ce);
	evbuffer_add(b, ",\n  \"method\": ", 14);
	json_cstr(b, method_name(evhttp_request_get_command(req)));
	evbuffer_add(b, "\n}\n", 3);
	evbuffer_free(cur);
	reply(req, 200, JSON_CT, b);
}

static void
handle_json(struct evhttp_request *req, void *arg)
{
	static const char doc[] =
	    "{\n"
	    "  \"slideshow\": {\n"
	    "    \"author\": \"Yours Truly\",\n"
	    "    \"date\": \"date of publication\",\n"
	    "    \"slides\": [\n"
	    "      {\n"
	    "        \"title\": \"Wake up to WonderWidgets!\",\n"
	    "        \"type\": \"all\"\n"
	    "      },\n"
	    "      {\n"
	    "        \"items\": [\n"
	    "          \"Why <em>WonderWidgets</em> are great\",\n"
	    "          \"Who <em>buys</em> WonderWidgets\"\n"
	    "        ],\n"
	    "        \"title\": \"Overview\",\n"
	    "        \"type\": \"all\"\n"
	    "      }\n"
	    "    ],\n"
	    "    \"title\": \"Sample Slide Show\"\n"
	    "  }\n"
	    "}\n";
	struct evbuffer *b = xbuf();

	evbuffer_add(b, doc, sizeof doc - 1);
	reply(req, 200, JSON_CT, b);
}

/* A JavaScript module, for the scripts and archives that import one
 * by URL. */
static void
handle_module(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = xbuf();

	(void)arg;
	evbuffer_add_printf(b, "export const answer = 42;\n");
	reply(req, 200, "text/javascript; charset=utf-8", b);
}

static const char html_form[] =
    "<form action=\"/post\" method=\"post\">\n"
    "<input type=\"hidden\" name=\"csrf\" value=\"" CSRF "\">\n"
    "<label>Name <input type=\"text\" name=\"name\" value=\"\"></label>\n"
    "<button type=\"submit\">Submit</button>\n"
    "</form>\n";

static void
handle_html(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = xbuf();

	evbuffer_add_printf(b,
	    "<!DOCTYPE html>\n"
	    "<html>\n"
	    "<head>\n<meta charset=\"utf-8\">\n"
	    "<title>Lyocell test page</title>\n</head>\n"
	    "<body>\n"
	    "<h1>Herman Melville - Moby-Dick</h1>\n"
	    "<p>Call me Ishmael. Some years ago - never mind how long "
	    "precisely - having little or no money in my purse, and nothing "
	    "particular to interest me on shore, I thought I would sail about "
	    "a little and see the watery part of the world.</p>\n"
	    "%s"
	    "<ul>\n"
	    "<li><a href=\"/get\">get</a></li>\n"
	    "<li><a href=\"/json\">json</a></li>\n"
	    "<li><a href=\"/headers\">headers</a></li>\n"
	    "<li><a href=\"/big-html\">big-html</a></li>\n"
	    "</ul>\n"
	    "</body>\n"
	    "</html>\n", html_form);
	reply(req, 200, HTML_CT, b);
}

/* /html-page/NAME: fixed pages for k6/html's tests: a login form of
 * every kind of field with a CSRF token, a table, and tag soup that the
 * HTML5 parser has to mend. */
static const struct {
	const char	*name;
	const char	*body;
} html_pages[] = {
	{ "login",
	  "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Log in</title>"
	  "<base href=\"/html-page/\"></head><body>\n"
	  "<form id=\"login\" action=\"../anything/login?x=1\" method=\"post\">\n"
	  "<input type=\"hidden\" name=\"csrf_token\" value=\"tok-" CSRF "\">\n"
	  "<label for=\"user\">User</label><input id=\"user\" name=\"user\" value=\"ann\">\n"
	  "<input type=\"password\" name=\"pass\">\n"
	  "<input type=\"checkbox\" name=\"remember\" checked=\"checked\">\n"
	  "<input type=\"checkbox\" name=\"news\" value=\"yes\">\n"
	  "<input type=\"radio\" name=\"plan\" value=\"free\">\n"
	  "<input type=\"radio\" name=\"plan\" value=\"pro\" checked=\"checked\">\n"
	  "<select name=\"lang\"><option value=\"en\">English</option>"
	  "<option selected>fr</option></select>\n"
	  "<select name=\"tags\" multiple><option value=\"a\" selected>A</option>"
	  "<option value=\"b\">B</option><option value=\"c\" selected>C</option></select>\n"
	  "<textarea name=\"note\">two words &amp; more</textarea>\n"
	  "<input type=\"text\" name=\"off\" disabled=\"disabled\" value=\"no\">\n"
	  "<input type=\"file\" name=\"f\">\n"
	  "<button type=\"submit\" name=\"go\" value=\"in\">Log in</button>\n"
	  "</form>\n"
	  "<form id=\"search\" action=\"/get\"><input name=\"q\" value=\"a b&c\">"
	  "<input type=\"submit\" value=\"Search\"></form>\n"
	  "<a href=\"/get?from=login\" class=\"nav first\">home</a>\n"
	  "<a name=\"anchor\">no href</a>\n"
	  "</body></html>\n" },
	{ "table",
	  "<!DOCTYPE html>\n<table id=\"prices\"><caption>Prices</caption>\n"
	  "<thead><tr><th scope=\"col\">Item</th><th>Price</th></tr></thead>\n"
	  "<tbody><tr class=\"odd\"><td>Tea</td><td data-eur=\"2.5\">2.50</td></tr>\n"
	  "<tr><td>Coffee</td><td data-eur=\"3\">3.00</td></tr>\n"
	  "<tr class=\"odd\"><td colspan=\"2\">Water</td></tr></tbody>\n"
	  "<tfoot><tr><td>Total</td><td>5.50</td></tr></tfoot></table>\n" },
	{ "malformed",
	  "<title>Soup</title><p class=intro>one<p>two <b>bold <i>both</b> italic</i>"
	  "<ul><li>a<li>b &amp c &copy; &#x263A;<li>c</ul>"
	  "<table><tr><td>x</table><div id=x><span>unclosed</div>"
	  "<img src=a.png alt='\"q\"'><br></br><!-- note -->" },
};

static void
handle_html_page(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	struct evbuffer *b;
	size_t i;

	for (i = 0; i < sizeof html_pages / sizeof html_pages[0]; i++)
		if (strcmp(c->rest, html_pages[i].name) == 0)
			break;
	if (i == sizeof html_pages / sizeof html_pages[0]) {
		reply_error(req, 404, "no such page");
		return;
	}
	b = xbuf();
	evbuffer_add(b, html_pages[i].body, strlen(html_pages[i].body));
	reply(req, 200, HTML_CT, b);
}

static void
handle_big_html(struct evhttp_request *req, void *arg)
{
	static const char tail[] = "</body>\n</html>\n";
	struct evbuffer *b = xbuf();
	struct kvs q = { 0 };
	const char *v;
	long kb = 100, i;
	size_t want;

	parse_query(&q, req);
	if ((v = kvs_get(&q, "kb")) != NULL && parse_num(v, 65536, &kb) < 0)
		kb = 100;
	kvs_free(&q);
	if (kb < 1)
		kb = 1;
	want = (size_t)kb * 1024;
	evbuffer_add_printf(b, "<!DOCTYPE html>\n<html>\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>Big page</title>\n</head>\n"
	    "<body>\n<h1>Big page</h1>\n");
	/* filler first: the csrf input must sit near the end of the page */
	for (i = 1; evbuffer_get_length(b) + sizeof html_form + sizeof tail
	    < want; i++)
		evbuffer_add_printf(b, "<p id=\"p%ld\">Paragraph %ld. Lorem "
		    "ipsum dolor sit amet, consectetur adipiscing elit, sed do "
		    "eiusmod tempor incididunt ut labore et dolore magna "
		    "aliqua.</p>\n", i, i);
	evbuffer_add(b, html_form, sizeof html_form - 1);
	evbuffer_add(b, tail, sizeof tail - 1);
	reply(req, 200, HTML_CT, b);
}

static void
handle_response_headers(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = xbuf();
	struct kvs q = { 0 };
	const char *ct;
	size_t i;

	parse_query(&q, req);
	for (i = 0; i < q.n; i++) {
		/* framing stays ours, or keep-alive clients would desync */
		if (strcasecmp(q.a[i].k, "Content-Length") != 0 &&
		    strcasecmp(q.a[i].k, "Transfer-Encoding") != 0)
			add_header(req, q.a[i].k, q.a[i].v);
	}
	ct = kvs_get(&q, "Content-Type");
	evbuffer_add(b, "{", 1);
	if (ct == NULL)
		evbuffer_add_printf(b, "\"Content-Type\": \"%s\"", JSON_CT);
	if (q.n > 0) {
		/* json_kvs's object, spliced after Content-Type */
		struct evbuffer *o = xbuf();

		json_kvs(o, &q, 1);
		evbuffer_drain(o, 1);
		if (ct == NULL)
			evbuffer_add(b, ", ", 2);
		evbuffer_add_buffer(b, o);
		evbuffer_free(o);
	} else
		evbuffer_add(b, "}", 1);
	evbuffer_add(b, "\n", 1);
	kvs_free(&q);
	reply(req, 200, ct == NULL ? JSON_CT : NULL, b);
}

static void
handle_close(struct evhttp_request *req, void *arg)
{
	struct bufferevent *bev = evhttp_connection_get_bufferevent(
	    evhttp_request_get_connection(req));

	/*
	 * Freeing the connection from inside its own read callback is
	 * fragile: evhttp and the TLS bufferevent still touch it on the way
	 * out.  Cut the socket instead: the client sees the connection close
	 * without a response, our reply fails to write (EPIPE) and evhttp
	 * frees the connection and request on its usual error path.
	 */
	shutdown(bufferevent_getfd(bev), SHUT_RDWR);
	add_header(req, "Connection", "close");
	reply(req, 200, NULL, NULL);
}

static void
handle_truncated(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = xbuf();

	/* promise 1000 bytes, send 10; Connection: close makes evhttp free
	 * the connection once those are written */
	add_header(req, "Content-Type", TEXT_CT);
	add_header(req, "Content-Length", "1000");
	add_header(req, "Connection", "close");
	evhttp_send_reply_start(req, 200, NULL);
	evbuffer_add(b, "0123456789", 10);
	evhttp_send_reply_chunk(req, b);
	evbuffer_free(b);
	evhttp_send_reply_end(req);
}

static void
handle_slow_body(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	struct kvs q = { 0 };
	struct job *j;
	const char *v;
	long ms = 1000;
	char len[16];

	parse_query(&q, req);
	if ((v = kvs_get(&q, "ms")) != NULL && parse_num(v, MAX_DELAY, &ms) < 0)
		ms = 1000;
	kvs_free(&q);
	/* each piece is "piece NN/10\n", 12 bytes */
	snprintf(len, sizeof len, "%d", SLOW_PIECES * 12);
	add_header(req, "Content-Type", TEXT_CT);
	add_header(req, "Content-Length", len);
	evhttp_send_reply_start(req, 200, NULL);
	j = job_new(c->l, req, JOB_SLOW);
	j->left = SLOW_PIECES;
	ms /= SLOW_PIECES;
	j->step.tv_sec = ms / 1000;
	j->step.tv_usec = ms % 1000 * 1000;
	evtimer_add(j->ev, &j->step);
}

/* ---- faults: what misbehaving servers do, for the fault suite ---- */

/* The socket under req's connection, or -1. */
static int
req_fd(struct evhttp_request *req)
{
	struct evhttp_connection *c = evhttp_request_get_connection(req);
	struct bufferevent *bev = c ? evhttp_connection_get_bufferevent(c) :
	    NULL;

	return bev != NULL ? bufferevent_getfd(bev) : -1;
}

/* Close req's connection without a reply, from the loop: with a reset
 * (RST) if rst, else an orderly close (FIN). */
static void
drop(struct call *c, struct evhttp_request *req, int rst)
{
	struct linger lg = { 1, 0 };
	struct job *j;
	int fd = req_fd(req);

	/* evhttp sends a FIN before it closes: for a bare reset, close
	 * the socket now (linger 0) and leave evhttp a blank one */
	if (rst && fd != -1) {
		int blank = socket(AF_INET, SOCK_STREAM, 0);

		setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
		if (blank != -1) {
			dup2(blank, fd);
			close(blank);
		}
	}
	j = job_new(c->l, req, JOB_DROP);
	evtimer_add(j->ev, &j->step);	/* zero */
}

/* /fault/reset: the connection is reset, no reply. */
static void
fault_reset(struct evhttp_request *req, struct call *c)
{
	drop(c, req, 1);
}

/* /fault/stall?ms=N: nothing for N ms, then the echo of /get. */
static void
fault_stall(struct evhttp_request *req, struct call *c, struct kvs *q)
{
	const char *v = kvs_get(q, "ms");
	struct job *j;
	long ms = 1000;

	if (v != NULL && parse_num(v, MAX_DELAY, &ms) < 0) {
		reply_error(req, 400, "invalid ms");
		return;
	}
	j = job_new(c->l, req, JOB_DELAY);
	j->step.tv_sec = ms / 1000;
	j->step.tv_usec = ms % 1000 * 1000;
	evtimer_add(j->ev, &j->step);
}

/* /fault/garbage: a line that is not HTTP, then the connection closes.
 * The plain listener only: on TLS the line would not be a record. */
static void
fault_garbage(struct evhttp_request *req, struct call *c)
{
	static const char line[] = "this is not HTTP\r\n";
	int fd = req_fd(req);

	if (c->l != &c->l->srv->plain) {
		reply_error(req, 400, "garbage is sent over plain HTTP only");
		return;
	}
	/* a fresh socket's buffer takes these few bytes at once; if the
	 * client left, there is nobody to tell */
	if (fd != -1) {
		ssize_t w = write(fd, line, sizeof line - 1);

		(void)w;
	}
	drop(c, req, 0);
}

static void
count_closed(struct evhttp_connection *conn, void *arg)
{
	struct srv *s = arg;
	struct conncount **pp, *cc;

	for (pp = &s->counts; (cc = *pp) != NULL; pp = &cc->next)
		if (cc->conn == conn) {
			*pp = cc->next;
			free(cc);
			return;
		}
}

/* /fault/close-after?n=N[&header=1][&rst=1]: a keep-alive connection
 * answers N requests.  With header=1 the Nth response says Connection:
 * close; without, the connection stays open and is closed when request
 * N+1 comes (reset if rst=1), as a server whose idle timeout fires just
 * then.  A client that reuses connections must retry that request. */
static void
fault_close_after(struct evhttp_request *req, struct call *c, struct kvs *q)
{
	struct srv *s = c->l->srv;
	struct evhttp_connection *conn = evhttp_request_get_connection(req);
	const char *v = kvs_get(q, "n"), *h = kvs_get(q, "header"),
	    *rst = kvs_get(q, "rst");
	struct conncount *cc;
	long n = 1;

	if (v != NULL && (parse_num(v, 1000000, &n) < 0 || n < 1)) {
		reply_error(req, 400, "invalid n");
		return;
	}
	for (cc = s->counts; cc != NULL && cc->conn != conn; cc = cc->next)
		;
	if (cc == NULL) {
		cc = xmalloc(sizeof *cc);
		cc->conn = conn;
		cc->n = 0;
		cc->next = s->counts;
		s->counts = cc;
		evhttp_connection_set_closecb(conn, count_closed, s);
	}
	if (cc->n >= n) {
		drop(c, req, rst != NULL && strcmp(rst, "1") == 0);
		return;
	}
	if (++cc->n == n && h != NULL && strcmp(h, "1") == 0)
		add_header(req, "Connection", "close");
	reply(req, 200, TEXT_CT, NULL);
}

/* /fault/dribble?bytes=N&ms=M: a body of N bytes, one every M ms. */
static void
fault_dribble(struct evhttp_request *req, struct call *c, struct kvs *q)
{
	const char *vb = kvs_get(q, "bytes"), *vm = kvs_get(q, "ms");
	struct job *j;
	long bytes = 10, ms = 10;
	char len[24];

	if ((vb != NULL && parse_num(vb, 100000, &bytes) < 0) ||
	    (vm != NULL && parse_num(vm, MAX_DELAY, &ms) < 0) || bytes < 1) {
		reply_error(req, 400, "invalid bytes or ms");
		return;
	}
	snprintf(len, sizeof len, "%ld", bytes);
	add_header(req, "Content-Type", TEXT_CT);
	add_header(req, "Content-Length", len);
	evhttp_send_reply_start(req, 200, NULL);
	j = job_new(c->l, req, JOB_DRIBBLE);
	j->left = (int)bytes;
	j->step.tv_sec = ms / 1000;
	j->step.tv_usec = ms % 1000 * 1000;
	evtimer_add(j->ev, &j->step);
}

static void
handle_fault(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	struct kvs q = { 0 };

	parse_query(&q, req);
	if (strcmp(c->rest, "reset") == 0)
		fault_reset(req, c);
	else if (strcmp(c->rest, "stall") == 0)
		fault_stall(req, c, &q);
	else if (strcmp(c->rest, "garbage") == 0)
		fault_garbage(req, c);
	else if (strcmp(c->rest, "close-after") == 0)
		fault_close_after(req, c, &q);
	else if (strcmp(c->rest, "dribble") == 0)
		fault_dribble(req, c, &q);
	else
		reply_error(req, 404, "no such fault");
	kvs_free(&q);
}

/* /stats: the requests this target has had, /stats excepted. */
static void
handle_stats(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	struct evbuffer *b = xbuf();

	c->l->srv->requests--;
	evbuffer_add_printf(b, "{\"requests\": %llu}\n", c->l->srv->requests);
	reply(req, 200, JSON_CT, b);
}

static void
handle_not_found(struct evhttp_request *req, void *arg)
{
	reply_error(req, 404, "not found");
}

static void
reply_options(struct evhttp_request *req)
{
	const char *h = evhttp_find_header(evhttp_request_get_input_headers(req),
	    "Access-Control-Request-Headers");

	add_header(req, "Allow", ALLOW);
	add_header(req, "Access-Control-Allow-Methods", ALLOW);
	add_header(req, "Access-Control-Max-Age", "3600");
	if (h != NULL)
		add_header(req, "Access-Control-Allow-Headers", h);
	reply(req, 200, HTML_CT, NULL);
}

/* ---- WebSockets ----
 *
 * GET /ws/MODE with an Upgrade takes the connection over from evhttp:
 * the 101 and the frames go straight to its bufferevent, and evhttp
 * frees the connection (and the socket) when the session ends.  Frames
 * are parsed here, without a WebSocket library, so that the client's
 * framing is tested against an independent one.  MODE:
 *   echo          every data frame back as it came; ping, pong, close
 *   headers       first a text message: the upgrade's request headers
 *   ping          a ping from the server after the upgrade, then echo
 *   close/CODE    answer the first message with a close frame CODE
 *   mid-message   answer the first message with half a frame, then EOF
 *   oversized     answer it with a header announcing 2^40 bytes
 *   bad-utf8      answer it with a text frame that is not UTF-8
 *   no-close      echo the first message, then EOF without a close frame
 *   refuse        (any MODE unknown too) 403 with a body, no upgrade
 * The first offered subprotocol is accepted; ?cookie=N=V sets a cookie. */

enum { WS_ECHO, WS_CLOSE, WS_MID, WS_OVERSIZED, WS_BADUTF8, WS_NOCLOSE };

struct wss {
	struct evhttp_connection	*evcon;
	struct bufferevent		*bev;
	int				 mode;
	int				 code;
	int				 closing;
};

static void
ws_end_cb(evutil_socket_t fd, short what, void *arg)
{
	struct wss *w = arg;

	evhttp_connection_free(w->evcon);
	free(w);
}

/* Drop the session once what is queued is written (now if told so). */
static void
ws_end(struct wss *w, int now)
{
	bufferevent_disable(w->bev, EV_READ);
	w->closing = 1;
	if (now || evbuffer_get_length(bufferevent_get_output(w->bev)) == 0) {
		bufferevent_setcb(w->bev, NULL, NULL, NULL, NULL);
		event_base_once(bufferevent_get_base(w->bev), -1, EV_TIMEOUT,
		    ws_end_cb, w, NULL);
	}
}

static void
ws_frame(struct evbuffer *out, int fin_op, const void *p, uint64_t n)
{
	unsigned char h[10];
	size_t hl = 2;
	int i;

	h[0] = (unsigned char)fin_op;
	if (n < 126)
		h[1] = (unsigned char)n;
	else if (n < 65536) {
		h[1] = 126;
		h[2] = (unsigned char)(n >> 8);
		h[3] = (unsigned char)n;
		hl = 4;
	} else {
		h[1] = 127;
		for (i = 0; i < 8; i++)
			h[2 + i] = (unsigned char)(n >> (56 - 8 * i));
		hl = 10;
	}
	evbuffer_add(out, h, hl);
	if (p != NULL)
		evbuffer_add(out, p, (size_t)n);
}

/* The fault modes act on the first data message. */
static int
ws_fault(struct wss *w, struct evbuffer *out, const unsigned char *p, size_t n,
    int fin_op)
{
	unsigned char cf[2];

	switch (w->mode) {
	case WS_CLOSE:
		cf[0] = (unsigned char)(w->code >> 8);
		cf[1] = (unsigned char)w->code;
		ws_frame(out, 0x88, cf, 2);
		w->closing = 1;
		return 1;
	case WS_MID:
		ws_frame(out, 0x81, NULL, 100);
		evbuffer_add(out, "0123456789", 10);
		ws_end(w, 0);
		return 1;
	case WS_OVERSIZED:
		ws_frame(out, 0x82, NULL, (uint64_t)1 << 40);
		evbuffer_add(out, "0123456789", 10);
		return 1;
	case WS_BADUTF8:
		ws_frame(out, 0x81, "ok \xff\xfe\xc3(", 8);
		return 1;
	case WS_NOCLOSE:
		ws_frame(out, fin_op, p, n);
		ws_end(w, 0);
		return 1;
	}
	return 0;
}

static void
ws_read(struct bufferevent *bev, void *arg)
{
	struct wss *w = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	struct evbuffer *out = bufferevent_get_output(bev);
	unsigned char h[14], *p;
	uint64_t n;
	size_t hl, have, i;
	int op;

	while (!w->closing) {
		have = evbuffer_get_length(in);
		if (have < 2)
			return;
		evbuffer_copyout(in, h, have < sizeof h ? have : sizeof h);
		n = h[1] & 0x7f;
		hl = 2;
		if (n == 126)
			hl = 4;
		else if (n == 127)
			hl = 10;
		if (!(h[1] & 0x80)) {	/* clients must mask */
			ws_end(w, 1);
			return;
		}
		hl += 4;
		if (have < hl)
			return;
		if (n == 126)
			n = (uint64_t)h[2] << 8 | h[3];
		else if (n == 127)
			for (n = 0, i = 0; i < 8; i++)
				n = n << 8 | h[2 + i];
		if (n > (16u << 20)) {
			ws_end(w, 1);
			return;
		}
		if (have < hl + n)
			return;
		evbuffer_drain(in, hl);
		p = xmalloc((size_t)n + 1);
		evbuffer_remove(in, p, (size_t)n);
		for (i = 0; i < n; i++)
			p[i] ^= h[hl - 4 + (i & 3)];
		op = h[0] & 0x0f;
		if (op == 0x8) {		/* close: answer with its code and reason */
			ws_frame(out, 0x88, p, n);
			free(p);
			ws_end(w, 0);
			return;
		} else if (op == 0x9)		/* ping */
			ws_frame(out, 0x8a, p, n);
		else if (op == 0xa)		/* pong */
			;
		else if (!ws_fault(w, out, p, n, h[0]))
			ws_frame(out, h[0], p, n);
		free(p);
	}
}

static void
ws_write(struct bufferevent *bev, void *arg)
{
	struct wss *w = arg;

	if (w->closing && !(bufferevent_get_enabled(bev) & EV_READ))
		ws_end(w, 1);
}

static void
ws_event(struct bufferevent *bev, short what, void *arg)
{
	ws_end(arg, 1);
}

static void
handle_ws(struct evhttp_request *req, void *arg)
{
	struct call *c = arg;
	struct evkeyvalq *in = evhttp_request_get_input_headers(req);
	const char *key = evhttp_find_header(in, "Sec-WebSocket-Key");
	const char *up = evhttp_find_header(in, "Upgrade");
	const char *proto = evhttp_find_header(in, "Sec-WebSocket-Protocol");
	struct kvs q = { NULL, 0, 0 };
	struct evbuffer *out;
	struct wss *w;
	unsigned char md[20];
	char acc[64], buf[128];
	const char *ck;
	int mode = -1, code = 0;
	long lv;
	size_t pn;

	if (strcmp(c->rest, "echo") == 0 || strcmp(c->rest, "headers") == 0 ||
	    strcmp(c->rest, "ping") == 0)
		mode = WS_ECHO;
	else if (strncmp(c->rest, "close/", 6) == 0 && parse_num(c->rest + 6, 4999, &lv) == 0) {
		mode = WS_CLOSE;
		code = (int)lv;
	} else if (strcmp(c->rest, "mid-message") == 0)
		mode = WS_MID;
	else if (strcmp(c->rest, "oversized") == 0)
		mode = WS_OVERSIZED;
	else if (strcmp(c->rest, "bad-utf8") == 0)
		mode = WS_BADUTF8;
	else if (strcmp(c->rest, "no-close") == 0)
		mode = WS_NOCLOSE;
	if (mode < 0 || key == NULL || up == NULL || strcasecmp(up, "websocket") != 0) {
		struct evbuffer *b = xbuf();

		evbuffer_add_printf(b, "websocket upgrade refused\n");
		reply(req, 403, TEXT_CT, b);
		return;
	}
	snprintf(buf, sizeof buf, "%s258EAFA5-E914-47DA-95CA-C5AB0DC85B11", key);
	EVP_Digest(buf, strlen(buf), md, NULL, EVP_sha1(), NULL);
	EVP_EncodeBlock((unsigned char *)acc, md, sizeof md);

	w = xmalloc(sizeof *w);
	memset(w, 0, sizeof *w);
	w->evcon = evhttp_request_get_connection(req);
	w->bev = evhttp_connection_get_bufferevent(w->evcon);
	w->mode = mode;
	w->code = code;
	out = bufferevent_get_output(w->bev);
	evbuffer_add_printf(out, "HTTP/1.1 101 Switching Protocols\r\n"
	    "Upgrade: websocket\r\nConnection: Upgrade\r\n"
	    "Sec-WebSocket-Accept: %s\r\n", acc);
	if (proto != NULL) {
		pn = strcspn(proto, ", ");
		evbuffer_add_printf(out, "Sec-WebSocket-Protocol: %.*s\r\n", (int)pn, proto);
	}
	parse_query(&q, req);
	if ((ck = kvs_get(&q, "cookie")) != NULL)
		evbuffer_add_printf(out, "Set-Cookie: %s; Path=/\r\n", ck);
	kvs_free(&q);
	evbuffer_add(out, "\r\n", 2);
	if (strcmp(c->rest, "headers") == 0) {
		struct evbuffer *b = xbuf();

		json_headers(b, req);
		ws_frame(out, 0x81, evbuffer_pullup(b, -1), evbuffer_get_length(b));
		evbuffer_free(b);
	} else if (strcmp(c->rest, "ping") == 0)
		ws_frame(out, 0x89, "srv", 3);
	bufferevent_set_timeouts(w->bev, NULL, NULL);
	bufferevent_setcb(w->bev, ws_read, ws_write, ws_event, w);
	bufferevent_enable(w->bev, EV_READ | EV_WRITE);
	if (evbuffer_get_length(bufferevent_get_input(w->bev)) > 0)
		ws_read(w->bev, w);
}

/* ---- routing ---- */

static const struct route {
	const char	*path;
	int		 prefix;	/* also matches path + "/..." */
	int		 methods;	/* HEAD goes with GET; OPTIONS is
					 * answered here unless listed */
	void		(*fn)(struct evhttp_request *, void *);
} routes[] = {
	{ "/",			0, M_GET,		handle_root },
	{ "/get",		0, M_GET,		handle_get },
	{ "/post",		0, EVHTTP_REQ_POST,	handle_echo },
	{ "/put",		0, EVHTTP_REQ_PUT,	handle_echo },
	{ "/patch",		0, EVHTTP_REQ_PATCH,	handle_echo },
	{ "/delete",		0, EVHTTP_REQ_DELETE,	handle_echo },
	{ "/anything",		1, M_ANY,		handle_echo },
	{ "/status",		1, M_ANY,		handle_status },
	{ "/delay",		1, M_ANY,		handle_delay },
	{ "/bytes",		1, M_GET,		handle_bytes },
	{ "/headers",		0, M_GET,		handle_headers },
	{ "/user-agent",	0, M_GET,		handle_user_agent },
	{ "/ip",		0, M_GET,		handle_ip },
	{ "/cookies",		0, M_GET,		handle_cookies },
	{ "/cookies/set",	0, M_GET,		handle_cookies_set },
	{ "/cookies/delete",	0, M_GET,		handle_cookies_delete },
	{ "/redirect",		1, M_GET,		handle_redirect },
	{ "/redirect-to",	0, M_ANY,		handle_redirect_to },
	{ "/absolute-redirect",	1, M_GET,		handle_absolute_redirect },
	{ "/basic-auth",	1, M_GET,		handle_basic_auth },
	{ "/digest-auth",	1, M_GET,		handle_digest_auth },
	{ "/ntlm-auth",		1, M_GET,		handle_ntlm_auth },
	{ "/gzip",		0, M_GET,		handle_gzip },
	{ "/brotli",		0, M_GET,		handle_brotli },
	{ "/zstd",		0, M_GET,		handle_zstd },
	{ "/deflate",		0, M_GET,		handle_deflate },
	{ "/json",		0, M_GET,		handle_json },
	{ "/module",		0, M_GET,		handle_module },
	{ "/inspect",		0, M_ANY,		handle_inspect },
	{ "/html",		0, M_GET,		handle_html },
	{ "/big-html",		0, M_GET,		handle_big_html },
	{ "/html-page",		1, M_GET,		handle_html_page },
	{ "/response-headers",	0, M_GET | EVHTTP_REQ_POST,
						handle_response_headers },
	{ "/close",		0, M_ANY,		handle_close },
	{ "/truncated",		0, M_ANY,		handle_truncated },
	{ "/slow-body",		0, M_GET,		handle_slow_body },
	{ "/fault",		1, M_ANY,		handle_fault },
	{ "/stats",		0, M_GET,		handle_stats },
	{ "/ws",		1, M_GET,		handle_ws },
	{ NULL,			0, 0,			NULL }
};

static void
route(struct evhttp_request *req, struct lst *l)
{
	const struct evhttp_uri *u = evhttp_request_get_evhttp_uri(req);
	const char *path = u ? evhttp_uri_get_path(u) : NULL;
	enum evhttp_cmd_type m = evhttp_request_get_command(req);
	const struct route *r;
	struct call c;

	if (path == NULL || *path == '\0')
		path = "/";
	c.l = l;
	for (r = routes; r->path != NULL; r++) {
		size_t n = strlen(r->path);

		if (strncmp(path, r->path, n) != 0)
			continue;
		if (path[n] == '\0')
			c.rest = "";
		else if (r->prefix && path[n] == '/' && n > 1)
			c.rest = path + n + 1;
		else
			continue;
		if (m == EVHTTP_REQ_OPTIONS && !(r->methods & (int)m))
			reply_options(req);
		else if (!(r->methods & (int)m)) {
			add_header(req, "Allow", ALLOW);
			reply_error(req, 405, "method not allowed");
		} else
			r->fn(req, &c);
		return;
	}
	c.rest = path;
	handle_not_found(req, &c);
}

static void client_cert_header(struct evhttp_request *);

/* evhttp's general callback, for every listener. */
static void
dispatch(struct evhttp_request *req, void *arg)
{
	struct lst *l = arg;

	l->srv->requests++;
	add_header(req, "Access-Control-Allow-Origin", "*");
	add_header(req, "Access-Control-Allow-Credentials", "true");
	if (l == &l->srv->mtls)
		client_cert_header(req);
	route(req, l);
}

/* ---- TLS ---- */

static int
alpn_select(SSL *ssl, const unsigned char **out, unsigned char *outlen,
    const unsigned char *in, unsigned int inlen, void *arg)
{
	static const unsigned char h11[] = "\x08http/1.1";
	unsigned char *o = NULL;

	if (SSL_select_next_proto(&o, outlen, h11, sizeof h11 - 1, in, inlen) !=
	    OPENSSL_NPN_NEGOTIATED)
		return SSL_TLSEXT_ERR_NOACK;
	*out = o;
	return SSL_TLSEXT_ERR_OK;
}

static void
add_ext(X509 *x, X509 *issuer, int nid, const char *value)
{
	X509V3_CTX ctx;
	X509_EXTENSION *e;

	X509V3_set_ctx_nodb(&ctx);
	X509V3_set_ctx(&ctx, issuer, x, NULL, NULL, 0);
	if ((e = X509V3_EXT_conf_nid(NULL, &ctx, nid, value)) == NULL ||
	    !X509_add_ext(x, e, -1))
		die("cannot add certificate extension %s", value);
	X509_EXTENSION_free(e);
}

/* An unsigned certificate named cn for key, valid for a month, issued
 * by issuer (by itself when issuer is NULL). */
static X509 *
cert_new(const char *cn, EVP_PKEY *key, X509 *issuer)
{
	X509 *x;
	X509_NAME *name;
	uint64_t serial;

	if ((x = X509_new()) == NULL ||
	    RAND_bytes((unsigned char *)&serial, sizeof serial) != 1)
		die("cannot make a certificate");
	X509_set_version(x, 2);
	ASN1_INTEGER_set_uint64(X509_get_serialNumber(x), serial >> 1);
	X509_gmtime_adj(X509_getm_notBefore(x), -3600);
	X509_gmtime_adj(X509_getm_notAfter(x), 30L * 24 * 3600);
	X509_set_pubkey(x, key);
	name = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
	    (const unsigned char *)cn, -1, -1, 0);
	X509_set_issuer_name(x, issuer != NULL ?
	    X509_get_subject_name(issuer) : name);
	return x;
}

static void
cert_sign(X509 *x, EVP_PKEY *ikey)
{
	if (!X509_sign(x, ikey, EVP_sha256()))
		die("cannot sign the certificate");
}

static EVP_PKEY *
key_new(void)
{
	EVP_PKEY *k;

	if ((k = EVP_EC_gen("P-256")) == NULL)
		die("cannot generate a key");
	return k;
}

/* A server context with the target's certificate. */
static SSL_CTX *
server_ctx(struct srv *s)
{
	SSL_CTX *ctx;

	if ((ctx = SSL_CTX_new(TLS_server_method())) == NULL ||
	    !SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) ||
	    SSL_CTX_use_certificate(ctx, s->cert) != 1 ||
	    SSL_CTX_use_PrivateKey(ctx, s->key) != 1)
		die("cannot set up TLS: %s",
		    ERR_reason_error_string(ERR_get_error()));
	SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
	SSL_CTX_set_alpn_select_cb(ctx, alpn_select, NULL);
	return ctx;
}

/* A fresh self-signed P-256 certificate for localhost and 127.0.0.1. */
static void
tls_init(struct srv *s)
{
	s->key = key_new();
	s->cert = cert_new("localhost", s->key, NULL);
	/* CA:TRUE so clients can use the certificate as their CA file;
	 * keyUsage and key identifiers keep strict verifiers happy */
	add_ext(s->cert, s->cert, NID_basic_constraints, "critical,CA:TRUE");
	add_ext(s->cert, s->cert, NID_key_usage,
	    "critical,digitalSignature,keyCertSign");
	add_ext(s->cert, s->cert, NID_ext_key_usage, "serverAuth");
	add_ext(s->cert, s->cert, NID_subject_alt_name,
	    "DNS:localhost,IP:127.0.0.1");
	add_ext(s->cert, s->cert, NID_subject_key_identifier, "hash");
	add_ext(s->cert, s->cert, NID_authority_key_identifier, "keyid:always");
	cert_sign(s->cert, s->key);
	s->ssl = server_ctx(s);
}

/* Write DIR/NAME.pem (the certificate) and DIR/NAME-key.pem (the key,
 * in the traditional format encrypted with pass if it is not NULL). */
static void
write_client(const char *dir, const char *name, X509 *x, EVP_PKEY *k,
    const char *pass)
{
	char path[4096], tmp[4100];
	int i, ok;
	BIO *b;

	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/%s%s.pem", dir, name,
		    i ? "-key" : "");
		snprintf(tmp, sizeof tmp, "%s.tmp", path);
		if ((b = BIO_new_file(tmp, "w")) == NULL)
			die("cannot write %s: %s", tmp, strerror(errno));
		if (i == 0)
			ok = PEM_write_bio_X509(b, x);
		else if (pass != NULL)
			ok = PEM_write_bio_PrivateKey_traditional(b, k,
			    EVP_aes_256_cbc(), (unsigned char *)pass,
			    (int)strlen(pass), NULL, NULL);
		else
			ok = PEM_write_bio_PrivateKey(b, k, NULL, NULL, 0, NULL,
			    NULL);
		if (BIO_free(b) != 1 || ok != 1 || rename(tmp, path) != 0)
			die("cannot write %s: %s", path, strerror(errno));
	}
}

/* A client certificate named cn, signed by the client CA if by_ca
 * (else self-signed, so the mTLS listener refuses it). */
static void
client_cert(struct srv *s, const char *dir, const char *cn, int by_ca,
    const char *pass)
{
	EVP_PKEY *k = key_new();
	X509 *x = cert_new(cn, k, by_ca ? s->client_ca : NULL);

	add_ext(x, by_ca ? s->client_ca : x, NID_basic_constraints,
	    "critical,CA:FALSE");
	add_ext(x, x, NID_key_usage, "critical,digitalSignature");
	add_ext(x, x, NID_ext_key_usage, "clientAuth");
	add_ext(x, x, NID_subject_key_identifier, "hash");
	add_ext(x, by_ca ? s->client_ca : x, NID_authority_key_identifier,
	    "keyid:always");
	cert_sign(x, by_ca ? s->client_ca_key : k);
	write_client(dir, cn, x, k, pass);
	X509_free(x);
	EVP_PKEY_free(k);
}

/* The mTLS listener's context: the server certificate, and a client
 * certificate signed by a fresh client CA is required.  The client
 * certificates tests use are written into dir: client-a (plain key),
 * client-b (key encrypted with the password "lyocell") and rogue (not
 * signed by the client CA). */
static void
mtls_init(struct srv *s, const char *dir)
{
	static const unsigned char sid[] = "lyocell-target-mtls";

	s->client_ca_key = key_new();
	s->client_ca = cert_new("lyocell-target client CA", s->client_ca_key,
	    NULL);
	add_ext(s->client_ca, s->client_ca, NID_basic_constraints,
	    "critical,CA:TRUE");
	add_ext(s->client_ca, s->client_ca, NID_key_usage,
	    "critical,keyCertSign");
	add_ext(s->client_ca, s->client_ca, NID_subject_key_identifier, "hash");
	cert_sign(s->client_ca, s->client_ca_key);
	if (dir != NULL) {
		client_cert(s, dir, "client-a", 1, NULL);
		client_cert(s, dir, "client-b", 1, "lyocell");
		client_cert(s, dir, "rogue", 0, NULL);
	}
	s->mssl = server_ctx(s);
	SSL_CTX_set_verify(s->mssl, SSL_VERIFY_PEER |
	    SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
	if (X509_STORE_add_cert(SSL_CTX_get_cert_store(s->mssl),
	    s->client_ca) != 1 || SSL_CTX_add_client_CA(s->mssl,
	    s->client_ca) != 1 || SSL_CTX_set_session_id_context(s->mssl, sid,
	    sizeof sid - 1) != 1)
		die("cannot set up mTLS");
}

/* On the mTLS listener: name the client certificate's CN in the
 * X-Client-Cert response header, so tests see which one was sent. */
static void
client_cert_header(struct evhttp_request *req)
{
	struct evhttp_connection *c = evhttp_request_get_connection(req);
	struct bufferevent *bev = c ? evhttp_connection_get_bufferevent(c) :
	    NULL;
	SSL *ssl = bev ? bufferevent_openssl_get_ssl(bev) : NULL;
	X509 *peer;
	char cn[256];

	if (ssl == NULL)
		return;
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
	peer = SSL_get1_peer_certificate(ssl);
#else
	peer = SSL_get_peer_certificate(ssl);
#endif
	if (peer == NULL)
		return;
	if (X509_NAME_get_text_by_NID(X509_get_subject_name(peer),
	    NID_commonName, cn, sizeof cn) > 0)
		add_header(req, "X-Client-Cert", cn);
	X509_free(peer);
}

static struct bufferevent *
tls_bev(struct event_base *base, void *arg)
{
	SSL_CTX *ctx = arg;
	struct bufferevent *bev;
	SSL *ssl;

	if ((ssl = SSL_new(ctx)) == NULL)
		return NULL;
	/* on failure libevent may already have freed ssl: leak rather
	 * than risk a double free on this out-of-memory path */
	if ((bev = bufferevent_openssl_socket_new(base, -1, ssl,
	    BUFFEREVENT_SSL_ACCEPTING, BEV_OPT_CLOSE_ON_FREE)) == NULL)
		return NULL;
	bufferevent_openssl_set_allow_dirty_shutdown(bev, 1);
	return bev;
}

/* ---- setup ---- */

#define MAX_ALSO	8

struct opts {
	const char	*host;
	const char	*also[MAX_ALSO];	/* more addresses for the plain port */
	int		 nalso;
	long		 port, tls_port, mtls_port, max_seconds;
	const char	*port_file, *tls_port_file, *cert_out;
	const char	*mtls_port_file, *client_dir;
	int		 tls, mtls, quiet;
};

static void
usage_error(const char *msg, const char *arg) __attribute__((noreturn));
static void
usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "lyocell-target: %s%s%s (try --help)\n", msg,
	    arg ? ": " : "", arg ? arg : "");
	exit(2);
}

static void
parse_args(int argc, char **argv, struct opts *o)
{
	int i;

	o->host = "127.0.0.1";
	o->max_seconds = 3600;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		long *num = NULL, max = 65535;
		const char **str = NULL;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			printf("usage: lyocell-target [--host ADDR] [--port N] "
			    "[--tls-port N] [--port-file FILE]\n"
			    "       [--tls-port-file FILE] [--cert-out FILE] "
			    "[--max-seconds N] [--quiet]\n"
			    "       [--mtls-port N] [--mtls-port-file FILE] "
			    "[--client-dir DIR]\n"
			    "       [--also ADDR]...\n");
			exit(0);
		} else if (strcmp(a, "--also") == 0) {
			/* the plain port on ADDR too (the dns option's tests) */
			if (v == NULL || o->nalso == MAX_ALSO)
				usage_error("--also: missing value or too many", a);
			o->also[o->nalso++] = v;
			i++;
			continue;
		} else if (strcmp(a, "--quiet") == 0) {
			o->quiet = 1;
			continue;
		} else if (strcmp(a, "--host") == 0)
			str = &o->host;
		else if (strcmp(a, "--port") == 0)
			num = &o->port;
		else if (strcmp(a, "--tls-port") == 0) {
			num = &o->tls_port;
			o->tls = 1;
		} else if (strcmp(a, "--port-file") == 0)
			str = &o->port_file;
		else if (strcmp(a, "--tls-port-file") == 0)
			str = &o->tls_port_file;
		else if (strcmp(a, "--cert-out") == 0)
			str = &o->cert_out;
		else if (strcmp(a, "--mtls-port") == 0) {
			num = &o->mtls_port;
			o->mtls = 1;
		} else if (strcmp(a, "--mtls-port-file") == 0)
			str = &o->mtls_port_file;
		else if (strcmp(a, "--client-dir") == 0)
			str = &o->client_dir;
		else if (strcmp(a, "--max-seconds") == 0) {
			num = &o->max_seconds;
			max = 100L * 365 * 24 * 3600;
		} else
			usage_error("unknown option", a);
		if (v == NULL)
			usage_error("missing value for", a);
		if (str != NULL && *v == '\0')
			usage_error("empty value for", a);
		if (num != NULL && parse_num(v, max + 1, num) < 0)
			usage_error("not a number", v);
		if (num != NULL && *num > max)
			usage_error("number out of range", v);
		if (str != NULL)
			*str = v;
		i++;
	}
	if (!o->tls && (o->tls_port_file != NULL || o->cert_out != NULL))
		usage_error("--tls-port-file and --cert-out need --tls-port",
		    NULL);
	if (o->mtls && !o->tls)
		usage_error("--mtls-port needs --tls-port", NULL);
	if (!o->mtls && (o->mtls_port_file != NULL || o->client_dir != NULL))
		usage_error("--mtls-port-file and --client-dir need --mtls-port",
		    NULL);
}

static void
init_http(struct srv *s, struct lst *l, const char *scheme)
{
	l->srv = s;
	l->scheme = scheme;
	if ((l->http = evhttp_new(s->base)) == NULL)
		die("cannot create the HTTP server");
	evhttp_set_allowed_methods(l->http, EVHTTP_REQ_GET | EVHTTP_REQ_POST |
	    EVHTTP_REQ_PUT | EVHTTP_REQ_PATCH | EVHTTP_REQ_DELETE |
	    EVHTTP_REQ_HEAD | EVHTTP_REQ_OPTIONS);
	evhttp_set_max_body_size(l->http, MAX_BODY);
	evhttp_set_max_headers_size(l->http, 1 << 20);
	evhttp_set_timeout(l->http, 60);
	evhttp_set_default_content_type(l->http, TEXT_CT);
	evhttp_set_gencb(l->http, dispatch, l);
}

static void
listen_on(struct lst *l, const char *host, long port)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
	socklen_t sl = sizeof ss;
	struct evconnlistener *lev;

	/* evutil_parse_sockaddr_port() refuses port 0, which we need */
	memset(&ss, 0, sizeof ss);
	if (evutil_inet_pton(AF_INET, host, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)port);
		sl = sizeof *sin;
	} else if (evutil_inet_pton(AF_INET6, host, &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)port);
		sl = sizeof *sin6;
	} else
		usage_error("--host needs a numeric IPv4 or IPv6 address", host);
	/* our own listener for a deep backlog: evhttp_bind_socket uses 128 */
	lev = evconnlistener_new_bind(l->srv->base, NULL, NULL,
	    LEV_OPT_REUSEABLE | LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC,
	    4096, (struct sockaddr *)&ss, (int)sl);
	if (lev == NULL)
		die("cannot listen on %s port %ld: %s", host, port,
		    strerror(errno));
	if (evhttp_bind_listener(l->http, lev) == NULL)
		die("cannot bind the HTTP server");
	sl = sizeof ss;
	if (getsockname(evconnlistener_get_fd(lev), (struct sockaddr *)&ss,
	    &sl) < 0)
		die("getsockname: %s", strerror(errno));
	l->port = ntohs(ss.ss_family == AF_INET6 ? sin6->sin6_port :
	    sin->sin_port);
}

/* Write FILE.tmp then rename, so a poller never sees half a file. */
static void
write_file(const char *path, int port, X509 *cert)
{
	size_t n = strlen(path) + 5;
	char *tmp = xmalloc(n);
	FILE *f;
	int ok;

	snprintf(tmp, n, "%s.tmp", path);
	if ((f = fopen(tmp, "w")) == NULL)
		die("cannot write %s: %s", tmp, strerror(errno));
	ok = cert ? PEM_write_X509(f, cert) == 1 : fprintf(f, "%d\n", port) > 0;
	if (fclose(f) != 0 || !ok || rename(tmp, path) != 0)
		die("cannot write %s: %s", path, strerror(errno));
	free(tmp);
}

static void
raise_nofile(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);	/* best effort */
	}
}

static void
on_stop(evutil_socket_t fd, short what, void *arg)
{
	event_base_loopexit(arg, NULL);
}

int
main(int argc, char **argv)
{
	struct srv s;
	struct opts o;
	struct event *sigint, *sigterm, *deadline = NULL;
	struct timeval tv;

	memset(&s, 0, sizeof s);
	memset(&o, 0, sizeof o);
	parse_args(argc, argv, &o);
	signal(SIGPIPE, SIG_IGN);
	raise_nofile();

	if ((s.base = event_base_new()) == NULL)
		die("cannot create the event base");
	crc_init(s.crc);
	if (RAND_bytes(s.secret, sizeof s.secret) != 1)
		die("RAND_bytes failed");
	/* the host absolute URLs name: wildcards are reached via loopback */
	if (strcmp(o.host, "0.0.0.0") == 0)
		snprintf(s.host, sizeof s.host, "127.0.0.1");
	else if (strcmp(o.host, "::") == 0)
		snprintf(s.host, sizeof s.host, "[::1]");
	else
		snprintf(s.host, sizeof s.host, strchr(o.host, ':') ? "[%s]" :
		    "%s", o.host);

	init_http(&s, &s.plain, "http");
	listen_on(&s.plain, o.host, o.port);
	{
		int i, port = s.plain.port;

		for (i = 0; i < o.nalso; i++)
			listen_on(&s.plain, o.also[i], port);
		s.plain.port = port;
	}
	if (o.tls) {
		tls_init(&s);
		init_http(&s, &s.tls, "https");
		evhttp_set_bevcb(s.tls.http, tls_bev, s.ssl);
		listen_on(&s.tls, o.host, o.tls_port);
		if (o.mtls) {
			mtls_init(&s, o.client_dir);
			init_http(&s, &s.mtls, "https");
			evhttp_set_bevcb(s.mtls.http, tls_bev, s.mssl);
			listen_on(&s.mtls, o.host, o.mtls_port);
		}
		/* the certificate before the port files: whoever sees a
		 * port file can use the certificate right away */
		if (o.cert_out != NULL)
			write_file(o.cert_out, 0, s.cert);
	}
	if (o.port_file != NULL)
		write_file(o.port_file, s.plain.port, NULL);
	if (o.tls_port_file != NULL)
		write_file(o.tls_port_file, s.tls.port, NULL);
	if (o.mtls_port_file != NULL)
		write_file(o.mtls_port_file, s.mtls.port, NULL);
	if (!o.quiet) {
		printf("lyocell-target: http://%s:%d/\n", s.host, s.plain.port);
		if (o.tls)
			printf("lyocell-target: https://%s:%d/\n", s.host,
			    s.tls.port);
		if (o.mtls)
			printf("lyocell-target: https://%s:%d/ (client "
			    "certificate required)\n", s.host, s.mtls.port);
		fflush(stdout);
	}

	sigint = evsignal_new(s.base, SIGINT, on_stop, s.base);
	sigterm = evsignal_new(s.base, SIGTERM, on_stop, s.base);
	if (sigint == NULL || sigterm == NULL || evsignal_add(sigint, NULL) ||
	    evsignal_add(sigterm, NULL))
		die("cannot install signal handlers");
	if (o.max_seconds > 0) {
		tv.tv_sec = o.max_seconds;
		tv.tv_usec = 0;
		if ((deadline = evtimer_new(s.base, on_stop, s.base)) == NULL ||
		    evtimer_add(deadline, &tv))
			die("cannot arm the --max-seconds timer");
	}

	event_base_dispatch(s.base);

	jobs_free_all(&s);
	while (s.counts != NULL) {
		struct conncount *cc = s.counts;

		s.counts = cc->next;
		free(cc);
	}
	evhttp_free(s.plain.http);
	if (s.tls.http != NULL)
		evhttp_free(s.tls.http);
	if (s.mtls.http != NULL)
		evhttp_free(s.mtls.http);
	event_free(sigint);
	event_free(sigterm);
	if (deadline != NULL)
		event_free(deadline);
	SSL_CTX_free(s.ssl);
	SSL_CTX_free(s.mssl);
	X509_free(s.client_ca);
	EVP_PKEY_free(s.client_ca_key);
	X509_free(s.cert);
	EVP_PKEY_free(s.key);
	event_base_free(s.base);
	return 0;
}
