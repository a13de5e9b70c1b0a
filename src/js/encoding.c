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

/* b64encode(input, variant): input a string, an ArrayBuffer or a
 * Uint8Array, as k6's ToBytes takes. */
static void
b64encode(js_State *J)
{
	struct buf in = BUF_INIT, out = BUF_INIT;
	const char *alphabet, *name;
	int pad;

	variant(J, 2, &alphabet, &pad);
	name = binary_typed_name(J, 1);
	if (!js_isstring(J, 1) && (name != NULL ? strcmp(name, "Uint8Array") != 0 &&
	    strcmp(name, "Uint8ClampedArray") != 0 : !js_isuserdata(J, 1, "ArrayBuffer")))
		modules_goerror(J, "invalid type %s, expected string, []byte or ArrayBuffer",
		    modules_gotype(J, 1));
	encoding_bytes(J, 1, &in);
	encoding_b64((const unsigned char *)in.data, in.len, alphabet, pad, &out);
	js_pushstring(J, out.data);
	buf_free(&in);
	buf_free(&out);
}

/* Go's base64 decoder (encoding/base64, not strict): CR and LF skipped,
 * padding required unless the variant is raw.  -1 and the offset of the
 * first bad byte in *bad, Go's CorruptInputError, or 0. */
static int
unb64_go(const unsigned char *s, size_t n, const char *alphabet, int pad,
    struct buf *out, size_t *bad)
{
	unsigned char q[4];
	const char *p;
	size_t si = 0;
	int j, len;

	buf_reset(out);
	while (si < n) {
		len = 4;
		for (j = 0; j < 4; j++) {
			if (si == n) {
				if (j == 0)
					goto done;
				if (j == 1 || pad) {
					*bad = si - (size_t)j;
					return -1;
				}
				len = j;
				break;
			}
			if (s[si] != '\0' && s[si] != '=' &&
			    (p = strchr(alphabet, s[si])) != NULL) {
				q[j] = (unsigned char)(p - alphabet);
				si++;
				continue;
			}
			if (s[si] == '\n' || s[si] == '\r') {
				si++;
				j--;
				continue;
			}
			if (s[si] != '=' || !pad || j < 2) {
				*bad = si;
				return -1;
			}
			si++;
			if (j == 2) {	/* a second '=' is due */
				while (si < n && (s[si] == '\n' || s[si] == '\r'))
					si++;
				if (si == n || s[si] != '=') {
					*bad = si == n ? n : si - 1;
					return -1;
				}
				si++;
			}
			while (si < n && (s[si] == '\n' || s[si] == '\r'))
				si++;
			if (si < n) {	/* trailing garbage */
				*bad = si;
				return -1;
			}
			len = j;
			break;
		}
		for (j = len; j < 4; j++)
			q[j] = 0;
		j = len;
		if (j >= 2)
			buf_putc(out, q[0] << 2 | q[1] >> 4);
		if (j >= 3)
			buf_putc(out, (q[1] & 15) << 4 | q[2] >> 2);
		if (j >= 4)
			buf_putc(out, (q[2] & 3) << 6 | q[3]);
	}
done:
	if (out->data == NULL)
		buf_puts(out, "");
	return 0;
}

/* b64decode(input, variant, format): an ArrayBuffer, or a string for
 * format "s".  Bad input throws Go's words, as k6 does. */
static void
b64decode(js_State *J)
{
	struct buf in = BUF_INIT, out = BUF_INIT;
	const char *alphabet;
	int pad, str;
	size_t bad;

	variant(J, 2, &alphabet, &pad);
	str = js_isdefined(J, 3) && strcmp(js_tostring(J, 3), "s") == 0;
	/* the input is a Go string: undefined and null are empty */
	js_pushstring(J, js_isundefined(J, 1) || js_isnull(J, 1) ? "" : js_tostring(J, 1));
	encoding_bytes(J, -1, &in);
	js_pop(J, 1);
	if (unb64_go((const unsigned char *)in.data, in.len, alphabet, pad, &out, &bad) == -1) {
		buf_free(&in);
		buf_free(&out);
		modules_goerror(J, "illegal base64 data at input byte %zu", bad);
	}
	buf_free(&in);
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
	modules_setgofn(J, b64encode, "b64encode",
	    "go.k6.io/k6/internal/js/modules/k6/encoding.(*Encoding).b64Encode-fm", 2);
	modules_setgofn(J, b64decode, "b64decode",
	    "go.k6.io/k6/internal/js/modules/k6/encoding.(*Encoding).b64Decode-fm", 3);
}
