/* The Response object of k6/http, built from a finished request.
 *
 * A Response is a mujs userdata that owns a copy of what its request
 * left (struct res, freed by the finalizer when the object is
 * collected).  Every property costs mujs an interned name and a tree
 * insertion per response, so none is made for a response: status and a
 * body of a few KiB are answered by the userdata's has hook (res_has)
 * until the script assigns or deletes them, or lists the object's own
 * properties; a larger or binary body is a real property, read once.
 * The other fields are getters on the
 * VU's one Response prototype, C functions that build the value from the
 * copy when it is read; object values (headers, cookies, timings,
 * request) then become own properties, so a script that changes
 * res.headers sees its change.  The prototype costs a VU a few KiB, where
 * the same in JavaScript cost it about 57 KiB of compiled code and
 * closures. */
#include "config.h"

#include <ctype.h>
#include <mujs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "js/binary.h"
#include "js/gjson.h"
#include "js/http-int.h"
#include "js/jsonerr.h"
#include "js/lazyprop.h"
#include "js/modules.h"
#include "util/xmalloc.h"

/* mujs exports these without declaring them in mujs.h */
void	*js_malloc(js_State *, int);
void	 js_free(js_State *, void *);
void	 js_pushobject(js_State *, void *);
void	*js_toobject(js_State *, int);

#define TAG	http_response_tag
#define JSONKEY	"@@ly:json"	/* res.json()'s parsed body */
#define SELKEY	"@@ly:jsonsel"	/* the same for selectors, never handed out */

/* The strings a Response keeps, in struct res's text. */
enum {
	S_URL, S_PROTO, S_IP, S_TLSV, S_CIPHER, S_METHOD, S_ERROR, S_COOKIE,
	S_REQHDRS,	/* "Name: value\n" lines of the request */
	S_HEAD,		/* the response head as received */
	S_REQBODY,	/* may hold NUL bytes: reqbody_len */
	S_BODY,		/* the body, when body_inline: body_len */
	NSTR
};

/* The largest text body the has hook answers with: a read makes a
 * string of it, so a larger one is made once, as a real property. */
#define BODY_INLINE	4096

/* struct res's shadowed: the own property of the name took over */
#define SH_STATUS	0x1
#define SH_BODY		0x2

const char http_response_tag[] = "Response";

struct res {
	int		 own;	/* every field is an own property */
	int		 shadowed;	/* SH_*: not the has hook's to answer */
	int		 body_null;	/* body is null (no response, RT_NONE) */
	size_t		 body_len;
	double		 t[7];	/* blocked, connecting, TLS, sending, waiting,
				   receiving, duration; milliseconds */
	long		 status;
	long		 remote_port;
	int		 error_code;
	size_t		 reqbody_len;
	const char	*s[NSTR];
	char		 text[];
};

/* The getters, in the order toJSON shows them; OBJ marks the ones whose
 * value becomes an own property once made. */
#define OBJ	0x100
enum {
	F_STRING,	/* one of the strings: struct field's str */
	F_STATUS_TEXT, F_HEADERS = 2 | OBJ, F_COOKIES = 3 | OBJ,
	F_TIMINGS = 4 | OBJ, F_ERROR_CODE = 5, F_REMOTE_PORT,
	F_REQUEST = 7 | OBJ, F_OCSP = 8 | OBJ
};

static const struct field {
	const char	*name;
	int		 id;
	int		 str;	/* F_STRING: the string it shows */
} fields[] = {
	{ "status_text", F_STATUS_TEXT, -1 }, { "headers", F_HEADERS, -1 },
	{ "cookies", F_COOKIES, -1 }, { "timings", F_TIMINGS, -1 },
	{ "url", F_STRING, S_URL }, { "proto", F_STRING, S_PROTO },
	{ "error_code", F_ERROR_CODE, -1 }, { "error", F_STRING, S_ERROR },
	{ "remote_ip", F_STRING, S_IP }, { "remote_port", F_REMOTE_PORT, -1 },
	{ "tls_version", F_STRING, S_TLSV },
	{ "tls_cipher_suite", F_STRING, S_CIPHER },
	{ "request", F_REQUEST, -1 }, { "ocsp", F_OCSP, -1 },
};
#define NFIELDS	(sizeof fields / sizeof fields[0])

void
http_canonical_key(char *k)
{
	char *p;
	int up = 1;

	/* Go leaves a key with a byte outside HTTP's token characters as it
	 * is. */
	for (p = k; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) &&
		    strchr("!#$%&'*+-.^_`|~", *p) == NULL)
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

/* Push the array under name in the object on top of the stack, made
 * empty if missing. */
static void
push_list(js_State *J, const char *name)
{
	if (js_hasproperty(J, -1, name))
		return;
	js_newarray(J);
	js_copy(J, -1);
	js_setproperty(J, -3, name);
}

/* Append the value on top to the array below it, and pop it. */
static void
append(js_State *J)
{
	js_setindex(J, -2, js_getlength(J, -2));
}

/* Walk the header lines of a response head: fn(name, value) with both
 * trimmed, in a scratch copy. */
static void
each_header(const char *head, void (*fn)(js_State *, char *, char *), js_State *J)
{
	char *copy, *line, *next, *colon, *v, *end;

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

/* Whether the comma-separated list v has token t, in any case. */
static int
has_token(const char *v, const char *t)
{
	size_t n = strlen(t), len;

	for (;;) {
		v += strspn(v, " \t,");
		if (*v == '\0')
			return 0;
		len = strcspn(v, ",");
		while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
			len--;
		if (len == n && strncasecmp(v, t, n) == 0)
			return 1;
		v += strcspn(v, ",");
	}
}

/* Go's net/http drops "Connection: close" from an HTTP/1.1 response's
 * headers once it has taken note (transfer.go, shouldClose); an HTTP/1.0
 * response keeps it.  The headers object is on top. */
static void
drop_close(js_State *J, const char *proto)
{
	if (strcmp(proto, "HTTP/1.1") != 0 ||
	    !js_hasproperty(J, -1, "Connection"))
		return;
	if (has_token(js_tostring(J, -1), "close")) {
		js_pop(J, 1);
		js_delproperty(J, -1, "Connection");
	} else
		js_pop(J, 1);
}

static void
add_cookie(js_State *J, char *name, char *value)
{
	struct http_cookie c;

	if (strcasecmp(name, "Set-Cookie") != 0 || http_cookie_parse(value, &c) == -1)
		return;
	/* the strings of c leak if the calls below throw (memory only) */
	push_list(J, c.name);
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
	append(J);
	js_pop(J, 1);
	http_cookie_clear(&c);
}

/* HTTP/2 has no reason phrase; Go fills in its own. */
static const char *
reason(long status)
{
	static const struct {
		int		 status;
		const char	*text;
	} r[] = {
		{ 200, "OK" }, { 201, "Created" }, { 202, "Accepted" },
		{ 204, "No Content" }, { 206, "Partial Content" },
		{ 301, "Moved Permanently" }, { 302, "Found" },
		{ 303, "See Other" }, { 304, "Not Modified" },
		{ 307, "Temporary Redirect" }, { 308, "Permanent Redirect" },
		{ 400, "Bad Request" }, { 401, "Unauthorized" },
		{ 403, "Forbidden" }, { 404, "Not Found" },
		{ 405, "Method Not Allowed" }, { 409, "Conflict" },
		{ 429, "Too Many Requests" }, { 500, "Internal Server Error" },
		{ 502, "Bad Gateway" }, { 503, "Service Unavailable" },
		{ 504, "Gateway Timeout" },
	};
	size_t i;

	for (i = 0; i < sizeof r / sizeof r[0]; i++)
		if (r[i].status == status)
			return r[i].text;
	return NULL;
}

/* "200 OK": the status line after the protocol. */
static void
push_status_text(js_State *J, const struct res *x)
{
	const char *h = x->s[S_HEAD], *sp, *end;
	char num[24];
	size_t n;

	sp = strchr(h, ' ');
	if (x->status == 0 || sp == NULL || sp > h + strcspn(h, "\r\n")) {
		js_pushliteral(J, "");
		return;
	}
	sp++;
	end = sp + strcspn(sp, "\r\n");
	while (end > sp && isspace((unsigned char)end[-1]))
		end--;
	n = (size_t)(end - sp);
	snprintf(num, sizeof num, "%ld", x->status);
	if (n == strlen(num) && memcmp(sp, num, n) == 0 && reason(x->status) != NULL) {
		js_pushstring(J, num);
		js_pushliteral(J, " ");
		js_concat(J);
		js_pushliteral(J, reason(x->status));
		js_concat(J);
	} else
		js_pushlstring(J, sp, (int)n);
}

static void
push_timings(js_State *J, const struct res *x)
{
	/* k6's order (Go's struct); the index into x->t, -1: looking_up */
	static const struct { const char *name; int t; } order[] = {
		{ "duration", 6 }, { "blocked", 0 }, { "looking_up", -1 },
		{ "connecting", 1 }, { "tls_handshaking", 2 }, { "sending", 3 },
		{ "waiting", 4 }, { "receiving", 5 },
	};
	size_t i;

	js_newobject(J);
	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		set_num(J, order[i].name, order[i].t < 0 ? 0 : x->t[order[i].t]);
}

/* res.request: method, url, headers (name: [values]), body, cookies. */
static void
push_request(js_State *J, const struct res *x)
{
	const char *p, *eol, *colon, *c, *semi, *eq;
	char *name;

	js_newobject(J);
	set_str(J, "method", x->s[S_METHOD]);
	set_str(J, "url", x->s[S_URL]);
	js_newobject(J);
	for (p = x->s[S_REQHDRS]; *p != '\0'; p = eol + 1) {
		eol = strchr(p, '\n');
		colon = strstr(p, ": ");
		if (colon == NULL || colon > eol || colon == p)
			continue;
		name = xstrndup(p, (size_t)(colon - p));
		/* a throw here leaks name (memory only) */
		push_list(J, name);
		free(name);
		js_pushlstring(J, colon + 2, (int)(eol - colon - 2));
		append(J);
		js_pop(J, 1);
	}
	if (*x->s[S_COOKIE] != '\0') {
		js_newarray(J);
		js_pushstring(J, x->s[S_COOKIE]);
		js_setindex(J, -2, 0);
		js_setproperty(J, -2, "Cookie");
	}
	js_setproperty(J, -2, "headers");
	js_pushlstring(J, x->s[S_REQBODY], (int)x->reqbody_len);
	js_setproperty(J, -2, "body");
	js_newobject(J);
	for (c = x->s[S_COOKIE]; *c != '\0'; c = *semi ? semi + 2 : semi) {
		semi = strstr(c, "; ");
		if (semi == NULL)
			semi = c + strlen(c);
		eq = memchr(c, '=', (size_t)(semi - c));
		if (eq == NULL)
			eq = semi;
		name = xstrndup(c, (size_t)(eq - c));
		push_list(J, name);
		js_newobject(J);
		set_str(J, "name", name);
		free(name);
		js_pushlstring(J, eq < semi ? eq + 1 : semi,
		    (int)(eq < semi ? semi - eq - 1 : 0));
		js_setproperty(J, -2, "value");
		js_pushboolean(J, 0);
		js_setproperty(J, -2, "replace");
		append(J);
		js_pop(J, 1);
		if (*semi == '\0')
			break;
	}
	js_setproperty(J, -2, "cookies");
}

static void
push_field(js_State *J, const struct res *x, const struct field *f)
{
	switch (f->id) {
	case F_STRING:
		js_pushstring(J, x->s[f->str]);
		break;
	case F_STATUS_TEXT:
		push_status_text(J, x);
		break;
	case F_HEADERS:
		js_newobject(J);
		each_header(x->s[S_HEAD], add_header, J);
		drop_close(J, x->s[S_PROTO]);
		break;
	case F_COOKIES:
		js_newobject(J);
		each_header(x->s[S_HEAD], add_cookie, J);
		break;
	case F_TIMINGS:
		push_timings(J, x);
		break;
	case F_ERROR_CODE:
		js_pushnumber(J, x->error_code);
		break;
	case F_REMOTE_PORT:
		js_pushnumber(J, (double)x->remote_port);
		break;
	case F_REQUEST:
		push_request(J, x);
		break;
	case F_OCSP:
		/* no stapled response is read: k6 says "unknown" over TLS */
		js_newobject(J);
		set_num(J, "produced_at", 0);
		set_num(J, "this_update", 0);
		set_num(J, "next_update", 0);
		set_num(J, "revoked_at", 0);
		set_str(J, "revocation_reason", "");
		set_str(J, "status", *x->s[S_TLSV] != '\0' ? "unknown" : "");
		break;
	default:
		js_pushundefined(J);
	}
}

/* A field's getter and setter (one function: a getter gets no argument,
 * a setter one); its function data is the field's index.  Setting a
 * field makes it an own property, as reading an object field does. */
static void
res_get(js_State *J)
{
	const struct field *f = &fields[(intptr_t)js_currentfunctiondata(J)];

	if (js_gettop(J) > 1) {
		js_copy(J, 1);
		js_defproperty(J, 0, f->name, 0);
		js_pushundefined(J);
		return;
	}
	if (!js_isuserdata(J, 0, TAG)) {
		js_pushundefined(J);	/* Response.prototype.url and the like */
		return;
	}
	push_field(J, js_touserdata(J, 0, TAG), f);
	if (f->id & OBJ) {
		js_copy(J, -1);
		js_defproperty(J, 0, f->name, 0);
	}
}

static void
res_free(js_State *J, void *p)
{
	js_free(J, p);
}

/* The userdata's hooks: status and body, until an own property of the
 * name takes over (assigned, defined, deleted, or listed by
 * http_response_own). */
static int
shadow_bit(const char *name)
{
	if (name[0] == 's' && strcmp(name, "status") == 0)
		return SH_STATUS;
	if (name[0] == 'b' && strcmp(name, "body") == 0)
		return SH_BODY;
	return 0;
}

static int
res_has(js_State *J, void *p, const char *name)
{
	struct res *x = p;
	int bit = shadow_bit(name);

	if (bit == 0 || (x->shadowed & bit))
		return 0;
	if (bit == SH_STATUS)
		js_pushnumber(J, (double)x->status);
	else if (x->body_null)
		js_pushnull(J);
	else
		js_pushlstring(J, x->s[S_BODY], (int)x->body_len);
	return 1;
}

static int
res_shadow(js_State *J, void *p, const char *name)
{
	struct res *x = p;

	(void)J;
	x->shadowed |= shadow_bit(name);
	return 0;	/* mujs goes on with the own property */
}

/* Copy what a Response shows of r into one block. */
/* The headers k6 shows in res.request.headers: those the request set
 * before it was sent (a form body's Content-Type, User-Agent, the
 * script's, compression's Content-Encoding), a later one of the same
 * name replacing an earlier; not Content-Length, which the transfer
 * computes.  The Cookie header is added from the cookies sent.  Fills
 * name[] and value[] (room for r->nhdrs + 2) and returns the count. */
static size_t
request_headers(const struct http_req *r, const char **name,
    const char **value)
{
	size_t n = 0, i, j;

	if (r->form) {
		name[n] = "Content-Type";
		value[n++] = "application/x-www-form-urlencoded";
	}
	name[n] = "User-Agent";
	value[n++] = http_user_agent(r->hv);
	for (i = 0; i < r->nhdrs; i++) {
		/* a line break would break the line format of S_REQHDRS */
		if (strcasecmp(r->hdrs[i].name, "Content-Length") == 0 ||
		    strchr(r->hdrs[i].value, '\n') != NULL)
			continue;
		for (j = 0; j < n; j++)
			if (strcasecmp(name[j], r->hdrs[i].name) == 0)
				break;
		name[j] = r->hdrs[i].name;
		value[j] = r->hdrs[i].value;
		if (j == n)
			n++;
	}
	return n;
}

/* The block comes from the VU's JavaScript memory (js_malloc), where
 * its collections count it: a Response the script dropped is garbage
 * of a kilobyte or more (its head, its body up to BODY_INLINE), which
 * from malloc they did not see, so an HTTP VU held five or six of them
 * between collections.  It throws when the VU's memory is spent
 * (freeing tmp). */
static struct res *
res_alloc(js_State *J, void *tmp, size_t n)
{
	struct res *x;

	if (js_try(J)) {
		free(tmp);
		js_throw(J);
	}
	x = js_malloc(J, (int)n);
	js_endtry(J);
	return x;
}

static struct res *
res_new(js_State *J, const struct http_req *r, int body_inline)
{
	const char *v[NSTR];
	size_t len[NSTR], total = 0, i, nh, *hl;
	const char **hn, **hv;
	/* the request's header lines' parts: here for a few headers */
	struct {
		const char	*name[8], *value[8];
		size_t		 len[16];
	} few;
	struct res *x;
	char *p;

	v[S_URL] = r->url;
	v[S_PROTO] = r->proto;
	v[S_IP] = r->remote_ip;
	v[S_TLSV] = r->tls_version;
	v[S_CIPHER] = r->tls_cipher;
	v[S_METHOD] = r->method;
	v[S_ERROR] = r->status == 0 ? r->error : NULL;
	v[S_COOKIE] = r->cookie_hdr;
	v[S_REQHDRS] = NULL;
	v[S_HEAD] = r->status != 0 ? r->rhead.data : NULL;
	v[S_REQBODY] = r->body.len > 0 ? r->body.data : NULL;
	v[S_BODY] = body_inline && r->rbody.len > 0 ? r->rbody.data : NULL;
	for (i = 0; i < NSTR; i++)
		len[i] = v[i] == NULL ? 0 : i == S_REQBODY ? r->body.len :
		    i == S_BODY ? r->rbody.len : strlen(v[i]);
	if (r->nhdrs + 2 <= 8) {
		hn = few.name;
		hv = few.value;
		hl = few.len;
	} else {
		/* names, values, then their lengths, in one block */
		hn = xreallocarray(NULL, 2 * (r->nhdrs + 2), sizeof *hn + sizeof *hl);
		hv = hn + r->nhdrs + 2;
		hl = (size_t *)(void *)(hn + 2 * (r->nhdrs + 2));
	}
	nh = request_headers(r, hn, hv);
	for (i = 0; i < nh; i++) {
		hl[2 * i] = strlen(hn[i]);
		hl[2 * i + 1] = strlen(hv[i]);
		len[S_REQHDRS] += hl[2 * i] + hl[2 * i + 1] + 3;
	}

	for (i = 0; i < NSTR; i++)
		total += len[i] + 1;
	x = res_alloc(J, hn, sizeof *x + total);
	x->t[0] = r->t_blocked;
	x->t[1] = r->t_connecting;
	x->t[2] = r->t_tls;
	x->t[3] = r->t_sending;
	x->t[4] = r->t_waiting;
	x->t[5] = r->t_receiving;
	x->t[6] = r->t_duration;
	x->status = r->status;
	x->remote_port = r->remote_port;
	x->error_code = r->error_code;
	x->reqbody_len = len[S_REQBODY];
	x->body_len = len[S_BODY];
	x->body_null = r->rtype == RT_NONE || r->status == 0;
	x->shadowed = body_inline ? 0 : SH_BODY;
	x->own = 0;
	p = x->text;
	for (i = 0; i < NSTR; i++) {
		x->s[i] = p;
		if (i == S_REQHDRS) {
			size_t j;

			/* "Name: value\n", without printf's cost per response */
			for (j = 0; j < nh; j++) {
				memcpy(p, hn[j], hl[2 * j]);
				p += hl[2 * j];
				*p++ = ':';
				*p++ = ' ';
				memcpy(p, hv[j], hl[2 * j + 1]);
				p += hl[2 * j + 1];
				*p++ = '\n';
			}
		} else if (len[i] > 0) {
			memcpy(p, v[i], len[i]);
			p += len[i];
		}
		*p++ = '\0';
	}
	if (hn != few.name)
		free(hn);
	return x;
}

void
http_response_push(js_State *J, struct http_req *r)
{
	int null = r->rtype == RT_NONE || r->status == 0;
	int body_inline = null ||
	    (r->rtype == RT_TEXT && r->rbody.len <= BODY_INLINE);

	/* the registry keeps the prototype; pushed by address after the
	 * first Response, without the registry's lookup */
	if (r->hv->proto != NULL)
		js_pushobject(J, r->hv->proto);
	else {
		http_js(J);
		r->hv->proto = js_toobject(J, -1);
	}
	js_newuserdatax(J, TAG, res_new(J, r, body_inline), res_has, res_shadow,
	    res_shadow, res_free);
	if (body_inline)
		return;
	if (r->rtype == RT_BINARY)
		binary_push_arraybuffer(J, r->rbody.data, r->rbody.len);
	else
		js_pushlstring(J, r->rbody.data != NULL ? r->rbody.data : "",
		    (int)r->rbody.len);
	js_setproperty(J, -2, "body");
}

/* res.json([selector]): the body parsed once and cached; a selector is a
 * GJSON path (js/gjson.c) and, as in k6, selects nothing (undefined)
 * from a body that is not JSON instead of throwing.  k6 reads selectors
 * from the body's text, so what the script does to res.json()'s value
 * cannot change them: they walk a parse of their own, and gjson_get
 * copies what it returns. */
/* What k6 throws for a body Go's json.Unmarshal refuses: where, in
 * lines and characters (checkErrorInJSON), and Go's words.  The error
 * mujs threw is on top. */
static void
json_error(js_State *J, const char *text)
{
	size_t len = strlen(text), offset, i;
	char msg[256];
	int line = 1, ch = 0;

	if (!jsonerr_go(text, len, msg, sizeof msg, &offset)) {
		/* mujs refuses what Go takes: mujs's words */
		if (js_isobject(J, -1) && js_hasproperty(J, -1, "message"))
			js_rot2pop1(J);
		snprintf(msg, sizeof msg, "%s", js_tostring(J, -1));
		offset = 0;
	}
	if (offset > 0)
		offset--;
	for (i = 0; i < len; ) {
		unsigned char b = (unsigned char)text[i];
		size_t at = i;

		i += b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
		if (b == '\n') {
			line++;
			ch = 0;
		} else
			ch++;
		if (at >= offset) {
			if (b == '\n')
				ch = 1;
			break;
		}
	}
	modules_goerror(J, "cannot parse json due to an error at line %d, "
	    "character %d , error: %s", line, ch, msg);
}

static void
res_json(js_State *J)
{
	int sel = !js_isnull(J, 1) && !js_isundefined(J, 1);
	const char *key = sel ? SELKEY : JSONKEY;
	const unsigned char *bytes;
	size_t n;

	js_getproperty(J, 0, "body");
	if (js_isnull(J, -1) || js_isundefined(J, -1))
		modules_goerror(J, "the body is null so we can't transform it to JSON - "
		    "this likely was because of a request error getting the response");
	/* responseType "binary": k6 parses the bytes as text */
	if (binary_get(J, -1, &bytes, &n) == 0) {
		js_pushlstring(J, (const char *)bytes, (int)n);
		js_rot2pop1(J);
	}
	if (!js_hasproperty(J, 0, key)) {
		const char *text = js_tostring(J, -1);

		js_getglobal(J, "JSON");
		js_getproperty(J, -1, "parse");
		js_rot2pop1(J);
		js_pushundefined(J);
		js_copy(J, -3);
		if (js_pcall(J, 1)) {
			if (sel) {
				js_pushundefined(J);
				return;
			}
			json_error(J, text);
		}
		js_copy(J, -1);
		js_defproperty(J, 0, key, JS_DONTENUM);
	}
	if (sel)
		gjson_get(J, js_tostring(J, 1));
}

int
http_response_unowned(const char *tag, const void *data)
{
	return tag == http_response_tag && !((const struct res *)data)->own;
}

/*
 * Make every field and method of the Response at idx an own property, in
 * the order of k6's (Go's struct, then its methods), as k6's Response
 * has them: for the first
 * Object.keys, for-in, hasOwnProperty or JSON.stringify of it
 * (js/proporder.c calls this).  A field already own (status, body, one
 * read or set) keeps its value and takes its place in the order.
 */
void
http_response_own(js_State *J, int idx)
{
	static const char *const order[] = {
		"remote_ip", "remote_port", "url", "status", "status_text",
		"proto", "headers", "cookies", "body", "timings", "tls_version",
		"tls_cipher_suite", "ocsp", "error", "error_code", "request",
		/* and the methods, enumerable own properties in k6 */
		"clickLink", "html", "json", "submitForm",
	};
	struct res *x = js_touserdata(J, idx, TAG);
	size_t i;

	if (x->own)
		return;
	x->own = 1;
	if (idx < 0)
		idx += js_gettop(J);
	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		js_getproperty(J, idx, order[i]);
		js_delproperty(J, idx, order[i]);
		js_defproperty(J, idx, order[i], 0);
	}
}

/* JSON.stringify(res) shows every field, as k6's does. */
static void
res_tojson(js_State *J)
{
	const char *k;

	if (js_isuserdata(J, 0, TAG))
		http_response_own(J, 0);
	js_newobject(J);
	js_pushiterator(J, 0, 1);
	while ((k = js_nextiterator(J, -1)) != NULL) {
		js_getproperty(J, 0, k);
		if (js_iscallable(J, -1))
			js_pop(J, 1);
		else
			js_setproperty(J, -3, k);
	}
	js_pop(J, 1);
}

static void
res_ctor(js_State *J)
{
	js_pushundefined(J);
}

static void
method(js_State *J, js_CFunction fn, const char *name, int n, const char *data)
{
	js_newcfunctionx(J, fn, name, n, (void *)(uintptr_t)data, NULL);
	js_defproperty(J, -2, name, JS_DONTENUM);
}

/* http.url`https://x/${id}`: the name tag is the template with ${} in
 * place of each value; toString comes from the registry's prototype. */
static void
url_tostring(js_State *J)
{
	js_getproperty(J, 0, "url");
}

/* u with its user information masked, as k6's URL.Clean: "****:****"
 * for a user and password, "****" for a user alone. */
static void
url_clean(struct buf *clean, const char *u)
{
	const char *auth = strstr(u, "://"), *end, *at, *colon;

	if (auth == NULL) {
		buf_puts(clean, u);
		return;
	}
	auth += 3;
	end = auth + strcspn(auth, "/?#");
	for (at = NULL, colon = auth; colon < end; colon++)
		if (*colon == '@')
			at = colon;
	if (at == NULL) {
		buf_puts(clean, u);
		return;
	}
	colon = memchr(auth, ':', (size_t)(at - auth));
	buf_add(clean, u, (size_t)(auth - u));
	buf_puts(clean, colon != NULL ? "****:****" : "****");
	buf_puts(clean, at);
}

void
http_response_url(js_State *J)
{
	struct buf u = BUF_INIT, name = BUF_INIT, clean = BUF_INIT;
	int i, n = js_gettop(J), len;
	const char *v;

	len = js_isobject(J, 1) ? js_getlength(J, 1) : 0;
	for (i = 2; i < n; i++)
		js_tostring(J, i);	/* may throw: nothing is owned yet */
	if (js_try(J)) {
		buf_free(&u);
		buf_free(&name);
		buf_free(&clean);
		js_throw(J);
	}
	for (i = 0; i < len; i++) {
		js_getindex(J, 1, i);
		v = js_tostring(J, -1);
		buf_puts(&u, v);
		buf_puts(&name, v);
		js_pop(J, 1);
		if (i + 1 < len) {
			buf_puts(&u, i + 2 < n ? js_tostring(J, i + 2) : "undefined");
			buf_puts(&name, "${}");
		}
	}
	http_js(J);
	js_pop(J, 1);
	buf_putc(&u, '\0');
	buf_putc(&name, '\0');
	url_clean(&clean, u.data);
	buf_putc(&clean, '\0');
	js_getregistry(J, "ly.http.url");
	js_newobjectx(J);
	js_pushboolean(J, 1);
	js_defproperty(J, -2, "__ly_url", JS_DONTENUM);
	/* k6's fields, in its order; without a template, name is clean */
	js_pushstring(J, strcmp(u.data, name.data) == 0 ? clean.data : name.data);
	js_setproperty(J, -2, "name");
	js_pushstring(J, u.data);
	js_setproperty(J, -2, "url");
	js_pushstring(J, clean.data);
	js_setproperty(J, -2, "clean_url");
	js_endtry(J);
	buf_free(&u);
	buf_free(&name);
	buf_free(&clean);
}

/* The Response prototype and its helpers, made the first time a VU
 * needs them. */
void
http_js(js_State *J)
{
	size_t i;

	js_getregistry(J, "ly.http.Response");
	if (js_isobject(J, -1))
		return;
	js_pop(J, 1);
	js_newobject(J);
	/* Its accessors and methods made on first use (js/lazyprop.c): a
	 * VU that never reads one does not hold 26 functions. */
	for (i = 0; i < NFIELDS; i++) {
		if (lazyprop_defer_accessor(J, -1, fields[i].name, res_get,
		    fields[i].name, 0, (void *)(intptr_t)i, NULL, 0))
			continue;
		js_newcfunctionx(J, res_get, fields[i].name, 0,
		    (void *)(intptr_t)i, NULL);
		js_copy(J, -1);
		js_defaccessor(J, -3, fields[i].name, 0);
	}
	lazyprop_capturing++;
	if (js_try(J)) {
		lazyprop_end();
		js_throw(J);
	}
	/* k6's Response is a Go object: its methods' frames are
	 * reflect's */
	js_newcfunction(J, res_json, "reflect.methodValueCall", 1);
	js_defproperty(J, -2, "json", JS_DONTENUM);
	method(J, res_tojson, "toJSON", 0, NULL);
	html_response_methods(J);
	js_endtry(J);
	lazyprop_end();
	js_newcfunction(J, res_ctor, "Response", 0);
	js_copy(J, -2);
	js_setproperty(J, -2, "prototype");
	js_copy(J, -1);
	js_defproperty(J, -3, "constructor", JS_DONTENUM);
	js_setregistry(J, "ly.http.ResponseCtor");
	js_copy(J, -1);
	js_setregistry(J, "ly.http.Response");
	js_newobject(J);
	method(J, url_tostring, "toString", 0, NULL);
	js_setregistry(J, "ly.http.url");
}
