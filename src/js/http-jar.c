/* http.CookieJar: the JavaScript bindings of the cookie jar (http-cookie.c). */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/xmalloc.h"
#include "js/http-int.h"

/* CookieJar */

static void
jar_fin(js_State *J, void *p)
{
	http_cookie_jar_free(p);
}

static struct http_cookie_jar *
this_jar(js_State *J)
{
	if (!js_isuserdata(J, 0, "CookieJar"))
		js_typeerror(J, "not a CookieJar");
	return js_touserdata(J, 0, "CookieJar");
}

/* host and path of the URL at idx; owned, NULL on a bad URL (thrown). */
static void
jar_url(js_State *J, int idx, char **host, char **path, int *https)
{
	CURLU *u = curl_url();
	char *h = NULL, *p = NULL, *s = NULL;

	if (curl_url_set(u, CURLUPART_URL, js_tostring(J, idx), 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &h, 0) != CURLUE_OK) {
		curl_url_cleanup(u);
		js_error(J, "invalid URL \"%s\"", js_tostring(J, idx));
	}
	curl_url_get(u, CURLUPART_PATH, &p, 0);
	curl_url_get(u, CURLUPART_SCHEME, &s, 0);
	*host = xstrdup(h);
	*path = xstrdup(p != NULL ? p : "/");
	*https = s != NULL && strcmp(s, "https") == 0;
	curl_free(h);
	curl_free(p);
	curl_free(s);
	curl_url_cleanup(u);
}

static void
push_jar(js_State *J, struct http_cookie_jar *j, int owned)
{
	js_getregistry(J, "ly.http.CookieJar");
	js_newuserdata(J, "CookieJar", j, owned ? jar_fin : NULL);
}

void
http_cookie_jar_ctor(js_State *J)
{
	push_jar(J, http_cookie_jar_new(), 1);
}

void
http_cookie_jar_fn(js_State *J)
{
	struct http_vu *hv = hv_get(J, "Making cookie jars in the init context is not supported");

	push_jar(J, hv->jar, 0);
}

static void
collect_cookie(const struct http_cookie *c, void *arg)
{
	js_State *J = arg;

	/* stack: result object */
	if (!js_hasproperty(J, -1, c->name)) {
		js_newarray(J);
		js_copy(J, -1);
		js_setproperty(J, -3, c->name);
	}
	js_pushstring(J, c->value);
	js_setindex(J, -2, js_getlength(J, -2));
	js_pop(J, 1);
}

void
jar_cookies_for_url(js_State *J)
{
	struct http_cookie_jar *j = this_jar(J);
	char *host, *path;
	int https;

	jar_url(J, 1, &host, &path, &https);
	js_newobject(J);
	/* collect_cookie can only throw on memory exhaustion */
	http_cookie_jar_match(j, host, path, https, time(NULL), collect_cookie, J);
	free(host);
	free(path);
}

void
jar_set(js_State *J)
{
	struct http_cookie_jar *j = this_jar(J);
	struct http_cookie c;
	char *host = NULL, *path = NULL;
	int https;

	memset(&c, 0, sizeof c);
	if (!js_isdefined(J, 2) || *js_tostring(J, 2) == '\0')
		js_typeerror(J, "CookieJar.set: the cookie needs a name");
	if (js_isobject(J, 4)) {
		js_getproperty(J, 4, "domain");
		js_getproperty(J, 4, "path");
		js_getproperty(J, 4, "expires");
		js_getproperty(J, 4, "max_age");
		js_getproperty(J, 4, "secure");
		js_getproperty(J, 4, "http_only");
	} else {
		int i;

		for (i = 0; i < 6; i++)
			js_pushundefined(J);
	}
	/* convert everything first, then allocate */
	js_tostring(J, 1);
	js_tostring(J, 2);
	js_tostring(J, 3);
	if (js_isdefined(J, -6)) js_tostring(J, -6);
	if (js_isdefined(J, -5)) js_tostring(J, -5);
	if (js_isdefined(J, -4)) js_tostring(J, -4);
	jar_url(J, 1, &host, &path, &https);
	c.name = xstrdup(js_tostring(J, 2));
	c.value = xstrdup(js_isdefined(J, 3) ? js_tostring(J, 3) : "");
	if (js_isdefined(J, -6)) {
		const char *d = js_tostring(J, -6);
		c.domain = xstrdup(d + (*d == '.'));
	}
	if (js_isdefined(J, -5))
		c.path = xstrdup(js_tostring(J, -5));
	if (js_isdefined(J, -4))
		c.expires = http_cookie_parse_time(js_tostring(J, -4));
	if (js_isdefined(J, -3) && js_isnumber(J, -3)) {
		c.has_max_age = 1;
		c.max_age = (long)js_tonumber(J, -3);
	}
	c.secure = js_toboolean(J, -2);
	c.http_only = js_toboolean(J, -1);
	/* Go's cookie jar drops a cookie whose domain does not match the
	 * URL, and k6 returns true all the same */
	(void)http_cookie_jar_store(j, host, path, &c, time(NULL));
	free(host);
	free(path);
	js_pushboolean(J, 1);
}

void
jar_clear(js_State *J)
{
	struct http_cookie_jar *j = this_jar(J);
	char *host, *path;
	int https;

	jar_url(J, 1, &host, &path, &https);
	http_cookie_jar_delete(j, host, path, NULL);
	free(host);
	free(path);
	js_pushundefined(J);
}

void
jar_delete(js_State *J)
{
	struct http_cookie_jar *j = this_jar(J);
	char *host, *path;
	int https;

	js_tostring(J, 2);
	jar_url(J, 1, &host, &path, &https);
	http_cookie_jar_delete(j, host, path, js_tostring(J, 2));
	free(host);
	free(path);
	js_pushundefined(J);
}
