/* TextEncoder and TextDecoder (UTF-8 only, as the Encoding Standard's
 * TextEncoder and as k6 needs): lazy globals of the runtime library
 * (js/runtime.c), written in C because they convert between bytes and
 * mujs's strings.
 *
 * mujs keeps a string as UTF-8 with two twists: U+0000 is the two bytes
 * C0 80, and a surrogate written as an escape ("\ud83d") is a three-byte
 * sequence of its own, so a pair is six bytes, and a lone one may stand
 * anywhere.  Encoding turns a pair into the four bytes of its code point
 * and a lone surrogate into U+FFFD, as JavaScript's USVString does;
 * decoding writes U+0000 as C0 80 and every code point above U+FFFF as
 * four bytes (one character, as a literal "😀" in the source is to
 * mujs), and replaces each maximal invalid subpart with U+FFFD, or
 * throws if fatal. */
#include "config.h"

#include <mujs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "js/binary.h"
#include "js/runtime.h"
#include "js/textcodec.h"
#include "util/buf.h"

/* The code point of the mujs sequence at s (n bytes left) and its size:
 * U+FFFD for what mujs cannot have made. */
static unsigned
rune(const unsigned char *s, size_t n, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xc0 && s[0] < 0xe0 && n >= 2) {
		*len = 2;
		return (unsigned)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	}
	if (s[0] >= 0xe0 && s[0] < 0xf0 && n >= 3) {
		*len = 3;
		return (unsigned)(s[0] & 0x0f) << 12 |
		    (unsigned)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	}
	if (s[0] >= 0xf0 && n >= 4) {
		*len = 4;
		return (unsigned)(s[0] & 0x07) << 18 |
		    (unsigned)(s[1] & 0x3f) << 12 |
		    (unsigned)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
	}
	*len = 1;
	return 0xfffd;
}

static size_t
put_utf8(unsigned char *o, unsigned c)
{
	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (unsigned char)(0xc0 | c >> 6);
		o[1] = (unsigned char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (unsigned char)(0xe0 | c >> 12);
		o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		o[2] = (unsigned char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | c >> 18);
	o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
	o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
	o[3] = (unsigned char)(0x80 | (c & 0x3f));
	return 4;
}

/* The next character of mujs string s at *i as a code point, a pair of
 * surrogates joined, *units its length in UTF-16 units. */
static unsigned
next_char(const unsigned char *s, size_t n, size_t *i, int *units)
{
	size_t l, l2;
	unsigned c = rune(s + *i, n - *i, &l), d;

	*i += l;
	*units = c >= 0x10000 ? 2 : 1;
	if (c >= 0xd800 && c <= 0xdbff && *i < n) {
		d = rune(s + *i, n - *i, &l2);
		if (d >= 0xdc00 && d <= 0xdfff) {
			*i += l2;
			*units = 2;
			return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
		}
	}
	if (c >= 0xd800 && c <= 0xdfff)
		return 0xfffd;
	return c;
}

/* TextEncoder.prototype.encode(string): a Uint8Array. */
static void
te_encode(js_State *J)
{
	const unsigned char *s = (const unsigned char *)
	    (js_isundefined(J, 1) ? "" : js_tostring(J, 1));
	size_t n = strlen((const char *)s), i = 0, len = 0;
	unsigned char *o, tmp[4];
	int units;

	while (i < n)
		len += put_utf8(tmp, next_char(s, n, &i, &units));
	js_getglobal(J, "Uint8Array");
	o = binary_push_new(J, len);
	for (i = 0; i < n;)
		o += put_utf8(o, next_char(s, n, &i, &units));
	js_construct(J, 1);
}

/* TextEncoder.prototype.encodeInto(string, u8): as many whole
 * characters as fit; { read (UTF-16 units), written }. */
static void
te_encode_into(js_State *J)
{
	const unsigned char *s = (const unsigned char *)js_tostring(J, 1);
	size_t n = strlen((const char *)s), i = 0, at, w, room;
	unsigned char *data, tmp[4];
	double read = 0, written = 0;
	int units;

	if (js_isuserdata(J, 2, "Uint8Array") == 0 || binary_get(J, 2,
	    (const unsigned char **)&data, &room) != 0)
		js_typeerror(J, "The \"dest\" argument must be an instance of "
		    "Uint8Array.");
	while (i < n) {
		at = i;
		w = put_utf8(tmp, next_char(s, n, &i, &units));
		if (w > room) {
			i = at;
			break;
		}
		memcpy(data, tmp, w);
		data += w;
		room -= w;
		written += (double)w;
		read += units;
	}
	js_newobject(J);
	js_pushnumber(J, read);
	js_setproperty(J, -2, "read");
	js_pushnumber(J, written);
	js_setproperty(J, -2, "written");
}

static void
te_call(js_State *J)
{
	js_typeerror(J, "Class constructor TextEncoder cannot be invoked "
	    "without 'new'");
}

static void
te_new(js_State *J)
{
	js_getregistry(J, "ly.text.enc");
	js_newobjectx(J);
}

static void
te_encoding(js_State *J)
{
	js_pushliteral(J, "utf-8");
}

/* The length of the valid UTF-8 sequence at s, 0 for an invalid one with
 * *bad the length of its maximal subpart, or -1 if s ends inside a
 * sequence that could still be valid. */
static int
utf8_seq(const unsigned char *s, size_t n, size_t *bad)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t need, k;

	*bad = 1;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		need = 1;
	else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		need = 2;
		if (s[0] == 0xe0)
			lo = 0xa0;
		if (s[0] == 0xed)
			hi = 0x9f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		need = 3;
		if (s[0] == 0xf0)
			lo = 0x90;
		if (s[0] == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	for (k = 1; k <= need; k++) {
		if (k >= n)
			return -1;
		if (s[k] < lo || s[k] > hi) {
			*bad = k;
			return 0;
		}
		lo = 0x80;
		hi = 0xbf;
	}
	return (int)need + 1;
}

/* __ly_td_decode(bytes, fatal, ignoreBOM, stream) of the decoder's
 * prototype: [string, bytes left over for the next call]. */
static void
td_run(js_State *J)
{
	const unsigned char *s;
	size_t n, i = 0, bad;
	int fatal = js_toboolean(J, 2), stream = js_toboolean(J, 4), l;
	struct buf b = BUF_INIT;

	if (js_isundefined(J, 1)) {
		s = (const unsigned char *)"";
		n = 0;
	} else if (binary_get(J, 1, &s, &n) != 0)
		js_typeerror(J, "The \"input\" argument must be an instance of "
		    "ArrayBuffer or ArrayBufferView.");
	if (!js_toboolean(J, 3) && n >= 3 && s[0] == 0xef && s[1] == 0xbb &&
	    s[2] == 0xbf)
		i = 3;
	while (i < n) {
		l = utf8_seq(s + i, n - i, &bad);
		if (l < 0 && stream)
			break;
		if (l < 0) {
			l = 0;
			bad = n - i;
		}
		if (l == 0) {
			if (fatal) {
				buf_free(&b);
				js_typeerror(J, "The encoded data was not valid "
				    "for encoding utf-8");
			}
			buf_puts(&b, "\xef\xbf\xbd");
			i += bad;
		} else if (l == 1 && s[i] == 0) {
			buf_puts(&b, "\xc0\x80");
			i++;
		} else {
			buf_add(&b, s + i, (size_t)l);
			i += (size_t)l;
		}
	}
	js_newarray(J);
	buf_add(&b, "", 1);
	js_pushstring(J, b.data);
	buf_free(&b);
	js_setindex(J, -2, 0);
	js_pushnumber(J, (double)(n - i));
	js_setindex(J, -2, 1);
}

/* TextDecoder in JavaScript over td_run: its options and streaming. */
static const char td_src[] =
    "var TD = function TextDecoder(label, o) {\n"
    "  if (!(this instanceof TD)) throw new TypeError(\"Class constructor TextDecoder cannot be invoked without 'new'\");\n"
    "  var l = label === undefined ? 'utf-8' : String(label).trim().toLowerCase();\n"
    "  if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8')\n"
    "    throw new RangeError('The \"' + label + '\" encoding is not supported');\n"
    "  o = o == null ? {} : Object(o);\n"
    "  Object.defineProperty(this, '@@ly:td', { value: { f: !!o.fatal, b: !!o.ignoreBOM, p: null, s: false } });\n"
    "};\n"
    "var P = TD.prototype, get = function (f) { return { get: f, configurable: true }; };\n"
    "Object.defineProperty(P, '@@sym:Symbol.toStringTag', { value: 'TextDecoder', configurable: true });\n"
    "Object.defineProperty(P, 'encoding', get(function () { return 'utf-8'; }));\n"
    "Object.defineProperty(P, 'fatal', get(function () { return this['@@ly:td'].f; }));\n"
    "Object.defineProperty(P, 'ignoreBOM', get(function () { return this['@@ly:td'].b; }));\n"
    "Object.defineProperty(P, 'decode', { writable: true, configurable: true, value: function decode(input, o) {\n"
    "  var t = this['@@ly:td'], stream = o != null && !!Object(o).stream, u, r;\n"
    "  if (!t) throw new TypeError('Illegal invocation');\n"
    "  if (t.p !== null) {\n"
    "    u = new Uint8Array(input === undefined ? 0 : input.byteLength);\n"
    "    if (input !== undefined) u.set(new Uint8Array(input.buffer || input, input.byteOffset || 0, input.byteLength));\n"
    "    r = new Uint8Array(t.p.length + u.length); r.set(t.p); r.set(u, t.p.length); input = r;\n"
    "  }\n"
    "  r = run(input, t.f, t.b || t.s, stream);\n"
    "  t.s = stream && (t.s || input !== undefined && input.byteLength > r[1]);\n"
    "  t.p = r[1] > 0 ? new Uint8Array(input.buffer || input, (input.byteOffset || 0) + input.byteLength - r[1], r[1]).slice() : null;\n"
    "  return r[0];\n"
    "} });\n"
    "return TD;\n";

void
textcodec_load(js_State *J)
{
	js_getregistry(J, "ly.text.enc");
	if (js_isobject(J, -1)) {
		js_pop(J, 1);
		return;
	}
	js_pop(J, 1);
	js_newobject(J);
	runtime_setfn(J, te_encode, "encode", 0);
	runtime_setfn(J, te_encode_into, "encodeInto", 2);
	js_newcfunction(J, te_encoding, "get encoding", 0);
	js_pushundefined(J);
	js_defaccessor(J, -3, "encoding", JS_DONTENUM);
	js_pushliteral(J, "TextEncoder");
	js_defproperty(J, -2, "@@sym:Symbol.toStringTag", JS_DONTENUM | JS_READONLY);
	js_copy(J, -1);
	js_setregistry(J, "ly.text.enc");
	js_newcconstructor(J, te_call, te_new, "TextEncoder", 0);
	runtime_publish(J, "TextEncoder");

	js_getglobal(J, "Function");
	js_pushliteral(J, "run");
	js_pushliteral(J, td_src);
	js_construct(J, 2);
	js_pushundefined(J);
	js_newcfunction(J, td_run, "decode", 4);
	js_call(J, 1);
	runtime_publish(J, "TextDecoder");
}
