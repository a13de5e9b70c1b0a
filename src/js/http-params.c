/* Building a request from the arguments of a call: the URL, the body
 * (forms, multipart, compression), headers and params. */
#include "config.h"

#include <ctype.h>
#include <mujs.h>
#include <stdarg.h>
#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "engine/coro.h"
#include "engine/module.h"
#include "js/binary.h"
#include "js/modules.h"
#include "util/duration.h"
#include "util/timeunit.h"
#include "util/xmalloc.h"
#include "js/http-int.h"
#include "js/surrogate.h"

/* A string parameter that takes one of a few names. */
struct choice {
	const char	*name;
	long		 value;
};

static const struct choice response_types[] = {
	{ "text", RT_TEXT }, { "binary", RT_BINARY }, { "none", RT_NONE },
	{ NULL, 0 }
};

static const struct choice auth_schemes[] = {
	{ "basic", CURLAUTH_BASIC }, { "digest", CURLAUTH_DIGEST },
	{ "ntlm", CURLAUTH_NTLM }, { NULL, 0 }
};

/* params[key] (params at idx) as the value of its name in c: dflt when
 * it is undefined, -1 when no name matches. */
static long
param_choice(js_State *J, int idx, const char *key, const struct choice *c,
    long dflt)
{
	long v = -1;
	size_t i;

	js_getproperty(J, idx, key);
	if (!js_isdefined(J, -1))
		v = dflt;
	else
		for (i = 0; c[i].name != NULL; i++)
			if (strcmp(js_tostring(J, -1), c[i].name) == 0)
				v = c[i].value;
	js_pop(J, 1);
	return v;
}

/* Argument reading.  Everything here may throw; what it allocates
 * belongs to the request already. */

/* A params value k6 cannot use: as for a URL it cannot parse, k6 answers
 * with an error response (error_code 0) and a warning, or throws with
 * the global throw option, and reads no more.  read_request catches
 * what this throws. */
static JS_NORETURN void
params_fail(js_State *J, struct http_req *r, const char *fmt, ...)
    JS_PRINTFLIKE(3, 4);

static void
params_fail(js_State *J, struct http_req *r, const char *fmt, ...)
{
	const struct runopts *o = vu_opts(r->hv->vu);
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	url_fault(r, "", HTTP_URL_PARSE, msg);
	r->error_code = 0;
	r->throw_errors = o != NULL && o->throw_errors;
	r->params_fault = 1;
	js_error(J, "%s", msg);
}

/* Whether Go's time.ParseDuration takes s; if not, its error. */
static char *
go_duration_error(const char *s)
{
	static const char *const units[] = {
		"ns", "us", "\xc2\xb5s", "\xce\xbcs", "ms", "s", "m", "h",
	};
	const char *p = s, *u;
	size_t i, n;
	int digits;

	if (*p == '-' || *p == '+')
		p++;
	if (strcmp(p, "0") == 0)
		return NULL;
	if (*p == '\0')
		return xasprintf("time: invalid duration \"%s\"", s);
	while (*p != '\0') {
		digits = 0;
		for (; isdigit((unsigned char)*p); p++)
			digits = 1;
		if (*p == '.')
			for (p++; isdigit((unsigned char)*p); p++)
				digits = 1;
		if (!digits)
			return xasprintf("time: invalid duration \"%s\"", s);
		for (u = p; *p != '\0' && *p != '.' && !isdigit((unsigned char)*p); p++)
			;
		n = (size_t)(p - u);
		if (n == 0)
			return xasprintf("time: missing unit in duration \"%s\"", s);
		for (i = 0; i < sizeof units / sizeof units[0]; i++)
			if (strlen(units[i]) == n && strncmp(u, units[i], n) == 0)
				break;
		if (i == sizeof units / sizeof units[0])
			return xasprintf("time: unknown unit \"%.*s\" in duration \"%s\"",
			    (int)n, u, s);
	}
	return NULL;
}

/* k6's error for a timeout string it cannot read (lib/types'
 * ParseExtendedDuration: milliseconds, Go's durations, "2d3h"), or
 * NULL. */
static char *
timeout_error(const char *s)
{
	const char *d = strchr(s, 'd'), *p;
	char *end, *e;

	strtod(s, &end);
	if (*s != '\0' && !isspace((unsigned char)*s) && *end == '\0')
		return NULL;
	if (d == NULL)
		return go_duration_error(s);
	if (d[1] != '\0') {
		if ((e = go_duration_error(d + 1)) != NULL)
			return e;
		if (d[1] == '-')
			return xasprintf("invalid time format '%s'", d + 1);
	}
	p = s;
	if (*p == '-' || *p == '+')
		p++;
	if (p == d)
		return xasprintf("strconv.ParseInt: parsing \"%.*s\": invalid syntax",
		    (int)(d - s), s);
	for (; p < d; p++)
		if (!isdigit((unsigned char)*p))
			return xasprintf("strconv.ParseInt: parsing \"%.*s\": invalid "
			    "syntax", (int)(d - s), s);
	return NULL;
}

/* r cannot be sent: k6 answers with an error response (and, for fault
 * HTTP_URL_SEND, counts the request) instead of throwing.  Takes msg. */
void
url_fault(struct http_req *r, const char *url, enum http_url_fault fault,
    char *msg)
{
	free(r->host);
	free(r->path);
	free(r->url);
	free(r->orig_url);
	free(r->error);
	r->url_fault = fault;
	r->error = msg;
	r->error_code = fault == HTTP_URL_PARSE ? 1020 : 1000;
	r->host = xstrdup("");
	r->path = xstrdup("/");
	/* a URL Go could not parse is not shown */
	r->url = xstrdup(fault == HTTP_URL_PARSE ? "" : url);
	r->orig_url = xstrdup(r->url);
}

struct parse {
	struct http_req	*r;
	const char	*url;
};

/* Parse p->url into p->r and the VU's cache of the last URL: plain C,
 * nothing of the JavaScript state, so it may run on a lent stack. */
static void
parse_url(void *arg)
{
	struct parse *pa = arg;
	struct http_req *r = pa->r;
	const char *url = pa->url;
	struct http_vu *hv = r->hv;
	CURLU *u;
	CURLUcode rc;
	char *scheme = NULL, *host = NULL, *path = NULL, *user = NULL, *clean = NULL;
	char *p;
	enum http_url_fault fault;

	if ((p = http_url_check(url, &fault)) != NULL) {
		url_fault(r, url, fault, p);
		return;
	}
	u = curl_url();
	rc = curl_url_set(u, CURLUPART_URL, url, 0);
	if (rc == CURLUE_OK)
		rc = curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
	if (rc == CURLUE_OK)
		rc = curl_url_get(u, CURLUPART_HOST, &host, 0);
	if (rc != CURLUE_OK) {
		/* Go parses it, libcurl does not */
		curl_free(scheme);
		curl_url_cleanup(u);
#if LIBCURL_VERSION_NUM >= 0x075000	/* 7.80 */
		p = xasprintf("invalid URL: %s", curl_url_strerror(rc));
#else
		p = xstrdup("invalid URL");
#endif
		url_fault(r, url, HTTP_URL_PARSE, p);
		return;
	}
	curl_url_get(u, CURLUPART_PATH, &path, 0);
	{
		char *port = NULL;

		if (curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK)
			r->port = atol(port);
		curl_free(port);
	}
	r->https = strcmp(scheme, "https") == 0;
	free(r->host);
	free(r->path);
	free(r->url);
	r->host = xstrdup(host);
	for (p = r->host; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	r->path = xstrdup(path != NULL ? path : "/");
	r->url = xstrdup(url);
	/* The url tag never shows credentials. */
	if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK) {
		curl_url_set(u, CURLUPART_USER, NULL, 0);
		curl_url_set(u, CURLUPART_PASSWORD, NULL, 0);
		curl_url_get(u, CURLUPART_URL, &clean, 0);
	}
	if (r->orig_url == NULL || r->nredirects > 0) {
		free(r->orig_url);
		r->orig_url = xstrdup(clean != NULL ? clean : url);
	}
	free(hv->last_url);
	free(hv->last_host);
	free(hv->last_path);
	free(hv->last_clean);
	hv->last_url = xstrdup(url);
	hv->last_host = xstrdup(r->host);
	hv->last_path = xstrdup(r->path);
	hv->last_clean = xstrdup(clean != NULL ? clean : url);
	hv->last_port = r->port;
	hv->last_https = r->https;
	curl_free(scheme);
	curl_free(host);
	curl_free(path);
	curl_free(user);
	curl_free(clean);
	curl_url_cleanup(u);
}

static void
set_url(js_State *J, struct http_req *r, const char *url)
{
	struct http_vu *hv = r->hv;
	struct parse pa = { r, url };

	(void)J;
	/* Scripts hit the same URL again and again: parse it once. */
	if (hv->last_url != NULL && strcmp(url, hv->last_url) == 0) {
		free(r->host);
		free(r->path);
		free(r->url);
		r->host = http_reuse(&r->spare.host, hv->last_host);
		r->path = http_reuse(&r->spare.path, hv->last_path);
		r->url = http_reuse(&r->spare.url, url);
		r->port = hv->last_port;
		r->https = hv->last_https;
		if (r->orig_url == NULL || r->nredirects > 0) {
			free(r->orig_url);
			r->orig_url = http_reuse(&r->spare.orig_url,
			    hv->last_clean);
		}
		return;
	}
	/* libcurl's URL parser formats with its own printf, which takes
	 * about 6 KiB of stack: on the VU's, that was a second page every
	 * HTTP VU kept (bench/perf.md, section 7). */
	coro_call_deep(parse_url, &pa);
}

/* The URL argument: a string, or what http.url`...` returns. */
void
read_url(js_State *J, struct http_req *r, int idx)
{
	if (js_isobject(J, idx) && js_hasproperty(J, idx, "__ly_url")) {
		js_pop(J, 1);
		js_getproperty(J, idx, "url");
		set_url(J, r, js_tostring(J, -1));
		js_pop(J, 1);
		js_getproperty(J, idx, "name");
		if (js_isstring(J, -1)) {
			r->name = xstrdup(js_tostring(J, -1));
			r->url_is_name = 1;
		}
		js_pop(J, 1);
		return;
	}
	if (!js_isstring(J, idx) && !js_isobject(J, idx)) {
		/* k6 prints the value as Go's %v does */
		char *m = xasprintf("invalid URL: '#%s'", js_isundefined(J, idx) ||
		    js_isnull(J, idx) ? "<nil>" : js_tostring(J, idx));

		url_fault(r, "", HTTP_URL_PARSE, m);
		return;
	}
	set_url(J, r, js_tostring(J, idx));
}

static void
form_escape(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
			buf_putc(b, c);
		else if (c == ' ')
			buf_putc(b, '+');
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
}

/* One field of a form body (each_field's fn; no argument). */
static void
form_pair(js_State *J, const char *unused, struct buf *b, const char *k, int idx)
{
	if (b->len > 0)
		buf_putc(b, '&');
	form_escape(b, k);
	buf_putc(b, '=');
	if (!js_isundefined(J, idx) && !js_isnull(J, idx) && !js_isobject(J, idx))
		form_escape(b, js_tostring(J, idx));
}

/* Push the sorted own enumerable keys of the object at idx (Go's
 * url.Values and k6's multipart writer go in key order); their number. */
static int
push_sorted_keys(js_State *J, int idx)
{
	const char *k;
	int n = 0;

	js_newarray(J);
	js_pushiterator(J, idx, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		js_pushstring(J, k);
		js_setindex(J, -3, n++);
	}
	js_pop(J, 1);
	js_getproperty(J, -1, "sort");
	js_rot2(J);
	js_call(J, 0);
	return n;
}

/* fn(J, arg, b, key, value index) for each field of the object at idx,
 * in key order; an array value gives one call per element. */
static void
each_field(js_State *J, int idx, void (*fn)(js_State *, const char *,
    struct buf *, const char *, int), const char *arg, struct buf *b)
{
	int i, j, n, len, keys;

	n = push_sorted_keys(J, idx);
	keys = js_gettop(J) - 1;
	for (i = 0; i < n; i++) {
		js_getindex(J, keys, i);
		js_getproperty(J, idx, js_tostring(J, -1));
		if (js_isarray(J, -1)) {
			len = js_getlength(J, -1);
			for (j = 0; j < len; j++) {
				js_getindex(J, -1, j);
				fn(J, arg, b, js_tostring(J, -3), js_gettop(J) - 1);
				js_pop(J, 1);
			}
		} else
			fn(J, arg, b, js_tostring(J, -2), js_gettop(J) - 1);
		js_pop(J, 2);
	}
	js_pop(J, 1);
}

/* An object body: form-urlencoded, keys sorted as Go's url.Values does.
 * The keys stay on the JavaScript stack, so a throwing toString leaks
 * nothing. */
static void
read_form(js_State *J, struct http_req *r, int idx)
{
	each_field(J, idx, form_pair, NULL, &r->body);
	r->has_body = 1;
	r->form = 1;
}

static void add_hdr(struct http_req *, const char *, const char *);

/* Whether the value at idx came from http.file(). */
static int
is_file(js_State *J, int idx)
{
	int yes;

	if (!js_isobject(J, idx))
		return 0;
	js_getproperty(J, idx, "__ly_file");
	yes = js_toboolean(J, -1);
	js_pop(J, 1);
	return yes;
}

/* Append the bytes of the value at idx: an ArrayBuffer's or a view's, or
 * those of its string. */
static void
add_bytes(js_State *J, struct buf *b, int idx)
{
	const unsigned char *p;
	size_t n;

	if (binary_get(J, idx, &p, &n) == 0)
		buf_add(b, p, n);
	else
		buf_puts(b, js_tostring(J, idx));
}

/* A quoted-string parameter as Go's mime/multipart writes it. */
static void
add_quoted(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* One part of a multipart body: the value at idx under the name k
 * (each_field's fn; its argument is the boundary). */
static void
multipart_part(js_State *J, const char *bound, struct buf *b, const char *k,
    int idx)
{
	buf_printf(b, "%s--%s\r\nContent-Disposition: form-data; name=",
	    b->len > 0 ? "\r\n" : "", bound);
	add_quoted(b, k);
	if (is_file(J, idx)) {
		buf_puts(b, "; filename=");
		js_getproperty(J, idx, "filename");
		add_quoted(b, js_tostring(J, -1));
		js_getproperty(J, idx, "content_type");
		/* A line break would end the part's headers early. */
		if (strpbrk(k, "\r\n") != NULL ||
		    strpbrk(js_tostring(J, -2), "\r\n") != NULL ||
		    strpbrk(js_tostring(J, -1), "\r\n") != NULL)
			js_error(J, "multipart body: the name, filename or content "
			    "type of field \"%s\" contains a line break", k);
		buf_printf(b, "\r\nContent-Type: %s\r\n\r\n", js_tostring(J, -1));
		js_getproperty(J, idx, "data");
		add_bytes(J, b, -1);
		js_pop(J, 3);
	} else {
		buf_puts(b, "\r\n\r\n");
		if (!js_isundefined(J, idx) && !js_isnull(J, idx))
			add_bytes(J, b, idx);
	}
}

/* An object body with an http.file() value: multipart/form-data, as k6
 * (Go's mime/multipart) writes it, fields in key order.  The boundary
 * goes into the Content-Type header, which the script's own replaces. */
static void
read_multipart(js_State *J, struct http_req *r, int idx)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char rnd[30];
	char bound[61], *ct;
	int i;

	if (RAND_bytes(rnd, sizeof rnd) != 1)
		js_error(J, "multipart body: the random generator failed");
	for (i = 0; i < (int)sizeof rnd; i++) {
		bound[2 * i] = hex[rnd[i] >> 4];
		bound[2 * i + 1] = hex[rnd[i] & 15];
	}
	bound[60] = '\0';
	each_field(J, idx, multipart_part, bound, &r->body);
	buf_printf(&r->body, "\r\n--%s--\r\n", bound);
	r->has_body = 1;
	ct = xasprintf("multipart/form-data; boundary=%s", bound);
	add_hdr(r, "Content-Type", ct);
	free(ct);
}

void
read_body(js_State *J, struct http_req *r, int idx)
{
	const unsigned char *p;
	const char *k;
	size_t n;
	int file = 0;

	if (js_isundefined(J, idx) || js_isnull(J, idx))
		return;
	if (binary_get(J, idx, &p, &n) == 0) {
		/* An ArrayBuffer or a view: its bytes, as they are. */
		add_bytes(J, &r->body, idx);
		r->has_body = 1;
		return;
	}
	if (js_isobject(J, idx) && !js_isarray(J, idx) && !js_iscallable(J, idx)) {
		js_pushiterator(J, idx, 1);
		while (!file && (k = js_nextiterator(J, -1)) != NULL) {
			/* an http.file() value asks for multipart */
			js_pushstring(J, k);
			js_getproperty(J, idx, js_tostring(J, -1));
			file = is_file(J, -1);
			js_pop(J, 2);
		}
		js_pop(J, 1);
		if (file)
			read_multipart(J, r, idx);
		else
			read_form(J, r, idx);
		return;
	}
	n = r->body.len;
	buf_puts(&r->body, js_tostring(J, idx));
	/* a lone surrogate is sent as k6's Go string holds it */
	surrogate_fffd(r->body.data + n, r->body.len - n);
	r->has_body = 1;
}

/* A timeout: a duration string ("10s") or milliseconds. */
static int64_t
read_timeout(js_State *J, struct http_req *r, int idx)
{
	char *e;
	double ms;

	if (js_isnumber(J, idx))
		ms = js_tonumber(J, idx);
	else if (!js_isstring(J, idx))
		params_fail(J, r, "invalid timeout value: unable to use type %s as a "
		    "duration value", modules_gotype(J, idx));
	else if ((e = timeout_error(js_tostring(J, idx))) != NULL) {
		js_pushstring(J, e);
		free(e);
		params_fail(J, r, "invalid timeout value: %s", js_tostring(J, -1));
	} else if (duration_parse(js_tostring(J, idx), &ms) == -1)
		js_error(J, "invalid params.timeout \"%s\": expected a duration "
		    "like \"10s\" or milliseconds", js_tostring(J, idx));
	if (!(ms > 0))
		js_error(J, "invalid params.timeout: it must be positive");
	return ms_to_ns(ms);
}

/* Ranges from an expectedStatuses() object at idx into *out. */
void
read_ranges(js_State *J, int idx, struct http_range **out, size_t *n)
{
	int i, len;

	if (!js_isobject(J, idx) || !js_hasproperty(J, idx, "__ly_expected"))
		js_typeerror(J, "a response callback must come from "
		    "http.expectedStatuses()");
	len = js_getlength(J, -1);
	*out = xreallocarray(*out, (size_t)len + 1, sizeof **out);
	*n = 0;
	for (i = 0; i + 1 < len; i += 2) {
		js_getindex(J, -1, i);
		(*out)[*n].min = js_toint32(J, -1);
		js_pop(J, 1);
		js_getindex(J, -1, i + 1);
		(*out)[*n].max = js_toint32(J, -1);
		js_pop(J, 1);
		(*n)++;
	}
	js_pop(J, 1);
}

/* Go's transport refuses a header name that is no token and a value
 * with a control character but tab: the request fails (read_request),
 * with the first such header's error. */
static int
check_hdr(struct http_req *r, const char *name, const char *value)
{
	const unsigned char *p;
	char *canon;

	for (p = (const unsigned char *)name; *p != '\0'; p++)
		if (!isalnum(*p) && strchr("!#$%&'*+-.^_`|~", *p) == NULL)
			break;
	if (*name == '\0' || *p != '\0') {
		if (r->hdr_fault == NULL)
			r->hdr_fault = xasprintf("net/http: invalid header field name "
			    "\"%s\"", name);
		return -1;
	}
	for (p = (const unsigned char *)value; *p != '\0'; p++)
		if ((*p < ' ' && *p != '\t') || *p == 0x7f) {
			if (r->hdr_fault == NULL) {
				canon = xstrdup(name);
				http_canonical_key(canon);
				r->hdr_fault = xasprintf("net/http: invalid header "
				    "field value for \"%s\"", canon);
				free(canon);
			}
			return -1;
		}
	return 0;
}

static void
add_hdr(struct http_req *r, const char *name, const char *value)
{
	r->hdrs = xreallocarray(r->hdrs, r->nhdrs + 1, sizeof *r->hdrs);
	r->hdrs[r->nhdrs].name = xstrdup(name);
	/* sent and shown in Go's form ("x-foo" is sent as "X-Foo") */
	http_canonical_key(r->hdrs[r->nhdrs].name);
	r->hdrs[r->nhdrs++].value = xstrdup(value);
}

/* Compress b in place with zlib: gzip (gzip) or zlib format (deflate,
 * which is what HTTP means by it).  -1 if zlib fails. */
static int
deflate_buf(struct buf *b, int gzip)
{
	struct buf out = BUF_INIT;
	z_stream z;
	int rc;

	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzip ? 31 : 15,
	    8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	if (buf_reserve(&out, deflateBound(&z, (uLong)b->len)) == -1) {
		deflateEnd(&z);
		return -1;
	}
	z.next_in = (Bytef *)(b->data != NULL ? b->data : "");
	z.avail_in = (uInt)b->len;
	z.next_out = (Bytef *)out.data;
	z.avail_out = (uInt)(out.size - 1);
	rc = deflate(&z, Z_FINISH);
	out.len = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		buf_free(&out);
		return -1;
	}
	out.data[out.len] = '\0';
	out.cap = b->cap;
	buf_free(b);
	*b = out;
	return 0;
}

/* The next name of a list separated by commas and spaces, from *pp: its
 * start, with *n its length, or NULL at the end; *pp moves past it. */
static const char *
next_name(const char **pp, size_t *n)
{
	const char *p = *pp + strspn(*pp, ", ");

	*n = strcspn(p, ", ");
	*pp = p + *n;
	return *n > 0 ? p : NULL;
}

/* params.compression: "gzip", "deflate" or a comma-separated list of
 * them, applied in order; the body is sent compressed (and counted so in
 * data_sent) with the matching Content-Encoding. */
static void
compress_body(js_State *J, struct http_req *r, const char *list)
{
	struct buf enc = BUF_INIT;
	const char *p, *a;
	size_t n;

	/* Check the whole list before changing anything. */
	for (p = list; (a = next_name(&p, &n)) != NULL;) {
		if ((n == 2 && strncmp(a, "br", 2) == 0) ||
		    (n == 4 && strncmp(a, "zstd", 4) == 0))
			js_error(J, "not supported yet: compression %.*s",
			    (int)n, a);
		if (!(n == 4 && strncmp(a, "gzip", 4) == 0) &&
		    !(n == 7 && strncmp(a, "deflate", 7) == 0))
			params_fail(J, r, "unknown compression algorithm %.*s, "
			    "supported algorithms are [gzip deflate zstd br]", (int)n, a);
	}
	if (!r->has_body)
		return;
	/* list stays on the caller's JavaScript stack meanwhile */
	for (p = list; (a = next_name(&p, &n)) != NULL;) {
		if (deflate_buf(&r->body, a[0] == 'g') == -1) {
			buf_free(&enc);
			js_error(J, "params.compression: zlib failed");
		}
		buf_printf(&enc, "%s%.*s", enc.len > 0 ? ", " : "", (int)n, a);
	}
	if (enc.len > 0)
		add_hdr(r, "Content-Encoding", enc.data);
	buf_free(&enc);
}

void
read_params(js_State *J, struct http_req *r, int idx)
{
	struct vu *vu = r->hv->vu;
	const char *k;
	long choice;

	/* k6 takes params as an object: a string's or a number's has no
	 * key it reads */
	if (!js_isobject(J, idx))
		return;
	js_getproperty(J, idx, "headers");
	if (js_isobject(J, -1)) {
		js_pushiterator(J, -1, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			/* convert first, allocate last: nothing leaks on a throw */
			js_pushstring(J, k);
			js_getproperty(J, -3, js_tostring(J, -1));
			if (!js_isundefined(J, -1) && !js_isnull(J, -1)) {
				if (check_hdr(r, js_tostring(J, -2), js_tostring(J, -1)) == 0)
					add_hdr(r, js_tostring(J, -2), js_tostring(J, -1));
			}
			js_pop(J, 2);
		}
		js_pop(J, 1);
	} else if (js_isdefined(J, -1) && !js_isnull(J, -1))
		js_typeerror(J, "invalid params.headers: expected an object");
	js_pop(J, 1);

	js_getproperty(J, idx, "tags");
	if (js_isobject(J, -1)) {
		js_pushiterator(J, -1, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			js_pushstring(J, k);
			js_getproperty(J, -3, js_tostring(J, -1));
			r->tags = vu_tags_with(vu, r->tags,
			    js_tostring(J, -2), js_tostring(J, -1));
			if (strcmp(js_tostring(J, -2), "name") == 0) {
				r->has_name_tag = 1;
				free(r->name);
				r->name = xstrdup(js_tostring(J, -1));
				r->url_is_name = 1;
			}
			js_pop(J, 2);
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);

	/* a key given as null is read too, as k6 reads every key */
	if (js_hasproperty(J, idx, "timeout")) {
		r->deadline = engine_now() + read_timeout(J, r, -1);
		js_pop(J, 1);
	}

	js_getproperty(J, idx, "redirects");
	if (js_isdefined(J, -1) && !js_isnull(J, -1)) {
		double n = js_tonumber(J, -1);

		/* ToInteger: NaN is 0, and fewer than none is none */
		r->max_redirects = n >= 1 ? (long)n : 0;
	}
	js_pop(J, 1);

	if ((choice = param_choice(J, idx, "responseType", response_types,
	    r->rtype)) == -1) {
		js_getproperty(J, idx, "responseType");
		params_fail(J, r, "%s does not belong to ResponseType values",
		    js_tostring(J, -1));
	}
	r->rtype = (enum http_rtype)choice;
	/* k6 knows digest and ntlm; any other value is as none */
	if ((choice = param_choice(J, idx, "auth", auth_schemes, r->auth)) != -1)
		r->auth = (int)choice;

	js_getproperty(J, idx, "throw");
	if (js_isdefined(J, -1))
		r->throw_errors = js_toboolean(J, -1);
	js_pop(J, 1);

	js_getproperty(J, idx, "compression");
	if (js_isdefined(J, -1) && !js_isnull(J, -1) && *js_tostring(J, -1) != '\0')
		compress_body(J, r, js_tostring(J, -1));
	js_pop(J, 1);

	if (js_hasproperty(J, idx, "responseCallback")) {
		if (js_isnull(J, -1) || js_isundefined(J, -1))
			r->cb = js_isnull(J, -1) ? CB_NONE : CB_VU;
		else if (!js_isobject(J, -1) || !js_hasproperty(J, -1, "__ly_expected"))
			params_fail(J, r, "unsupported responseCallback");
		else {
			js_pop(J, 1);
			read_ranges(J, -1, &r->ranges, &r->nranges);
			r->cb = CB_RANGES;
		}
		js_pop(J, 1);
	}

	js_getproperty(J, idx, "jar");
	/* anything else is ignored, as k6 ignores it */
	if (js_isuserdata(J, -1, "CookieJar"))
		r->jar = js_touserdata(J, -1, "CookieJar");
	js_pop(J, 1);

	js_getproperty(J, idx, "cookies");
	if (js_isobject(J, -1)) {
		js_pushiterator(J, -1, 1);
		while ((k = js_nextiterator(J, -1)) != NULL) {
			struct http_pcookie *c;
			int replace = 0;

			js_pushstring(J, k);
			js_getproperty(J, -3, js_tostring(J, -1));
			if (js_isobject(J, -1)) {
				js_getproperty(J, -1, "replace");
				replace = js_toboolean(J, -1);
				js_pop(J, 1);
				js_getproperty(J, -1, "value");
			} else
				js_copy(J, -1);
			js_tostring(J, -1);
			r->pcookies = xreallocarray(r->pcookies, r->npcookies + 1,
			    sizeof *r->pcookies);
			c = &r->pcookies[r->npcookies++];
			c->name = xstrdup(js_tostring(J, -3));
			c->value = xstrdup(js_tostring(J, -1));
			c->replace = replace;
			js_pop(J, 3);
		}
		js_pop(J, 1);
	}
	js_pop(J, 1);
}
