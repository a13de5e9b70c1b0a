/* String.prototype.normalize with utf8proc; see normalize.h.
 *
 * Why utf8proc: Debian's libutf8proc-dev is a small C library (Julia's)
 * that does the four Unicode normalization forms from its own tables,
 * without ICU's 30 MB of data; one call maps a UTF-8 string.
 *
 * mujs keeps U+0000 as C0 80 and an escaped surrogate as three bytes of
 * its own (see js/textcodec.c): the string goes to utf8proc as real
 * UTF-8, surrogate pairs joined; a lone surrogate is passed through
 * unchanged as JavaScript does, by normalizing the runs between them. */
#include "config.h"

#include <mujs.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "js/normalize.h"
#include "util/buf.h"

/* Append to b the mujs form of UTF-8 text s (n bytes): U+0000 as C0 80. */
static void
put_mujs(struct buf *b, const unsigned char *s, size_t n)
{
	size_t i, from = 0;

	for (i = 0; i < n; i++)
		if (s[i] == 0) {
			buf_add(b, s + from, i - from);
			buf_add(b, "\xc0\x80", 2);
			from = i + 1;
		}
	buf_add(b, s + from, n - from);
}

/* Normalize run (real UTF-8) and append it to out in mujs's form. */
static int
flush(struct buf *run, struct buf *out, utf8proc_option_t opt)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n;

	if (run->len == 0)
		return 0;
	n = utf8proc_map((const utf8proc_uint8_t *)run->data,
	    (utf8proc_ssize_t)run->len, &dst, opt);
	if (n < 0)
		return -1;
	put_mujs(out, dst, (size_t)n);
	free(dst);
	run->len = 0;
	return 0;
}

static unsigned
rune3(const unsigned char *s)
{
	return (unsigned)(s[0] & 0x0f) << 12 | (unsigned)(s[1] & 0x3f) << 6 |
	    (s[2] & 0x3f);
}

void
normalize_string(js_State *J)
{
	static const char *const forms[] = { "NFC", "NFD", "NFKC", "NFKD" };
	static const utf8proc_option_t opts[] = {
		UTF8PROC_STABLE | UTF8PROC_COMPOSE,
		UTF8PROC_STABLE | UTF8PROC_DECOMPOSE,
		UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT,
		UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT,
	};
	const unsigned char *s;
	const char *f;
	struct buf run = BUF_INIT, out = BUF_INIT;
	size_t i, n;
	int form = 0, ok = 0;
	unsigned c, d, cp;

	if (js_isundefined(J, 0) || js_isnull(J, 0))
		js_typeerror(J, "String.prototype.normalize called on null or "
		    "undefined");
	s = (const unsigned char *)js_tostring(J, 0);
	if (!js_isundefined(J, 1)) {
		f = js_tostring(J, 1);
		for (form = 0; form < 4; form++)
			if (strcmp(f, forms[form]) == 0)
				break;
		if (form == 4)
			js_rangeerror(J, "The normalization form should be one "
			    "of NFC, NFD, NFKC, NFKD.");
	}
	n = strlen((const char *)s);
	for (i = 0; i < n;) {
		if (s[i] == 0xc0 && i + 1 < n && s[i + 1] == 0x80) {
			buf_add(&run, "", 1);	/* U+0000 */
			i += 2;
			continue;
		}
		if (s[i] == 0xed && i + 2 < n && s[i + 1] >= 0xa0) {
			c = rune3(s + i);
			if (c <= 0xdbff && i + 5 < n && s[i + 3] == 0xed &&
			    s[i + 4] >= 0xb0) {
				unsigned char u[4];

				d = rune3(s + i + 3);
				cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
				u[0] = (unsigned char)(0xf0 | cp >> 18);
				u[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
				u[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
				u[3] = (unsigned char)(0x80 | (cp & 0x3f));
				buf_add(&run, u, 4);
				i += 6;
				continue;
			}
			/* A lone surrogate stays as it is. */
			if (flush(&run, &out, opts[form]) != 0)
				goto fail;
			buf_add(&out, s + i, 3);
			i += 3;
			continue;
		}
		buf_add(&run, s + i, 1);
		i++;
	}
	if (flush(&run, &out, opts[form]) != 0)
		goto fail;
	ok = 1;
fail:
	buf_free(&run);
	if (!ok) {
		buf_free(&out);
		js_pushstring(J, (const char *)s);
		return;
	}
	buf_add(&out, "", 1);
	js_pushstring(J, out.data);
	buf_free(&out);
}
