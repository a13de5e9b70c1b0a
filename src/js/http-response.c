/* The Response object of k6/http, built from a finished request. */
#include "config.h"

#include <ctype.h>
#include <mujs.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "js/binary.h"
#include "js/http-int.h"
#include "util/xmalloc.h"

void
http_canonical_key(char *k)
{
	char *p;
	int up = 1;

	/* Go leaves keys with invalid token characters alone. */
	for (p = k; *p != '\0'; p++)
		if (*p == ' ' || (unsigned char)*p < 0x21 || *p == ':')
			return;
	for (p = k; *p != '\0'; p++) {
		*p = (char)(up ? toupper((unsigned char)*p) : tolower((unsigned char)*p));
		up = *p == '-';
	}
}

static void
set_str(js_State *J, const char *name, const char *v)
{
	js_pushstring(J, v != NULL ? v : "");
	js_setproperty(J, -2, name);
}

static void
set_num(js_State *J, const char *name, double v)
{
	js_pushnumber(J, v);
	js_setproperty(J, -2, name);
}

/* Walk the header lines of the last response: fn(name, value) with both
 * trimmed, in a scratch copy. */
static void
each_header(const char *head, void (*fn)(js_State *, char *, char *), js_State *J)
{
	char *copy, *line, *next, *colon, *v, *end;

	if (head == NULL)
		return;
	copy = xstrdup(head);
	line = strchr(copy, '\n');	/* skip the status line */
	for (line = line != NULL ? line + 1 : NULL; line != NULL && *line; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		end = line + strlen(line);
		while (end > line && (end[-1] == '\r' || end[-1] == ' '))
			*--end = '\0';
		if ((colon = strchr(line, ':')) == NULL)
			continue;
		*colon = '\0';
		for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
			;
		fn(J, line, v);
	}
	free(copy);
}

static void
add_header(js_State *J, char *name, char *value)
{
	http_canonical_key(name);
	if (js_hasproperty(J, -1, name)) {
		js_pushstring(J, ", ");
		js_concat(J);
		js_pushstring(J, value);
		js_concat(J);
	} else
		js_pushstring(J, value);
	js_setproperty(J, -2, name);
}

static void
add_cookie(js_State *J, char *name, char *value)
{
	struct http_cookie c;

	if (strcasecmp(name, "Set-Cookie") != 0 || http_cookie_parse(value, &c) == -1)
		return;
	/* the strings of c leak if the calls below throw (memory only) */
	if (!js_hasproperty(J, -1, c.name)) {
		js_newarray(J);
		js_copy(J, -1);
		js_setproperty(J, -3, c.name);
	}
	js_newobject(J);
	set_str(J, "name", c.name);
	set_str(J, "value", c.value);
	set_str(J, "domain", c.domain);
	set_str(J, "path", c.path);
	js_pushboolean(J, c.http_only);
	js_setproperty(J, -2, "httpOnly");
	js_pushboolean(J, c.secure);
	js_setproperty(J, -2, "secure");
	set_num(J, "maxAge", c.has_max_age ? (double)c.max_age : 0);
	set_num(J, "expires", (double)c.expires * 1000);
	js_setindex(J, -2, js_getlength(J, -2));
	js_pop(J, 1);
	http_cookie_clear(&c);
}

/* Only status and body are set here.  The rest travels as one string
 * that the getters of runtime/60-http.js expand on first use: most scripts
 * read status and body only, and every property a C function sets costs
 * mujs an interned name and a tree insertion. */
static void
put_num(struct buf *b, long long v)
{
	char tmp[24], *p = tmp + sizeof tmp;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	*--p = '\n';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

static void
put_line(struct buf *b, const char *s)
{
	if (s != NULL)
		buf_add(b, s, strcspn(s, "\n"));
	buf_putc(b, '\n');
}

/* Lines: 7 timings in microseconds (blocked, connecting, TLS, sending,
 * waiting, receiving, duration), remote IP, port, TLS version, cipher,
 * method, URL, Cookie sent, proto, error code, error, the number n of
 * request header lines, those n lines, then the response head as
 * received.  Formatting by hand: printf's %f showed in profiles. */
static void
push_meta(js_State *J, const struct http_req *r)
{
	struct buf *b = &r->hv->meta;
	size_t i, n = 0;

	buf_reset(b);
	put_num(b, (long long)(r->t_blocked * 1000));
	put_num(b, (long long)(r->t_connecting * 1000));
	put_num(b, (long long)(r->t_tls * 1000));
	put_num(b, (long long)(r->t_sending * 1000));
	put_num(b, (long long)(r->t_waiting * 1000));
	put_num(b, (long long)(r->t_receiving * 1000));
	put_num(b, (long long)(r->t_duration * 1000));
	put_line(b, r->remote_ip);
	put_num(b, r->remote_port);
	put_line(b, r->tls_version);
	put_line(b, r->tls_cipher);
	put_line(b, r->method);
	put_line(b, r->url);
	put_line(b, r->cookie_hdr);
	put_line(b, r->proto);
	put_num(b, r->error_code);
	put_line(b, r->status == 0 ? r->error : NULL);
	for (i = 0; i < r->nhdrs; i++)
		if (strchr(r->hdrs[i].value, '\n') == NULL)
			n++;
	put_num(b, (long long)n);
	for (i = 0; i < r->nhdrs; i++)
		if (strchr(r->hdrs[i].value, '\n') == NULL) {
			buf_puts(b, r->hdrs[i].name);
			buf_puts(b, ": ");
			put_line(b, r->hdrs[i].value);
		}
	if (r->status != 0 && r->rhead.data != NULL)
		buf_add(b, r->rhead.data, r->rhead.len);
	/* b belongs to the VU: a throw here leaks nothing */
	js_pushlstring(J, b->data, (int)b->len);
	js_defproperty(J, -2, "_m", JS_DONTENUM);
}

void
http_response_push(js_State *J, struct http_req *r)
{
	http_js(J);
	js_pop(J, 1);
	js_getregistry(J, "ly.http.Response");
	js_newobjectx(J);
	set_num(J, "status", (double)r->status);
	if (r->rtype == RT_NONE || r->status == 0)
		js_pushnull(J);
	else if (r->rtype == RT_BINARY)
		binary_push_arraybuffer(J, r->rbody.data, r->rbody.len);
	else
		js_pushlstring(J, r->rbody.data != NULL ? r->rbody.data : "",
		    (int)r->rbody.len);
	js_setproperty(J, -2, "body");
	if (r->body.len > 0) {
		js_pushlstring(J, r->body.data, (int)r->body.len);
		js_defproperty(J, -2, "_b", JS_DONTENUM);
	}
	push_meta(J, r);
}

/* __ly_http._headers(raw): the header object of a raw header block. */
static void
http_headers_fn(js_State *J)
{
	js_newobject(J);
	each_header(js_tostring(J, 1), add_header, J);
}

/* __ly_http._cookies(raw): the cookies a raw header block sets. */
static void
http_cookies_fn(js_State *J)
{
	js_newobject(J);
	each_header(js_tostring(J, 1), add_cookie, J);
}

void
http_response_helpers(js_State *J)
{
	js_newcfunction(J, http_headers_fn, "_headers", 1);
	js_setproperty(J, -2, "_headers");
	js_newcfunction(J, http_cookies_fn, "_cookies", 1);
	js_setproperty(J, -2, "_cookies");
}
