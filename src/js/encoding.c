/* "k6/encoding": base64 in k6's four variants, and the byte handling the
 * crypto module shares.
 *
 * mujs strings are UTF-8, except that U+0000 is stored as the two bytes
 * C0 80; encoding_bytes undoes that so binary data survives. */
#include "config.h"

#include <mujs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "js/binary.h"
#include "js/modules.h"
#include "util/buf.h"
#include "util/xmalloc.h"

static const char b64std[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* The bytes of an argument, into b: an ArrayBuffer's or a view's, or
 * those of the value as a string. */
void
encoding_bytes(js_State *J, int idx, struct buf *b)
{
	const unsigned char *p;
	const char *s;
	size_t i, n;

	buf_reset(b);
	if (binary_get(J, idx, &p, &n) == 0) {
		buf_add(b, p, n);
		return;
	}
	s = js_tostring(J, idx);
	n = strlen(s);
	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] == 0xc0 && i + 1 < n && (unsigned char)s[i + 1] == 0x80) {
			buf_putc(b, 0);
			i++;
		} else
			buf_putc(b, s[i]);
	}
}

/* Push bytes as a JavaScript string (NUL bytes kept, as mujs does). */
void
encoding_push_bytes(js_State *J, const unsigned char *p, size_t n)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == 0)
			buf_add(&b, "\xc0\x80", 2);
		else
			buf_putc(&b, p[i]);
	}
	js_pushstring(J, b.data ? b.data : "");
	buf_free(&b);
}

/* The variant named by the argument; as in k6, any other name (null,
 * a typo) is "std". */
static void
variant(js_State *J, int idx, const char **alphabet, int *pad)
{
	const char *v = js_isdefined(J, idx) ? js_tostring(J, idx) : "std";

	*alphabet = b64std;
	*pad = 1;
	if (strcmp(v, "rawstd") == 0)
		*pad = 0;
	else if (strcmp(v, "url") == 0)
		*alphabet = b64url;
	else if (strcmp(v, "rawurl") == 0) {
		*alphabet = b64url;
		*pad = 0;
	}
}

void
encoding_b64(const unsigned char *p, size_t n, const char *alphabet, int pad, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i + 2 < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];

		buf_putc(out, alphabet[v >> 18]);
		buf_putc(out, alphabet[(v >> 12) & 63]);
		buf_putc(out, alphabet[(v >> 6) & 63]);
		buf_putc(out, alphabet[v & 63]);
	}
	if (i < n) {
		uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0);

		buf_putc(out, alphabet[v >> 18]);
		buf_putc(out, alphabet[(v >> 12) & 63]);
		if (i + 1 < n)
			buf_putc(out, alphabet[(v >> 6) & 63]);
		else if (pad)
			buf_putc(out, '=');
		if (pad)
			buf_putc(out, '=');
	}
	if (out->data == NULL)
		buf_puts(out, "");
}

int
encoding_unb64(const char *s, const char *alphabet, struct buf *out)
{
	uint32_t v = 0;
	int bits = 0, c;
	const char *p;

	buf_reset(out);
	for (; *s != '\0'; s++) {
		if (*s == '=')
			break;
		if ((p = strchr(alphabet, *s)) == NULL || *s == '\0')
			return -1;
		c = (int)(p - alphabet);
		v = v << 6 | (uint32_t)c;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_putc(out, (int)(v >> bits) & 0xff);
		}
	}
	for (; *s == '='; s++)
		;
	return *s == '\0' ? 0 : -1;
}

static void
b64encode(js_State *J)
{
	struct buf in = BUF_INIT, out = BUF_INIT;
	const char *alphabet;
	int pad;

	variant(J, 2, &alphabet, &pad);
	encoding_bytes(J, 1, &in);
	encoding_b64((const unsigned char *)in.data, in.len, alphabet, pad, &out);
	js_pushstring(J, out.data);
	buf_free(&in);
	buf_free(&out);
}

/* b64decode(input, variant, format): an ArrayBuffer, or a string for
 * format "s". */
static void
b64decode(js_State *J)
{
	struct buf out = BUF_INIT;
	const char *alphabet;
	int pad, str;

	variant(J, 2, &alphabet, &pad);
	str = js_isdefined(J, 3) && strcmp(js_tostring(J, 3), "s") == 0;
	if (encoding_unb64(js_tostring(J, 1), alphabet, &out) == -1) {
		buf_free(&out);
		js_error(J, "b64decode: the input is not valid base64");
	}
	if (js_try(J)) {
		buf_free(&out);
		js_throw(J);
	}
	if (str)
		encoding_push_bytes(J, (const unsigned char *)out.data, out.len);
	else
		binary_push_arraybuffer(J, out.data, out.len);
	js_endtry(J);
	buf_free(&out);
}

void
encoding_module_open(js_State *J)
{
	js_newobject(J);
	js_newcfunction(J, b64encode, "b64encode", 2);
	js_setproperty(J, -2, "b64encode");
	js_newcfunction(J, b64decode, "b64decode", 3);
	js_setproperty(J, -2, "b64decode");
}
