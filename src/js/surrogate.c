/* One form for each character outside the Basic Multilingual Plane.
 *
 * Why: mujs 1.3.2 keeps strings as UTF-8, and a character outside the
 * BMP (an emoji) as its 4-byte UTF-8 sequence, which js/utf16.c counts as
 * two UTF-16 units.  But a surrogate pair written as two UTF-16 units
 * becomes two characters of three bytes each (ED A0..AF xx, ED B0..BF
 * xx), which is not UTF-8: JSON.parse of "\ud83d\ude00" (APIs that
 * escape all non-ASCII send that), String.fromCharCode(0xd83d, 0xde00),
 * and the concatenation of the two halves (slice cuts pairs).  Such a
 * string was not equal to the emoji written in the script, and left the
 * engine as those six bytes (console output, request bodies,
 * encodeURIComponent's %ED%A0%BD...).  libmujs.so makes every string it builds (JSON values,
 * concatenation, fromCharCode, join, slice, replace, ...) through
 * js_pushstring or js_pushlstring, which it calls through its PLT, so
 * the definitions below take their place and join each pair into the
 * 4-byte sequence of its character: every string holds one form, the
 * one the script's literals have.  A lone surrogate stays as it was.
 * A string without the byte ED, as almost all are, costs one memchr.
 */
#include "config.h"

#include <dlfcn.h>
#include <mujs.h>
#include <stdlib.h>
#include <string.h>

#include "js/surrogate.h"
#include "util/xmalloc.h"

/* The surrogate whose 3-byte form starts at p (ED then two bytes), or 0. */
static unsigned
surrogate_at(const unsigned char *p, unsigned lo, unsigned hi)
{
	if (p[0] != 0xed || p[1] < lo || p[1] > hi || (p[2] & 0xc0) != 0x80)
		return 0;
	return 0xd000u | (unsigned)(p[1] & 0x3f) << 6 | (unsigned)(p[2] & 0x3f);
}

size_t
surrogate_join(const char *s, size_t n, char **out)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n, *q;
	unsigned char *w = NULL, *o = NULL;
	unsigned h, l, c;

	*out = NULL;
	for (q = p; (q = memchr(q, 0xed, (size_t)(end - q))) != NULL; q++) {
		if (end - q < 6 || (h = surrogate_at(q, 0xa0, 0xaf)) == 0 ||
		    (l = surrogate_at(q + 3, 0xb0, 0xbf)) == 0)
			continue;
		if (o == NULL)
			w = o = xmalloc(n + 1);
		memcpy(w, p, (size_t)(q - p));
		w += q - p;
		c = 0x10000u + ((h - 0xd800u) << 10) + (l - 0xdc00u);
		*w++ = (unsigned char)(0xf0 | c >> 18);
		*w++ = (unsigned char)(0x80 | (c >> 12 & 0x3f));
		*w++ = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		*w++ = (unsigned char)(0x80 | (c & 0x3f));
		p = q += 6;
		q--;	/* the loop's q++ */
	}
	if (o == NULL)
		return n;
	memcpy(w, p, (size_t)(end - p));
	w += end - p;
	*w = '\0';
	*out = (char *)o;
	return (size_t)(w - o);
}

static void (*real_pushlstring)(js_State *, const char *, int);

static void
push_joined(js_State *J, const char *s, size_t n)
{
	char *j;
	size_t len;

	if (real_pushlstring == NULL && (*(void **)&real_pushlstring =
	    dlsym(RTLD_NEXT, "js_pushlstring")) == NULL)
		abort();	/* not libmujs.so: cannot be */
	len = surrogate_join(s, n, &j);
	if (j == NULL) {
		real_pushlstring(J, s, (int)n);
		return;
	}
	if (js_try(J)) {
		free(j);
		js_throw(J);
	}
	real_pushlstring(J, j, (int)len);
	js_endtry(J);
	free(j);
}

void
js_pushstring(js_State *J, const char *v)
{
	push_joined(J, v, strlen(v));
}

void
js_pushlstring(js_State *J, const char *v, int n)
{
	if (n < 0)
		n = 0;
	push_joined(J, v, (size_t)n);
}

void
surrogate_fffd(char *s, size_t n)
{
	unsigned char *p = (unsigned char *)s, *end = p + n;

	if (s == NULL)
		return;
	for (; (p = memchr(p, 0xed, (size_t)(end - p))) != NULL; p++)
		if (end - p >= 3 && surrogate_at(p, 0xa0, 0xbf) != 0)
			memcpy(p, "\xef\xbf\xbd", 3);
}
