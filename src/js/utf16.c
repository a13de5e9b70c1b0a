/* Strings indexed by UTF-16 code units, as JavaScript indexes them.
 *
 * mujs 1.3.2 keeps a string as UTF-8 (U+0000 as C0 80) and indexes it by
 * character, so a character outside the Basic Multilingual Plane (an
 * emoji: four bytes) was one unit, and "😀".length was 1.  JavaScript
 * counts two, its high and its low surrogate.  The storage stays UTF-8,
 * so no binding that reads or pushes strings changes; every index does:
 * a 4-byte character is two units, a lone surrogate (its 3-byte form,
 * which js/surrogate.c leaves as it is) one.  Cutting a pair (slice,
 * split("")) gives the lone surrogate's 3-byte form; joining the halves
 * again gives the character back (js/surrogate.c).
 *
 * libmujs.so calls its index functions through its PLT, so the
 * definitions below take their place: jsU_utflen (the length of every
 * String object, made at each property access on a string), js_runeat
 * (s[i], charAt, charCodeAt: a surrogate at either half of a pair),
 * js_utfptrtoidx, js_utfidxtoptr, and js_compare (the relational
 * operators, which order strings by unit).  The methods that cut strings
 * or count positions in them are replaced as mujs makes them
 * (utf16_builtin): slice, substring, indexOf, lastIndexOf, split and
 * replace with a string, Array.prototype.sort's order, encodeURI's check
 * of lone surrogates; substr (js/builtins.c) uses utf16_push.  A string
 * of ASCII, as most are, is read eight bytes at a time.
 */
#include "config.h"

#include <math.h>
#include <mujs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "js/mujs-layout.h"
#include "js/runtime.h"
#include "js/symbol.h"
#include "js/utf16.h"
#include "util/buf.h"
#include "util/xmalloc.h"

int	jsU_chartorune(int *, const char *);
int	jsU_runetochar(char *, const int *);

#define HIGH(r)	(0xd800 + (((r) - 0x10000) >> 10))
#define LOW(r)	(0xdc00 + (((r) - 0x10000) & 0x3ff))

/* The length of the well-formed sequence of 2 to 4 bytes at p, or 0. */
static inline int
seq_len(const unsigned char *p)
{
	unsigned c = p[0];

	if (c >= 0xc2 && c < 0xe0)
		return (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c < 0xf0)
		return (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80 &&
		    (c > 0xe0 || p[1] >= 0xa0) ? 3 : 0;
	if (c >= 0xf0 && c < 0xf5)
		return (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80 &&
		    (p[3] & 0xc0) == 0x80 && (c > 0xf0 || p[1] >= 0x90) &&
		    (c < 0xf4 || p[1] < 0x90) ? 4 : 0;
	return 0;
}

/* The character at p (not its end), its length in bytes in *n:
 * well-formed sequences here, the rest as mujs's decoder takes them. */
static inline int
rune_at(const char *p, int *n)
{
	const unsigned char *u = (const unsigned char *)p;
	int r = u[0];

	if (r < 0x80) {
		*n = 1;
		return r;
	}
	switch ((*n = seq_len(u))) {
	case 2:
		return (r & 0x1f) << 6 | (u[1] & 0x3f);
	case 3:
		return (r & 0x0f) << 12 | (u[1] & 0x3f) << 6 | (u[2] & 0x3f);
	case 4:
		return (r & 0x07) << 18 | (u[1] & 0x3f) << 12 |
		    (u[2] & 0x3f) << 6 | (u[3] & 0x3f);
	}
	*n = jsU_chartorune(&r, p);
	return r;
}

/* The length of the ASCII prefix of s, n bytes, give or take 7: eight
 * bytes at a time, as a string's length is taken at every property
 * access on it. */
static size_t
ascii_prefix(const char *s, size_t n)
{
	uint64_t w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ull)
			break;
	}
	return i;
}

/* The same within the first n bytes of s at most. */
static size_t
ascii_run(const char *s, size_t n)
{
	return ascii_prefix(s, strnlen(s, n));
}

/* Whether s may hold a character outside the BMP (has a byte of 0xF0 or
 * more). */
static int
astral(const char *s)
{
	const unsigned char *p;

	p = (const unsigned char *)s + ascii_prefix(s, strlen(s));
	for (; *p != '\0'; p++)
		if (*p >= 0xf0)
			return 1;
	return 0;
}

int
jsU_utflen(const char *s)
{
	size_t a = ascii_prefix(s, strlen(s));
	const unsigned char *p = (const unsigned char *)s + a;
	int n = (int)a, k, r;

	for (;;) {
		if (*p < 0x80) {
			if (*p == '\0')
				return n;
			p++;
			n++;
		} else if ((k = seq_len(p)) != 0) {
			p += k;
			n += k == 4 ? 2 : 1;
		} else {
			p += jsU_chartorune(&r, (const char *)p);
			n += r > 0xffff ? 2 : 1;
		}
	}
}

int
js_runeat(js_State *J, const char *s, int i)
{
	int r, k, u;

	size_t a;

	(void)J;
	if (i < 0)
		return -1;
	a = ascii_run(s, (size_t)i + 1);
	if ((size_t)i < a)
		return (unsigned char)s[i];
	s += a;
	i -= (int)a;
	for (;;) {
		if (*s == '\0')
			return -1;
		r = rune_at(s, &k);
		u = r > 0xffff ? 2 : 1;
		if (i < u)
			break;
		s += k;
		i -= u;
	}
	if (u == 2)
		return i == 0 ? HIGH(r) : LOW(r);
	return r;
}

int
js_utfptrtoidx(const char *s, const char *p)
{
	size_t a = ascii_prefix(s, (size_t)(p - s));
	int n = (int)a, k, r;

	for (s += a; s < p; ) {
		r = rune_at(s, &k);
		s += k;
		n += r > 0xffff ? 2 : 1;
	}
	return n;
}

/* The character holding unit i, or NULL past the end. */
const char *
js_utfidxtoptr(const char *s, int i)
{
	int r, k;

	while (i > 0) {
		if (*s == '\0')
			return NULL;
		r = rune_at(s, &k);
		if ((i -= r > 0xffff ? 2 : 1) < 0)
			break;
		s += k;
	}
	return s;
}

/* Index v as a count of bytes to look at, however large. */
static size_t
bytes(double v)
{
	return v < (double)(SIZE_MAX / 2) ? (size_t)v : SIZE_MAX / 2;
}

void
utf16_push(js_State *J, const char *s, double a, double b)
{
	struct buf out = BUF_INIT;
	const char *head;
	char lo[4], hi[4];
	int nlo = 0, nhi = 0, r, k, u;
	double i;
	size_t skip;

	if (a >= b) {
		js_pushliteral(J, "");
		return;
	}
	skip = ascii_run(s, bytes(a));
	s += skip;
	i = (double)skip;
	while (i < a && *s != '\0') {
		r = rune_at(s, &k);
		s += k;
		if (r > 0xffff && i + 1 == a) {	/* a cuts the pair */
			u = LOW(r);
			nlo = jsU_runetochar(lo, &u);
		}
		i += r > 0xffff ? 2 : 1;
	}
	head = s;
	skip = ascii_run(s, bytes(b - i));
	s += skip;
	i += (double)skip;
	for (; i < b && *s != '\0'; s += k) {
		r = rune_at(s, &k);
		if (r > 0xffff && i + 1 == b) {	/* b cuts the pair */
			u = HIGH(r);
			nhi = jsU_runetochar(hi, &u);
			break;
		}
		i += r > 0xffff ? 2 : 1;
	}
	if (nlo == 0 && nhi == 0) {
		js_pushlstring(J, head, (int)(s - head));
		return;
	}
	buf_add(&out, lo, (size_t)nlo);
	buf_add(&out, head, (size_t)(s - head));
	buf_add(&out, hi, (size_t)nhi);
	runtime_pushbuf(J, &out);
}

/* this as a string, in place. */
static const char *
this_string(js_State *J, const char *method)
{
	if (js_isundefined(J, 0) || js_isnull(J, 0))
		js_typeerror(J, "String.prototype.%s called on null or undefined",
		    method);
	if (!js_isstring(J, 0)) {
		js_pushstring(J, js_tostring(J, 0));
		js_replace(J, 0);
	}
	return js_tostring(J, 0);
}

/* The integer of argument idx (NaN 0), or dflt if it is undefined. */
static double
integer_arg(js_State *J, int idx, double dflt)
{
	double v;

	if (js_isundefined(J, idx))
		return dflt;
	v = js_tonumber(J, idx);
	return isnan(v) ? 0 : trunc(v);
}

/* Index v of slice and its kind: from the end if negative, in [0, len]. */
static double
relative(double v, double len)
{
	if (v < 0)
		return v + len < 0 ? 0 : v + len;
	return v > len ? len : v;
}

/* slice and substring walk to their end only: an index past the end
 * stops at it, and the length is needed for negative ones alone. */
static void
string_slice(js_State *J)
{
	const char *s = this_string(J, "slice");
	double a, b, len = INFINITY;

	a = integer_arg(J, 1, 0);
	b = integer_arg(J, 2, INFINITY);
	if (a < 0 || b < 0)
		len = jsU_utflen(s);
	utf16_push(J, s, relative(a, len), relative(b, len));
}

static void
string_substring(js_State *J)
{
	const char *s = this_string(J, "substring");
	double a, b;

	a = fmax(integer_arg(J, 1, 0), 0);
	b = fmax(integer_arg(J, 2, INFINITY), 0);
	utf16_push(J, s, fmin(a, b), fmax(a, b));
}

/*
 * Searching.  A needle that starts with a lone low surrogate can match
 * inside a pair of the haystack (at its low half), one that ends with a
 * lone high surrogate at a pair's high half: those are searched for in
 * UTF-16 units.  Any other needle matches whole characters, and its
 * bytes are searched for (UTF-8 synchronises itself: a match starts at a
 * character).
 */

/* Whether needle has a lone surrogate at an end that could match half
 * of a pair. */
static int
cuts_pairs(const char *needle, size_t n)
{
	const unsigned char *p = (const unsigned char *)needle;

	return (n >= 3 && p[0] == 0xed && p[1] >= 0xb0) ||
	    (n >= 3 && p[n - 3] == 0xed && p[n - 2] >= 0xa0 && p[n - 2] <= 0xaf);
}

uint16_t *
utf16_units(const char *s, size_t *n)
{
	size_t len = strlen(s);
	uint16_t *u = xreallocarray(NULL, len + UTF16_PAD, sizeof *u);
	int r, k;

	for (*n = 0; *s != '\0'; s += k) {
		if ((unsigned char)*s < 0x80) {
			u[(*n)++] = (uint16_t)*s;
			k = 1;
			continue;
		}
		r = rune_at(s, &k);
		if (r > 0xffff) {
			u[(*n)++] = (uint16_t)HIGH(r);
			u[(*n)++] = (uint16_t)LOW(r);
		} else
			u[(*n)++] = (uint16_t)r;
	}
	memset(u + *n, 0, (len + UTF16_PAD - *n) * sizeof *u);
	return u;
}

size_t
utf16_encode(char *dst, const uint16_t *u, size_t a, size_t b)
{
	char *p = dst;
	int r;

	while (a < b) {
		r = u[a++];
		if (r != 0 && r < 0x80) {
			*p++ = (char)r;
			continue;
		}
		if (r >= 0xd800 && r < 0xdc00 && a < b && u[a] >= 0xdc00 && u[a] < 0xe000)
			r = 0x10000 + ((r - 0xd800) << 10) + (u[a++] - 0xdc00);
		p += jsU_runetochar(p, &r);
	}
	*p = '\0';
	return (size_t)(p - dst);
}

void
utf16_add_units(struct buf *out, const uint16_t *u, size_t a, size_t b)
{
	if (a < b && buf_reserve(out, 3 * (b - a)) == 0)
		out->len += utf16_encode(out->data + out->len, u, a, b);
}

/* The first (last if back) index in [from, to] at which needle's units
 * are in s's, or -1. */
static double
find_units(const char *s, const char *needle, double from, double to, int back)
{
	size_t hn, nn;
	uint16_t *h = utf16_units(s, &hn), *nd = utf16_units(needle, &nn);
	double i, found = -1;

	if (to > (double)hn - (double)nn)
		to = (double)hn - (double)nn;
	for (i = back ? to : from; i >= from && i <= to; i += back ? -1 : 1)
		if (memcmp(h + (size_t)i, nd, nn * sizeof *nd) == 0) {
			found = i;
			break;
		}
	free(h);
	free(nd);
	return found;
}

/* The first index at or after pos where needle is in s, or -1. */
static double
find(const char *s, const char *needle, double pos)
{
	const char *p, *q;
	size_t n = strlen(needle);
	double len, i;
	int r, k;

	if (n == 0 || pos > 0 || cuts_pairs(needle, n)) {
		len = jsU_utflen(s);
		pos = fmin(fmax(pos, 0), len);
		if (n == 0)
			return pos;
		if (cuts_pairs(needle, n))
			return find_units(s, needle, pos, len, 0);
	}
	/* from the first character at or after pos */
	k = (int)ascii_run(s, (size_t)pos);
	for (p = s + k, i = k; i < pos; p += k) {
		r = rune_at(p, &k);
		i += r > 0xffff ? 2 : 1;
	}
	if ((q = strstr(p, needle)) == NULL)
		return -1;
	return i + js_utfptrtoidx(p, q);
}

static void
string_indexof(js_State *J)
{
	const char *s = this_string(J, "indexOf");

	js_pushnumber(J, find(s, js_tostring(J, 1), integer_arg(J, 2, 0)));
}

/*
 * replace with a string pattern (js/regexp.c has the RegExp's, and
 * mujs's own where it is not installed): mujs 1.3.2 gave a replacer
 * function the match's byte offset.
 */
static js_CFunction replace_real, split_real;

static void
string_replace(js_State *J)
{
	const char *s = this_string(J, "replace"), *pat, *t, *d;
	double at, n, len;

	if (js_isregexp(J, 1)) {
		replace_real(J);
		return;
	}
	js_pushstring(J, js_tostring(J, 1));
	js_replace(J, 1);
	if (!js_iscallable(J, 2)) {
		js_pushstring(J, js_tostring(J, 2));
		js_replace(J, 2);
	}
	pat = js_tostring(J, 1);
	if ((at = find(s, pat, 0)) < 0) {
		js_copy(J, 0);
		return;
	}
	len = jsU_utflen(s);
	n = jsU_utflen(pat);
	utf16_push(J, s, 0, at);
	if (js_iscallable(J, 2)) {
		js_copy(J, 2);
		js_pushundefined(J);
		js_copy(J, 1);
		js_pushnumber(J, at);
		js_copy(J, 0);
		js_call(J, 3);
		js_pushstring(J, js_tostring(J, -1));
		js_rot2pop1(J);
		js_concat(J);
	} else
		for (t = js_tostring(J, 2); *t != '\0'; t = d) {
			if (t[0] != '$' || strchr("$&`'", t[1]) == NULL || t[1] == '\0') {
				d = strchr(t + 1, '$');
				d = d != NULL ? d : t + strlen(t);
				js_pushlstring(J, t, (int)(d - t));
			} else {
				d = t + 2;
				if (t[1] == '$')
					js_pushliteral(J, "$");
				else if (t[1] == '&')
					js_copy(J, 1);
				else if (t[1] == '`')
					utf16_push(J, s, 0, at);
				else
					utf16_push(J, s, at + n, len);
			}
			js_concat(J);
		}
	utf16_push(J, s, at + n, len);
	js_concat(J);
}

/*
 * lastIndexOf: mujs 1.3.2's also never found a match at the end
 * ("abc".lastIndexOf("") was 2) and took a NaN position for 0.
 */
static void
string_lastindexof(js_State *J)
{
	const char *s = this_string(J, "lastIndexOf"), *needle, *p;
	double pos, last = -1, k;
	size_t n;
	int r, b;

	needle = js_tostring(J, 1);
	pos = js_tonumber(J, 2);
	pos = isnan(pos) ? INFINITY : fmax(trunc(pos), 0);
	n = strlen(needle);
	if (n == 0) {
		js_pushnumber(J, fmin(pos, jsU_utflen(s)));
		return;
	}
	if (cuts_pairs(needle, n)) {
		js_pushnumber(J, find_units(s, needle, 0, pos, 1));
		return;
	}
	for (k = 0, p = s; k <= pos; p += b) {
		if (strncmp(p, needle, n) == 0)
			last = k;
		if (*p == '\0')
			break;
		r = rune_at(p, &b);
		k += r > 0xffff ? 2 : 1;
	}
	js_pushnumber(J, last);
}

/* Append piece [a, b) of s (in units) to the array at the top. */
static void
split_piece(js_State *J, const char *s, double a, double b, int *len)
{
	utf16_push(J, s, a, b);
	js_setindex(J, -2, (*len)++);
}

/*
 * split with a string separator (js/regexp.c has the RegExp's): "" cuts
 * between units, a pair too; the limit is a uint32 (mujs took -1 for
 * none at all).
 */
static void
string_split(js_State *J)
{
	const char *s = this_string(J, "split"), *sep, *p, *q;
	double lim, a, b, at, slen;
	size_t n;
	int len = 0, r, k;

	if (js_isregexp(J, 1)) {
		split_real(J);
		return;
	}
	lim = js_isundefined(J, 2) ? 4294967295.0 : js_touint32(J, 2);
	sep = js_isundefined(J, 1) ? NULL : js_tostring(J, 1);
	js_newarray(J);
	if (lim == 0)
		return;
	if (sep == NULL) {
		js_copy(J, 0);
		js_setindex(J, -2, 0);
		return;
	}
	n = strlen(sep);
	if (n == 0) {
		for (p = s; *p != '\0' && len < lim; p += k) {
			r = rune_at(p, &k);
			if (r > 0xffff) {
				split_piece(J, p, 0, 1, &len);
				if (len < lim)
					split_piece(J, p, 1, 2, &len);
			} else {
				js_pushlstring(J, p, k);
				js_setindex(J, -2, len++);
			}
		}
		return;
	}
	if (!cuts_pairs(sep, n) || !astral(s)) {
		for (p = s; p != NULL && len < lim; p = q != NULL ? q + n : NULL) {
			if ((q = strstr(p, sep)) != NULL)
				js_pushlstring(J, p, (int)(q - p));
			else
				js_pushstring(J, p);
			js_setindex(J, -2, len++);
		}
		return;
	}
	slen = jsU_utflen(s);
	b = jsU_utflen(sep);
	for (a = 0; len < lim; a = at + b) {
		at = find_units(s, sep, a, slen, 0);
		split_piece(J, s, a, at < 0 ? slen : at, &len);
		if (at < 0)
			break;
	}
}

/*
 * Order.  JavaScript compares strings by UTF-16 unit, mujs by byte
 * (strcmp), which is the order of code points: they differ where a
 * character of U+E000 to U+FFFF meets one outside the BMP (whose high
 * surrogate is less), where a lone surrogate meets a pair, and for
 * U+0000 (mujs's C0 80).  Bytes that differ elsewhere compare alike.
 */
static int
order_safe(unsigned x, unsigned y)
{
	return (x < 0xed && y < 0xed && x != 0xc0 && y != 0xc0) ||
	    (x >= 0xf0 && y >= 0xf0);
}

/* strcmp in UTF-16 units. */
static int
utf16_cmp(const char *a, const char *b)
{
	size_t i = 0, na, nb, k;
	uint16_t *ua, *ub;
	int c;

	while (a[i] == b[i] && a[i] != '\0')
		i++;
	if (a[i] == b[i])
		return 0;
	if (order_safe((unsigned char)a[i], (unsigned char)b[i]))
		return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
	while (i > 0 && ((unsigned char)a[i] & 0xc0) == 0x80)
		i--;
	ua = utf16_units(a + i, &na);
	ub = utf16_units(b + i, &nb);
	for (k = 0; k < na && k < nb && ua[k] == ub[k]; k++)
		;
	c = k < na && k < nb ? (ua[k] < ub[k] ? -1 : 1) :
	    na == nb ? 0 : na < nb ? -1 : 1;
	free(ua);
	free(ub);
	return c;
}

/* The relational operators (libmujs calls it through its PLT): mujs's
 * with the strings' order above.  A symbol is no string to compare: its
 * ToNumber throws (js/symbol.c's js_tonumber). */
int
js_compare(js_State *J, int *okay)
{
	double x, y;

	*okay = 1;
	/* two numbers or two strings, the common cases, are primitive
	 * already: no ToPrimitive */
	if (!js_isnumber(J, -2) || !js_isnumber(J, -1)) {
		if (!js_isstring(J, -2) || !js_isstring(J, -1)) {
			js_toprimitive(J, -2, JS_HNUMBER);
			js_toprimitive(J, -1, JS_HNUMBER);
		}
		if (js_isstring(J, -2) && js_isstring(J, -1) &&
		    !symbol_key(js_tostring(J, -2)) &&
		    !symbol_key(js_tostring(J, -1)))
			return utf16_cmp(js_tostring(J, -2), js_tostring(J, -1));
	}
	x = js_tonumber(J, -2);
	y = js_tonumber(J, -1);
	if (isnan(x) || isnan(y))
		*okay = 0;
	return x < y ? -1 : x > y ? 1 : 0;
}

/* Array.prototype.sort without a comparator compares the values'
 * strings; mujs's uses strcmp, so an array holding a string whose order
 * could differ is sorted with this comparator instead. */
static js_CFunction sort_real;

static void
sort_compare(js_State *J)
{
	js_pushnumber(J, utf16_cmp(js_tostring(J, 1), js_tostring(J, 2)));
}

/* What of s could order differently: 1 U+E000 to U+FFFF, 2 a character
 * outside the BMP, 4 a lone surrogate or U+0000. */
static int
order_classes(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int c = 0;

	for (; *p != '\0'; p++)
		if (*p >= 0xf0)
			c |= 2;
		else if (*p >= 0xee)
			c |= 1;
		else if (*p == 0xc0 || (*p == 0xed && p[1] >= 0xa0))
			c |= 4;
	return c;
}

static void
array_sort(js_State *J)
{
	int i, n, c = 0;

	if (js_isundefined(J, 1) && js_isarray(J, 0)) {
		n = js_getlength(J, 0);
		for (i = 0; i < n; i++) {
			js_getindex(J, 0, i);
			if (js_isstring(J, -1))
				c |= order_classes(js_tostring(J, -1));
			js_pop(J, 1);
		}
		if (c >= 3) {
			js_newcfunction(J, sort_compare, "compare", 2);
			js_replace(J, 1);
		}
	}
	sort_real(J);
}

/*
 * encodeURI and encodeURIComponent: a lone surrogate is malformed, as
 * the language has it (mujs wrote its three bytes, %ED%A0%BD).  Pairs
 * are joined as strings are made (js/surrogate.c): an ED byte followed
 * by A0 to BF is a lone one.
 */
static js_CFunction encodeuri_real, encodeuricomponent_real;

static void
uri_check(js_State *J)
{
	const unsigned char *p;

	js_pushstring(J, js_tostring(J, 1));
	js_replace(J, 1);
	for (p = (const unsigned char *)js_tostring(J, 1);
	    (p = (const unsigned char *)strchr((const char *)p, 0xed)) != NULL; p++)
		if (p[1] >= 0xa0 && p[1] <= 0xbf)
			js_urierror(J, "URI malformed");
}

static void
global_encodeuri(js_State *J)
{
	uri_check(J);
	encodeuri_real(J);
}

static void
global_encodeuricomponent(js_State *J)
{
	uri_check(J);
	encodeuricomponent_real(J);
}

/* __ly_chars(s): s's characters, a pair as one, as for...of and spread
 * take them (the compiler's helper __ly.cs). */
static void
chars(js_State *J)
{
	const char *s = js_tostring(J, 1);
	int i, k;

	js_newarray(J);
	for (i = 0; *s != '\0'; s += k, i++) {
		rune_at(s, &k);
		js_pushlstring(J, s, k);
		js_setindex(J, -2, i);
	}
}

void
utf16_define(js_State *J)
{
	js_newcfunction(J, chars, "__ly_chars", 1);
	js_defglobal(J, "__ly_chars", JS_DONTENUM | JS_READONLY | JS_DONTCONF);
}

js_CFunction
utf16_builtin(const char *name, js_CFunction fn)
{
	const char *m;

	/* called for many of the built-ins mujs makes, so cheaply */
	if (name[0] == 'A' && strcmp(name, "Array.prototype.sort") == 0)
		return sort_real = fn, array_sort;
	if (name[0] == 'e' && strcmp(name, "encodeURI") == 0)
		return encodeuri_real = fn, global_encodeuri;
	if (name[0] == 'e' && strcmp(name, "encodeURIComponent") == 0)
		return encodeuricomponent_real = fn, global_encodeuricomponent;
	if (name[0] != 'S' || strncmp(name, "String.prototype.", 17) != 0)
		return fn;
	m = name + 17;
	if (strcmp(m, "slice") == 0)
		return string_slice;
	if (strcmp(m, "substring") == 0)
		return string_substring;
	if (strcmp(m, "indexOf") == 0)
		return string_indexof;
	if (strcmp(m, "lastIndexOf") == 0)
		return string_lastindexof;
	if (strcmp(m, "split") == 0)
		return split_real = fn, string_split;
	if (strcmp(m, "replace") == 0)
		return replace_real = fn, string_replace;
	return fn;
}
